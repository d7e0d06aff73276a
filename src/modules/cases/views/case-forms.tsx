import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, InputField, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import type { CaseRow } from '../domain';
import type { CaseField } from '../form';
import type { CasePage } from '../service-case';
import { casesBase } from './common';

export const fieldLabels = (ctx: PageContext): Record<CaseField, string> => ({
  contact_phone: ctx.i18n.t('cases.field.contact_phone'),
  contact_email: ctx.i18n.t('cases.field.contact_email'),
  representative_name: ctx.i18n.t('cases.field.representative_name'),
  coordinator_id: ctx.i18n.t('cases.field.coordinator_id'),
  team_id: ctx.i18n.t('cases.field.team_id'),
  needs_plan: ctx.i18n.t('cases.field.needs_plan'),
});

/** The saved case as its edit form's values. */
export const caseValues = (c: CaseRow): Record<CaseField | 'version', string> => ({
  version: String(c.version),
  contact_phone: c.contact_phone,
  contact_email: c.contact_email,
  representative_name: c.representative_name,
  coordinator_id: c.coordinator_id,
  team_id: c.team_id ?? '',
  needs_plan: c.needs_plan ? '1' : '',
});

/** Contact, representative, coordinator (a handover), team and the need for a plan; on the version shown. */
export function EditCaseForm(props: { ctx: PageContext; data: CasePage; form: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const labels = fieldLabels(ctx);
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('cases.edit.title')}</h2>
      <p>{t('cases.edit.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`${casesBase(ctx)}/${data.c.id}/edit`}>
        <input type="hidden" name="version" value={String(form.values.version ?? data.c.version)} />
        <InputField ctx={ctx} form={form} name="contact_phone" label={labels.contact_phone} type="tel" autocomplete="off" size="medium" />
        <InputField ctx={ctx} form={form} name="contact_email" label={labels.contact_email} type="email" autocomplete="off" />
        <InputField ctx={ctx} form={form} name="representative_name" label={labels.representative_name} hint={t('cases.field.representative_hint')} autocomplete="off" />
        <SelectField ctx={ctx} form={form} name="coordinator_id" label={labels.coordinator_id} required options={data.staff.map((s) => ({ value: s.id, label: s.display_name }))} />
        <SelectField ctx={ctx} form={form} name="team_id" label={labels.team_id} placeholder={t('cases.open.no_team')} options={data.teams.map((s) => ({ value: s.id, label: s.name }))} />
        <Checkbox ctx={ctx} form={form} name="needs_plan" label={labels.needs_plan} />
        <button type="submit">{t('cases.edit.submit')}</button>
      </Form>
    </section>
  );
}

/** Closing with a note (required); afterwards the case takes no changes. */
export function CloseCaseForm(props: { ctx: PageContext; data: CasePage; form: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const labels = { closing_note: t('cases.close.note') };
  return (
    <section aria-labelledby="close-title">
      <h2 id="close-title">{t('cases.close.title')}</h2>
      <p>{t('cases.close.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`${casesBase(ctx)}/${data.c.id}/close`}>
        <input type="hidden" name="version" value={String(form.values.version ?? data.c.version)} />
        <TextArea ctx={ctx} form={form} name="closing_note" label={labels.closing_note} required rows={4} />
        <button type="submit" class="secondary">
          {t('cases.close.submit')}
        </button>
      </Form>
    </section>
  );
}
