import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, InputField, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { CONSENT_MANNERS, OVERRIDE_BASES } from '../domain';
import type { ConsentRow } from '../repository-sources';
import type { SendingForm } from '../service-send';

const casePath = (ctx: PageContext, caseId: string) => `/${ctx.municipality!.slug}/cases/${caseId}/referrals`;

function Consents(props: { ctx: PageContext; consents: ConsentRow[] }) {
  const { ctx } = props;
  const { t, dateTime, date } = ctx.i18n;
  if (props.consents.length === 0) return <p>{t('referrals.send.no_consents')}</p>;
  return (
    <ul>
      {props.consents.map((c) => (
        <li>
          {c.recipient || t('referrals.send.consent_unnamed')} — {t('referrals.send.consent_given', { when: dateTime(c.given_at) })}
          {c.recorded_by_name ? `, ${t('referrals.send.consent_recorded_by', { name: c.recorded_by_name })}` : ''}
          {c.statement && c.stated_on && c.stated_manner
            ? `, ${t('referrals.send.consent_restated', { statement: c.statement, day: date(c.stated_on), manner: t(`referrals.consent_manner.${c.stated_manner}`) })}`
            : ''}
          {c.withdrawn_at ? <strong>; {t('referrals.send.consent_withdrawn', { when: dateTime(c.withdrawn_at) })}</strong> : null}
          {!c.withdrawn_at && !c.recipient_unit_id && !c.recipient_organisation_id ? ` (${t('referrals.send.consent_no_id')})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The organisations' search: a plain GET form that keeps where the referral comes from. */
function ProviderSearch(props: { ctx: PageContext; data: SendingForm; search: string; action: string }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  return (
    <Form ctx={ctx} method="get" action={props.action} class="directory-search">
      {data.source.planService ? <input type="hidden" name="planService" value={data.source.planService.id} /> : null}
      {data.source.application ? <input type="hidden" name="application" value={data.source.application.id} /> : null}
      <TextField ctx={ctx} form={{ values: { q: props.search }, errors: {} }} name="q" type="search" label={t('referrals.send.search')} hint={t('referrals.send.search_hint')} />
      <button type="submit" class="secondary">{t('referrals.send.search_submit')}</button>
    </Form>
  );
}

/** Sending a referral from a case: the provider, the service, what the provider may see, the answer-by day, and the consent gate. */
export function SendPage(props: { ctx: PageContext; data: SendingForm; form: FormState; search: string }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const c = data.caseFacts;
  const base = casePath(ctx, c.id);
  const labels: Record<string, string> = {
    provider: t('referrals.field.provider'),
    service_id: t('referrals.field.service'),
    service_label: t('referrals.field.service_label'),
    shared_details: t('referrals.field.shared_details'),
    respond_by: t('referrals.field.respond_by'),
    record_consent: t('referrals.field.record_consent'),
    override_basis: t('referrals.field.override_basis'),
    override_reason: t('referrals.field.override_reason'),
    consent_statement: t('referrals.field.consent_statement'),
    consent_given_on: t('referrals.field.consent_given_on'),
    consent_manner: t('referrals.field.consent_manner'),
  };
  const withdrawn = [...new Set(data.consents.filter((c) => c.withdrawn_at).map((c) => c.recipient))];
  const providerOptions = [
    ...data.units.map((u) => ({ value: `unit:${u.id}`, label: t('referrals.send.unit_option', { name: u.name }) })),
    ...data.organisations.map((o) => ({ value: `organisation:${o.id}`, label: o.name })),
  ];
  const from = data.source.planService
    ? t('referrals.send.from_plan', { service: data.source.planService.description })
    : data.source.application
      ? t('referrals.send.from_application', { service: data.source.application.service_name })
      : t('referrals.send.from_case');
  return (
    <PageLayout ctx={ctx} title={t('referrals.send.title', { number: c.number })} back={{ href: base, label: t('referrals.back_case') }}>
      <p>{t('referrals.send.person', { name: c.person_name })}</p>
      <p>{from}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <h2>{t('referrals.send.consents_title')}</h2>
      <Consents ctx={ctx} consents={data.consents} />
      <ProviderSearch ctx={ctx} data={data} search={props.search} action={`${base}/new`} />
      <Form ctx={ctx} action={`${base}/new`}>
        <input type="hidden" name="plan_service_id" value={String(form.values.plan_service_id ?? '')} />
        <input type="hidden" name="application_id" value={String(form.values.application_id ?? '')} />
        <SelectField ctx={ctx} form={form} name="provider" label={labels.provider!} hint={t('referrals.send.provider_hint')} required placeholder={t('referrals.send.provider_choose')} options={providerOptions} />
        <SelectField ctx={ctx} form={form} name="service_id" label={labels.service_id!} placeholder={t('referrals.send.service_none')} options={data.services.map((s) => ({ value: s.id, label: s.name }))} />
        <InputField ctx={ctx} form={form} name="service_label" label={labels.service_label!} hint={t('referrals.send.service_label_hint')} />
        <TextArea ctx={ctx} form={form} name="shared_details" label={labels.shared_details!} hint={t('referrals.send.shared_details_hint')} rows={5} />
        <InputField ctx={ctx} form={form} name="respond_by" type="date" label={labels.respond_by!} hint={t('referrals.send.respond_by_hint')} required size="medium" />
        <fieldset class="field">
          <legend>{t('referrals.send.consent_legend')}</legend>
          <p class="hint">{t('referrals.send.consent_intro')}</p>
          <Checkbox ctx={ctx} form={form} name="record_consent" label={labels.record_consent!} hint={t('referrals.send.record_consent_hint', { name: ctx.user!.displayName })} />
          {withdrawn.length ? (
            <fieldset class="field">
              <legend>{t('referrals.send.renewal_legend')}</legend>
              <p class="hint">{t('referrals.send.renewal_intro', { recipients: withdrawn.join(', ') })}</p>
              <TextArea ctx={ctx} form={form} name="consent_statement" label={labels.consent_statement!} hint={t('referrals.send.consent_statement_hint')} rows={3} />
              <InputField ctx={ctx} form={form} name="consent_given_on" type="date" label={labels.consent_given_on!} size="medium" />
              <SelectField ctx={ctx} form={form} name="consent_manner" label={labels.consent_manner!} placeholder={t('referrals.send.manner_choose')}
                options={CONSENT_MANNERS.map((m) => ({ value: m, label: t(`referrals.consent_manner.${m}`) }))} />
            </fieldset>
          ) : null}
          <SelectField ctx={ctx} form={form} name="override_basis" label={labels.override_basis!} hint={t('referrals.send.override_hint')} placeholder={t('referrals.send.override_none')}
            options={OVERRIDE_BASES.map((b) => ({ value: b, label: t(`referrals.override.${b}`) }))} />
          <TextArea ctx={ctx} form={form} name="override_reason" label={labels.override_reason!} hint={t('referrals.send.override_reason_hint')} rows={3} />
        </fieldset>
        <button type="submit">{t('referrals.send.submit')}</button>
      </Form>
    </PageLayout>
  );
}
