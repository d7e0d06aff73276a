import { PageLayout } from '../../../platform/ui/layout';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { GOAL_FIELDS } from '../form';
import type { GoalRow, PlanRow } from '../repository';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { fieldLabels, plansBase } from './common';

/** A specific goal of the plan: new, or the saved one being edited (and removed, while it has no actions). */
export function GoalFormPage(props: { ctx: PageContext; form: FormState; plan: PlanRow; goal?: GoalRow; conflict?: Conflict<(typeof GOAL_FIELDS)[number]> }) {
  const { ctx, form, plan, goal } = props;
  const { t } = ctx.i18n;
  const labels = fieldLabels(ctx, 'action_plan.goal.field', GOAL_FIELDS);
  const base = `${plansBase(ctx)}/${plan.id}`;
  const back = { href: `${base}/manage`, label: t('action_plan.manage.back') };
  return (
    <PageLayout ctx={ctx} title={goal ? t('action_plan.goal.edit_title', { title: goal.title }) : t('action_plan.goal.new_title')} back={back}>
      <p>{t('action_plan.goal.intro', { plan: plan.title })}</p>
      <ErrorSummary ctx={ctx} form={form} labels={{ ...labels, _form: labels.title }} />
      {props.conflict ? <ConflictPanel ctx={ctx} conflict={props.conflict} labels={labels} /> : null}
      <Form ctx={ctx} action={goal ? `${base}/goals/${goal.id}/edit` : `${base}/goals/new`} class="admin-form">
        {goal ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <InputField ctx={ctx} form={form} name="title" label={labels.title} hint={t('action_plan.goal.hint.title')} required />
        <TextArea ctx={ctx} form={form} name="description" label={labels.description} rows={4} />
        <p class="admin-actions">
          <button type="submit">{goal ? t('form.save') : t('action_plan.goal.create')}</button> <a href={back.href}>{t('form.cancel')}</a>
        </p>
      </Form>
      {goal ? (
        <section aria-labelledby="delete-title">
          <h2 id="delete-title">{t('action_plan.goal.delete_title')}</h2>
          <p>{t('action_plan.goal.delete_hint')}</p>
          <p>
            <a href={`${base}/goals/${goal.id}/delete`}>{t('action_plan.goal.delete_link')}</a>
          </p>
        </section>
      ) : null}
    </PageLayout>
  );
}
