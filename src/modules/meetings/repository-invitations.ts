import type { Sql } from '../../platform/db/types';
import type { Response } from './domain';
import type { RsvpInput } from './form';

export interface InvitationRow {
  id: string;
  meeting_id: string;
  organisation_id: string | null;
  /** The organisation's name, or the invited person's name (or address). */
  invitee: string;
  email: string;
  chosen_by: 'hand' | 'filter' | 'person';
  invited_at: Date;
  response: Response | null;
  people_count: number;
  accessibility_needs: string;
  responded_at: Date | null;
  answers: number;
  attended: boolean;
}

export const COLUMNS = `i.id, i.meeting_id, i.organisation_id, coalesce(o.name, u.display_name, i.email) AS invitee, i.email, i.chosen_by, i.invited_at,
  i.response, i.people_count, i.accessibility_needs, i.responded_at, i.answers,
  EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.municipality_id = i.municipality_id AND a.meeting_id = i.meeting_id AND a.invitation_id = i.id) AS attended`;
export const FROM = `meeting_invitations i LEFT JOIN organisations o ON o.municipality_id = i.municipality_id AND o.id = i.organisation_id
  LEFT JOIN users u ON u.id = i.user_id`;

export interface NewInvitation {
  id: string;
  organisationId: string | null;
  userId: string | null;
  email: string;
  tokenHash: string;
  chosenBy: InvitationRow['chosen_by'];
}

export const invitations = {
  async ofMeeting(sql: Sql, municipalityId: string, meetingId: string): Promise<InvitationRow[]> {
    return sql.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE i.municipality_id = $1 AND i.meeting_id = $2
       ORDER BY CASE i.response WHEN 'yes' THEN 0 WHEN 'maybe' THEN 1 WHEN 'no' THEN 3 ELSE 2 END, search_normalize(coalesce(o.name, u.display_name, i.email)), i.id`,
      [municipalityId, meetingId],
    );
  },
  /**
   * Adds invitations in one statement; an organisation or address already invited to the meeting is
   * skipped. Returns the new ones.
   */
  async insertMany(sql: Sql, municipalityId: string, meetingId: string, invitedBy: string, list: NewInvitation[]): Promise<{ id: string; email: string }[]> {
    if (list.length === 0) return [];
    return sql.query(
      `INSERT INTO meeting_invitations (municipality_id, meeting_id, id, organisation_id, user_id, email, token_hash, chosen_by, invited_by)
       SELECT $1, $2, x.id, x.organisation_id, x.user_id, x.email, x.token_hash, x.chosen_by, $3
       FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[]) AS x(id, organisation_id, user_id, email, token_hash, chosen_by)
       ON CONFLICT DO NOTHING RETURNING id, email`,
      [
        municipalityId,
        meetingId,
        invitedBy,
        list.map((i) => i.id),
        list.map((i) => i.organisationId),
        list.map((i) => i.userId),
        list.map((i) => i.email),
        list.map((i) => i.tokenHash),
        list.map((i) => i.chosenBy),
      ],
    );
  },
  /**
   * Locked until the transaction ends, so that two answers to one invitation are applied one after the other.
   * Prepared (PostgreSQL): every answer by link asks it.
   */
  async byToken(sql: Sql, municipalityId: string, tokenHash: string): Promise<InvitationRow | undefined> {
    const [row] = await sql.query<InvitationRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE i.municipality_id = $1 AND i.token_hash = $2 FOR UPDATE OF i`, [
      municipalityId,
      tokenHash,
    ], { prepare: true });
    return row;
  },
  async find(sql: Sql, municipalityId: string, id: string): Promise<InvitationRow | undefined> {
    const [row] = await sql.query<InvitationRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE i.municipality_id = $1 AND i.id = $2 FOR UPDATE OF i`, [municipalityId, id]);
    return row;
  },
  /**
   * Stores an answer to the invitation locked by byToken or find. Nothing in the transaction reads it back,
   * so it goes with the COMMIT (sql.atCommit: one round trip for it, the audit entry and COMMIT); a failure
   * still fails the transaction, and the answer is acknowledged only once COMMIT has answered.
   */
  async respond(sql: Sql, municipalityId: string, id: string, answer: RsvpInput, userId: string | null): Promise<void> {
    const text = `UPDATE meeting_invitations SET response = $3, people_count = $4, accessibility_needs = $5, responded_at = now(), responded_by = $6, answers = answers + 1
       WHERE municipality_id = $1 AND id = $2`;
    const params = [municipalityId, id, answer.response, answer.peopleCount, answer.accessibilityNeeds, userId];
    if (sql.atCommit) sql.atCommit(text, params);
    else await sql.query(text, params);
  },
  /** Those still to be reminded: they said yes or maybe, or have not answered. Marked as reminded in the same statement. */
  async takeForReminder(sql: Sql, municipalityId: string, meetingId: string): Promise<{ id: string; email: string }[]> {
    return sql.query(
      `UPDATE meeting_invitations SET reminded_at = now()
       WHERE municipality_id = $1 AND meeting_id = $2 AND reminded_at IS NULL AND response IS DISTINCT FROM 'no' RETURNING id, email`,
      [municipalityId, meetingId],
    );
  },
  /** Everyone not known to stay away: for a change of time or place, or a cancellation. */
  async toNotify(sql: Sql, municipalityId: string, meetingId: string): Promise<{ id: string; email: string }[]> {
    return sql.query(
      "SELECT id, email FROM meeting_invitations WHERE municipality_id = $1 AND meeting_id = $2 AND response IS DISTINCT FROM 'no' ORDER BY id",
      [municipalityId, meetingId],
    );
  },
};
