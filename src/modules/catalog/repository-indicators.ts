import type { Sql } from '../../platform/db/types';

/** Read model for the exchange's benchmarks (issue 20, ADR 0018): the catalogue's active services now. */
export async function activeServiceCount(sql: Sql, municipalityId: string): Promise<number> {
  const [row] = await sql.query<{ count: number }>("SELECT count(*)::int AS count FROM services WHERE municipality_id = $1 AND status = 'active'", [municipalityId]);
  return row?.count ?? 0;
}
