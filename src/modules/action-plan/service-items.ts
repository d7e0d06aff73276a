import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError, type FieldErrors } from '../../platform/http/errors';
import type { Move } from './domain';
import type { GoalInput } from './form';
import { parseActionForm, type ActionInput } from './form-action';
import { goals, plans, type GoalRow, type PlanRow } from './repository';
import { actions, responsibles, type ActionRow, type Choice } from './repository-actions';
import type { ActionPlanDeps } from './service';

/** Goals and actions of a plan: added, edited (optimistic concurrency), moved up and down, removed. */

async function lockPlan(sql: Sql, municipalityId: string, planId: string): Promise<PlanRow> {
  const plan = await plans.find(sql, municipalityId, planId, true);
  if (!plan) throw new AppError('not_found');
  return plan;
}

async function goalOf(sql: Sql, municipalityId: string, planId: string, goalId: string): Promise<GoalRow> {
  const goal = await goals.find(sql, municipalityId, planId, goalId);
  if (!goal) throw new AppError('not_found');
  return goal;
}

async function actionOf(sql: Sql, municipalityId: string, planId: string, actionId: string): Promise<ActionRow> {
  const action = await actions.find(sql, municipalityId, planId, actionId);
  if (!action) throw new AppError('not_found');
  return action;
}

const log = (sql: Sql, municipalityId: string, actor: AuditActor, action: string, subjectId: string, details: Record<string, unknown>) =>
  audit(sql, municipalityId, actor, { action: `action_plan.${action}`, subjectType: 'action_plan', subjectId, details });

export async function goalForEdit(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, planId: string, goalId: string | null) {
  return deps.db.tx(ctx, async (sql) => {
    const plan = await plans.find(sql, municipalityId, planId);
    if (!plan) throw new AppError('not_found');
    return { plan, goal: goalId ? await goalOf(sql, municipalityId, planId, goalId) : undefined };
  });
}

/** Adds a goal at the end (goalId null) or saves an edit made on `version`. */
export async function saveGoal(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, planId: string, goalId: string | null, input: GoalInput, version: number | null, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    await lockPlan(sql, municipalityId, planId);
    if (goalId === null) {
      const id = await goals.insert(sql, municipalityId, planId, input);
      await log(sql, municipalityId, actor, 'goal_created', planId, { goal: id, title: input.title });
      return id;
    }
    const before = await goalOf(sql, municipalityId, planId, goalId);
    assertVersion(before, version);
    expectUpdated(await goals.update(sql, municipalityId, goalId, input, version));
    await log(sql, municipalityId, actor, 'goal_updated', planId, { goal: goalId, version: version + 1 });
    return goalId;
  });
}

/** Removes a goal seen at `version`; a goal that still has actions is kept (its actions first). */
export async function deleteGoal(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, planId: string, goalId: string, version: number, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    await lockPlan(sql, municipalityId, planId);
    const goal = await goalOf(sql, municipalityId, planId, goalId);
    if ((await actions.countOfGoal(sql, municipalityId, goalId)) > 0) throw validationError({ _form: { code: 'action_plan_goal_has_actions' } });
    assertVersion(goal, version);
    expectUpdated(await goals.remove(sql, municipalityId, goalId, version));
    await log(sql, municipalityId, actor, 'goal_deleted', planId, { goal: goalId, title: goal.title });
  });
}

/** Everything an action's form needs: the plan, its goals, its staff and the verified organisations to choose from. */
export async function actionFormData(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, planId: string, actionId: string | null) {
  return deps.db.tx(ctx, async (sql) => {
    const plan = await plans.find(sql, municipalityId, planId);
    if (!plan) throw new AppError('not_found');
    return {
      plan,
      goals: await goals.ofPlan(sql, municipalityId, planId),
      staff: await responsibles.staff(sql, municipalityId),
      organisations: await responsibles.organisations(sql, municipalityId),
      action: actionId ? await actionOf(sql, municipalityId, planId, actionId) : undefined,
    };
  });
}

export type ActionFormData = Awaited<ReturnType<typeof actionFormData>>;

/** What an action names must be of this plan and municipality: its goal, a staff member, verified organisations. */
async function checkReferences(sql: Sql, municipalityId: string, planId: string, a: ActionInput): Promise<void> {
  const fields: FieldErrors = {};
  if (!(await goals.find(sql, municipalityId, planId, a.goal_id))) fields.goal_id = { code: 'invalid' };
  const has = (list: Choice[], id: string) => list.some((c) => c.id === id);
  if (a.responsible_user_id && !has(await responsibles.staff(sql, municipalityId), a.responsible_user_id)) fields.responsible_user_id = { code: 'invalid' };
  const organisations = await responsibles.organisations(sql, municipalityId);
  if (!a.organisation_ids.every((id) => has(organisations, id))) fields.organisation_ids = { code: 'invalid' };
  if (Object.keys(fields).length) throw validationError(fields);
}

/** Adds an action (actionId null) or saves an edit made on `version`; the form is checked against the plan's period as it is now. */
export async function saveAction(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, planId: string, actionId: string | null, body: unknown, version: number | null, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const plan = await lockPlan(sql, municipalityId, planId);
    const input = parseActionForm(body, { from: plan.period_from, to: plan.period_to });
    await checkReferences(sql, municipalityId, planId, input);
    if (actionId === null) {
      const id = await actions.insert(sql, municipalityId, planId, input);
      await log(sql, municipalityId, actor, 'action_created', planId, { action: id, title: input.title, status: input.status });
      return id;
    }
    const before = await actionOf(sql, municipalityId, planId, actionId);
    assertVersion(before, version);
    expectUpdated(await actions.update(sql, municipalityId, actionId, input, version));
    const status = before.status !== input.status ? { from: before.status, to: input.status } : {};
    await log(sql, municipalityId, actor, 'action_updated', planId, { action: actionId, version: version + 1, ...status });
    return actionId;
  });
}

export async function deleteAction(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, planId: string, actionId: string, version: number, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    await lockPlan(sql, municipalityId, planId);
    const action = await actionOf(sql, municipalityId, planId, actionId);
    assertVersion(action, version);
    expectUpdated(await actions.remove(sql, municipalityId, actionId, version));
    await log(sql, municipalityId, actor, 'action_deleted', planId, { action: actionId, title: action.title });
  });
}

/** Moves a goal, or an action within its goal, one place up or down; false when it already is first or last. */
export async function moveItem(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, planId: string, item: { goal: string } | { action: string }, move: Move, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    await lockPlan(sql, municipalityId, planId);
    const moved = 'goal' in item
      ? (await goalOf(sql, municipalityId, planId, item.goal)) && (await goals.move(sql, municipalityId, planId, item.goal, move))
      : await actions.move(sql, municipalityId, (await actionOf(sql, municipalityId, planId, item.action)).goal_id, item.action, move);
    if (moved) await log(sql, municipalityId, actor, 'reordered', planId, { ...item, move });
    return moved;
  });
}
