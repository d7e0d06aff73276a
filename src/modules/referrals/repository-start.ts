import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';


/** What the start page counts of referrals: a resident's open ones, those waiting for an organisation's answer, overdue ones of a coordinator's cases. */
export const startCounts = {
  /** Open referrals (sent, accepted, in progress) of the cases whose resident is the person. */
  async ofResident(sql: Sql, municipalityId: string, userId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM referrals r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
        WHERE r.municipality_id = $1 AND c.resident_user_id = $2 AND r.status IN ('sent', 'accepted', 'in_progress')`,
      [municipalityId, userId],
    );
    return row!.n;
  },
  /** Referrals sent to the organisations the person belongs to, still to be accepted or rejected. */
  async toAnswer(sql: Sql, municipalityId: string, userId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM referrals r
        WHERE r.municipality_id = $1 AND r.status = 'sent'
          AND r.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE municipality_id = $1 AND user_id = $2)`,
      [municipalityId, userId],
    );
    return row!.n;
  },
  /** Sent referrals past their answer-by day, of the cases the viewer may list (`visible`: a condition on `c` with the viewer's id as $2), as /referrals/overdue lists them. */
  async overdue(sql: Sql, municipalityId: string, viewerId: string, visible: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM referrals r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
        WHERE r.municipality_id = $1 AND r.status = 'sent' AND r.respond_by < (now() AT TIME ZONE $3::text)::date AND (${visible}) AND $2::uuid IS NOT NULL`,
      [municipalityId, viewerId, TIME_ZONE],
    );
    return row!.n;
  },
};
