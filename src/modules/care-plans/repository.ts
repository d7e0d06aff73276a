import type { Sql } from '../../platform/db/types';
import type { CaseRow, PlanRow, PlanStatus } from './domain';

const PLAN_COLUMNS = `p.id, p.case_id, p.revision, p.status, p.situation, p.valid_from, p.valid_until, p.author_id, au.display_name AS author_name,
  p.edited_by::text[] AS edited_by, ARRAY(SELECT e.display_name FROM users e WHERE e.id = ANY (p.edited_by) ORDER BY e.display_name)::text[] AS editor_names,
  p.submitted_at, p.returned_note, p.approved_by, ap.display_name AS approver_name, p.approved_at, p.final_interview_on, p.final_summary,
  p.closed_at, cl.display_name AS closer_name, p.version, p.updated_at`;
const PLAN_FROM = `care_plans p JOIN users au ON au.id = p.author_id LEFT JOIN users ap ON ap.id = p.approved_by LEFT JOIN users cl ON cl.id = p.closed_by`;

export interface PlanHeader {
  situation: string;
  validFrom: string;
  validUntil: string;
}

export interface RevisionRow {
  id: string;
  revision: number;
  status: PlanStatus;
  valid_from: string;
  valid_until: string;
  approved_at: Date | null;
  closed_at: Date | null;
}

export const cases = {
  async find(sql: Sql, municipalityId: string, caseId: string): Promise<CaseRow | undefined> {
    const [row] = await sql.query<CaseRow>(
      `SELECT c.id, c.number, c.person_name, c.birth_year, c.coordinator_id, u.display_name AS coordinator_name, c.team_id, c.needs_plan,
              c.plan_due_on, c.status, c.resident_user_id
         FROM cases c JOIN users u ON u.id = c.coordinator_id WHERE c.municipality_id = $1 AND c.id = $2`,
      [municipalityId, caseId],
    );
    return row;
  },
};

export const plans = {
  async find(sql: Sql, municipalityId: string, caseId: string, planId: string, lock = false): Promise<PlanRow | undefined> {
    const [row] = await sql.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM ${PLAN_FROM} WHERE p.municipality_id = $1 AND p.case_id = $2 AND p.id = $3${lock ? ' FOR UPDATE OF p' : ''}`,
      [municipalityId, caseId, planId],
    );
    return row;
  },
  /** The plan a case's page shows: the approved one, else the draft (or submitted) one, else the latest. */
  async current(sql: Sql, municipalityId: string, caseId: string): Promise<PlanRow | undefined> {
    const [row] = await sql.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM ${PLAN_FROM} WHERE p.municipality_id = $1 AND p.case_id = $2
       ORDER BY CASE p.status WHEN 'approved' THEN 0 WHEN 'submitted' THEN 1 WHEN 'draft' THEN 1 ELSE 2 END, p.revision DESC LIMIT 1`,
      [municipalityId, caseId],
    );
    return row;
  },
  async revisions(sql: Sql, municipalityId: string, caseId: string): Promise<RevisionRow[]> {
    return sql.query<RevisionRow>(
      'SELECT id, revision, status, valid_from, valid_until, approved_at, closed_at FROM care_plans WHERE municipality_id = $1 AND case_id = $2 ORDER BY revision DESC',
      [municipalityId, caseId],
    );
  },
  async nextRevision(sql: Sql, municipalityId: string, caseId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT coalesce(max(revision), 0) + 1 AS n FROM care_plans WHERE municipality_id = $1 AND case_id = $2', [municipalityId, caseId]);
    return row!.n;
  },
  async insert(sql: Sql, municipalityId: string, caseId: string, revision: number, h: PlanHeader, authorId: string): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO care_plans (municipality_id, case_id, revision, situation, valid_from, valid_until, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [municipalityId, caseId, revision, h.situation, h.validFrom, h.validUntil, authorId],
    );
    return row!.id;
  },
  /** Any change of a plan, its parts included, moves its version on: false when `version` is no longer the saved one. */
  async bump(sql: Sql, municipalityId: string, planId: string, version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE care_plans SET version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id', [municipalityId, planId, version]);
    return rows.length === 1;
  },
  async updateHeader(sql: Sql, municipalityId: string, planId: string, version: number, h: PlanHeader): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE care_plans SET situation = $4, valid_from = $5, valid_until = $6, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id`,
      [municipalityId, planId, version, h.situation, h.validFrom, h.validUntil],
    );
    return rows.length === 1;
  },
  async submit(sql: Sql, municipalityId: string, planId: string, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE care_plans SET status = 'submitted', submitted_at = now(), version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND status = 'draft' RETURNING id`,
      [municipalityId, planId, version],
    );
    return rows.length === 1;
  },
  async returnToDraft(sql: Sql, municipalityId: string, planId: string, version: number, note: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE care_plans SET status = 'draft', submitted_at = NULL, returned_note = $4, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND status = 'submitted' RETURNING id`,
      [municipalityId, planId, version, note],
    );
    return rows.length === 1;
  },
  /** The approved plan of the case becomes superseded: run before approving its next revision (one approved plan per case). */
  async supersede(sql: Sql, municipalityId: string, caseId: string): Promise<string | undefined> {
    const [row] = await sql.query<{ id: string }>(
      "UPDATE care_plans SET status = 'superseded', version = version + 1, updated_at = now() WHERE municipality_id = $1 AND case_id = $2 AND status = 'approved' RETURNING id",
      [municipalityId, caseId],
    );
    return row?.id;
  },
  async approve(sql: Sql, municipalityId: string, planId: string, version: number, approverId: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE care_plans SET status = 'approved', approved_by = $4, approved_at = now(), returned_note = '', version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND status = 'submitted' RETURNING id`,
      [municipalityId, planId, version, approverId],
    );
    return rows.length === 1;
  },
  async close(sql: Sql, municipalityId: string, planId: string, version: number, c: { interviewOn: string; summary: string; by: string }): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE care_plans SET status = 'closed', final_interview_on = $4, final_summary = $5, closed_at = now(), closed_by = $6,
         version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND status = 'approved' RETURNING id`,
      [municipalityId, planId, version, c.interviewOn, c.summary, c.by],
    );
    return rows.length === 1;
  },
  /** Whether the case has a plan in force or in the making (draft, submitted or approved). */
  async hasLiving(sql: Sql, municipalityId: string, caseId: string): Promise<boolean> {
    const rows = await sql.query("SELECT 1 FROM care_plans WHERE municipality_id = $1 AND case_id = $2 AND status IN ('draft', 'submitted', 'approved')", [municipalityId, caseId]);
    return rows.length > 0;
  },
  /** The id of the case's approved plan (at most one), if any. */
  async approvedId(sql: Sql, municipalityId: string, caseId: string): Promise<string | undefined> {
    const [row] = await sql.query<{ id: string }>("SELECT id FROM care_plans WHERE municipality_id = $1 AND case_id = $2 AND status = 'approved'", [municipalityId, caseId]);
    return row?.id;
  },
  /** Whether the case has a draft (or submitted) plan: a case has at most one at a time. */
  async hasOpenDraft(sql: Sql, municipalityId: string, caseId: string): Promise<boolean> {
    const rows = await sql.query("SELECT 1 FROM care_plans WHERE municipality_id = $1 AND case_id = $2 AND status IN ('draft', 'submitted')", [municipalityId, caseId]);
    return rows.length > 0;
  },
};
