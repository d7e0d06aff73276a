import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import type { GoalRow, PlanRow } from '../repository';
import type { ActionRow } from '../repository-actions';
import { actionStatusLabel, plansBase } from './common';

/** The version the page carries: the one seen, or — after a stale attempt — the one saved now. */
const versionOf = (form: FormState, saved: number) => String(form.message ? saved : (form.values.version ?? saved));

/** "Usunąć cel?": the goal and its plan, that it leaves the plan's pages and print, that it cannot be undone. */
export function DeleteGoalPage(props: { ctx: PageContext; plan: PlanRow; goal: GoalRow; form: FormState }) {
  const { ctx, plan, goal } = props;
  const { t } = ctx.i18n;
  const base = `${plansBase(ctx)}/${plan.id}`;
  const edit = `${base}/goals/${goal.id}/edit`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('action_plan.goal.delete_confirm_title')}
      back={{ href: edit, label: t('action_plan.goal.edit_title', { title: goal.title }) }}
      facts={[
        [t('action_plan.delete.plan'), plan.title],
        [t('action_plan.delete.goal'), goal.title],
      ]}
      consequences={[t('action_plan.goal.delete_effect', { title: goal.title }), t('action_plan.delete.logged')]}
      undo={t('action_plan.goal.delete_undo')}
      action={`${base}/goals/${goal.id}/delete`}
      submit={t('action_plan.goal.delete_submit')}
      keep={{ href: edit, label: t('action_plan.delete.keep') }}
      form={props.form}
    >
      <input type="hidden" name="version" value={versionOf(props.form, goal.version)} />
    </ConfirmPage>
  );
}

/** "Usunąć działanie?": the action, its goal, status and date; a dropped action would stay in the plan's history instead. */
export function DeleteActionPage(props: { ctx: PageContext; plan: PlanRow; goals: GoalRow[]; action: ActionRow; form: FormState }) {
  const { ctx, plan, action } = props;
  const { t } = ctx.i18n;
  const base = `${plansBase(ctx)}/${plan.id}`;
  const edit = `${base}/actions/${action.id}/edit`;
  const goal = props.goals.find((g) => g.id === action.goal_id);
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('action_plan.action.delete_confirm_title')}
      back={{ href: edit, label: t('action_plan.action.edit_title', { title: action.title }) }}
      facts={[
        [t('action_plan.delete.plan'), plan.title],
        [t('action_plan.delete.goal'), goal?.title ?? '—'],
        [t('action_plan.delete.action'), action.title],
        [t('action_plan.delete.status'), actionStatusLabel(ctx, action.status)],
      ]}
      consequences={[t('action_plan.action.delete_effect', { title: action.title }), t('action_plan.action.delete_instead'), t('action_plan.delete.logged')]}
      undo={t('action_plan.action.delete_undo')}
      action={`${base}/actions/${action.id}/delete`}
      submit={t('action_plan.action.delete_submit')}
      keep={{ href: edit, label: t('action_plan.delete.keep') }}
      form={props.form}
    >
      <input type="hidden" name="version" value={versionOf(props.form, action.version)} />
    </ConfirmPage>
  );
}
