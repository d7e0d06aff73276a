import type { Sql } from '../../platform/db/types';
import type { NoteRow, PlanStatus } from './domain';

/** Monitoring (notes, reviews done), the approvers' list, the resident's own plans and the choices of a service's form. */

export interface Choice {
  id: string;
  name: string;
}

export interface AwaitingRow {
  plan_id: string;
  case_id: string;
  case_number: string;
  person_name: string;
  revision: number;
  author_name: string;
  submitted_at: Date;
  plan_due_on: string | null;
}

export interface ResidentPlanRow {
  plan_id: string;
  case_id: string;
  case_number: string;
  revision: number;
  status: PlanStatus;
  valid_from: string;
  valid_until: string;
  coordinator_name: string;
}

export const notes = {
  async of(sql: Sql, municipalityId: string, planId: string): Promise<NoteRow[]> {
    return sql.query<NoteRow>(
      `SELECT n.id, n.noted_on, n.body, u.display_name AS author_name, n.created_at FROM care_plan_notes n LEFT JOIN users u ON u.id = n.author_id
       WHERE n.municipality_id = $1 AND n.plan_id = $2 ORDER BY n.noted_on DESC, n.id DESC`,
      [municipalityId, planId],
    );
  },
  async add(sql: Sql, municipalityId: string, planId: string, notedOn: string, body: string, authorId: string): Promise<number> {
    const [row] = await sql.query<{ id: number }>(
      'INSERT INTO care_plan_notes (municipality_id, plan_id, noted_on, body, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [municipalityId, planId, notedOn, body, authorId],
    );
    return row!.id;
  },
};

export const reviews = {
  async find(sql: Sql, municipalityId: string, planId: string, reviewId: string): Promise<{ done_at: Date | null } | undefined> {
    const [row] = await sql.query<{ done_at: Date | null }>('SELECT done_at FROM care_plan_reviews WHERE municipality_id = $1 AND plan_id = $2 AND id = $3', [municipalityId, planId, reviewId]);
    return row;
  },
  /** Records a review as done, once: false when it was done already (the first note stays). */
  async markDone(sql: Sql, municipalityId: string, planId: string, reviewId: string, note: string, by: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE care_plan_reviews SET done_at = now(), done_by = $5, note = $4
       WHERE municipality_id = $1 AND plan_id = $2 AND id = $3 AND done_at IS NULL RETURNING id`,
      [municipalityId, planId, reviewId, note, by],
    );
    return rows.length === 1;
  },
};

export const awaiting = {
  /**
   * Plans submitted for approval that `userId` may approve: every one when they hold plans.approve,
   * else those of cases in teams they supervise; never their own.
   */
  async forApprover(sql: Sql, municipalityId: string, userId: string, director: boolean): Promise<AwaitingRow[]> {
    return sql.query<AwaitingRow>(
      `SELECT p.id AS plan_id, c.id AS case_id, c.number AS case_number, c.person_name, p.revision, u.display_name AS author_name, p.submitted_at, c.plan_due_on
         FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id JOIN users u ON u.id = p.author_id
        WHERE p.municipality_id = $1 AND p.status = 'submitted' AND p.author_id <> $2 AND NOT ($2::uuid = ANY (p.edited_by))
          AND ($3 OR c.team_id IN (SELECT t.id FROM care_teams t WHERE t.municipality_id = $1 AND t.supervisor_id = $2))
        ORDER BY p.submitted_at, p.id LIMIT 500`,
      [municipalityId, userId, director],
    );
  },
};

export const approvers = {
  /** Who may approve a plan of the case: holders of `roles` (plans.approve) and the supervisor of the case's team, but none of `excluded`. */
  async of(sql: Sql, municipalityId: string, caseId: string, roles: readonly string[], excluded: readonly string[]): Promise<string[]> {
    const rows = await sql.query<{ display_name: string }>(
      `SELECT u.display_name FROM users u
        WHERE u.id IN (SELECT m.user_id FROM memberships m WHERE m.municipality_id = $1 AND m.roles && $3::text[]
                       UNION SELECT t.supervisor_id FROM cases c JOIN care_teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
                        WHERE c.municipality_id = $1 AND c.id = $2)
          AND NOT (u.id = ANY ($4::uuid[]))
        ORDER BY u.display_name`,
      [municipalityId, caseId, roles, excluded],
    );
    return rows.map((r) => r.display_name);
  },
};

export const mine = {
  /** The approved, superseded and closed plans of the cases whose resident is `userId`. */
  async plans(sql: Sql, municipalityId: string, userId: string): Promise<ResidentPlanRow[]> {
    return sql.query<ResidentPlanRow>(
      `SELECT p.id AS plan_id, c.id AS case_id, c.number AS case_number, p.revision, p.status, p.valid_from, p.valid_until, u.display_name AS coordinator_name
         FROM cases c JOIN care_plans p ON p.municipality_id = c.municipality_id AND p.case_id = c.id JOIN users u ON u.id = c.coordinator_id
        WHERE c.municipality_id = $1 AND c.resident_user_id = $2 AND p.status IN ('approved', 'superseded', 'closed')
        ORDER BY c.number, p.revision DESC`,
      [municipalityId, userId],
    );
  },
  /** The case of one such plan, when it is theirs. */
  async caseOf(sql: Sql, municipalityId: string, userId: string, planId: string): Promise<string | undefined> {
    const [row] = await sql.query<{ case_id: string }>(
      `SELECT c.id AS case_id FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
        WHERE p.municipality_id = $1 AND p.id = $3 AND c.resident_user_id = $2 AND p.status IN ('approved', 'superseded', 'closed')`,
      [municipalityId, userId, planId],
    );
    return row?.case_id;
  },
};

export const choices = {
  units: (sql: Sql, municipalityId: string) => sql.query<Choice>('SELECT id, name FROM units WHERE municipality_id = $1 ORDER BY position, name', [municipalityId]),
  /** Verified organisations of the registry (a pending registration is nobody's provider yet). */
  organisations: (sql: Sql, municipalityId: string) =>
    sql.query<Choice>("SELECT id, name FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY name", [municipalityId]),
  /** Active services of the catalogue, and the one already chosen whatever its status now. */
  services: (sql: Sql, municipalityId: string, keep: string | null) =>
    sql.query<Choice>("SELECT id, name FROM services WHERE municipality_id = $1 AND (status = 'active' OR id = $2) ORDER BY name", [municipalityId, keep]),
};
