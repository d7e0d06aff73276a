import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, InputField, NumberField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { AREAS, FEE_KINDS, SERVICE_STATUSES, SITUATIONS, TARGET_GROUPS } from '../domain';
import type { Choice } from './repository-admin';
import { FLAG_CRITERIA, LANGUAGES } from './service-form';
import { AdminLayout, FormActions, adminBase, choiceOptions, labelled } from './views-common';

/** The label of each field of the service form (also used by the error summary and the history). */
export function serviceLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  const keys = [
    'name', 'summary', 'description', 'area', 'target_groups', 'situations', 'languages', 'how_to_apply', 'required_documents', 'eligibility',
    'min_age', 'max_age', 'max_income', ...FLAG_CRITERIA, 'fee_kind', 'fee_amount', 'fee_rule', 'provider_id', 'location_ids',
    'capacity', 'capacity_period', 'contact_email', 'contact_phone', 'status',
  ];
  return Object.fromEntries(keys.map((k) => [k, t(`catalog_admin.field.${k}` as MessageKey)]));
}

export function ServiceFormPage(props: {
  ctx: PageContext;
  form: FormState;
  /** The saved service being edited (its id and saved name), or none for a new one. */
  service?: { id: string; name: string };
  providers: Choice[];
  locations: Choice[];
}) {
  const { ctx, form, service } = props;
  const { t } = ctx.i18n;
  const base = adminBase(ctx);
  const labels = serviceLabels(ctx);
  const title = service ? t('catalog_admin.service.edit_title', { name: service.name }) : t('catalog_admin.service.new_title');
  const action = service ? `${base}/services/${service.id}` : `${base}/services`;
  // Languages saved earlier that the list does not know stay choosable (and so are not dropped on save).
  const chosenLanguages = ([] as string[]).concat(form.values.languages ?? []);
  const languages = [...new Set([...LANGUAGES, ...chosenLanguages.filter((l) => /^[a-z]{2,3}$/.test(l))])];
  const field = { ctx, form };
  return (
    <AdminLayout ctx={ctx} title={title}>
      {service ? (
        <p>
          <a href={`${base}/services/${service.id}/history`}>{t('catalog_admin.history.link')}</a>
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={action} class="admin-form">
        {service ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}

        <h2>{t('catalog_admin.service.section_about')}</h2>
        <TextField {...field} name="name" label={labels.name!} required />
        <TextArea {...field} name="summary" label={labels.summary!} hint={t('catalog_admin.hint.summary')} rows={2} />
        <TextArea {...field} name="description" label={labels.description!} hint={t('catalog_admin.hint.plain_text')} rows={6} />
        <SelectField {...field} name="area" label={labels.area!} required options={labelled(ctx, 'area.', AREAS)} placeholder={t('catalog_admin.choose')} />
        <CheckboxGroup {...field} name="target_groups" legend={labels.target_groups!} options={labelled(ctx, 'group.', TARGET_GROUPS)} />
        <CheckboxGroup {...field} name="situations" legend={labels.situations!} options={labelled(ctx, 'situation.', SITUATIONS)} />
        <CheckboxGroup {...field} name="languages" legend={labels.languages!} options={languages.map((l) => ({ value: l, label: languageName(ctx, l) }))} />

        <h2>{t('catalog_admin.service.section_apply')}</h2>
        <TextArea {...field} name="how_to_apply" label={labels.how_to_apply!} rows={4} />
        <TextArea {...field} name="required_documents" label={labels.required_documents!} hint={t('catalog_admin.hint.one_per_line')} rows={4} />
        <TextArea {...field} name="eligibility" label={labels.eligibility!} hint={t('catalog_admin.hint.eligibility')} rows={3} />

        <fieldset class="field admin-criteria">
          <legend>{t('catalog_admin.service.criteria_legend')}</legend>
          <p class="hint">{t('catalog_admin.hint.criteria')}</p>
          <div class="admin-row">
            <NumberField {...field} name="min_age" label={labels.min_age!} />
            <NumberField {...field} name="max_age" label={labels.max_age!} />
          </div>
          <NumberField {...field} name="max_income" label={labels.max_income!} hint={t('catalog_admin.hint.income')} decimal size="medium" />
          {FLAG_CRITERIA.map((name) => (
            <Checkbox {...field} name={name} label={labels[name]!} />
          ))}
        </fieldset>

        <h2>{t('catalog_admin.service.section_fee')}</h2>
        <RadioGroup {...field} name="fee_kind" label={labels.fee_kind!} options={labelled(ctx, 'catalog_admin.fee_kind.', FEE_KINDS)} />
        <NumberField {...field} name="fee_amount" label={labels.fee_amount!} hint={t('catalog_admin.hint.fee_amount')} decimal size="medium" />
        <TextArea {...field} name="fee_rule" label={labels.fee_rule!} hint={t('catalog_admin.hint.fee_rule')} rows={3} />

        <h2>{t('catalog_admin.service.section_where')}</h2>
        <SelectField {...field} name="provider_id" label={labels.provider_id!} required options={choiceOptions(props.providers)} placeholder={t('catalog_admin.choose')} />
        {props.locations.length ? (
          <CheckboxGroup {...field} name="location_ids" legend={labels.location_ids!} options={choiceOptions(props.locations)} />
        ) : (
          <p>{t('catalog_admin.service.no_locations')}</p>
        )}
        <div class="admin-row">
          <NumberField {...field} name="capacity" label={labels.capacity!} />
          <InputField {...field} name="capacity_period" label={labels.capacity_period!} hint={t('catalog_admin.hint.capacity_period')} size="medium" />
        </div>
        <InputField {...field} name="contact_email" type="email" label={labels.contact_email!} autocomplete="off" />
        <InputField {...field} name="contact_phone" type="tel" label={labels.contact_phone!} autocomplete="off" size="medium" />

        <h2>{t('catalog_admin.service.section_status')}</h2>
        <RadioGroup {...field} name="status" label={labels.status!} options={labelled(ctx, 'service_status.', SERVICE_STATUSES)} />

        <FormActions ctx={ctx} cancel={base} />
      </Form>
    </AdminLayout>
  );
}

export function languageName(ctx: PageContext, code: string): string {
  return (LANGUAGES as readonly string[]).includes(code) ? ctx.i18n.t(`catalog_admin.language.${code}` as MessageKey) : code;
}
