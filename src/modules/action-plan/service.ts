import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { isPublicPlan, PLAN_STATUSES, PUBLIC_PLAN_STATUSES } from './domain';
import { differing } from '../../platform/ui/conflict';
import { PLAN_FIELDS, planToValues, type PlanInput } from './form';
import { goals, plans, type GoalRow, type PlanRow } from './repository';
import { actions, type ActionRow } from './repository-actions';

export interface ActionPlanDeps {
  db: Database;
}

export interface GoalWithActions extends GoalRow {
  actions: ActionRow[];
}

export interface PlanDetails {
  plan: PlanRow;
  goals: GoalWithActions[];
}

/** The municipality's plans: staff with action_plan.manage see drafts too, everyone else adopted and closed ones. */
export async function listPlans(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, staff: boolean) {
  return deps.db.tx(ctx, (sql) => plans.list(sql, municipalityId, staff ? PLAN_STATUSES : PUBLIC_PLAN_STATUSES));
}

/** A plan (a draft only for staff: for anyone else it does not exist) with its goals in order and their actions. */
export async function readPlan(sql: Sql, municipalityId: string, id: string, staff: boolean): Promise<PlanDetails> {
  const plan = await plans.find(sql, municipalityId, id);
  if (!plan || (!staff && !isPublicPlan(plan.status))) throw new AppError('not_found');
  const all = await actions.ofPlan(sql, municipalityId, id);
  const list = await goals.ofPlan(sql, municipalityId, id);
  return { plan, goals: list.map((g) => ({ ...g, actions: all.filter((a) => a.goal_id === g.id) })) };
}

export async function planDetails(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, id: string, staff: boolean): Promise<PlanDetails> {
  return deps.db.tx(ctx, (sql) => readPlan(sql, municipalityId, id, staff));
}

export async function planForEdit(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, id: string): Promise<PlanRow> {
  return deps.db.tx(ctx, async (sql) => {
    const plan = await plans.find(sql, municipalityId, id);
    if (!plan) throw new AppError('not_found');
    return plan;
  });
}

export async function createPlan(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, input: PlanInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const id = await plans.insert(sql, municipalityId, input, actor.userId);
    await audit(sql, municipalityId, actor, { action: 'action_plan.created', subjectType: 'action_plan', subjectId: id, details: { title: input.title, status: input.status } });
    return id;
  });
}

/**
 * Saves an edit of the plan made on `version`: someone else's save in between is `conflict.stale`
 * (nothing written); a period that would leave some of its actions outside is a field error.
 */
export async function updatePlan(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, id: string, input: PlanInput, version: number, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const before = await plans.find(sql, municipalityId, id, true);
    if (!before) throw new AppError('not_found');
    assertVersion(before, version);
    const span = await plans.actionSpan(sql, municipalityId, id);
    const fields: Record<string, { code: string }> = {};
    if (span.first && span.first < input.period_from) fields.period_from = { code: 'action_plan_period_excludes_actions' };
    if (span.last && span.last > input.period_to) fields.period_to = { code: 'action_plan_period_excludes_actions' };
    if (Object.keys(fields).length) throw validationError(fields);
    const changed = differing(PLAN_FIELDS, planToValues({ ...before, ...input }), planToValues(before));
    if (changed.length === 0) return { changed: false };
    expectUpdated(await plans.update(sql, municipalityId, id, input, version));
    await audit(sql, municipalityId, actor, {
      action: before.status !== input.status ? `action_plan.${input.status}` : 'action_plan.updated',
      subjectType: 'action_plan',
      subjectId: id,
      details: { fields: changed, version: version + 1, ...(before.status !== input.status ? { from: before.status, to: input.status } : {}) },
    });
    return { changed: true };
  });
}

/** After a conflict: what the person typed next to what is saved now, for the fields that differ. */

/** The actions of a plan for the staff export; the export itself is recorded in the audit log. */
export async function exportActions(deps: ActionPlanDeps, ctx: DbContext, municipalityId: string, id: string, format: 'csv' | 'xlsx', actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const details = await readPlan(sql, municipalityId, id, true);
    const rows = details.goals.flatMap((g, i) => g.actions.map((a) => ({ goalNumber: i + 1, goal: g.title, action: a })));
    await audit(sql, municipalityId, actor, { action: 'action_plan.exported', subjectType: 'action_plan', subjectId: id, details: { format, rows: rows.length } });
    return { plan: details.plan, rows };
  });
}
