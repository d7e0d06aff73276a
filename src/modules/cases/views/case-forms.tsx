import { ConfirmPage } from '../../../platform/ui/confirm';
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
export function CloseCaseForm(props: { ctx: PageContext; data: CasePage }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby="close-title">
      <h2 id="close-title">{t('cases.close.title')}</h2>
      <p>{t('cases.close.intro')}</p>
      <p>
        <a href={`${casesBase(ctx)}/${data.c.id}/close`}>{t('cases.close.link')}</a>
      </p>
    </section>
  );
}

/** "Zamknąć sprawę?": the case, what closing does, that it cannot be undone; the closing note is written here. */
export function CloseCasePage(props: { ctx: PageContext; data: CasePage; form: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const page = `${casesBase(ctx)}/${data.c.id}`;
  const labels = { closing_note: t('cases.close.note') };
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('cases.close.confirm_title')}
      back={{ href: page, label: t('cases.close.back', { number: data.c.number }) }}
      facts={[
        [t('cases.close.case'), data.c.number],
        [t('cases.close.person'), data.c.person_name],
      ]}
      consequences={[t('cases.close.effect_closed'), t('cases.close.effect_note'), t('cases.close.effect_retention')]}
      undo={t('cases.close.undo')}
      action={`${page}/close`}
      submit={t('cases.close.confirm_submit')}
      keep={{ href: page, label: t('cases.close.keep') }}
      form={form}
      labels={labels}
    >
      <input type="hidden" name="version" value={String(form.values.version ?? data.c.version)} />
      <TextArea ctx={ctx} form={form} name="closing_note" label={labels.closing_note} required rows={4} />
    </ConfirmPage>
  );
}
