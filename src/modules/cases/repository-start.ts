import type { Sql } from '../../platform/db/types';

/** What the start page counts of cases: a coordinator's own open ones. */
export const startCounts = {
  async openOf(sql: Sql, municipalityId: string, coordinatorId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE municipality_id = $1 AND coordinator_id = $2 AND status = 'open'", [
      municipalityId, coordinatorId,
    ]);
    return row!.n;
  },
};
