import type { Permission } from '../../platform/auth/roles';
import type { Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';

/**
 * Need-to-know (ADR 0014): why a person may open a case, or null when they may not.
 * - `coordinator`: the case is theirs;
 * - `supervisor`: the case belongs to a team they supervise;
 * - `director`: approving plans (`plans.approve`) opens every case of the centre;
 * - `glass`: an unexpired "break the glass" grant of theirs, given with a reason and flagged to the auditor.
 * Everyone else — other coordinators included — sees nothing of the case until they break the glass.
 */
export type CaseAccess = 'coordinator' | 'supervisor' | 'director' | 'glass';

export interface CaseViewer {
  userId: string;
  permissions: ReadonlySet<Permission>;
}

export async function caseAccess(sql: Sql, municipalityId: string, viewer: CaseViewer, caseId: string): Promise<CaseAccess | null> {
  if (!viewer.permissions.has('cases.manage')) return null;
  const [row] = await sql.query<{ own: boolean; supervised: boolean; glass: boolean }>(
    `SELECT c.coordinator_id = $3 AS own,
            EXISTS (SELECT 1 FROM care_teams t WHERE t.municipality_id = c.municipality_id AND t.id = c.team_id AND t.supervisor_id = $3) AS supervised,
            EXISTS (SELECT 1 FROM case_access_grants g WHERE g.municipality_id = c.municipality_id AND g.user_id = $3 AND g.case_id = c.id
                      AND g.expires_at > now()) AS glass
       FROM cases c WHERE c.municipality_id = $1 AND c.id = $2`,
    [municipalityId, caseId, viewer.userId],
  );
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
  const [exists] = await sql.query('SELECT 1 FROM cases WHERE municipality_id = $1 AND id = $2', [municipalityId, caseId]);
  if (!exists || !viewer.permissions.has('cases.manage')) throw new AppError('not_found');
  throw new AppError('case.need_to_know', { params: { caseId } });
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
