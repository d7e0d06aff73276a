import type { FormState, PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { isOpen, type Action } from '../domain';
import { sharingStands, type ReferralRow } from '../repository';
import type { CaseReferrals, ReferralPage } from '../service-read';
import { acceptedIn, Conflict, Deliveries, History, Overdue, Refusal, statusLabel } from './common';

const casesBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/cases`;

/** The coordinator's warning on a referral whose consent the resident withdrew. */
export function WithdrawnWarning(props: { ctx: PageContext; r: ReferralRow }) {
  if (sharingStands(props.r)) return null;
  return (
    <p class="notice status-notice">
      <strong>{props.ctx.i18n.t('referrals.withdrawn.coordinator', { when: props.r.consent_withdrawn_at ? props.ctx.i18n.dateTime(props.r.consent_withdrawn_at) : '—' })}</strong>
    </p>
  );
}

/** A case's referrals: provider, service, status, time to accept, lateness, deliveries (this read is audited). */
export function CaseReferralsPage(props: { ctx: PageContext; data: CaseReferrals }) {
  const { ctx, data } = props;
  const { t, dateTime } = ctx.i18n;
  const c = data.caseFacts;
  const base = `${casesBase(ctx)}/${c.id}/referrals`;
  return (
    <PageLayout ctx={ctx} title={t('referrals.case.title', { number: c.number })} back={{ href: `${casesBase(ctx)}/${c.id}`, label: t('referrals.back_case_page') }}>
      <p>{t('referrals.send.person', { name: c.person_name })}</p>
      {c.status === 'open' && data.mayWrite ? (
        <p>
          <a href={`${base}/new`}>{t('referrals.case.new')}</a>
        </p>
      ) : null}
      <Table
        id="case-referrals"
        caption={t('referrals.case.title', { number: c.number })}
        captionHidden
        rows={data.referrals}
        empty={t('referrals.case.empty')}
        columns={[
          { header: t('referrals.col.service'), rowHeader: true, cell: (r) => <a href={`${base}/${r.id}`}>{r.service_label}</a> },
          { header: t('referrals.col.provider'), cell: (r) => r.provider_name },
          {
            header: t('referrals.col.status'),
            cell: (r) => (
              <>
                {statusLabel(ctx, r.status)}
                <Overdue ctx={ctx} r={r} />
                {!sharingStands(r) ? <strong class="overdue"> {t('referrals.withdrawn.short')}</strong> : null}
              </>
            ),
          },
          { header: t('referrals.col.sent'), cell: (r) => dateTime(r.sent_at) },
          { header: t('referrals.col.tta'), cell: (r) => acceptedIn(ctx, r) },
          { header: t('referrals.col.deliveries'), numeric: true, cell: (r) => r.deliveries },
        ]}
      />
    </PageLayout>
  );
}

/** Everything the centre knows of a referral, and cancelling it (this read is audited). */
export function CaseReferralPage(props: { ctx: PageContext; data: ReferralPage; form: FormState; stale: Action | null }) {
  const { ctx, data } = props;
  const { t, dateTime, date } = ctx.i18n;
  const r = data.referral;
  const base = `${casesBase(ctx)}/${r.case_id}/referrals`;
  return (
    <PageLayout ctx={ctx} title={t('referrals.detail.title', { service: r.service_label })} back={{ href: base, label: t('referrals.back_case') }}>
      {props.stale ? <Conflict ctx={ctx} action={props.stale} form={props.form} saved={r} /> : null}
      <Refusal form={props.form} shown={isOpen(r.status) || props.stale !== null} />
      <WithdrawnWarning ctx={ctx} r={r} />
      <dl class="facts">
        <dt>{t('referrals.col.provider')}</dt>
        <dd>{r.provider_name}</dd>
        <dt>{t('referrals.col.status')}</dt>
        <dd>
          {statusLabel(ctx, r.status)}
          <Overdue ctx={ctx} r={r} />
          {r.status_reason ? <p class="prewrap">{t('referrals.history.reason', { reason: r.status_reason })}</p> : null}
        </dd>
        <dt>{t('referrals.detail.case')}</dt>
        <dd>{t('referrals.detail.case_value', { number: r.case_number, name: r.person_name })}</dd>
        <dt>{t('referrals.col.sent')}</dt>
        <dd>{t('referrals.detail.sent_by', { when: dateTime(r.sent_at), name: r.sent_by_name ?? '—' })}</dd>
        <dt>{t('referrals.field.respond_by')}</dt>
        <dd>{date(r.respond_by)}</dd>
        <dt>{t('referrals.col.tta')}</dt>
        <dd>{acceptedIn(ctx, r)}</dd>
        <dt>{t('referrals.detail.basis')}</dt>
        <dd>
          {r.consent_id
            ? t('referrals.detail.consent', { when: r.consent_given_at ? dateTime(r.consent_given_at) : '—' })
            : <strong>{t('referrals.detail.override', { basis: r.override_basis ? t(`referrals.override.${r.override_basis}`) : '—', reason: r.override_reason })}</strong>}
        </dd>
        <dt>{t('referrals.field.shared_details')}</dt>
        <dd class="prewrap">{r.shared_details || '—'}</dd>
        {r.outcome ? (
          <>
            <dt>{t('referrals.field.outcome')}</dt>
            <dd class="prewrap">{r.outcome}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('referrals.deliveries.title')}</h2>
      <Deliveries ctx={ctx} deliveries={data.deliveries} />
      <h2>{t('referrals.history.title')}</h2>
      <History ctx={ctx} history={data.history} />
      {isOpen(r.status) && data.mayWrite ? (
        <p>
          <a href={`${base}/${r.id}/cancel`}>{t('referrals.action.cancel')}</a>
        </p>
      ) : null}
    </PageLayout>
  );
}
