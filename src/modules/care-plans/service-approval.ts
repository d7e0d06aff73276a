import type { AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError, type FieldErrors } from '../../platform/http/errors';
import { warsawDay } from '../../platform/time';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { mayApprove, wroteContent } from './domain';
import { mailDecision } from './mail';
import { plans } from './repository';
import { items } from './repository-items';
import { caseForChange, lockedCase, logChange, planForChange, type CarePlansDeps, type Where } from './service-common';

/**
 * Four eyes: the author submits the draft; a director (plans.approve) or the supervisor of the case's
 * team approves it or returns it with a note. The author never approves their own plan: the route
 * refuses (`plan.own_approval`) and a CHECK of care_plans is the net.
 */

/** Submitting for approval: a plan has at least one goal and one service, and has not expired. */
export async function submitPlan(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, version: number, actor: AuditActor): Promise<void> {
  return deps.db.tx(ctx, async (sql) => {
    await caseForChange(sql, w);
    const plan = await planForChange(sql, w, planId, version, ['draft']);
    const fields: FieldErrors = {};
    if ((await items.of(sql, w.municipalityId, planId, 'goals')).length === 0) fields.goals = { code: 'care_plan_needs_goal' };
    if ((await items.of(sql, w.municipalityId, planId, 'services')).length === 0) fields.services = { code: 'care_plan_needs_service' };
    if (plan.valid_until < warsawDay()) fields.valid_until = { code: 'care_plan_expired' };
    if (Object.keys(fields).length) throw validationError(fields);
    expectUpdated(await plans.submit(sql, w.municipalityId, planId, version));
    await logChange(sql, w, actor, 'submitted', planId, { revision: plan.revision });
  });
}

/**
 * Who may decide about a submitted plan: an approver who is not its author. The author hears the
 * four-eyes rule first, whatever their rights and whatever the form carried (`version` is read after:
 * a POST without it is still refused as `plan.own_approval`, not as a missing field).
 */
async function forDecision(sql: Parameters<typeof lockedCase>[0], w: Where, planId: string, version: () => number, approving: boolean) {
  const { case: c, access } = await lockedCase(sql, w);
  const current = await plans.find(sql, w.municipalityId, w.caseId, planId, true);
  if (current?.status === 'submitted' && current.author_id === w.viewer.userId) throw new AppError('plan.own_approval');
  // Four eyes by content: whoever changed the plan since it was drafted does not approve it (they may still return it).
  if (approving && current?.status === 'submitted' && wroteContent(current, w.viewer.userId)) throw new AppError('plan.own_approval');
  const plan = await planForChange(sql, w, planId, version(), ['submitted']);
  if (!mayApprove(access, w.viewer.permissions)) throw new AppError('auth.forbidden');
  return { case: c, plan };
}

/**
 * Approves a submitted plan; a revision supersedes the plan in force, in the same transaction (one
 * approved plan per case). The coordinator is mailed.
 */
export async function approvePlan(deps: CarePlansDeps, ctx: DbContext, m: MunicipalityRow, w: Where, planId: string, version: () => number, actor: AuditActor): Promise<void> {
  return deps.db.tx(ctx, async (sql) => {
    const { case: c, plan } = await forDecision(sql, w, planId, version, true);
    if (plan.valid_until < warsawDay()) throw validationError({ _form: { code: 'care_plan_expired' } });
    const superseded = await plans.supersede(sql, w.municipalityId, w.caseId);
    expectUpdated(await plans.approve(sql, w.municipalityId, planId, plan.version, w.viewer.userId));
    await logChange(sql, w, actor, 'approved', planId, { revision: plan.revision, ...(superseded ? { superseded } : {}) });
    await mailDecision(sql, deps.publicUrl, m, c, plan, { kind: 'approved', note: '' });
  });
}

/** Returns a submitted plan to its author as a draft, with what to change; the author and the coordinator are mailed. */
export async function returnPlan(deps: CarePlansDeps, ctx: DbContext, m: MunicipalityRow, w: Where, planId: string, version: number, note: string, actor: AuditActor): Promise<void> {
  return deps.db.tx(ctx, async (sql) => {
    const { case: c, plan } = await forDecision(sql, w, planId, () => version, false);
    expectUpdated(await plans.returnToDraft(sql, w.municipalityId, planId, version, note));
    await logChange(sql, w, actor, 'returned', planId, { revision: plan.revision });
    await mailDecision(sql, deps.publicUrl, m, c, plan, { kind: 'returned', note });
  });
}

/**
 * Review and update: the approved plan is copied into a new draft revision (goals, services and
 * commitments; the validity as it was), which the viewer then authors. The plan in force stays in
 * force until the revision is approved.
 */
export async function revisePlan(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, version: number, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await caseForChange(sql, w);
    const plan = await planForChange(sql, w, planId, version, ['approved']);
    if (await plans.hasOpenDraft(sql, w.municipalityId, w.caseId)) throw new AppError('plan.exists');
    const revision = await plans.nextRevision(sql, w.municipalityId, w.caseId);
    const id = await plans.insert(sql, w.municipalityId, w.caseId, revision, { situation: plan.situation, validFrom: plan.valid_from, validUntil: plan.valid_until }, w.viewer.userId);
    await items.copy(sql, w.municipalityId, planId, id);
    await logChange(sql, w, actor, 'revised', id, { revision, from: planId });
    return id;
  });
}
