import type { Sql } from '../../platform/db/types';

/**
 * Read model for the exchange's benchmarks (issue 20, ADR 0018): an aggregate of the municipality's own
 * applications, never a person. Applications decided (accepted or declined) in [from, to): how many, and the
 * median of the days from submission to the decision.
 */
export async function applicationDecisionDays(sql: Sql, municipalityId: string, from: Date, to: Date): Promise<{ count: number; median: number | null }> {
  const [row] = await sql.query<{ count: number; median: string | null }>(
    `SELECT count(*)::int AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at) / 86400.0) AS median
       FROM applications
      WHERE municipality_id = $1 AND status IN ('accepted', 'declined') AND decided_at >= $2 AND decided_at < $3`,
    [municipalityId, from, to],
  );
  return { count: row?.count ?? 0, median: row?.median === undefined || row.median === null ? null : Number(row.median) };
}
