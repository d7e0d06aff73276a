import type { Sql } from '../../platform/db/types';

/** What the start page counts of staff: role grants waiting for a second person. */
export const startCounts = {
  /** Grants still open that someone else asked for (nobody confirms their own). */
  async grantsToConfirm(sql: Sql, municipalityId: string, userId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM staff_role_grants WHERE municipality_id = $1 AND decided_at IS NULL AND expires_at > now() AND requested_by <> $2',
      [municipalityId, userId],
    );
    return row!.n;
  },
};
