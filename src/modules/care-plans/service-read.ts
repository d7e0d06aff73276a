import type { AuditActor } from '../../platform/audit/audit';
import { rolesWith } from '../../platform/auth/roles';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { warsawDay } from '../../platform/time';
import { mayApprove, mayEdit, wroteContent, type CaseRow, type ItemKind, type PlanContents, type PlanRow } from './domain';
import { cases, plans, type RevisionRow } from './repository';
import { items } from './repository-items';
import { approvers, awaiting, choices, mine, notes, type AwaitingRow, type Choice, type ResidentPlanRow } from './repository-records';
import { logRead, openCase, type CarePlansDeps, type Where } from './service-common';

/** Reads of plans: by staff each one audited (`plan.read`, naming the case), by the resident their own, not audited. */

export interface PlanView {
  case: CaseRow;
  plan: PlanRow | undefined;
  contents: PlanContents | undefined;
  revisions: RevisionRow[];
  today: string;
  canEdit: boolean;
  /** The viewer may decide about plans of this case (and this one is not their own). */
  canApprove: boolean;
  ownPlan: boolean;
  /** The viewer changed this plan's content (not its author): they may return it, never approve it. */
  editedPlan: boolean;
  /** Who may approve this submitted plan: approvers who changed none of it (empty for other statuses). */
  approvers: string[];
}

export async function contentsOf(sql: Sql, municipalityId: string, planId: string): Promise<PlanContents> {
  return { ...(await items.contents(sql, municipalityId, planId)), notes: await notes.of(sql, municipalityId, planId) };
}

/** A case's plan page: the plan asked for, or the current one (approved, else the draft); every revision listed. */
export async function planView(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string | null, actor: AuditActor, purpose = 'page'): Promise<PlanView> {
  return deps.db.tx(ctx, async (sql) => {
    const { case: c, access } = await openCase(sql, w);
    const plan = planId ? await plans.find(sql, w.municipalityId, w.caseId, planId) : await plans.current(sql, w.municipalityId, w.caseId);
    if (planId && !plan) throw new AppError('not_found');
    await logRead(sql, w.municipalityId, actor, { cases: [w.caseId], ids: plan ? [plan.id] : [], purpose });
    const own = plan?.author_id === w.viewer.userId;
    const approverNames = plan?.status === 'submitted' ? await approvers.of(sql, w.municipalityId, w.caseId, rolesWith('plans.approve'), plan.edited_by) : [];
    return {
      case: c,
      plan,
      contents: plan ? await contentsOf(sql, w.municipalityId, plan.id) : undefined,
      revisions: await plans.revisions(sql, w.municipalityId, w.caseId),
      today: warsawDay(),
      canEdit: mayEdit(access) && c.status === 'open',
      canApprove: mayApprove(access, w.viewer.permissions) && !own,
      ownPlan: own,
      editedPlan: !!plan && !own && wroteContent(plan, w.viewer.userId),
      approvers: approverNames,
    };
  });
}

export interface ItemFormData {
  case: CaseRow;
  plan: PlanRow;
  item: Record<string, unknown> | undefined;
  /** The section's items as saved now (shown beside a new item refused as stale). */
  siblings: Record<string, unknown>[];
  units: Choice[];
  organisations: Choice[];
  services: Choice[];
  /** The viewer may edit this plan now: theirs to draft, a draft, the case open. */
  canEdit: boolean;
}

/** What an item's form needs (the form shows the plan's case: audited as a read). */
export async function itemFormData(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, kind: ItemKind, itemId: string | null, actor: AuditActor): Promise<ItemFormData> {
  return deps.db.tx(ctx, async (sql) => {
    const { case: c, access } = await openCase(sql, w);
    const plan = await plans.find(sql, w.municipalityId, w.caseId, planId);
    if (!plan) throw new AppError('not_found');
    const item = itemId ? await items.find(sql, w.municipalityId, planId, kind, itemId) : undefined;
    if (itemId && !item) throw new AppError('not_found');
    await logRead(sql, w.municipalityId, actor, { cases: [w.caseId], ids: [planId], purpose: 'edit' });
    const services = kind === 'services';
    return {
      case: c,
      plan,
      item: item as Record<string, unknown> | undefined,
      siblings: (await items.of(sql, w.municipalityId, planId, kind)) as unknown as Record<string, unknown>[],
      units: services ? await choices.units(sql, w.municipalityId) : [],
      organisations: services ? await choices.organisations(sql, w.municipalityId) : [],
      services: services ? await choices.services(sql, w.municipalityId, (item as { service_id?: string } | undefined)?.service_id ?? null) : [],
      canEdit: mayEdit(access) && c.status === 'open' && plan.status === 'draft',
    };
  });
}

/** The plans submitted for approval the viewer may approve (names shown: audited, every case listed). */
export async function awaitingList(deps: CarePlansDeps, ctx: DbContext, municipalityId: string, viewer: Where['viewer'], actor: AuditActor): Promise<AwaitingRow[]> {
  return deps.db.tx(ctx, async (sql) => {
    const list = await awaiting.forApprover(sql, municipalityId, viewer.userId, viewer.permissions.has('plans.approve'));
    if (list.length) await logRead(sql, municipalityId, actor, { cases: list.map((r) => r.case_id), ids: list.map((r) => r.plan_id), purpose: 'awaiting' });
    return list;
  });
}

/** The resident's own plans: approved, superseded and closed ones of the cases whose resident they are. */
export async function myPlans(deps: CarePlansDeps, ctx: DbContext, municipalityId: string, userId: string): Promise<ResidentPlanRow[]> {
  return deps.db.tx(ctx, (sql) => mine.plans(sql, municipalityId, userId));
}

/** One of the resident's own plans, all of it (notes and reviews included: it is their data); anyone else's is not found. */
export async function myPlan(deps: CarePlansDeps, ctx: DbContext, municipalityId: string, userId: string, planId: string) {
  return deps.db.tx(ctx, async (sql) => {
    const caseId = await mine.caseOf(sql, municipalityId, userId, planId);
    if (!caseId) throw new AppError('not_found');
    const plan = (await plans.find(sql, municipalityId, caseId, planId))!;
    return { case: (await cases.find(sql, municipalityId, caseId))!, plan, contents: await contentsOf(sql, municipalityId, planId) };
  });
}
