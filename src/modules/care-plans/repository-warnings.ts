import type { Sql } from '../../platform/db/types';

/** The daily deadline warnings' reads and writes (warnings.ts), and the staff accounts plan mails go to (mail.ts). */

export interface Warning {
  case_id: string;
  number: string;
  coordinator_id: string;
  kind: 'plan_due' | 'plan_expiring';
  subject_id: string;
  day: string;
  revision: number | null;
}

export interface WarnedMunicipality {
  id: string;
  slug: string;
  cus_name: string;
}

export interface Account {
  id: string;
  email: string;
  locale: string;
}

export const warnings = {
  /** Open cases needing a plan with none approved, due by `dueBy`, and approved plans of open cases expiring by `expiringBy`. */
  async candidates(sql: Sql, municipalityId: string, dueBy: string, expiringBy: string): Promise<Warning[]> {
    return sql.query<Warning>(
      `SELECT c.id AS case_id, c.number, c.coordinator_id, 'plan_due' AS kind, c.id AS subject_id, c.plan_due_on AS day, NULL::int AS revision
         FROM cases c WHERE c.municipality_id = $1 AND c.status = 'open' AND c.needs_plan AND c.plan_due_on <= $2::date
          AND NOT EXISTS (SELECT 1 FROM care_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id AND p.approved_at IS NOT NULL)
       UNION ALL
       SELECT c.id, c.number, c.coordinator_id, 'plan_expiring', p.id, p.valid_until, p.revision
         FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
        WHERE p.municipality_id = $1 AND p.status = 'approved' AND p.valid_until <= $3::date AND c.status = 'open'
       ORDER BY number, kind`,
      [municipalityId, dueBy, expiringBy],
    );
  },
  async holdersOf(sql: Sql, municipalityId: string, roles: readonly string[]): Promise<string[]> {
    const rows = await sql.query<{ user_id: string }>('SELECT user_id FROM memberships WHERE municipality_id = $1 AND roles && $2::text[]', [municipalityId, roles]);
    return rows.map((r) => r.user_id);
  },
  /** Records that `recipient` was warned of `w`: false when they had been already. */
  async record(sql: Sql, municipalityId: string, w: Warning, recipient: string): Promise<boolean> {
    const added = await sql.query(
      'INSERT INTO care_plan_warnings (municipality_id, case_id, kind, subject_id, recipient_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING kind',
      [municipalityId, w.case_id, w.kind, w.subject_id, recipient],
    );
    return added.length > 0;
  },
  async municipalities(sql: Sql): Promise<WarnedMunicipality[]> {
    return sql.query<WarnedMunicipality>('SELECT id, slug, cus_name FROM municipalities ORDER BY id');
  },
};

export async function accounts(sql: Sql, ids: string[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  return sql.query<Account>('SELECT id, email, locale FROM users WHERE id = ANY($1::uuid[]) ORDER BY email', [[...new Set(ids)]]);
}
