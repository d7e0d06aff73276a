import type { Permission } from '../../platform/auth/roles';
import type { Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { accessRows } from './repository-access';

/**
 * Need-to-know (ADR 0014): why a person may open a case, or null when they may not.
 * - `coordinator`: the case is theirs;
 * - `supervisor`: the case belongs to a team they supervise;
 * - `director`: approving plans (`plans.approve`) opens every case of the centre;
 * - `glass`: an unexpired "break the glass" grant of theirs, given with a reason and flagged to the auditor.
 * Everyone else — other coordinators included — sees nothing of the case until they break the glass.
 * Reading and writing differ: a glass grant only reads (`requireCaseWrite` below).
 */
export type CaseAccess = 'coordinator' | 'supervisor' | 'director' | 'glass';

export interface CaseViewer {
  userId: string;
  permissions: ReadonlySet<Permission>;
}

export async function caseAccess(sql: Sql, municipalityId: string, viewer: CaseViewer, caseId: string): Promise<CaseAccess | null> {
  if (!viewer.permissions.has('cases.manage')) return null;
  const row = await accessRows.ties(sql, municipalityId, caseId, viewer.userId);
  if (!row) return null;
  if (row.own) return 'coordinator';
  if (row.supervised) return 'supervisor';
  if (viewer.permissions.has('plans.approve')) return 'director';
  if (row.glass) return 'glass';
  return null;
}

/**
 * The case's access, or an error: 404 when the case does not exist (or is in another municipality),
 * 403 `case.need_to_know` when it exists but is outside the viewer's need-to-know — the page then
 * offers to break the glass.
 */
export async function requireCaseAccess(sql: Sql, municipalityId: string, viewer: CaseViewer, caseId: string): Promise<CaseAccess> {
  const access = await caseAccess(sql, municipalityId, viewer, caseId);
  if (access) return access;
  if (!(await accessRows.exists(sql, municipalityId, caseId)) || !viewer.permissions.has('cases.manage')) throw new AppError('not_found');
  throw new AppError('case.need_to_know', { params: { caseId } });
}

/**
 * Writing to a case — the case itself, its plans, referrals, documents and notes — is for those who
 * answer for it: the coordinator, the team's supervisor, a director. A glass grant reads, never writes
 * (it would otherwise let its holder take the case over, close it or refer the person).
 */
export const mayWriteCase = (access: CaseAccess | null): boolean => access === 'coordinator' || access === 'supervisor' || access === 'director';

export interface CaseWrite {
  access: CaseAccess;
  status: 'open' | 'closed';
}

/**
 * The one rule every write on a case or on what hangs off it asks, first in its transaction. It locks
 * the case row (FOR NO KEY UPDATE: closing, an edit and every child write queue behind each other,
 * while foreign keys pointing at the case are not blocked) and then, under that lock, requires write
 * access (a glass reader gets 403 `case.read_only`) and an open case (`case.closed`): a child is never
 * created on a case that another transaction has just closed. `{ lock: false }` only asks whether a
 * form may be shown.
 */
export async function requireCaseWrite(sql: Sql, municipalityId: string, viewer: CaseViewer, caseId: string, opts: { lock?: boolean } = {}): Promise<CaseWrite> {
  const status = await accessRows.status(sql, municipalityId, caseId, opts.lock !== false);
  const access = await requireCaseAccess(sql, municipalityId, viewer, caseId);
  if (!mayWriteCase(access)) throw new AppError('case.read_only');
  if (status !== 'open') throw new AppError('case.closed');
  return { access, status };
}

/** Whether `requireCaseWrite` would let the viewer write now: to show a form or not (the write itself asks again, under the lock). */
export async function canWriteCase(sql: Sql, municipalityId: string, viewer: CaseViewer, caseId: string): Promise<boolean> {
  return mayWriteCase(await caseAccess(sql, municipalityId, viewer, caseId)) && (await accessRows.status(sql, municipalityId, caseId, false)) === 'open';
}

/** The parent's lock alone, for a write whose access is decided elsewhere (an application joined to the applicant's case). */
export async function lockOpenCase(sql: Sql, municipalityId: string, caseId: string): Promise<void> {
  if ((await accessRows.status(sql, municipalityId, caseId, true)) !== 'open') throw new AppError('case.closed');
}

/** Need-to-know over several cases at once (an application joined to a case, its documents): every one must be readable. */
export async function requireCasesAccess(sql: Sql, municipalityId: string, viewer: CaseViewer, caseIds: readonly string[]): Promise<void> {
  for (const id of new Set(caseIds)) await requireCaseAccess(sql, municipalityId, viewer, id);
}

/**
 * The SQL condition for "cases this viewer may list" over an alias `c` of cases; its parameter is
 * the viewer's user id at position `$n`. Directors list everything.
 */
export function visibleCasesCondition(viewer: CaseViewer, n: number): string {
  if (viewer.permissions.has('plans.approve')) return 'true';
  return `(c.coordinator_id = $${n}
    OR c.team_id IN (SELECT t.id FROM care_teams t WHERE t.municipality_id = c.municipality_id AND t.supervisor_id = $${n})
    OR EXISTS (SELECT 1 FROM case_access_grants g WHERE g.municipality_id = c.municipality_id AND g.user_id = $${n} AND g.case_id = c.id AND g.expires_at > now()))`;
}
