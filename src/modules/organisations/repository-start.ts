import type { Sql } from '../../platform/db/types';

/** What the start page counts of the registry: a representative's organisations, and registrations waiting for verification. */
export const startCounts = {
  /** The organisations the person registered or belongs to (as "Moje organizacje" lists them), and how many of them still wait for verification. */
  async ofMember(sql: Sql, municipalityId: string, userId: string): Promise<{ organisations: number; pending: number }> {
    const [row] = await sql.query<{ organisations: number; pending: number }>(
      `SELECT count(*)::int AS organisations, count(*) FILTER (WHERE o.status = 'pending')::int AS pending
         FROM organisations o
        WHERE o.municipality_id = $1 AND (o.registered_by = $2
          OR EXISTS (SELECT 1 FROM organisation_members m WHERE m.municipality_id = o.municipality_id AND m.organisation_id = o.id AND m.user_id = $2))`,
      [municipalityId, userId],
    );
    return row!;
  },
  async toVerify(sql: Sql, municipalityId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM organisations WHERE municipality_id = $1 AND status = 'pending'", [municipalityId]);
    return row!.n;
  },
};
