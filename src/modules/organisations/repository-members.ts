import type { Sql } from '../../platform/db/types';
import type { Kind, MemberRole } from './domain';

export interface MemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: MemberRole;
  joined_at: Date;
}

export interface InvitationRow {
  id: string;
  organisation_id: string;
  email: string;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  expired: boolean;
}

export interface LinkedOrganisation {
  id: string;
  name: string;
  kind: Kind;
  since: string;
}

export const members = {
  async list(sql: Sql, municipalityId: string, organisationId: string): Promise<MemberRow[]> {
    return sql.query<MemberRow>(
      `SELECT m.user_id, u.display_name, u.email, m.role, m.joined_at FROM organisation_members m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 AND m.organisation_id = $2 ORDER BY m.role, u.display_name, u.email`,
      [municipalityId, organisationId],
    );
  },
  async roleOf(sql: Sql, municipalityId: string, organisationId: string, userId: string): Promise<MemberRole | null> {
    const [row] = await sql.query<{ role: MemberRole }>(
      'SELECT role FROM organisation_members WHERE municipality_id = $1 AND organisation_id = $2 AND user_id = $3',
      [municipalityId, organisationId, userId],
    );
    return row?.role ?? null;
  },
  async isMemberByEmail(sql: Sql, municipalityId: string, organisationId: string, email: string): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM organisation_members m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 AND m.organisation_id = $2 AND u.email = $3`,
      [municipalityId, organisationId, email],
    );
    return rows.length > 0;
  },
  async find(sql: Sql, municipalityId: string, organisationId: string, userId: string): Promise<MemberRow | undefined> {
    const [row] = await sql.query<MemberRow>(
      `SELECT m.user_id, u.display_name, u.email, m.role, m.joined_at FROM organisation_members m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 AND m.organisation_id = $2 AND m.user_id = $3`,
      [municipalityId, organisationId, userId],
    );
    return row;
  },
  /** The organisation's administrators, locked: two removals at once cannot leave it without one. */
  async lockAdmins(sql: Sql, municipalityId: string, organisationId: string): Promise<string[]> {
    const rows = await sql.query<{ user_id: string }>(
      `SELECT user_id FROM organisation_members WHERE municipality_id = $1 AND organisation_id = $2 AND role = 'admin' ORDER BY user_id FOR UPDATE`,
      [municipalityId, organisationId],
    );
    return rows.map((r) => r.user_id);
  },
  async remove(sql: Sql, municipalityId: string, organisationId: string, userId: string): Promise<boolean> {
    const rows = await sql.query('DELETE FROM organisation_members WHERE municipality_id = $1 AND organisation_id = $2 AND user_id = $3 RETURNING user_id', [
      municipalityId,
      organisationId,
      userId,
    ]);
    return rows.length === 1;
  },
  /** The administrators' addresses, for mail to the organisation. */
  async admins(sql: Sql, municipalityId: string, organisationId: string): Promise<{ email: string; locale: 'pl' | 'en' }[]> {
    return sql.query(
      `SELECT u.email, u.locale FROM organisation_members m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 AND m.organisation_id = $2 AND m.role = 'admin' ORDER BY u.email`,
      [municipalityId, organisationId],
    );
  },
  /** Adds a person; someone already there keeps their role (an administrator is never demoted by joining again). */
  async add(sql: Sql, municipalityId: string, organisationId: string, userId: string, role: MemberRole): Promise<void> {
    await sql.query(
      `INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id, organisation_id, user_id) DO UPDATE
         SET role = CASE WHEN organisation_members.role = 'admin' THEN 'admin' ELSE EXCLUDED.role END`,
      [municipalityId, organisationId, userId, role],
    );
  },
};

const INVITATION_COLUMNS = 'id, organisation_id, email, expires_at, accepted_at, revoked_at, expires_at <= now() AS expired';

export const invitations = {
  async insert(sql: Sql, municipalityId: string, i: { organisationId: string; email: string; tokenHash: string; invitedBy: string }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO organisation_invitations (municipality_id, organisation_id, email, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + interval '14 days') RETURNING id`,
      [municipalityId, i.organisationId, i.email, i.tokenHash, i.invitedBy],
    );
    return row!.id;
  },
  async pending(sql: Sql, municipalityId: string, organisationId: string): Promise<InvitationRow[]> {
    return sql.query<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM organisation_invitations
       WHERE municipality_id = $1 AND organisation_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
       ORDER BY created_at DESC`,
      [municipalityId, organisationId],
    );
  },
  async pendingFor(sql: Sql, municipalityId: string, organisationId: string, email: string): Promise<InvitationRow | undefined> {
    const [row] = await sql.query<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM organisation_invitations
       WHERE municipality_id = $1 AND organisation_id = $2 AND email = $3 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [municipalityId, organisationId, email],
    );
    return row;
  },
  /** Locked until the transaction ends: one invitation is accepted once. */
  async byToken(sql: Sql, municipalityId: string, tokenHash: string): Promise<InvitationRow | undefined> {
    const [row] = await sql.query<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM organisation_invitations WHERE municipality_id = $1 AND token_hash = $2 FOR UPDATE`,
      [municipalityId, tokenHash],
    );
    return row;
  },
  async accept(sql: Sql, municipalityId: string, id: string, userId: string): Promise<void> {
    await sql.query('UPDATE organisation_invitations SET accepted_at = now(), accepted_by = $3 WHERE municipality_id = $1 AND id = $2', [
      municipalityId,
      id,
      userId,
    ]);
  },
  async revoke(sql: Sql, municipalityId: string, organisationId: string, id: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE organisation_invitations SET revoked_at = now()
       WHERE municipality_id = $1 AND organisation_id = $2 AND id = $3 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [municipalityId, organisationId, id],
    );
    return rows.length === 1;
  },
};

