import type { Sql } from '../../platform/db/types';
import { COLUMNS, FROM, type InvitationRow } from './repository-invitations';

/** A person's view of invitations (their inbox and calendar feed) and an organisation's cooperation record. */
export interface InboxRow extends InvitationRow {
  title: string;
  starts_at: Date;
  ends_at: Date;
  status: 'planned' | 'cancelled';
  place: string;
}

/** A person's invitations: their own, and those of the organisations they belong to. */
export const inbox = {
  async of(sql: Sql, municipalityId: string, user: { id: string; email: string }, since: Date): Promise<InboxRow[]> {
    return sql.query<InboxRow>(
      `SELECT ${COLUMNS}, m.title, m.starts_at, m.ends_at, m.status, coalesce(v.name || ' — ' || r.name, nullif(m.address, ''), m.online_url) AS place
       FROM ${FROM} JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
       LEFT JOIN venue_rooms r ON r.municipality_id = m.municipality_id AND r.id = m.room_id
       LEFT JOIN venues v ON v.municipality_id = r.municipality_id AND v.id = r.venue_id
       WHERE i.municipality_id = $1 AND m.ends_at >= $4 AND (
         (i.organisation_id IS NULL AND (i.user_id = $2 OR i.email = $3))
         OR i.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE municipality_id = $1 AND user_id = $2))
       ORDER BY m.starts_at, i.id`,
      [municipalityId, user.id, user.email, since],
    );
  },
  /** Whether the person may answer this invitation: it is theirs, or their organisation's. */
  async mayAnswer(sql: Sql, municipalityId: string, invitationId: string, user: { id: string; email: string }): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM meeting_invitations i WHERE i.municipality_id = $1 AND i.id = $2 AND (
         (i.organisation_id IS NULL AND (i.user_id = $3 OR i.email = $4))
         OR i.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE municipality_id = $1 AND user_id = $3))`,
      [municipalityId, invitationId, user.id, user.email],
    );
    return rows.length === 1;
  },
};

export const feeds = {
  /** A feed is for people of the municipality: a role here, or a place in one of its organisations. */
  async eligible(sql: Sql, municipalityId: string, userId: string): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM memberships WHERE municipality_id = $1 AND user_id = $2
       UNION ALL SELECT 1 FROM organisation_members WHERE municipality_id = $1 AND user_id = $2 LIMIT 1`,
      [municipalityId, userId],
    );
    return rows.length > 0;
  },
  async set(sql: Sql, municipalityId: string, userId: string, tokenHash: string): Promise<void> {
    await sql.query(
      `INSERT INTO meeting_feeds (municipality_id, user_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (municipality_id, user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [municipalityId, userId, tokenHash],
    );
  },
  async exists(sql: Sql, municipalityId: string, userId: string): Promise<boolean> {
    return (await sql.query('SELECT 1 FROM meeting_feeds WHERE municipality_id = $1 AND user_id = $2', [municipalityId, userId])).length === 1;
  },
  async owner(sql: Sql, municipalityId: string, tokenHash: string): Promise<{ id: string; email: string } | undefined> {
    const [row] = await sql.query<{ id: string; email: string }>(
      'SELECT u.id, u.email FROM meeting_feeds f JOIN users u ON u.id = f.user_id WHERE f.municipality_id = $1 AND f.token_hash = $2',
      [municipalityId, tokenHash],
    );
    return row;
  },
};

export interface CooperationMeetingRow {
  meeting_id: string;
  title: string;
  starts_at: Date;
  status: 'planned' | 'cancelled';
  invited: boolean;
  response: 'yes' | 'no' | 'maybe' | null;
  attended: boolean;
}

/** An organisation's meetings: those it was invited to (with its answer) and those it came to, invited or not. */
export const cooperation = {
  async meetingsOf(sql: Sql, municipalityId: string, organisationId: string): Promise<CooperationMeetingRow[]> {
    return sql.query<CooperationMeetingRow>(
      `SELECT m.id AS meeting_id, m.title, m.starts_at, m.status, i.id IS NOT NULL AS invited, i.response,
         EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.municipality_id = m.municipality_id AND a.meeting_id = m.id AND a.organisation_id = $2) AS attended
       FROM meetings m LEFT JOIN meeting_invitations i ON i.municipality_id = m.municipality_id AND i.meeting_id = m.id AND i.organisation_id = $2
       WHERE m.municipality_id = $1 AND (i.id IS NOT NULL OR EXISTS (
         SELECT 1 FROM meeting_attendance a WHERE a.municipality_id = m.municipality_id AND a.meeting_id = m.id AND a.organisation_id = $2))
       ORDER BY m.starts_at DESC, m.id`,
      [municipalityId, organisationId],
    );
  },
  async tasksOf(sql: Sql, municipalityId: string, organisationId: string): Promise<{ title: string; meeting: string; due_on: string; done: boolean }[]> {
    return sql.query(
      `SELECT t.title, m.title AS meeting, t.due_on::text AS due_on, t.done_at IS NOT NULL AS done FROM meeting_tasks t
       JOIN meetings m ON m.municipality_id = t.municipality_id AND m.id = t.meeting_id
       WHERE t.municipality_id = $1 AND t.owner_organisation_id = $2 ORDER BY t.due_on DESC`,
      [municipalityId, organisationId],
    );
  },
  /** The organisation's name, if it exists here, and whether the person belongs to it. */
  async organisation(sql: Sql, municipalityId: string, organisationId: string, userId: string): Promise<{ name: string; member: boolean } | undefined> {
    const [row] = await sql.query<{ name: string; member: boolean }>(
      `SELECT o.name, EXISTS (SELECT 1 FROM organisation_members om WHERE om.municipality_id = o.municipality_id AND om.organisation_id = o.id AND om.user_id = $3) AS member
       FROM organisations o WHERE o.municipality_id = $1 AND o.id = $2`,
      [municipalityId, organisationId, userId],
    );
    return row;
  },
};
