import type { Role } from '../../platform/auth/roles';
import type { Sql } from '../../platform/db/types';

export interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  mfa_enabled: boolean;
  roles: Role[];
  version: number;
}

export interface InvitationRow {
  id: string;
  email: string;
  roles: Role[];
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  invited_by: string | null;
  expired: boolean;
}

const MEMBER_COLUMNS = `m.user_id, u.email, u.display_name, u.totp_enabled_at IS NOT NULL AS mfa_enabled, m.roles, m.version`;

export const members = {
  async list(sql: Sql, municipalityId: string): Promise<MemberRow[]> {
    return sql.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 ORDER BY u.display_name, u.email`,
      [municipalityId],
    );
  },
  async find(sql: Sql, municipalityId: string, userId: string): Promise<MemberRow | undefined> {
    const [row] = await sql.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.municipality_id = $1 AND m.user_id = $2`,
      [municipalityId, userId],
    );
    return row;
  },
  /** Locks the municipality's administrators' rows, so two admins cannot demote each other at once. */
  async lockAdministrators(sql: Sql, municipalityId: string): Promise<string[]> {
    const rows = await sql.query<{ user_id: string }>(
      `SELECT user_id FROM memberships WHERE municipality_id = $1 AND 'administrator' = ANY(roles) ORDER BY user_id FOR UPDATE`,
      [municipalityId],
    );
    return rows.map((r) => r.user_id);
  },
  /** Optimistic concurrency: updates only if nobody changed the row since `version` was read. */
  async setRoles(sql: Sql, municipalityId: string, userId: string, roles: Role[], version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE memberships SET roles = $3, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND user_id = $2 AND version = $4 RETURNING version`,
      [municipalityId, userId, roles, version],
    );
    return rows.length === 1;
  },
};

const INVITATION_COLUMNS = 'id, email, roles, expires_at, accepted_at, revoked_at, invited_by, expires_at <= now() AS expired';

export const invitations = {
  async insert(sql: Sql, municipalityId: string, i: { email: string; roles: Role[]; tokenHash: string; invitedBy: string | null }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO invitations (municipality_id, email, roles, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + interval '7 days') RETURNING id`,
      [municipalityId, i.email, i.roles, i.tokenHash, i.invitedBy],
    );
    return row!.id;
  },
  async pending(sql: Sql, municipalityId: string): Promise<InvitationRow[]> {
    return sql.query<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM invitations
       WHERE municipality_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC`,
      [municipalityId],
    );
  },
  async byToken(sql: Sql, municipalityId: string, tokenHash: string): Promise<InvitationRow | undefined> {
    const [row] = await sql.query<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE municipality_id = $1 AND token_hash = $2 FOR UPDATE`,
      [municipalityId, tokenHash],
    );
    return row;
  },
  async revoke(sql: Sql, municipalityId: string, id: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE invitations SET revoked_at = now() WHERE municipality_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [municipalityId, id],
    );
    return rows.length === 1;
  },
  async accept(sql: Sql, municipalityId: string, id: string, userId: string): Promise<void> {
    await sql.query('UPDATE invitations SET accepted_at = now(), accepted_by = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, id, userId]);
  },
};
