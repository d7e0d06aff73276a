import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import type { AreaGroup, ProgrammeDetails } from '../programme-public';
import type { ProgrammeServiceRow } from '../repository-programmes';
import { ProgrammeFacts } from './programme-list';
import { servicesCount } from './programme-format';
import { feeLabel, paragraphs } from './public-format';

const anchor = (g: AreaGroup) => `area-${g.area.replace(/_/g, '-')}`;

function Service(props: { ctx: PageContext; service: ProgrammeServiceRow }) {
  const { ctx, service: s } = props;
  const { t } = ctx.i18n;
  return (
    <li class="programme-service">
      <h3>
        <a href={`/${ctx.municipality!.slug}/services/${s.id}`}>{s.name}</a>
      </h3>
      {s.summary ? <p>{s.summary}</p> : null}
      <dl class="facts">
        <dt>{t('programme.for_whom')}</dt>
        <dd>{s.target_groups.map((g) => t(`group.${g}`)).join(', ')}</dd>
        <dt>{t('programme.fee')}</dt>
        <dd>{feeLabel(ctx.i18n, s.fee_kind, s.fee_amount)}</dd>
        <dt>{t('programme.provider')}</dt>
        <dd>{s.provider_name}</dd>
        {s.status !== 'active' ? (
          <>
            <dt>{t('programme.service_status')}</dt>
            <dd>{t(`service_status.${s.status}`)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

function AreaSection(props: { ctx: PageContext; group: AreaGroup }) {
  const { ctx, group: g } = props;
  const { t } = ctx.i18n;
  const id = anchor(g);
  return (
    <section class="programme-area" aria-labelledby={id}>
      <h2 id={id}>
        {t(`area.${g.area}`)} <span class="programme-count">({servicesCount(ctx.i18n, g.services.length)})</span>
      </h2>
      {g.services.length ? (
        <ul class="programme-services">
          {g.services.map((s) => (
            <Service ctx={ctx} service={s} />
          ))}
        </ul>
      ) : (
        <p class="muted">{t('programme.area_empty')}</p>
      )}
    </section>
  );
}

export function ProgrammePage(props: { ctx: PageContext } & ProgrammeDetails) {
  const { ctx, programme: p } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={p.name}>
      <article class="programme-page">
        <p class="no-print">
          <a href={`/${slug}/programme`}>{t('programme.back')}</a>
        </p>
        <h1>{p.name}</h1>
        {p.status === 'consultation' || p.status === 'expired' ? (
          <div class="notice" role="note">
            <p>{t(`programme.status_notice.${p.status}`)}</p>
          </div>
        ) : null}
        <ProgrammeFacts ctx={ctx} programme={p} />
        {paragraphs(p.description).map((d) => (
          <p class="prewrap">{d}</p>
        ))}
        <p class="programme-pdf no-print">
          <a href={`/${slug}/programme/${p.id}.pdf`} type="application/pdf">
            {t('programme.pdf')}
          </a>{' '}
          <span class="muted">{t('programme.pdf_note')}</span>
        </p>

        <nav class="programme-toc" aria-labelledby="programme-contents">
          <h2 id="programme-contents">{t('programme.contents')}</h2>
          <p>{t('programme.contents_intro')}</p>
          <ol>
            {props.areas.map((g) => (
              <li>
                <a href={`#${anchor(g)}`}>{t(`area.${g.area}`)}</a> ({servicesCount(ctx.i18n, g.services.length)})
              </li>
            ))}
          </ol>
        </nav>

        {props.areas.map((g) => (
          <AreaSection ctx={ctx} group={g} />
        ))}

        <p class="muted">{t('programme.updated', { date: ctx.i18n.date(p.updated_at) })}</p>
      </article>
    </Layout>
  );
}
