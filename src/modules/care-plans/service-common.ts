import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, Sql } from '../../platform/db/types';
import { assertVersion } from '../../platform/http/conflict';
import { AppError } from '../../platform/http/errors';
import { requireCaseAccess, requireCaseWrite, type CaseAccess, type CaseViewer } from '../cases';
import { mayEdit, type CaseRow, type PlanRow, type PlanStatus } from './domain';
import { cases, plans } from './repository';

export interface CarePlansDeps {
  db: Database;
  publicUrl: string;
}

export interface Where {
  municipalityId: string;
  caseId: string;
  viewer: CaseViewer;
}

export interface OpenCase {
  case: CaseRow;
  access: CaseAccess;
}

/** The case, when the viewer's need-to-know reaches it (404 / 403 `case.need_to_know` otherwise). */
export async function openCase(sql: Sql, w: Where): Promise<OpenCase> {
  const access = await requireCaseAccess(sql, w.municipalityId, w.viewer, w.caseId);
  const c = await cases.find(sql, w.municipalityId, w.caseId);
  if (!c) throw new AppError('not_found');
  return { case: c, access };
}

/**
 * The case for any write on its plans: cases' one write rule first — the case row locked, write access
 * (a glass grant is 403 `case.read_only`), open under that lock — then the plan's own rules.
 */
export async function lockedCase(sql: Sql, w: Where): Promise<OpenCase> {
  const { access } = await requireCaseWrite(sql, w.municipalityId, w.viewer, w.caseId);
  const c = await cases.find(sql, w.municipalityId, w.caseId);
  if (!c) throw new AppError('not_found');
  return { case: c, access };
}

/** The case for a change of a plan's content: its coordinator (or their supervisor). */
export async function caseForChange(sql: Sql, w: Where): Promise<OpenCase> {
  const open = await lockedCase(sql, w);
  if (!mayEdit(open.access)) throw new AppError('auth.forbidden');
  return open;
}

/**
 * A plan of the case for a change made on `version`: locked, in one of `statuses` (else
 * `plan.wrong_status`), at that version (else `conflict.stale`: someone saved in between).
 */
export async function planForChange(sql: Sql, w: Where, planId: string, version: number, statuses: readonly PlanStatus[]): Promise<PlanRow> {
  const plan = await plans.find(sql, w.municipalityId, w.caseId, planId, true);
  if (!plan) throw new AppError('not_found');
  if (!statuses.includes(plan.status)) throw new AppError('plan.wrong_status');
  assertVersion(plan, version);
  return plan;
}

/** A change of a plan in the audit log: `plan.<what>`, always naming the case. */
export function logChange(sql: Sql, w: Where, actor: AuditActor, what: string, planId: string, details: Record<string, unknown> = {}): Promise<void> {
  return audit(sql, w.municipalityId, actor, { action: `plan.${what}`, subjectType: 'care_plan', subjectId: planId, details: { cases: [w.caseId], ids: [planId], ...details } });
}

/**
 * A read of plans by staff: `plan.read` naming every case and plan shown; one plan is the subject, a
 * list (the approvers' list) names them in `details`, a case's page with no plan yet names the case.
 */
export function logRead(sql: Sql, municipalityId: string, actor: AuditActor, read: { cases: string[]; ids: string[]; purpose: string }): Promise<void> {
  const one = read.ids.length === 1;
  return audit(sql, municipalityId, actor, {
    action: 'plan.read',
    subjectType: one ? 'care_plan' : read.ids.length ? 'care_plans' : 'case',
    subjectId: one ? read.ids[0] : read.ids.length ? '' : read.cases[0],
    details: { cases: [...new Set(read.cases)], ids: read.ids, purpose: read.purpose },
  });
}
