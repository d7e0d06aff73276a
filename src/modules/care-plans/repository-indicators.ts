import type { Sql } from '../../platform/db/types';

/**
 * Read model for the exchange's benchmarks (issue 20, ADR 0018): first plans (revision 1) approved in
 * [from, to) and how many of them were approved within 30 days of their case's opening.
 */
export async function firstPlansWithin30Days(sql: Sql, municipalityId: string, from: Date, to: Date): Promise<{ count: number; within: number }> {
  const [row] = await sql.query<{ count: number; within: number }>(
    `SELECT count(*)::int AS count, count(*) FILTER (WHERE p.approved_at <= c.opened_at + interval '30 days')::int AS within
       FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
      WHERE p.municipality_id = $1 AND p.revision = 1 AND p.approved_at >= $2 AND p.approved_at < $3`,
    [municipalityId, from, to],
  );
  return { count: row?.count ?? 0, within: row?.within ?? 0 };
}
