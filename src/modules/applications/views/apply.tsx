import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, InputField, NumberField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { RELATIONS } from '../domain';
import type { ServiceChoice } from '../repository';
import { applicationsBase, relationLabel } from './common';

/**
 * The application form: a resident's own online (`staff` false), or one staff register for a
 * resident who came or phoned (`staff` true: the applicant's name, the channel, their consent confirmed).
 */
export function ApplyPage(props: { ctx: PageContext; form: FormState; services: ServiceChoice[]; staff: boolean }) {
  const { ctx, form, staff } = props;
  const { t } = ctx.i18n;
  const base = applicationsBase(ctx);
  const labels: Record<string, string> = {
    ...(staff ? { applicant_name: t('applications.field.applicant_name'), channel: t('applications.field.channel') } : {}),
    service_id: t('applications.field.service'),
    relation: t('applications.field.relation'),
    beneficiary_name: t('applications.field.beneficiary_name'),
    beneficiary_birth_year: t('applications.field.birth_year'),
    contact_phone: t('applications.field.phone'),
    contact_email: t('applications.field.email'),
    need: t('applications.field.need'),
    consent_processing: t('applications.field.consent_processing'),
    consent_sharing: t('applications.field.consent_sharing'),
  };
  const title = staff ? t('applications.register.title') : t('applications.apply.title');
  const chosen = props.services.find((s) => s.id === form.values.service_id);
  return (
    <PageLayout ctx={ctx} title={title} back={staff ? { href: base, label: t('applications.back_queues') } : { href: `${base}/mine`, label: t('applications.mine.title') }}>
      <p>{staff ? t('applications.register.intro') : t('applications.apply.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={staff ? `${base}/register` : base}>
        {staff ? (
          <>
            <TextField ctx={ctx} form={form} name="applicant_name" label={labels.applicant_name!} required />
            <RadioGroup ctx={ctx} form={form} name="channel" label={labels.channel!} options={(['in_person', 'phone'] as const).map((c) => ({ value: c, label: t(`applications.channel.${c}`) }))} />
          </>
        ) : null}
        <SelectField
          ctx={ctx}
          form={form}
          name="service_id"
          label={labels.service_id!}
          required
          placeholder={t('applications.field.service_choose')}
          options={props.services.map((s) => ({ value: s.id, label: `${s.name} — ${s.provider_name}` }))}
        />
        <RadioGroup ctx={ctx} form={form} name="relation" label={labels.relation!} hint={t('applications.field.relation_hint')} options={RELATIONS.map((r) => ({ value: r, label: relationLabel(ctx, r) }))} />
        <TextField ctx={ctx} form={form} name="beneficiary_name" label={labels.beneficiary_name!} hint={t('applications.field.beneficiary_name_hint')} />
        <NumberField ctx={ctx} form={form} name="beneficiary_birth_year" label={labels.beneficiary_birth_year!} hint={t('applications.field.birth_year_hint')} />
        <InputField ctx={ctx} form={form} name="contact_phone" type="tel" autocomplete="tel" label={labels.contact_phone!} hint={t('applications.field.contact_hint')} size="medium" />
        <InputField ctx={ctx} form={form} name="contact_email" type="email" autocomplete="email" label={labels.contact_email!} />
        <TextArea ctx={ctx} form={form} name="need" label={labels.need!} hint={t('applications.field.need_hint')} required rows={6} />
        <fieldset class="field">
          <legend>{t('applications.field.consents')}</legend>
          <Checkbox ctx={ctx} form={form} name="consent_processing" label={staff ? t('applications.field.consent_processing_staff') : labels.consent_processing!} hint={t('applications.field.consent_processing_hint')} />
          <Checkbox
            ctx={ctx}
            form={form}
            name="consent_sharing"
            label={chosen ? t('applications.field.consent_sharing_to', { provider: chosen.provider_name }) : labels.consent_sharing!}
            hint={chosen ? t('applications.field.consent_sharing_hint') : t('applications.field.consent_sharing_unchosen')}
          />
        </fieldset>
        <button type="submit">{staff ? t('applications.register.submit') : t('applications.apply.submit')}</button>
      </Form>
    </PageLayout>
  );
}
