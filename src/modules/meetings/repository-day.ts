import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';
import type { TaskInput } from './form';

export interface AttendanceRow {
  id: string;
  invitation_id: string | null;
  organisation_id: string | null;
  /** The organisation, the invited person, or the name a walk-in gave. */
  name: string;
  people_count: number;
  walk_in: boolean;
}

export interface TaskRow {
  id: string;
  title: string;
  owner: string;
  due_on: string;
  done_at: Date | null;
  overdue: boolean;
}

/** Who came to a meeting, and the follow-up tasks agreed there. */
export const attendance = {
  async ofMeeting(sql: Sql, municipalityId: string, meetingId: string): Promise<AttendanceRow[]> {
    return sql.query<AttendanceRow>(
      `SELECT a.id, a.invitation_id, a.organisation_id, coalesce(o.name, u.display_name, i.email, a.name) AS name, a.people_count, a.invitation_id IS NULL AS walk_in
       FROM meeting_attendance a
       LEFT JOIN meeting_invitations i ON i.municipality_id = a.municipality_id AND i.id = a.invitation_id
       LEFT JOIN organisations o ON o.municipality_id = a.municipality_id AND o.id = coalesce(a.organisation_id, i.organisation_id)
       LEFT JOIN users u ON u.id = i.user_id
       WHERE a.municipality_id = $1 AND a.meeting_id = $2 ORDER BY walk_in, search_normalize(coalesce(o.name, u.display_name, i.email, a.name)), a.id`,
      [municipalityId, meetingId],
    );
  },
  /**
   * Sets who of the invited came, with how many people: the ticked ones are recorded (or their number
   * updated), the rest removed. Walk-ins are not touched.
   */
  async setInvited(sql: Sql, municipalityId: string, meetingId: string, present: { invitationId: string; people: number }[], recordedBy: string): Promise<void> {
    await sql.query(
      `DELETE FROM meeting_attendance WHERE municipality_id = $1 AND meeting_id = $2 AND invitation_id IS NOT NULL AND NOT (invitation_id = ANY ($3::uuid[]))`,
      [municipalityId, meetingId, present.map((p) => p.invitationId)],
    );
    await sql.query(
      `INSERT INTO meeting_attendance (municipality_id, meeting_id, invitation_id, organisation_id, people_count, recorded_by)
       SELECT $1, $2, i.id, i.organisation_id, x.people, $5
       FROM unnest($3::uuid[], $4::int[]) AS x(invitation_id, people)
       JOIN meeting_invitations i ON i.municipality_id = $1 AND i.meeting_id = $2 AND i.id = x.invitation_id
       ON CONFLICT (municipality_id, meeting_id, invitation_id) WHERE invitation_id IS NOT NULL DO UPDATE SET people_count = EXCLUDED.people_count`,
      [municipalityId, meetingId, present.map((p) => p.invitationId), present.map((p) => p.people), recordedBy],
    );
  },
  /** A walk-in: false when that organisation is already recorded as present. */
  async addWalkIn(sql: Sql, municipalityId: string, meetingId: string, w: { organisationId: string | null; name: string; people: number }, recordedBy: string): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO meeting_attendance (municipality_id, meeting_id, organisation_id, name, people_count, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [municipalityId, meetingId, w.organisationId, w.name, w.people, recordedBy],
    );
    return rows.length === 1;
  },
  async remove(sql: Sql, municipalityId: string, meetingId: string, id: string): Promise<boolean> {
    const rows = await sql.query('DELETE FROM meeting_attendance WHERE municipality_id = $1 AND meeting_id = $2 AND id = $3 RETURNING id', [municipalityId, meetingId, id]);
    return rows.length === 1;
  },
};

export const tasks = {
  async ofMeeting(sql: Sql, municipalityId: string, meetingId: string): Promise<TaskRow[]> {
    return sql.query<TaskRow>(
      `SELECT t.id, t.title, concat_ws(', ', nullif(u.display_name, ''), o.name, nullif(t.owner_name, '')) AS owner, t.due_on::text AS due_on, t.done_at,
         t.done_at IS NULL AND t.due_on < (now() AT TIME ZONE $3)::date AS overdue
       FROM meeting_tasks t LEFT JOIN users u ON u.id = t.owner_user_id
       LEFT JOIN organisations o ON o.municipality_id = t.municipality_id AND o.id = t.owner_organisation_id
       WHERE t.municipality_id = $1 AND t.meeting_id = $2 ORDER BY t.done_at IS NOT NULL, t.due_on, t.created_at`,
      [municipalityId, meetingId, TIME_ZONE],
    );
  },
  async insert(sql: Sql, municipalityId: string, meetingId: string, t: TaskInput, createdBy: string): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO meeting_tasks (municipality_id, meeting_id, title, owner_user_id, owner_organisation_id, owner_name, due_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8) RETURNING id`,
      [municipalityId, meetingId, t.title, t.ownerUserId, t.ownerOrganisationId, t.ownerName, t.dueOn, createdBy],
    );
    return row!.id;
  },
  /** Marks a task done, or open again. */
  async setDone(sql: Sql, municipalityId: string, meetingId: string, id: string, done: boolean): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE meeting_tasks SET done_at = CASE WHEN $4 THEN coalesce(done_at, now()) END WHERE municipality_id = $1 AND meeting_id = $2 AND id = $3 RETURNING id`,
      [municipalityId, meetingId, id, done],
    );
    return rows.length === 1;
  },
};
