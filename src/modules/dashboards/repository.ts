import type { Sql } from '../../platform/db/types';
import { ACCEPTANCE_WEEKS, PLAN_DUE_DAYS, PLAN_EXPIRY_DAYS, type PlanRow, type ProviderRow, type QueueRow, type ReferralStatus } from './domain';

/**
 * The dashboards' aggregate read model: every statement returns counts, medians and rates per
 * service, team, provider or status — never a row of a person. `now` and `today` (the Warsaw day)
 * come from the caller, so one page's sections agree on the moment. Each total is the grouping set
 * `()` of the same statement as the rows above it.
 */

const DAY = 86400;
const days = (seconds: string) => `round((${seconds} / ${DAY})::numeric, 1)::float8`;
const hours = (seconds: string) => `round((${seconds} / 3600)::numeric, 1)::float8`;

export const dashboards = {
  /**
   * Per service with a queue or acceptances lately: waiting and on hold, days waited by those waiting
   * (median, longest), and the median days from submission to acceptance of the last weeks.
   */
  async queues(sql: Sql, municipalityId: string, now: Date): Promise<QueueRow[]> {
    return sql.query<QueueRow>(
      `SELECT q.service_id, s.name AS service_name, q.waiting, q.on_hold, q.median_wait_days, q.longest_wait_days, q.accepted, q.median_accept_days
       FROM (
         SELECT a.service_id, grouping(a.service_id) = 1 AS total,
           count(*) FILTER (WHERE a.status = 'waiting')::int AS waiting,
           count(*) FILTER (WHERE a.status = 'on_hold')::int AS on_hold,
           ${days("percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM $2::timestamptz - a.submitted_at)) FILTER (WHERE a.status = 'waiting')")} AS median_wait_days,
           ${days("max(extract(epoch FROM $2::timestamptz - a.submitted_at)) FILTER (WHERE a.status = 'waiting')")} AS longest_wait_days,
           count(*) FILTER (WHERE a.status = 'accepted')::int AS accepted,
           ${days("percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.decided_at - a.submitted_at)) FILTER (WHERE a.status = 'accepted')")} AS median_accept_days
         FROM applications a
         WHERE a.municipality_id = $1
           AND (a.queue_position IS NOT NULL OR (a.status = 'accepted' AND a.decided_at >= $2::timestamptz - make_interval(weeks => $3)))
         GROUP BY GROUPING SETS ((a.service_id), ())
       ) q
       LEFT JOIN services s ON s.municipality_id = $1 AND s.id = q.service_id
       ORDER BY q.total DESC, q.waiting + q.on_hold DESC, q.accepted DESC, s.name`,
      [municipalityId, now, ACCEPTANCE_WEEKS],
    );
  },

  /**
   * Per care team (and cases of no team): open cases needing a plan with none approved yet whose
   * deadline is near or past, and approved plans of open cases whose year is ending or over.
   */
  async plans(sql: Sql, municipalityId: string, today: string): Promise<PlanRow[]> {
    return sql.query<PlanRow>(
      `WITH flagged AS (
         SELECT c.team_id, c.plan_due_on >= $2::date AS due_soon, c.plan_due_on < $2::date AS due_passed, false AS expiring, false AS expired
         FROM cases c
         WHERE c.municipality_id = $1 AND c.status = 'open' AND c.needs_plan AND c.plan_due_on <= $2::date + $3::int
           AND NOT EXISTS (SELECT 1 FROM care_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id AND p.approved_at IS NOT NULL)
         UNION ALL
         SELECT c.team_id, false, false, p.valid_until >= $2::date, p.valid_until < $2::date
         FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id AND c.status = 'open'
         WHERE p.municipality_id = $1 AND p.status = 'approved' AND p.valid_until <= $2::date + $4::int
       ), counted AS (
         SELECT f.team_id, grouping(f.team_id) = 1 AS total,
           count(*) FILTER (WHERE f.due_soon)::int AS due_soon, count(*) FILTER (WHERE f.due_passed)::int AS due_passed,
           count(*) FILTER (WHERE f.expiring)::int AS expiring, count(*) FILTER (WHERE f.expired)::int AS expired
         FROM flagged f GROUP BY GROUPING SETS ((f.team_id), ())
       )
       SELECT t.id AS team_id, t.name AS team_name, false AS total,
         coalesce(n.due_soon, 0) AS due_soon, coalesce(n.due_passed, 0) AS due_passed, coalesce(n.expiring, 0) AS expiring, coalesce(n.expired, 0) AS expired
       FROM care_teams t LEFT JOIN counted n ON n.team_id = t.id AND NOT n.total
       WHERE t.municipality_id = $1
       UNION ALL
       SELECT n.team_id, NULL, n.total, n.due_soon, n.due_passed, n.expiring, n.expired
       FROM counted n WHERE n.team_id IS NULL
       ORDER BY total, team_name NULLS LAST`,
      [municipalityId, today, PLAN_DUE_DAYS, PLAN_EXPIRY_DAYS],
    );
  },

  /** Referrals sent since `since`, counted by status. */
  async referralStatuses(sql: Sql, municipalityId: string, since: Date): Promise<{ status: ReferralStatus; n: number }[]> {
    return sql.query(
      'SELECT status, count(*)::int AS n FROM referrals WHERE municipality_id = $1 AND sent_at >= $2 GROUP BY status',
      [municipalityId, since],
    );
  },

  /**
   * Referrals sent since `since`, per provider (a unit of the centre or an organisation, by name) and
   * in total: answered, accepted, hours to accept (median, 90th percentile), closed, overdue today.
   */
  async referralProviders(sql: Sql, municipalityId: string, since: Date, today: string): Promise<ProviderRow[]> {
    return sql.query<ProviderRow>(
      `SELECT r.provider_kind, r.provider_id, coalesce(u.name, o.name) AS provider_name, r.sent, r.accepted, r.rejected, r.answered,
         r.completed, r.closed, r.median_accept_hours, r.p90_accept_hours, r.overdue
       FROM (
         SELECT x.provider_kind, coalesce(x.unit_id, x.organisation_id) AS provider_id, grouping(x.provider_kind) = 1 AS total,
           count(*)::int AS sent,
           count(*) FILTER (WHERE x.accepted_at IS NOT NULL)::int AS accepted,
           count(*) FILTER (WHERE x.status = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE x.accepted_at IS NOT NULL OR x.status = 'rejected')::int AS answered,
           count(*) FILTER (WHERE x.status = 'completed')::int AS completed,
           count(*) FILTER (WHERE x.status IN ('completed', 'cancelled', 'rejected'))::int AS closed,
           ${hours('percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM x.accepted_at - x.sent_at)) FILTER (WHERE x.accepted_at IS NOT NULL)')} AS median_accept_hours,
           ${hours('percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM x.accepted_at - x.sent_at)) FILTER (WHERE x.accepted_at IS NOT NULL)')} AS p90_accept_hours,
           count(*) FILTER (WHERE x.status = 'sent' AND x.respond_by < $3::date)::int AS overdue
         FROM referrals x WHERE x.municipality_id = $1 AND x.sent_at >= $2
         GROUP BY GROUPING SETS ((x.provider_kind, coalesce(x.unit_id, x.organisation_id)), ())
       ) r
       LEFT JOIN units u ON u.municipality_id = $1 AND r.provider_kind = 'unit' AND u.id = r.provider_id
       LEFT JOIN organisations o ON o.municipality_id = $1 AND r.provider_kind = 'organisation' AND o.id = r.provider_id
       ORDER BY r.total DESC, r.sent DESC, provider_name`,
      [municipalityId, since, today],
    );
  },
};
