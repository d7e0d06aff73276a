import type { Sql } from '../../platform/db/types';

/** What the start page counts of applications: a resident's own, and the queues' new and waiting ones. */
export const startCounts = {
  async ofApplicant(sql: Sql, municipalityId: string, userId: string): Promise<{ in_queue: number; nearest_place: number | null }> {
    const [row] = await sql.query<{ in_queue: number; nearest_place: number | null }>(
      `SELECT count(*)::int AS in_queue, min(queue_position) FILTER (WHERE status = 'waiting')::int AS nearest_place
         FROM applications WHERE municipality_id = $1 AND applicant_id = $2 AND status IN ('waiting', 'on_hold')`,
      [municipalityId, userId],
    );
    return row!;
  },
  /** Applications waiting in the queues, and those of them that came in the last `days` days. */
  async waiting(sql: Sql, municipalityId: string, days: number): Promise<{ waiting: number; new: number }> {
    const [row] = await sql.query<{ waiting: number; new: number }>(
      `SELECT count(*)::int AS waiting, count(*) FILTER (WHERE submitted_at > now() - make_interval(days => $2))::int AS new
         FROM applications WHERE municipality_id = $1 AND status = 'waiting'`,
      [municipalityId, days],
    );
    return row!;
  },
};
