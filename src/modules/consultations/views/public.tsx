import type { MessageKey } from '../../../platform/i18n';
import type { PageContext, FormState } from '../../../platform/ui/context';
import { Checkbox, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { consultedAs, phaseOf, type ConsultationRow, type PartRow } from '../domain';
import type { ConsultationView } from '../service';
import { REMARKS_PAGE, type RemarksPage } from '../service-pages';
import type { MeetingSummary } from '../../meetings';
import type { OwnedSurvey } from '../../surveys';
import { audienceLabel, consultationsBase, Diff, formLabel, period, phaseLabel, Remark, RemarksPager } from './common';

export function ConsultationsPage(props: { ctx: PageContext; list: (ConsultationRow & { remarks: number })[]; staff: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = consultationsBase(ctx);
  return (
    <Layout ctx={ctx} title={t('consultations.title')}>
      <h1>{t('consultations.title')}</h1>
      <p>{t('consultations.intro')}</p>
      {props.staff ? (
        <ul class="links">
          <li>
            <a href={`${base}/new`}>{t('consultations.new')}</a>
          </li>
        </ul>
      ) : null}
      {props.list.length === 0 ? (
        <p class="admin-empty">{t('consultations.empty')}</p>
      ) : (
        <ul class="results">
          {props.list.map((c) => (
            <li class="result">
              <h2>
                <a href={`${base}/${c.id}`}>{c.subject}</a>
              </h2>
              <p>
                {phaseLabel(ctx, c)} · {period(ctx, c)} · {t('consultations.remarks_count', { count: c.remarks })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** `meeting` is the meeting's public facts (title, when); `meetingLink` whether the viewer may open the meeting's page (meetings' staff only). */
export function Facts(props: { ctx: PageContext; c: ConsultationRow; meeting?: MeetingSummary | null; meetingLink?: boolean }) {
  const { ctx, c, meeting } = props;
  const { t } = ctx.i18n;
  const docs = c.documents.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return (
    <dl class="facts">
      <dt>{t('consultations.fact.status')}</dt>
      <dd>{phaseLabel(ctx, c)}</dd>
      <dt>{t('consultations.fact.period')}</dt>
      <dd>{period(ctx, c)}</dd>
      {c.legal_basis ? (
        <>
          <dt>{t('consultations.fact.legal_basis')}</dt>
          <dd>{c.legal_basis}</dd>
        </>
      ) : null}
      <dt>{t('consultations.fact.audience')}</dt>
      <dd>{c.audience.map((a) => audienceLabel(ctx, a)).join(', ')}</dd>
      <dt>{t('consultations.fact.forms')}</dt>
      <dd>{c.forms.map((f) => formLabel(ctx, f)).join(', ')}</dd>
      {c.spheres.length ? (
        <>
          <dt>{t('consultations.fact.spheres')}</dt>
          <dd>{c.spheres.map((s) => t(`sphere.${s}` as MessageKey)).join('; ')}</dd>
        </>
      ) : null}
      {meeting ? (
        <>
          <dt>{t('consultations.fact.meeting')}</dt>
          <dd>
            {t('consultations.meeting_when', { title: meeting.title, when: ctx.i18n.dateTime(meeting.starts_at) })} {meeting.cancelled ? t('consultations.meeting_cancelled') : null}
            {props.meetingLink ? (
              <>
                {' · '}
                <a href={`/${ctx.municipality!.slug}/meetings/${meeting.id}`}>{t('consultations.meeting_link')}</a>
              </>
            ) : ctx.user ? (
              <>
                {' · '}
                <a href={`/${ctx.municipality!.slug}/meetings/inbox`}>{t('consultations.meeting_invited')}</a>
              </>
            ) : null}
          </dd>
        </>
      ) : null}
      <dt>{t('consultations.fact.anonymous')}</dt>
      <dd>{c.allow_anonymous ? t('consultations.anonymous_allowed') : t('consultations.anonymous_not_allowed')}</dd>
      {c.contact ? (
        <>
          <dt>{t('consultations.fact.contact')}</dt>
          <dd class="prewrap">{c.contact}</dd>
        </>
      ) : null}
      {docs.length ? (
        <>
          <dt>{t('consultations.fact.documents')}</dt>
          <dd>
            <ul>
              {docs.map((d) => (
                <li>{/^https?:\/\//i.test(d) ? <a href={d}>{d}</a> : d}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Links(props: { ctx: PageContext; c: ConsultationRow; staff: boolean }) {
  const { ctx, c } = props;
  const { t } = ctx.i18n;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  const items = [
    c.report_published_at || props.staff ? <a href={`${base}/report`}>{t('consultations.report_link')}</a> : null,
    c.report_published_at || props.staff ? <a href={`${base}/report.pdf`}>{t('consultations.report_pdf')}</a> : null,
    c.consulted_text ? <a href={`${base}/changes`}>{t('consultations.changes_link')}</a> : null,
    props.staff ? <a href={`${base}/manage`}>{t('consultations.manage.link')}</a> : null,
  ].filter(Boolean);
  return items.length ? (
    <ul class="links">
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  ) : null;
}

/**
 * A consultation: its facts, the short survey when open, the text part by part with each part's count of
 * remarks (a link to the part's page, where they are paged, and its comment form), and the remarks 50 a page
 * in the report's order with plain links to the next page — never every remark at once.
 */
export function ConsultationPage(props: {
  ctx: PageContext; view: ConsultationView; page: RemarksPage; counts: Map<string | null, number>; survey: OwnedSurvey | null; staff: boolean; meetingLink: boolean;
}) {
  const { ctx, view, page } = props;
  const { t } = ctx.i18n;
  const c = view.consultation;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  const phase = phaseOf(c);
  const open = phase === 'open' && c.forms.includes('comments');
  const bodies = new Map(view.parts.map((p) => [p.id, p.body]));
  const survey = props.survey && props.survey.status === 'open' && phase === 'open' ? props.survey : null;
  let chapter = '';
  return (
    <PageLayout ctx={ctx} title={c.subject} back={{ href: consultationsBase(ctx), label: t('consultations.back') }}>
      <Facts ctx={ctx} c={c} meeting={view.meeting} meetingLink={props.meetingLink} />
      <Links ctx={ctx} c={c} staff={props.staff} />
      {survey ? (
        <section class="notice" aria-labelledby="survey-link-title">
          <h2 id="survey-link-title">{t('consultations.survey.link')}</h2>
          <p>{t('consultations.survey.fill_hint')}</p>
          <p>
            <a href={`/${ctx.municipality!.slug}${survey.href}`} class="button">
              {t('consultations.survey.fill')}
            </a>
          </p>
        </section>
      ) : null}
      <p class="hint">{t('consultations.comment.rules')}</p>
      <h2>{t('consultations.text')}</h2>
      {view.parts.length === 0 ? <p class="admin-empty">{t('consultations.text_empty')}</p> : <p class="hint">{c.text_title}</p>}
      {view.parts.map((p) => {
        const newChapter = p.chapter !== chapter ? p.chapter : null;
        chapter = p.chapter;
        const count = props.counts.get(p.id) ?? 0;
        return (
          <section class="consultation-part" id={`part-${p.id}`} aria-labelledby={`part-${p.id}-title`}>
            {newChapter ? <p class="hint">{newChapter}</p> : null}
            <h3 id={`part-${p.id}-title`}>{p.label}</h3>
            <p class="prewrap">{p.body}</p>
            {count || open ? (
              <ul class="links">
                {count ? (
                  <li>
                    <a href={`${base}/parts/${p.id}`}>{t('consultations.part_remarks_link', { count })}</a>
                  </li>
                ) : null}
                {open ? (
                  <li>
                    <a href={`${base}/parts/${p.id}`}>{t('consultations.comment.title', { part: p.label })}</a>
                  </li>
                ) : null}
              </ul>
            ) : null}
          </section>
        );
      })}
      <section aria-labelledby="remarks">
        <h2 id="remarks">{t('consultations.remarks_all')}</h2>
        {page.remarks.length === 0 ? (
          <p class="admin-empty">{t(page.later ? 'consultations.pager.empty' : 'consultations.report.none')}</p>
        ) : (
          <p class="hint">{t('consultations.remarks_all_hint', { size: REMARKS_PAGE })}</p>
        )}
        {page.remarks.map((r) => (
          <div>
            <h3>{t('consultations.remark_on', { part: r.part_label ?? t('consultations.report.general') })}</h3>
            <Remark ctx={ctx} remark={r} partBody={r.part_id ? bodies.get(r.part_id) : undefined} staff={props.staff} />
          </div>
        ))}
        <RemarksPager ctx={ctx} page={page} href={base} anchor="remarks" />
      </section>
    </PageLayout>
  );
}

export function commentLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  return {
    organisation_id: t('consultations.comment.field.organisation_id'),
    anonymous: t('consultations.comment.field.anonymous'),
    quote: t('consultations.comment.field.quote'),
    content: t('consultations.comment.field.content'),
    proposal: t('consultations.comment.field.proposal'),
  };
}

/** One part with its remarks and the comment form (no JavaScript needed; with it, selecting words fills the quote). */
export function PartPage(props: { ctx: PageContext; consultation: ConsultationRow; part: PartRow; page: RemarksPage; organisations: { id: string; name: string }[]; resident: boolean; form: FormState; staff: boolean }) {
  const { ctx, consultation: c, part: p, form } = props;
  const { t } = ctx.i18n;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  const labels = commentLabels(ctx);
  const field = { ctx, form };
  const open = phaseOf(c) === 'open' && c.forms.includes('comments');
  const consulted = consultedAs(c.audience, { resident: props.resident, organisations: props.organisations.length });
  return (
    <PageLayout ctx={ctx} title={t('consultations.comment.title', { part: p.label })} back={{ href: `${base}#part-${p.id}`, label: c.subject }}>
      {p.chapter ? <p class="hint">{p.chapter}</p> : null}
      <p class="prewrap part-text" data-quote-source="">
        {p.body}
      </p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {!open ? (
        <p class="notice">{t('consultations.comment.closed')}</p>
      ) : !ctx.user ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(`${base}/parts/${p.id}`)}`}>{t('consultations.comment.login')}</a>
        </p>
      ) : !consulted.person && !consulted.organisation ? (
        <p class="notice">{t('consultations.comment.not_consulted', { audience: c.audience.map((a) => audienceLabel(ctx, a)).join(', ') })}</p>
      ) : (
        <>
          <p class="hint">{t('consultations.comment.rules')}</p>
          <Form ctx={ctx} action={`${base}/parts/${p.id}/comments`} class="admin-form">
            {consulted.organisation ? (
              <SelectField
                {...field}
                name="organisation_id"
                label={labels.organisation_id!}
                options={[...(consulted.person ? [{ value: '', label: t('consultations.comment.myself') }] : []), ...props.organisations.map((o) => ({ value: o.id, label: o.name }))]}
              />
            ) : null}
            {c.allow_anonymous || form.errors.anonymous ? <Checkbox {...field} name="anonymous" label={labels.anonymous!} hint={t('consultations.comment.hint.anonymous')} /> : null}
            <TextArea {...field} name="quote" label={labels.quote!} hint={t('consultations.comment.hint.quote')} rows={2} />
            <TextArea {...field} name="content" label={labels.content!} required rows={5} />
            <TextArea {...field} name="proposal" label={labels.proposal!} hint={t('consultations.comment.hint.proposal')} rows={5} />
            <p class="admin-actions">
              <button type="submit">{t('consultations.comment.send')}</button>
            </p>
          </Form>
          <script src="/static/consultations-quote.js" defer />
        </>
      )}
      <h2>{t('consultations.part_remarks', { part: p.label })}</h2>
      {props.page.remarks.length === 0 ? <p class="admin-empty">{t(props.page.later ? 'consultations.pager.empty' : 'consultations.no_remarks')}</p> : props.page.remarks.map((r) => <Remark ctx={ctx} remark={r} partBody={p.body} staff={props.staff} />)}
      <RemarksPager ctx={ctx} page={props.page} href={`${base}/parts/${p.id}`} />
    </PageLayout>
  );
}

/** The consulted text beside the text after the consultation, part by part, as word diffs. */
export function ChangesPage(props: {
  ctx: PageContext;
  consultation: ConsultationRow;
  consulted: { title: string; parts: { id: string; label: string; body: string }[] } | null;
  current: { title: string; parts: { id: string; label: string; body: string }[] };
}) {
  const { ctx, consultation: c } = props;
  const { t } = ctx.i18n;
  const before = props.consulted;
  const title = `${t('consultations.changes')}: ${c.subject}`;
  const back = { href: `${consultationsBase(ctx)}/${c.id}`, label: c.subject };
  if (!before) {
    return (
      <PageLayout ctx={ctx} title={title} back={back}>
        <p>{t('consultations.changes.not_yet')}</p>
      </PageLayout>
    );
  }
  const nowById = new Map(props.current.parts.map((p) => [p.id, p]));
  const beforeIds = new Set(before.parts.map((p) => p.id));
  const changed = before.title !== props.current.title || before.parts.some((p) => nowById.get(p.id)?.body !== p.body || nowById.get(p.id)?.label !== p.label) || props.current.parts.some((p) => !beforeIds.has(p.id));
  return (
    <PageLayout ctx={ctx} title={title} back={back}>
      {!changed ? <p>{t('consultations.changes.none')}</p> : null}
      <h2>{t('consultations.changes.title')}</h2>
      <Diff ctx={ctx} before={before.title} after={props.current.title} />
      {before.parts.map((p) => {
        const now = nowById.get(p.id);
        return (
          <section aria-labelledby={`c-${p.id}`}>
            <h3 id={`c-${p.id}`}>{now ? now.label : `${p.label} — ${t('consultations.changes.removed_part')}`}</h3>
            <Diff ctx={ctx} before={p.body} after={now?.body ?? ''} />
          </section>
        );
      })}
      {props.current.parts
        .filter((p) => !beforeIds.has(p.id))
        .map((p) => (
          <section aria-labelledby={`c-${p.id}`}>
            <h3 id={`c-${p.id}`}>{`${p.label} — ${t('consultations.changes.new_part')}`}</h3>
            <Diff ctx={ctx} before="" after={p.body} />
          </section>
        ))}
    </PageLayout>
  );
}
