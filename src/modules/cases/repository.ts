import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';
import { caseNumber, PLAN_DUE_DAYS, type CaseApplication, type CaseRow } from './domain';

/** Whether an individual plan of the case was approved: the 30-day deadline is then met (plans: migration 0011). */
export const PLAN_APPROVED = `EXISTS (SELECT 1 FROM care_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id AND p.approved_at IS NOT NULL)`;
/**
 * The same for each row of a list, as a lateral join: one index probe per row shown. (An EXISTS in
 * the select list lets the planner hash every approved plan of the municipality instead.)
 */
export const PLAN_APPROVED_JOIN = `LEFT JOIN LATERAL (SELECT true AS approved FROM care_plans p
    WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id AND p.approved_at IS NOT NULL LIMIT 1) pa ON true`;

const COLUMNS = `c.id, c.number, c.opened_from, c.resident_user_id, c.person_name, c.birth_year, c.representative_name, c.contact_phone,
  c.contact_email, c.coordinator_id, u.display_name AS coordinator_name, c.team_id, t.name AS team_name, c.needs_plan, c.plan_due_on,
  ${PLAN_APPROVED} AS plan_approved, c.status, c.opened_at, c.closed_at, c.closing_note, c.anonymised_at, c.version`;
const FROM = `cases c JOIN users u ON u.id = c.coordinator_id
  LEFT JOIN care_teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id`;

/** The day an application's plan is due: its submission day in Warsaw (`tz`: the parameter holding TIME_ZONE) + 30 days. */
const dueFrom = (a: string, tz: string) => `((${a}.submitted_at AT TIME ZONE ${tz}::text)::date + ${PLAN_DUE_DAYS})`;

export interface ApplicationForCase {
  id: string;
  status: string;
  case_id: string | null;
  applicant_id: string | null;
  applicant_name: string;
  beneficiary_name: string;
  beneficiary_birth_year: number | null;
  relation: string;
  contact_phone: string;
  contact_email: string;
  need: string;
  service_name: string;
  submitted_at: Date;
  plan_due_on: string;
}

export interface CaseChanges {
  contactPhone: string;
  contactEmail: string;
  representativeName: string;
  coordinatorId: string;
  teamId: string | null;
  needsPlan: boolean;
}

export const cases = {
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<CaseRow | undefined> {
    const [row] = await sql.query<CaseRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.municipality_id = $1 AND c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`, [municipalityId, id]);
    return row;
  },
  /** The next number of the year (Warsaw) without gaps: the counter's row is held until the opening commits. */
  async nextNumber(sql: Sql, municipalityId: string): Promise<string> {
    const [row] = await sql.query<{ year: number; n: number }>(
      `INSERT INTO case_number_counters AS k (municipality_id, year, last_number)
       VALUES ($1, extract(year FROM now() AT TIME ZONE $2::text)::int, 1)
       ON CONFLICT (municipality_id, year) DO UPDATE SET last_number = k.last_number + 1
       RETURNING year, last_number AS n`,
      [municipalityId, TIME_ZONE],
    );
    return caseNumber(row!.year, row!.n);
  },
  /** A case from an application: its beneficiary, birth year, contact; the applicant represents anyone but themselves. */
  async insert(sql: Sql, municipalityId: string, c: { number: string; applicationId: string; coordinatorId: string; teamId: string | null; needsPlan: boolean }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO cases (municipality_id, number, opened_from, resident_user_id, person_name, birth_year, representative_name,
         contact_phone, contact_email, coordinator_id, team_id, needs_plan, plan_due_on)
       SELECT $1, $2, a.id, a.applicant_id, a.beneficiary_name, a.beneficiary_birth_year,
         CASE WHEN a.relation = 'self' THEN '' ELSE a.applicant_name END, a.contact_phone, a.contact_email, $4, $5, $6,
         CASE WHEN $6 THEN ${dueFrom('a', '$7')} END
       FROM applications a WHERE a.municipality_id = $1 AND a.id = $3
       RETURNING id`,
      [municipalityId, c.number, c.applicationId, c.coordinatorId, c.teamId, c.needsPlan, TIME_ZONE],
    );
    return row!.id;
  },
  /** Saves an edit made on `version`; false when someone else changed the case in between. */
  async update(sql: Sql, municipalityId: string, id: string, version: number, ch: CaseChanges): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE cases c SET contact_phone = $4, contact_email = $5, representative_name = $6, coordinator_id = $7, team_id = $8, needs_plan = $9,
         plan_due_on = CASE WHEN NOT $9 THEN NULL
           ELSE coalesce(c.plan_due_on, (SELECT ${dueFrom('a', '$10')} FROM applications a WHERE a.municipality_id = c.municipality_id AND a.id = c.opened_from)) END,
         version = c.version + 1, updated_at = now()
       WHERE c.municipality_id = $1 AND c.id = $2 AND c.version = $3 AND c.status = 'open' RETURNING c.id`,
      [municipalityId, id, version, ch.contactPhone, ch.contactEmail, ch.representativeName, ch.coordinatorId, ch.teamId, ch.needsPlan, TIME_ZONE],
    );
    return rows.length === 1;
  },
  /** Referrals of the case still open: the loop must close before the case does. */
  async openReferrals(sql: Sql, municipalityId: string, id: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM referrals WHERE municipality_id = $1 AND case_id = $2 AND status IN ('sent', 'accepted', 'in_progress')",
      [municipalityId, id],
    );
    return row!.n;
  },

  async close(sql: Sql, municipalityId: string, id: string, version: number, note: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE cases SET status = 'closed', closed_at = now(), closing_note = $4, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND status = 'open' RETURNING id`,
      [municipalityId, id, version, note],
    );
    return rows.length === 1;
  },
  async applications(sql: Sql, municipalityId: string, caseId: string): Promise<CaseApplication[]> {
    return sql.query<CaseApplication>(
      `SELECT a.id, s.name AS service_name, a.status, a.submitted_at FROM applications a
       JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
       WHERE a.municipality_id = $1 AND a.case_id = $2 ORDER BY a.submitted_at, a.id`,
      [municipalityId, caseId],
    );
  },
};

