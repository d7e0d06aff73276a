import type { Sql } from '../../platform/db/types';

/** What need-to-know (access.ts) reads of a case: the viewer's ties to it, whether it exists, its status (under a lock if asked). */

export interface CaseTies {
  own: boolean;
  supervised: boolean;
  glass: boolean;
}

export const accessRows = {
  /** The viewer's ties to the case; undefined when there is no such case in the municipality. */
  async ties(sql: Sql, municipalityId: string, caseId: string, userId: string): Promise<CaseTies | undefined> {
    const [row] = await sql.query<CaseTies>(
      `SELECT c.coordinator_id = $3 AS own,
              EXISTS (SELECT 1 FROM care_teams t WHERE t.municipality_id = c.municipality_id AND t.id = c.team_id AND t.supervisor_id = $3) AS supervised,
              EXISTS (SELECT 1 FROM case_access_grants g WHERE g.municipality_id = c.municipality_id AND g.user_id = $3 AND g.case_id = c.id
                        AND g.expires_at > now()) AS glass
         FROM cases c WHERE c.municipality_id = $1 AND c.id = $2`,
      [municipalityId, caseId, userId],
    );
    return row;
  },
  async exists(sql: Sql, municipalityId: string, caseId: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM cases WHERE municipality_id = $1 AND id = $2', [municipalityId, caseId]);
    return rows.length > 0;
  },
  /** FOR NO KEY UPDATE when `lock`: see requireCaseWrite. */
  async status(sql: Sql, municipalityId: string, caseId: string, lock: boolean): Promise<'open' | 'closed' | undefined> {
    const [row] = await sql.query<{ status: 'open' | 'closed' }>(
      `SELECT status FROM cases WHERE municipality_id = $1 AND id = $2${lock ? ' FOR NO KEY UPDATE' : ''}`,
      [municipalityId, caseId],
    );
    return row?.status;
  },
};
