import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, NumberField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form } from '../../../platform/ui/forms';
import { ACTION_STATUSES, type ActionStatus } from '../domain';
import { ACTION_FIELDS } from '../form-action';
import type { ActionFormData } from '../service-items';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { actionStatusLabel, fieldLabels, periodText, plansBase } from './common';

type Field = (typeof ACTION_FIELDS)[number];

/** An action under a goal: what, who is responsible (staff, organisations of the registry, a partner), when, status, indicator. */
export function ActionFormPage(props: { ctx: PageContext; form: FormState; data: ActionFormData; conflict?: Conflict<Field> }) {
  const { ctx, form, data } = props;
  const { plan, action } = data;
  const { t } = ctx.i18n;
  const labels = fieldLabels(ctx, 'action_plan.action.field', ACTION_FIELDS);
  const field = { ctx, form };
  const base = `${plansBase(ctx)}/${plan.id}`;
  const back = { href: `${base}/manage`, label: t('action_plan.manage.back') };
  const period = t('action_plan.action.hint.period', { period: periodText(ctx, plan) });
  const names = new Map([...data.goals.map((g) => [g.id, g.title] as const), ...data.staff.map((s) => [s.id, s.name] as const), ...data.organisations.map((o) => [o.id, o.name] as const)]);
  const show = (f: Field, v: string | string[] | undefined) => {
    const list = Array.isArray(v) ? v : v ? [v] : [];
    if (f === 'status') return list.map((s) => ((ACTION_STATUSES as readonly string[]).includes(s) ? actionStatusLabel(ctx, s as ActionStatus) : s)).join(', ');
    return list.map((x) => names.get(x) ?? x.trim()).join(', ');
  };
  return (
    <PageLayout ctx={ctx} title={action ? t('action_plan.action.edit_title', { title: action.title }) : t('action_plan.action.new_title')} back={back}>
      <p>{t('action_plan.action.intro', { plan: plan.title })}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {props.conflict ? <ConflictPanel ctx={ctx} conflict={props.conflict} labels={labels} show={show} /> : null}
      <Form ctx={ctx} action={action ? `${base}/actions/${action.id}/edit` : `${base}/actions/new`} class="admin-form">
        {action ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <SelectField {...field} name="goal_id" label={labels.goal_id} required placeholder={t('action_plan.action.choose_goal')}
          options={data.goals.map((g, i) => ({ value: g.id, label: t('action_plan.goal.heading', { number: i + 1, title: g.title }) }))} />
        <InputField {...field} name="title" label={labels.title} required />
        <TextArea {...field} name="description" label={labels.description} rows={4} />
        <h2>{t('action_plan.action.section.responsible')}</h2>
        <p class="hint">{t('action_plan.action.hint.responsible')}</p>
        <SelectField {...field} name="responsible_user_id" label={labels.responsible_user_id} placeholder={t('action_plan.action.nobody')} options={data.staff.map((s) => ({ value: s.id, label: s.name }))} />
        <CheckboxGroup {...field} name="organisation_ids" legend={labels.organisation_ids} options={data.organisations.map((o) => ({ value: o.id, label: o.name }))} />
        <InputField {...field} name="partner" label={labels.partner} hint={t('action_plan.action.hint.partner')} />
        <h2>{t('action_plan.action.section.when')}</h2>
        <div class="admin-row">
          <InputField {...field} name="starts_on" type="date" label={labels.starts_on} hint={period} required size="medium" />
          <InputField {...field} name="due_on" type="date" label={labels.due_on} hint={period} required size="medium" />
        </div>
        <RadioGroup {...field} name="status" label={labels.status} options={ACTION_STATUSES.map((s) => ({ value: s, label: actionStatusLabel(ctx, s) }))} />
        <TextArea {...field} name="drop_note" label={labels.drop_note} hint={t('action_plan.action.hint.drop_note')} rows={2} />
        <h2>{t('action_plan.action.section.indicator')}</h2>
        <InputField {...field} name="indicator" label={labels.indicator} hint={t('action_plan.action.hint.indicator')} />
        <div class="admin-row">
          <NumberField {...field} name="target_value" label={labels.target_value} decimal size="medium" />
          <NumberField {...field} name="achieved_value" label={labels.achieved_value} decimal size="medium" />
        </div>
        <p class="admin-actions">
          <button type="submit">{action ? t('form.save') : t('action_plan.action.create')}</button> <a href={back.href}>{t('form.cancel')}</a>
        </p>
      </Form>
      {action ? (
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">{t('action_plan.action.delete_title')}</h2>
          <p>{t('action_plan.action.delete_hint')}</p>
          <p>
            <a href={`${base}/actions/${action.id}/delete`}>{t('action_plan.action.delete_link')}</a>
          </p>
        </section>
      ) : null}
    </PageLayout>
  );
}
