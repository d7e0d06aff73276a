import type { Sql } from '../../platform/db/types';

/** What the start page counts of meetings: invitations still to answer and meetings coming up. */
export const startCounts = {
  /**
   * Invitations to planned meetings not yet over: the person's own (by account or address) and their
   * organisations', each split into not yet answered and answered "yes".
   */
  async invitations(sql: Sql, municipalityId: string, user: { id: string; email: string }): Promise<{ own_open: number; own_going: number; org_open: number }> {
    const [row] = await sql.query<{ own_open: number; own_going: number; org_open: number }>(
      `SELECT
         count(*) FILTER (WHERE i.organisation_id IS NULL AND i.response IS NULL)::int AS own_open,
         count(*) FILTER (WHERE i.organisation_id IS NULL AND i.response = 'yes')::int AS own_going,
         count(*) FILTER (WHERE i.organisation_id IS NOT NULL AND i.response IS NULL)::int AS org_open
       FROM meeting_invitations i JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
       WHERE i.municipality_id = $1 AND m.status = 'planned' AND m.ends_at >= now() AND (
         (i.organisation_id IS NULL AND (i.user_id = $2 OR i.email = $3))
         OR i.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE municipality_id = $1 AND user_id = $2))`,
      [municipalityId, user.id, user.email],
    );
    return row!;
  },
  /** Planned meetings of the municipality starting within `days` days. */
  async coming(sql: Sql, municipalityId: string, days: number): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM meetings WHERE municipality_id = $1 AND status = 'planned' AND starts_at >= now() AND starts_at < now() + make_interval(days => $2)`,
      [municipalityId, days],
    );
    return row!.n;
  },
};
