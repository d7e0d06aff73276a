import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, NumberField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { warsawDay } from '../../../platform/time';
import { isActive, providerActionsFor, type Action } from '../domain';
import type { ProviderReferralPage } from '../service-read';
import { acceptedIn, Conflict, Deliveries, History, Overdue, Refusal, statusLabel, StatusForm } from './common';

/** Which form of the page a failed submit came from: its errors show there. */
export type ProviderFormName = Action | 'delivery';

function DeliveryForm(props: { ctx: PageContext; base: string; form: FormState }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const form = Object.keys(props.form.values).length ? props.form : { values: { delivered_on: warsawDay() }, errors: {} };
  const labels: Record<string, string> = {
    delivered_on: t('referrals.deliveries.day'),
    minutes: t('referrals.deliveries.minutes'),
    units: t('referrals.deliveries.units'),
    note: t('referrals.deliveries.note'),
  };
  return (
    <section aria-labelledby="delivery-title">
      <h3 id="delivery-title">{t('referrals.action.delivery')}</h3>
      <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
      <Form ctx={ctx} action={`${props.base}/deliveries`}>
        <InputField ctx={ctx} form={form} name="delivered_on" type="date" label={labels.delivered_on!} required size="medium" />
        <NumberField ctx={ctx} form={form} name="minutes" label={labels.minutes!} hint={t('referrals.deliveries.amount_hint')} />
        <NumberField ctx={ctx} form={form} name="units" label={labels.units!} decimal />
        <TextArea ctx={ctx} form={form} name="note" label={labels.note!} hint={t('referrals.deliveries.note_hint')} rows={3} />
        <button type="submit">{t('referrals.action.delivery_submit')}</button>
      </Form>
    </section>
  );
}

/**
 * One referral as the provider sees it: the service, and while the consent stands the person's name,
 * telephone and what was shared — nothing else of the case. Its actions and the delivery form.
 */
export function ProviderReferralView(props: { ctx: PageContext; data: ProviderReferralPage; base: string; inbox: string; form: FormState; formName: ProviderFormName | null; stale: boolean }) {
  const { ctx, data } = props;
  const { t, dateTime, date } = ctx.i18n;
  const r = data.referral;
  const formOf = (name: ProviderFormName): FormState => (props.formName === name ? props.form : { values: {}, errors: {} });
  const deliverable = isActive(r.status) && r.shared !== null;
  const shown = props.formName === 'delivery' ? deliverable : props.formName !== null && (providerActionsFor(r.status) as string[]).includes(props.formName);
  return (
    <PageLayout ctx={ctx} title={t('referrals.detail.title', { service: r.service_label })} back={{ href: props.inbox, label: t('referrals.back_inbox', { name: data.provider }) }}>
      {props.stale && props.formName ? <Conflict ctx={ctx} action={props.formName} form={props.form} saved={r} /> : null}
      <Refusal form={props.form} shown={shown || props.stale} />
      {r.shared ? null : (
        <p class="notice status-notice">
          <strong>{t('referrals.withdrawn.provider')}</strong>
        </p>
      )}
      <dl class="facts">
        <dt>{t('referrals.col.status')}</dt>
        <dd>
          {statusLabel(ctx, r.status)}
          <Overdue ctx={ctx} r={r} />
          {r.status_reason ? <p class="prewrap">{t('referrals.history.reason', { reason: r.status_reason })}</p> : null}
        </dd>
        {r.shared ? (
          <>
            <dt>{t('referrals.col.person')}</dt>
            <dd>{r.shared.person_name}</dd>
            <dt>{t('referrals.detail.phone')}</dt>
            <dd>{r.shared.contact_phone || '—'}</dd>
            <dt>{t('referrals.field.shared_details')}</dt>
            <dd class="prewrap">{r.shared.shared_details || '—'}</dd>
          </>
        ) : null}
        <dt>{t('referrals.col.sent')}</dt>
        <dd>{dateTime(r.sent_at)}</dd>
        <dt>{t('referrals.field.respond_by')}</dt>
        <dd>{date(r.respond_by)}</dd>
        <dt>{t('referrals.col.tta')}</dt>
        <dd>{acceptedIn(ctx, r)}</dd>
        {r.outcome ? (
          <>
            <dt>{t('referrals.field.outcome')}</dt>
            <dd class="prewrap">{r.outcome}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('referrals.deliveries.title')}</h2>
      <Deliveries ctx={ctx} deliveries={data.deliveries} />
      {deliverable ? <DeliveryForm ctx={ctx} base={props.base} form={formOf('delivery')} /> : null}
      {r.shared && providerActionsFor(r.status).length ? (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t('referrals.actions.title')}</h2>
          {providerActionsFor(r.status).map((a) =>
            a === 'reject' ? (
              <section aria-labelledby="reject-title">
                <h3 id="reject-title">{t('referrals.action.reject')}</h3>
                <p>{t('referrals.reject.next')}</p>
                <p>
                  <a href={`${props.base}/reject`}>{t('referrals.reject.link')}</a>
                </p>
              </section>
            ) : (
              <StatusForm ctx={ctx} action={a} base={props.base} version={r.version} form={formOf(a)} />
            ),
          )}
        </section>
      ) : null}
      <h2>{t('referrals.history.title')}</h2>
      <History ctx={ctx} history={data.history} />
    </PageLayout>
  );
}
