import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, RadioGroup, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PROGRAMME_STATUSES } from '../domain';
import type { Choice } from './repository-admin';
import { AdminLayout, FormActions, adminBase, choiceOptions, labelled } from './views-common';

const FIELDS = ['name', 'period_from', 'period_to', 'resolution_number', 'resolution_date', 'status', 'description', 'service_ids'] as const;

export function ProgrammeFormPage(props: { ctx: PageContext; form: FormState; services: Choice[]; programme?: { id: string; name: string } }) {
  const { ctx, form, programme } = props;
  const { t } = ctx.i18n;
  const base = adminBase(ctx);
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`catalog_admin.field.${f}` as MessageKey)])) as Record<(typeof FIELDS)[number], string>;
  const title = programme ? t('catalog_admin.programme.edit_title', { name: programme.name }) : t('catalog_admin.programme.new_title');
  const field = { ctx, form };
  return (
    <AdminLayout ctx={ctx} title={title}>
      {programme ? (
        <p>
          <a href={`${base}/programmes/${programme.id}/history`}>{t('catalog_admin.history.link')}</a>
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={programme ? `${base}/programmes/${programme.id}` : `${base}/programmes`} class="admin-form">
        {programme ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <TextField {...field} name="name" label={labels.name} required />
        <div class="admin-row">
          <InputField {...field} name="period_from" type="date" label={labels.period_from} required size="medium" />
          <InputField {...field} name="period_to" type="date" label={labels.period_to} required size="medium" />
        </div>
        <div class="admin-row">
          <InputField {...field} name="resolution_number" label={labels.resolution_number} hint={t('catalog_admin.hint.resolution_number')} size="medium" />
          <InputField {...field} name="resolution_date" type="date" label={labels.resolution_date} size="medium" />
        </div>
        <RadioGroup {...field} name="status" label={labels.status} hint={t('catalog_admin.hint.programme_status')} options={labelled(ctx, 'programme_status.', PROGRAMME_STATUSES)} />
        <TextArea {...field} name="description" label={labels.description} hint={t('catalog_admin.hint.plain_text')} rows={5} />
        {props.services.length ? (
          <CheckboxGroup {...field} name="service_ids" legend={labels.service_ids} options={choiceOptions(props.services)} />
        ) : (
          <p>{t('catalog_admin.programme.no_services')}</p>
        )}
        <FormActions ctx={ctx} cancel={base} />
      </Form>
    </AdminLayout>
  );
}