export const federations = {
  /** The verified federations an organisation belongs to. */
  async of(sql: Sql, municipalityId: string, memberId: string): Promise<LinkedOrganisation[]> {
    return sql.query<LinkedOrganisation>(
      `SELECT o.id, o.name, o.kind, f.since::text AS since FROM federation_members f
       JOIN organisations o ON o.municipality_id = f.municipality_id AND o.id = f.federation_id
       WHERE f.municipality_id = $1 AND f.member_id = $2 AND o.status = 'verified' AND o.kind = 'federation' ORDER BY search_normalize(o.name), o.id`,
      [municipalityId, memberId],
    );
  },
  /** A federation's member organisations; only verified ones when `verifiedOnly` (the public profile). */
  async members(sql: Sql, municipalityId: string, federationId: string, verifiedOnly: boolean): Promise<LinkedOrganisation[]> {
    return sql.query<LinkedOrganisation>(
      `SELECT o.id, o.name, o.kind, f.since::text AS since FROM federation_members f
       JOIN organisations o ON o.municipality_id = f.municipality_id AND o.id = f.member_id
       WHERE f.municipality_id = $1 AND f.federation_id = $2 AND (NOT $3 OR o.status = 'verified') ORDER BY search_normalize(o.name), o.id`,
      [municipalityId, federationId, verifiedOnly],
    );
  },
  /** Verified organisations that could join: not the federation itself, not already a member or invited. */
  async candidates(sql: Sql, municipalityId: string, federationId: string): Promise<{ id: string; name: string }[]> {
    return sql.query(
      `SELECT o.id, o.name FROM organisations o
       WHERE o.municipality_id = $1 AND o.status = 'verified' AND o.id <> $2
         AND NOT EXISTS (SELECT 1 FROM federation_members f WHERE f.municipality_id = o.municipality_id AND f.federation_id = $2 AND f.member_id = o.id)
         AND NOT EXISTS (SELECT 1 FROM federation_invitations i WHERE i.municipality_id = o.municipality_id AND i.federation_id = $2 AND i.member_id = o.id
           AND i.answered_at IS NULL)
       ORDER BY search_normalize(o.name), o.id`,
      [municipalityId, federationId],
    );
  },
  /** False when the organisation already belongs to the federation. */
  async link(sql: Sql, municipalityId: string, federationId: string, memberId: string, since: string, addedBy: string): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO federation_members (municipality_id, federation_id, member_id, since, added_by)
       VALUES ($1, $2, $3, $4::date, $5) ON CONFLICT DO NOTHING RETURNING member_id`,
      [municipalityId, federationId, memberId, since, addedBy],
    );
    return rows.length === 1;
  },
  async unlink(sql: Sql, municipalityId: string, federationId: string, memberId: string): Promise<boolean> {
    const rows = await sql.query('DELETE FROM federation_members WHERE municipality_id = $1 AND federation_id = $2 AND member_id = $3 RETURNING member_id', [
      municipalityId,
      federationId,
      memberId,
    ]);
    return rows.length === 1;
  },
};

export interface FederationInvitationRow {
  id: string;
  federation_id: string;
  federation_name: string;
  member_id: string;
  member_name: string;
  since: string;
  invited_by: string | null;
  created_at: Date;
}

const FI_SELECT = `SELECT i.id, i.federation_id, f.name AS federation_name, i.member_id, o.name AS member_name, i.since::text AS since, i.invited_by, i.created_at
  FROM federation_invitations i
  JOIN organisations f ON f.municipality_id = i.municipality_id AND f.id = i.federation_id
  JOIN organisations o ON o.municipality_id = i.municipality_id AND o.id = i.member_id`;

/** A federation's invitations to organisations: a member only once its administrator accepts (review 1 #16b). */
export const federationInvitations = {
  /** False when one is already waiting for an answer. */
  async insert(sql: Sql, municipalityId: string, i: { federationId: string; memberId: string; since: string; invitedBy: string }): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO federation_invitations (municipality_id, federation_id, member_id, since, invited_by) VALUES ($1, $2, $3, $4::date, $5)
       ON CONFLICT (municipality_id, federation_id, member_id) WHERE answered_at IS NULL DO NOTHING RETURNING id`,
      [municipalityId, i.federationId, i.memberId, i.since, i.invitedBy],
    );
    return row?.id ?? null;
  },
  async openOfFederation(sql: Sql, municipalityId: string, federationId: string): Promise<FederationInvitationRow[]> {
    return sql.query<FederationInvitationRow>(`${FI_SELECT} WHERE i.municipality_id = $1 AND i.federation_id = $2 AND i.answered_at IS NULL ORDER BY i.created_at`, [
      municipalityId,
      federationId,
    ]);
  },
  async openForMember(sql: Sql, municipalityId: string, memberId: string): Promise<FederationInvitationRow[]> {
    return sql.query<FederationInvitationRow>(`${FI_SELECT} WHERE i.municipality_id = $1 AND i.member_id = $2 AND i.answered_at IS NULL ORDER BY i.created_at`, [
      municipalityId,
      memberId,
    ]);
  },
  /** An open invitation, locked: answered once. */
  async open(sql: Sql, municipalityId: string, id: string): Promise<FederationInvitationRow | undefined> {
    const [row] = await sql.query<FederationInvitationRow>(`${FI_SELECT} WHERE i.municipality_id = $1 AND i.id = $2 AND i.answered_at IS NULL FOR UPDATE OF i`, [municipalityId, id]);
    return row;
  },
  async answer(sql: Sql, municipalityId: string, id: string, by: string, accepted: boolean): Promise<void> {
    await sql.query('UPDATE federation_invitations SET answered_by = $3, answered_at = now(), accepted = $4 WHERE municipality_id = $1 AND id = $2', [
      municipalityId,
      id,
      by,
      accepted,
    ]);
  },
};
