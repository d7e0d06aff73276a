import type { Sql } from '../../platform/db/types';
import { GLASS_HOURS } from './domain';

export interface GrantRow {
  id: string;
  case_id: string;
  case_number: string;
  user_name: string;
  user_email: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  review_note: string;
  version: number;
}

const GRANT = `SELECT g.id, g.case_id, c.number AS case_number, u.display_name AS user_name, u.email AS user_email, g.reason, g.granted_at, g.expires_at,
    r.display_name AS reviewed_by_name, g.reviewed_at, g.review_note, g.version
  FROM case_access_grants g JOIN cases c ON c.municipality_id = g.municipality_id AND c.id = g.case_id
  JOIN users u ON u.id = g.user_id LEFT JOIN users r ON r.id = g.reviewed_by`;

/** "Break the glass" grants: a reason, eight hours of access, and the auditor's review. */
export const grants = {
  async insert(sql: Sql, municipalityId: string, caseId: string, userId: string, reason: string): Promise<{ id: string; expires_at: Date }> {
    const [row] = await sql.query<{ id: string; expires_at: Date }>(
      `INSERT INTO case_access_grants (municipality_id, case_id, user_id, reason, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id, expires_at`,
      [municipalityId, caseId, userId, reason, GLASS_HOURS],
    );
    return row!;
  },
  /** Unreviewed first (oldest waiting longest on top), then the reviewed ones, newest first. */
  async list(sql: Sql, municipalityId: string, limit = 200): Promise<GrantRow[]> {
    return sql.query<GrantRow>(
      `${GRANT} WHERE g.municipality_id = $1
       ORDER BY g.reviewed_at IS NOT NULL, CASE WHEN g.reviewed_at IS NULL THEN g.granted_at END, g.granted_at DESC, g.id LIMIT $2`,
      [municipalityId, limit],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string): Promise<GrantRow | undefined> {
    const [row] = await sql.query<GrantRow>(`${GRANT} WHERE g.municipality_id = $1 AND g.id = $2`, [municipalityId, id]);
    return row;
  },
  async unreviewed(sql: Sql, municipalityId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM case_access_grants WHERE municipality_id = $1 AND reviewed_at IS NULL', [municipalityId]);
    return row!.n;
  },
  /** Marks a grant reviewed, once, on the version the auditor saw. */
  async review(sql: Sql, municipalityId: string, id: string, version: number, reviewerId: string, note: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE case_access_grants SET reviewed_by = $4, reviewed_at = now(), review_note = $5, version = version + 1
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND reviewed_at IS NULL RETURNING id`,
      [municipalityId, id, version, reviewerId, note],
    );
    return rows.length === 1;
  },
};
