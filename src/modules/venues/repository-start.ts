import type { Sql } from '../../platform/db/types';

/** What the start page counts of room bookings: a person's coming ones, and requests waiting for staff. */
export const startCounts = {
  /** The person's requests not yet over, waiting or approved: as themselves, and on behalf of an organisation. */
  async ofRequester(sql: Sql, municipalityId: string, userId: string): Promise<{ own: number; organisation: number }> {
    const [row] = await sql.query<{ own: number; organisation: number }>(
      `SELECT count(*) FILTER (WHERE organisation_id IS NULL)::int AS own, count(*) FILTER (WHERE organisation_id IS NOT NULL)::int AS organisation
         FROM room_bookings WHERE municipality_id = $1 AND requested_by = $2 AND source = 'request'
          AND status IN ('requested', 'approved') AND upper(during) > now()`,
      [municipalityId, userId],
    );
    return row!;
  },
  /** Requests waiting for a decision, a weekly series counted once (as the queue lists them). */
  async toDecide(sql: Sql, municipalityId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(DISTINCT coalesce(series_id, id))::int AS n FROM room_bookings
        WHERE municipality_id = $1 AND status = 'requested' AND upper(during) > now()`,
      [municipalityId],
    );
    return row!.n;
  },
};
