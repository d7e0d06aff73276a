import type { FormState, PageContext } from '../../../platform/ui/context';
import { TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { GLASS_HOURS } from '../domain';
import type { GlassPage } from '../service-glass';
import { casesBase } from './common';

/** The "break the glass" form: why this case must be opened (≥ 10 characters); `next` is where to go after. */
export function GlassOffer(props: { ctx: PageContext; caseId: string; next: string; form: FormState; heading: boolean }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const labels = { reason: t('cases.glass.reason') };
  return (
    <section aria-labelledby={props.heading ? 'glass-title' : undefined} aria-label={props.heading ? undefined : t('cases.glass.title')}>
      {props.heading ? <h2 id="glass-title">{t('cases.glass.title')}</h2> : null}
      <p>{t('cases.glass.intro', { hours: GLASS_HOURS })}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`${casesBase(ctx)}/${props.caseId}/glass`}>
        <input type="hidden" name="next" value={props.next} />
        <TextArea ctx={ctx} form={form} name="reason" label={labels.reason} hint={t('cases.glass.reason_hint')} required rows={3} />
        <button type="submit">{t('cases.glass.submit')}</button>
      </Form>
    </section>
  );
}

/** The offer again after a reason that will not do: what was typed and what to fix. */
export function GlassOfferPage(props: { ctx: PageContext; caseId: string; next: string; form: FormState }) {
  const { ctx } = props;
  return (
    <PageLayout ctx={ctx} title={ctx.i18n.t('cases.glass.title')}>
      <p class="lead">{ctx.i18n.t('errors.case.need_to_know')}</p>
      <GlassOffer ctx={ctx} caseId={props.caseId} next={props.next} form={props.form} heading={false} />
    </PageLayout>
  );
}

/** Each row's note has a name of its own, so the page's field ids are unique. */
export const reviewField = (grantId: string) => `review_note_${grantId}`;

function Review(props: { ctx: PageContext; g: GlassPage['grants'][number]; form: FormState; failed: boolean }) {
  const { ctx, g } = props;
  const { t } = ctx.i18n;
  if (g.reviewed_at) return <p class="prewrap">{t('cases.glass.reviewed', { when: ctx.i18n.dateTime(g.reviewed_at), who: g.reviewed_by_name ?? '', note: g.review_note })}</p>;
  const form = props.failed ? props.form : { values: {}, errors: {} };
  const name = reviewField(g.id);
  return (
    <Form ctx={ctx} action={`${casesBase(ctx)}/glass/${g.id}/review`}>
      <input type="hidden" name="version" value={String(g.version)} />
      <ErrorSummary ctx={ctx} form={form} labels={{ [name]: t('cases.glass.review_note') }} />
      <TextArea ctx={ctx} form={form} name={name} label={t('cases.glass.review_note')} required rows={2} />
      <button type="submit" class="secondary">
        {t('cases.glass.review_submit')}
      </button>
    </Form>
  );
}

/** The auditor's list of "break the glass" grants: unreviewed first, who, which case, why, when; a review with a note. */
export function GlassListView(props: { ctx: PageContext; data: GlassPage; form: FormState; failedId: string | null; notice?: string }) {
  const { ctx, data } = props;
  const { t, dateTime } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('cases.glass.list_title', { count: data.unreviewed })}>
      {props.notice ? (
        <div class="error-summary" role="alert">
          <p class="prewrap">{props.notice}</p>
        </div>
      ) : null}
      <p>{t('cases.glass.list_intro')}</p>
      <Table
        id="grants"
        caption={t('cases.glass.list_title', { count: data.unreviewed })}
        captionHidden
        rows={data.grants}
        empty={t('cases.glass.empty')}
        columns={[
          {
            header: t('cases.glass.col.who'),
            rowHeader: true,
            cell: (g) => (
              <>
                {g.user_name}
                <br />
                <span class="muted">{g.user_email}</span>
              </>
            ),
          },
          { header: t('cases.glass.col.case'), cell: (g) => g.case_number },
          { header: t('cases.glass.col.reason'), cell: (g) => <span class="prewrap">{g.reason}</span> },
          {
            header: t('cases.glass.col.when'),
            cell: (g) => (
              <>
                {dateTime(g.granted_at)}
                <br />
                <span class="muted">{t('cases.glass.until', { until: dateTime(g.expires_at) })}</span>
              </>
            ),
          },
          { header: t('cases.glass.col.review'), cell: (g) => <Review ctx={ctx} g={g} form={props.form} failed={props.failedId === g.id} /> },
        ]}
      />
    </PageLayout>
  );
}
