import type { Sql } from '../../platform/db/types';
import { ANONYMISED_NAME, ANONYMISED_TEXT } from '../../platform/module';
import { DEFAULT_RETENTION_MONTHS } from './domain';

export interface PolicyRow {
  closed_case_months: number;
  /** 0: no row yet (the default applies). */
  version: number;
  updated_at: Date | null;
  updated_by_name: string | null;
}

export const retention = {
  /** Every municipality, for the job that works through each in turn. */
  async municipalities(sql: Sql): Promise<{ id: string }[]> {
    return sql.query<{ id: string }>('SELECT id FROM municipalities ORDER BY id');
  },
  async policy(sql: Sql, municipalityId: string): Promise<PolicyRow> {
    const [row] = await sql.query<PolicyRow>(
      `SELECT p.closed_case_months, p.version, p.updated_at, u.display_name AS updated_by_name
       FROM retention_policies p LEFT JOIN users u ON u.id = p.updated_by WHERE p.municipality_id = $1`,
      [municipalityId],
    );
    return row ?? { closed_case_months: DEFAULT_RETENTION_MONTHS, version: 0, updated_at: null, updated_by_name: null };
  },
  /** Saves the months on `version` (0: the first save); false when someone else saved in between. */
  async save(sql: Sql, municipalityId: string, version: number, months: number, userId: string): Promise<boolean> {
    const rows =
      version === 0
        ? await sql.query('INSERT INTO retention_policies (municipality_id, closed_case_months, updated_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1', [municipalityId, months, userId])
        : await sql.query(
            'UPDATE retention_policies SET closed_case_months = $3, updated_by = $4, updated_at = now(), version = version + 1 WHERE municipality_id = $1 AND version = $2 RETURNING 1',
            [municipalityId, version, months, userId],
          );
    return rows.length === 1;
  },
  /** Closed cases: still holding personal data, and anonymised. */
  async counts(sql: Sql, municipalityId: string): Promise<{ kept: number; anonymised: number; due: number }> {
    const [row] = await sql.query<{ kept: number; anonymised: number; due: number }>(
      `SELECT count(*) FILTER (WHERE anonymised_at IS NULL)::int AS kept, count(*) FILTER (WHERE anonymised_at IS NOT NULL)::int AS anonymised,
         count(*) FILTER (WHERE anonymised_at IS NULL AND closed_at < now() - make_interval(months => coalesce(
           (SELECT closed_case_months FROM retention_policies WHERE municipality_id = $1), ${DEFAULT_RETENTION_MONTHS})))::int AS due
       FROM cases WHERE municipality_id = $1 AND status = 'closed'`,
      [municipalityId],
    );
    return row!;
  },
  /** Up to `limit` closed cases past the retention period, locked for this batch (another worker skips them). */
  async dueBatch(sql: Sql, municipalityId: string, months: number, limit: number): Promise<{ id: string; closed_at: Date }[]> {
    return sql.query(
      `SELECT id, closed_at FROM cases WHERE municipality_id = $1 AND status = 'closed' AND anonymised_at IS NULL
         AND closed_at < now() - make_interval(months => $2)
       ORDER BY closed_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [municipalityId, months, limit],
    );
  },
  /**
   * Removes the personal data these cases hold in this module's tables, keeping statuses, dates and
   * the birth decade. What hangs off a case in other modules is theirs to blank (`anonymiseCases` hooks).
   */
  async anonymise(sql: Sql, municipalityId: string, ids: string[]): Promise<void> {
    await sql.query(
      `UPDATE cases SET person_name = $3, contact_phone = '', contact_email = '', representative_name = '', closing_note = '',
         birth_year = birth_year - birth_year % 10, resident_user_id = NULL, anonymised_at = now(), updated_at = now()
       WHERE municipality_id = $1 AND id = ANY($2::uuid[])`,
      [municipalityId, ids, ANONYMISED_NAME],
    );
    // Why someone broke the glass often names the person's situation; the grant itself (who, when) stays.
    await sql.query(`UPDATE case_access_grants SET reason = $3, review_note = '' WHERE municipality_id = $1 AND case_id = ANY($2::uuid[])`, [municipalityId, ids, ANONYMISED_TEXT]);
  },
};
