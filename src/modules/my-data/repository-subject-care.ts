import type { Sql } from '../../platform/db/types';

/**
 * The data subject's read model, part 2: the individual plans (IPUS) and referrals of the person's
 * cases, with everything in them. Rows of the parts carry their parent's id; the service groups them.
 */

const DAY = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;
const MY_CASES = 'SELECT id FROM cases WHERE municipality_id = $1 AND resident_user_id = $2';
const MY_PLANS = `SELECT id FROM care_plans WHERE municipality_id = $1 AND case_id IN (${MY_CASES})`;
const MY_REFERRALS = `SELECT id FROM referrals WHERE municipality_id = $1 AND case_id IN (${MY_CASES})`;

export interface PlanRow {
  id: string;
  case_id: string;
  case_number: string;
  revision: number;
  status: string;
  situation: string;
  valid_from: string;
  valid_until: string;
  author_name: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  final_interview_on: string | null;
  final_summary: string;
  closed_at: Date | null;
}
export interface GoalRow { plan_id: string; description: string; measure: string }
export interface PlanServiceRow { plan_id: string; description: string; frequency: string; provider: string }
export interface CommitmentRow { plan_id: string; description: string; due_on: string | null }
export interface ReviewRow { plan_id: string; review_on: string; done_at: Date | null; note: string }
export interface NoteRow { plan_id: string; noted_on: string; body: string; author_name: string | null }

export interface ReferralRow {
  id: string;
  case_id: string;
  case_number: string;
  service_label: string;
  provider: string;
  status: string;
  status_reason: string;
  shared_details: string;
  override_basis: string | null;
  override_reason: string;
  respond_by: string;
  sent_at: Date;
  accepted_at: Date | null;
  completed_at: Date | null;
  outcome: string;
}
export interface ReferralEventRow { referral_id: string; status_from: string; status_to: string; reason: string; actor_name: string | null; at: Date }
export interface DeliveryRow { referral_id: string; delivered_on: string; minutes: number | null; units: string | null; note: string }

export const care = {
  async plans(sql: Sql, municipalityId: string, userId: string): Promise<PlanRow[]> {
    return sql.query<PlanRow>(
      `SELECT p.id, p.case_id, c.number AS case_number, p.revision, p.status, p.situation, ${DAY('p.valid_from')} AS valid_from,
         ${DAY('p.valid_until')} AS valid_until, au.display_name AS author_name, ap.display_name AS approved_by_name, p.approved_at,
         ${DAY('p.final_interview_on')} AS final_interview_on, p.final_summary, p.closed_at
       FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
       LEFT JOIN users au ON au.id = p.author_id LEFT JOIN users ap ON ap.id = p.approved_by
       WHERE p.municipality_id = $1 AND c.resident_user_id = $2 ORDER BY c.opened_at DESC, p.revision DESC`,
      [municipalityId, userId],
    );
  },
  goals: (sql: Sql, m: string, u: string) =>
    sql.query<GoalRow>(`SELECT plan_id, description, measure FROM care_plan_goals WHERE municipality_id = $1 AND plan_id IN (${MY_PLANS}) ORDER BY plan_id, position`, [m, u]),
  services: (sql: Sql, m: string, u: string) =>
    sql.query<PlanServiceRow>(
      `SELECT ps.plan_id, ps.description, ps.frequency, coalesce(o.name, un.name, ps.provider_name) AS provider
       FROM care_plan_services ps
       LEFT JOIN organisations o ON o.municipality_id = ps.municipality_id AND o.id = ps.provider_organisation_id
       LEFT JOIN units un ON un.municipality_id = ps.municipality_id AND un.id = ps.provider_unit_id
       WHERE ps.municipality_id = $1 AND ps.plan_id IN (${MY_PLANS}) ORDER BY ps.plan_id, ps.position`,
      [m, u],
    ),
  commitments: (sql: Sql, m: string, u: string) =>
    sql.query<CommitmentRow>(`SELECT plan_id, description, ${DAY('due_on')} AS due_on FROM care_plan_commitments WHERE municipality_id = $1 AND plan_id IN (${MY_PLANS}) ORDER BY plan_id, position`, [m, u]),
  reviews: (sql: Sql, m: string, u: string) =>
    sql.query<ReviewRow>(`SELECT plan_id, ${DAY('review_on')} AS review_on, done_at, note FROM care_plan_reviews WHERE municipality_id = $1 AND plan_id IN (${MY_PLANS}) ORDER BY plan_id, review_on`, [m, u]),
  notes: (sql: Sql, m: string, u: string) =>
    sql.query<NoteRow>(
      `SELECT n.plan_id, ${DAY('n.noted_on')} AS noted_on, n.body, u.display_name AS author_name FROM care_plan_notes n LEFT JOIN users u ON u.id = n.author_id
       WHERE n.municipality_id = $1 AND n.plan_id IN (${MY_PLANS}) ORDER BY n.plan_id, n.noted_on, n.id`,
      [m, u],
    ),
  async referrals(sql: Sql, municipalityId: string, userId: string): Promise<ReferralRow[]> {
    return sql.query<ReferralRow>(
      `SELECT r.id, r.case_id, c.number AS case_number, r.service_label, coalesce(o.name, un.name, '') AS provider, r.status, r.status_reason,
         r.shared_details, r.override_basis, r.override_reason, ${DAY('r.respond_by')} AS respond_by, r.sent_at, r.accepted_at, r.completed_at, r.outcome
       FROM referrals r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
       LEFT JOIN organisations o ON o.municipality_id = r.municipality_id AND o.id = r.organisation_id
       LEFT JOIN units un ON un.municipality_id = r.municipality_id AND un.id = r.unit_id
       WHERE r.municipality_id = $1 AND c.resident_user_id = $2 ORDER BY r.sent_at DESC, r.id`,
      [municipalityId, userId],
    );
  },
  referralEvents: (sql: Sql, m: string, u: string) =>
    sql.query<ReferralEventRow>(
      `SELECT e.referral_id, e.status_from, e.status_to, e.reason, u.display_name AS actor_name, e.at FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.municipality_id = $1 AND e.referral_id IN (${MY_REFERRALS}) ORDER BY e.referral_id, e.id`,
      [m, u],
    ),
  deliveries: (sql: Sql, m: string, u: string) =>
    sql.query<DeliveryRow>(
      `SELECT referral_id, ${DAY('delivered_on')} AS delivered_on, minutes, units::text AS units, note FROM referral_deliveries
       WHERE municipality_id = $1 AND referral_id IN (${MY_REFERRALS}) ORDER BY referral_id, delivered_on, id`,
      [m, u],
    ),
};
