import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';

/** Today on the Warsaw calendar, in SQL: `tz` is the parameter holding TIME_ZONE. */
const today = (tz: string) => `(now() AT TIME ZONE ${tz}::text)::date`;

/** What the start page counts of individual plans: a resident's own, a coordinator's deadlines, an approver's queue. */
export const startCounts = {
  /** Approved plans (in force) of the cases whose resident is the person. */
  async ofResident(sql: Sql, municipalityId: string, userId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
        WHERE p.municipality_id = $1 AND c.resident_user_id = $2 AND p.status = 'approved'`,
      [municipalityId, userId],
    );
    return row!.n;
  },
  /**
   * The coordinator's own open cases: those needing a plan with none approved, due within `dueDays` or past,
   * and approved plans expiring within `expiryDays` (the deadlines the daily warnings mail about).
   */
  async deadlines(sql: Sql, municipalityId: string, coordinatorId: string, dueDays: number, expiryDays: number): Promise<{ due: number; expiring: number }> {
    const [row] = await sql.query<{ due: number; expiring: number }>(
      `SELECT
         (SELECT count(*) FROM cases c WHERE c.municipality_id = $1 AND c.coordinator_id = $2 AND c.status = 'open' AND c.needs_plan
            AND c.plan_due_on <= ${today('$5')} + $3::int
            AND NOT EXISTS (SELECT 1 FROM care_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id AND p.approved_at IS NOT NULL))::int AS due,
         (SELECT count(*) FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
           WHERE p.municipality_id = $1 AND c.coordinator_id = $2 AND c.status = 'open' AND p.status = 'approved'
             AND p.valid_until <= ${today('$5')} + $4::int)::int AS expiring`,
      [municipalityId, coordinatorId, dueDays, expiryDays, TIME_ZONE],
    );
    return row!;
  },
  /** Plans submitted for approval the person may approve (as the awaiting list shows them): all for `director`, else their teams'; never their own. */
  async toApprove(sql: Sql, municipalityId: string, userId: string, director: boolean): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
        WHERE p.municipality_id = $1 AND p.status = 'submitted' AND p.author_id <> $2 AND NOT ($2::uuid = ANY (p.edited_by))
          AND ($3 OR c.team_id IN (SELECT t.id FROM care_teams t WHERE t.municipality_id = $1 AND t.supervisor_id = $2))`,
      [municipalityId, userId, director],
    );
    return row!.n;
  },
};
