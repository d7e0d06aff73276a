import type { Role } from '../../platform/auth/roles';
import type { Sql } from '../../platform/db/types';
import { GRANT_DAYS } from './domain';

export interface GrantRow {
  id: string;
  user_id: string | null;
  email: string | null;
  /** The member's display name, or the address to invite. */
  who: string;
  current_roles: Role[] | null;
  roles: Role[];
  member_version: number | null;
  requested_by: string;
  requested_by_name: string;
  created_at: Date;
  expires_at: Date;
  expired: boolean;
  decided_at: Date | null;
}

export interface Person {
  id: string;
  email: string;
  display_name: string;
  locale: 'pl' | 'en';
}

const GRANT_COLUMNS = `g.id, g.user_id, g.email, COALESCE(u.display_name, g.email) AS who, m.roles AS current_roles, g.roles, g.member_version,
  g.requested_by, r.display_name AS requested_by_name, g.created_at, g.expires_at, g.expires_at <= now() AS expired, g.decided_at`;
const GRANT_FROM = `staff_role_grants g JOIN users r ON r.id = g.requested_by
  LEFT JOIN users u ON u.id = g.user_id
  LEFT JOIN memberships m ON m.municipality_id = g.municipality_id AND m.user_id = g.user_id`;

export const grants = {
  async insert(sql: Sql, municipalityId: string, g: { userId?: string; email?: string; roles: Role[]; memberVersion?: number; requestedBy: string; tokenHash: string | null }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO staff_role_grants (municipality_id, user_id, email, roles, member_version, requested_by, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8)) RETURNING id`,
      [municipalityId, g.userId ?? null, g.email ?? null, g.roles, g.memberVersion ?? null, g.requestedBy, g.tokenHash, GRANT_DAYS],
    );
    return row!.id;
  },
  async pending(sql: Sql, municipalityId: string): Promise<GrantRow[]> {
    return sql.query<GrantRow>(
      `SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM} WHERE g.municipality_id = $1 AND g.decided_at IS NULL AND g.expires_at > now() ORDER BY g.created_at`,
      [municipalityId],
    );
  },
  /** Locked until the transaction ends: a grant is decided once. */
  async find(sql: Sql, municipalityId: string, id: string): Promise<GrantRow | undefined> {
    const [row] = await sql.query<GrantRow>(`SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM} WHERE g.municipality_id = $1 AND g.id = $2 FOR UPDATE OF g`, [municipalityId, id]);
    return row;
  },
  async byToken(sql: Sql, municipalityId: string, tokenHash: string): Promise<GrantRow | undefined> {
    const [row] = await sql.query<GrantRow>(`SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM} WHERE g.municipality_id = $1 AND g.token_hash = $2 FOR UPDATE OF g`, [municipalityId, tokenHash]);
    return row;
  },
  async decide(sql: Sql, municipalityId: string, id: string, by: string, confirmed: boolean): Promise<void> {
    await sql.query('UPDATE staff_role_grants SET decided_by = $3, decided_at = now(), confirmed = $4 WHERE municipality_id = $1 AND id = $2', [
      municipalityId,
      id,
      by,
      confirmed,
    ]);
  },
};

export const people = {
  async byId(sql: Sql, userId: string): Promise<Person | undefined> {
    const [row] = await sql.query<Person>('SELECT id, email, display_name, locale FROM users WHERE id = $1', [userId]);
    return row;
  },
  /** Everyone in the municipality holding `role`. */
  async withRole(sql: Sql, municipalityId: string, role: Role): Promise<Person[]> {
    return sql.query<Person>(
      `SELECT u.id, u.email, u.display_name, u.locale FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 AND $2 = ANY(m.roles) ORDER BY u.email`,
      [municipalityId, role],
    );
  },
};
