import type { PageContext } from '../../../platform/ui/context';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { isImage, type AnnouncementRow, type CategoryRow } from '../domain';
import { renderMarkdown } from '../markdown';
import type { AnnouncementPage } from '../service';
import { base, feedOf, fileSize, typeName } from './common';

/** The notice board: what is published now, by category, with the feeds and the subscription. */
export function BoardPage(props: { ctx: PageContext; categories: CategoryRow[]; category: CategoryRow | null; items: AnnouncementRow[] }) {
  const { ctx, category } = props;
  const { t } = ctx.i18n;
  const b = base(ctx);
  const title = category ? `${t('announcements.title')}: ${category.name}` : t('announcements.title');
  const feeds = category ? [feedOf(ctx, category)] : [];
  return (
    <PageLayout ctx={ctx} title={title} feeds={feeds}>
      <p>{t('announcements.intro', { name: ctx.municipality!.cusName })}</p>
      <nav aria-label={t('announcements.categories')}>
        <ul class="links">
          <li>
            <a href={b} aria-current={category ? undefined : 'page'}>
              {t('announcements.all')}
            </a>
          </li>
          {props.categories.map((c) => (
            <li>
              <a href={`${b}/kategoria/${c.slug}`} aria-current={category?.id === c.id ? 'page' : undefined}>
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={(category ? feedOf(ctx, category) : feedOf(ctx)).href} type="application/atom+xml">
          {(category ? feedOf(ctx, category) : feedOf(ctx)).title}
        </a>{' '}
        · <a href={`${b}/subskrypcja`}>{t('announcements.subscribe_link')}</a>
      </p>
      {props.items.length === 0 ? (
        <p>{t('announcements.empty')}</p>
      ) : (
        <ul class="announcement-list">
          {props.items.map((a) => (
            <li>
              <article aria-labelledby={`a-${a.number}`}>
                <h2 id={`a-${a.number}`}>
                  <a href={`${b}/${a.number}`}>{a.title}</a>
                </h2>
                <p class="hint">
                  {a.category_name} · {t('announcements.published_on', { date: ctx.i18n.dateTime(a.publish_at!) })}
                </p>
                <p>{a.lead}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </PageLayout>
  );
}

/** The record card (metryczka) of the Public Information Bulletin. */
function RecordCard({ ctx, a, address, staff }: { ctx: PageContext; a: AnnouncementRow; address: string; staff: boolean }) {
  const { t } = ctx.i18n;
  const rows: [string, string][] = [
    [t('announcements.card.number'), String(a.number)],
    [t('announcements.card.category'), a.category_name],
    [t('announcements.card.produced_by'), a.produced_by],
    // Staff's names are personal data: the public read the editorial office, staff the person.
    [t('announcements.card.entered_by'), staff ? (a.entered_by_name ?? '—') : t('announcements.editorial', { name: ctx.municipality!.cusName })],
    [t('announcements.card.created'), ctx.i18n.dateTime(a.created_at)],
    [t('announcements.card.published'), a.publish_at && a.status !== 'draft' ? ctx.i18n.dateTime(a.publish_at) : '—'],
    [t('announcements.card.address'), address],
  ];
  return (
    <section aria-labelledby="card-title">
      <h2 id="card-title">{t('announcements.card')}</h2>
      <dl class="facts">
        {rows.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

interface RegisterRow {
  key: string;
  version: string;
  when: Date;
  who: string;
  what: string;
}

function registerRows(ctx: PageContext, page: AnnouncementPage, staff: boolean): RegisterRow[] {
  const { t } = ctx.i18n;
  const a = page.announcement;
  const rows: RegisterRow[] = page.versions.map((v) => ({
    key: `v${v.n}`,
    version: String(v.n),
    // The first version is dated by its publication (a scheduled one may have been entered earlier).
    when: v.n === 1 && a.publish_at ? a.publish_at : v.created_at,
    who: staff ? (v.created_by_name ?? '—') : t('announcements.editorial', { name: ctx.municipality!.cusName }),
    what: v.n === 1 ? t('announcements.register.first') : t('announcements.register.correction', { reason: v.reason }),
  }));
  if (a.withdrawn_at) rows.push({ key: 'w', version: '—', when: a.withdrawn_at, who: '—', what: t('announcements.register.withdrawal', { reason: a.withdrawn_reason }) });
  return rows;
}

export function RegisterTable({ ctx, page, staff }: { ctx: PageContext; page: AnnouncementPage; staff: boolean }) {
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">{t('announcements.register')}</h2>
      <Table
        id="register"
        caption={t('announcements.register.caption', { number: page.announcement.number })}
        captionHidden
        rows={registerRows(ctx, page, staff)}
        empty={t('announcements.register.empty')}
        columns={[
          { header: t('announcements.register.version'), cell: (r) => r.version, rowHeader: true },
          { header: t('announcements.register.when'), cell: (r) => ctx.i18n.dateTime(r.when) },
          { header: t('announcements.register.who'), cell: (r) => r.who },
          { header: t('announcements.register.what'), cell: (r) => r.what },
        ]}
      />
    </section>
  );
}

function Banners({ ctx, a }: { ctx: PageContext; a: AnnouncementRow }) {
  const { t } = ctx.i18n;
  const now = new Date();
  if (a.status === 'draft') return <p class="notice">{t('announcements.draft')}</p>;
  if (a.status === 'withdrawn')
    return (
      <div class="notice" role="note">
        <p>
          <strong>{t('announcements.withdrawn', { date: ctx.i18n.dateTime(a.withdrawn_at!) })}</strong>
        </p>
        <p>{t('announcements.withdrawn_reason', { reason: a.withdrawn_reason })}</p>
      </div>
    );
  if (a.publish_at && a.publish_at > now) return <p class="notice">{t('announcements.scheduled', { date: ctx.i18n.dateTime(a.publish_at) })}</p>;
  if (a.remove_at && a.remove_at <= now) return <p class="notice">{t('announcements.removed', { date: ctx.i18n.date(a.remove_at) })}</p>;
  return null;
}

function Body({ ctx, page }: { ctx: PageContext; page: AnnouncementPage }) {
  const { t } = ctx.i18n;
  const a = page.announcement;
  const images = page.attachments.filter((f) => isImage(f.media_type));
  const files = page.attachments.filter((f) => !isImage(f.media_type));
  return (
    <>
      <p class="lead">
        <strong>{a.lead}</strong>
      </p>
      {/* markdown-it with html: false — typed markup is escaped, links limited (ADR 0027). */}
      <div class="announcement-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(a.body) }} />
      {images.length > 0 ? (
        <section aria-labelledby="images-title">
          <h2 id="images-title">{t('announcements.images')}</h2>
          {images.map((f) => (
            <figure>
              <img src={`${base(ctx)}/zalaczniki/${f.id}`} alt={f.alt_text} loading="lazy" style="max-width:100%;height:auto" />
            </figure>
          ))}
        </section>
      ) : null}
      {files.length > 0 ? (
        <section aria-labelledby="files-title">
          <h2 id="files-title">{t('announcements.attachments')}</h2>
          <ul class="links">
            {files.map((f) => (
              <li>
                <a href={`${base(ctx)}/zalaczniki/${f.id}`} download={f.filename}>
                  {f.filename}
                </a>{' '}
                ({t('announcements.attachment_size', { type: typeName(f.media_type), size: fileSize(f.size_bytes, ctx.i18n.locale) })})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** One announcement at its permanent address: the text, attachments, the record card and the change register. */
export function AnnouncementPageView(props: { ctx: PageContext; page: AnnouncementPage; address: string; staff: boolean }) {
  const { ctx, page } = props;
  const { t } = ctx.i18n;
  const a = page.announcement;
  const b = base(ctx);
  return (
    <Layout ctx={ctx} title={a.title} description={a.lead} feeds={[feedOf(ctx, { slug: a.category_slug, name: a.category_name })]}>
      <p class="admin-back">
        <a href={b}>{t('announcements.back')}</a>
      </p>
      <article aria-labelledby="announcement-title">
        <h1 id="announcement-title">{a.title}</h1>
        <p class="hint">
          <a href={`${b}/kategoria/${a.category_slug}`}>{a.category_name}</a>
          {a.publish_at && a.status !== 'draft' ? <> · {t('announcements.published_on', { date: ctx.i18n.dateTime(a.publish_at) })}</> : null}
        </p>
        <Banners ctx={ctx} a={a} />
        <Body ctx={ctx} page={page} />
      </article>
      <RecordCard ctx={ctx} a={a} address={props.address} staff={props.staff} />
      <RegisterTable ctx={ctx} page={page} staff={props.staff} />
      <p>
        <a href={`${b}/${a.number}/druk`}>{t('announcements.print')}</a>
        {props.staff ? (
          <>
            {' '}
            · <a href={`${b}/${a.id}/edycja`}>{a.status === 'draft' ? t('announcements.form.edit_title', { title: a.title }) : t('announcements.form.correct_title', { number: a.number })}</a>
          </>
        ) : null}
      </p>
    </Layout>
  );
}

/** The notice-board copy: a plain page to print (no menu), the text and the record card. */
export function PrintPage(props: { ctx: PageContext; page: AnnouncementPage; address: string; staff: boolean }) {
  const { ctx, page } = props;
  const { t } = ctx.i18n;
  const a = page.announcement;
  return (
    <html lang={ctx.i18n.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${a.title} — ${ctx.municipality!.cusName}`}</title>
        <link rel="stylesheet" href="/static/site.css" />
        <style>{'body{max-width:48rem;margin:1rem auto;padding:0 1rem}@media print{a{color:inherit;text-decoration:none}.no-print{display:none}}'}</style>
      </head>
      <body>
        <main>
          <p>{ctx.municipality!.cusName}</p>
          <h1>{a.title}</h1>
          <Banners ctx={ctx} a={a} />
          <Body ctx={ctx} page={page} />
          <RecordCard ctx={ctx} a={a} address={props.address} staff={props.staff} />
          <p class="no-print">
            <a href={`${base(ctx)}/${a.number}`}>{t('announcements.back')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
