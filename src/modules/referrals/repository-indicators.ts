import type { Sql } from '../../platform/db/types';

/**
 * Read model for the exchange's benchmarks (issue 20, ADR 0018): referrals to organisations accepted in
 * [from, to) — how many, and the median of the days from sending to the organisation's acceptance.
 */
export async function organisationAcceptDays(sql: Sql, municipalityId: string, from: Date, to: Date): Promise<{ count: number; median: number | null }> {
  const [row] = await sql.query<{ count: number; median: string | null }>(
    `SELECT count(*)::int AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - sent_at) / 86400.0) AS median
       FROM referrals
      WHERE municipality_id = $1 AND provider_kind = 'organisation' AND accepted_at >= $2 AND accepted_at < $3`,
    [municipalityId, from, to],
  );
  return { count: row?.count ?? 0, median: row?.median === undefined || row.median === null ? null : Number(row.median) };
}