export const caseApplications = {
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<ApplicationForCase | undefined> {
    const [row] = await sql.query<ApplicationForCase>(
      `SELECT a.id, a.status, a.case_id, a.applicant_id, a.applicant_name, a.beneficiary_name, a.beneficiary_birth_year, a.relation,
         a.contact_phone, a.contact_email, a.need, s.name AS service_name, a.submitted_at, ${dueFrom('a', '$3')}::text AS plan_due_on
       FROM applications a JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
       WHERE a.municipality_id = $1 AND a.id = $2${lock ? ' FOR UPDATE OF a' : ''}`,
      [municipalityId, id, TIME_ZONE],
    );
    return row;
  },
  /** Accepted applications in no case yet, the most recently decided first: where cases are opened from. */
  async withoutCase(sql: Sql, municipalityId: string, limit = 100): Promise<{ id: string; beneficiary_name: string; beneficiary_birth_year: number | null; service_name: string; decided_at: Date }[]> {
    return sql.query(
      `SELECT a.id, a.beneficiary_name, a.beneficiary_birth_year, s.name AS service_name, a.decided_at
       FROM applications a JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
       WHERE a.municipality_id = $1 AND a.status = 'accepted' AND a.case_id IS NULL
       ORDER BY a.decided_at DESC NULLS LAST, a.id LIMIT $2`,
      [municipalityId, limit],
    );
  },
  /** The applicant's open case, to join a later application to. */
  async openCaseOf(sql: Sql, municipalityId: string, applicantId: string): Promise<{ id: string; number: string; coordinator_name: string } | undefined> {
    const [row] = await sql.query<{ id: string; number: string; coordinator_name: string }>(
      `SELECT c.id, c.number, u.display_name AS coordinator_name FROM cases c JOIN users u ON u.id = c.coordinator_id
       WHERE c.municipality_id = $1 AND c.resident_user_id = $2 AND c.status = 'open' ORDER BY c.opened_at DESC LIMIT 1`,
      [municipalityId, applicantId],
    );
    return row;
  },
  async setCase(sql: Sql, municipalityId: string, applicationId: string, caseId: string): Promise<boolean> {
    const rows = await sql.query('UPDATE applications SET case_id = $3 WHERE municipality_id = $1 AND id = $2 AND case_id IS NULL RETURNING id', [municipalityId, applicationId, caseId]);
    return rows.length === 1;
  },
};
