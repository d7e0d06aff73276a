import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';
import type { MeetingRow } from './domain';
import type { MeetingInput } from './form';

const COLUMNS = `m.id, m.title, m.purpose, m.agenda, m.audience, m.room_id, v.name || ' — ' || r.name AS room_label,
  nullif(concat_ws(', ', nullif(v.street, ''), nullif(trim(concat_ws(' ', v.postal_code, v.city)), '')), '') AS room_address, m.booking_id, m.address,
  m.online_url, m.starts_at, m.ends_at, to_char(m.starts_at AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM-DD') AS day,
  to_char(m.starts_at AT TIME ZONE '${TIME_ZONE}', 'HH24:MI') AS starts, to_char(m.ends_at AT TIME ZONE '${TIME_ZONE}', 'HH24:MI') AS ends,
  m.capacity, m.status, m.cancel_reason, m.minutes, m.ical_sequence, m.version, m.updated_at`;
const FROM = `meetings m LEFT JOIN venue_rooms r ON r.municipality_id = m.municipality_id AND r.id = m.room_id
  LEFT JOIN venues v ON v.municipality_id = r.municipality_id AND v.id = r.venue_id`;
/** The Warsaw wall-clock day and time → the instant. */
const AT = (day: string, time: string) => `((${day})::date + (${time})::time) AT TIME ZONE '${TIME_ZONE}'`;

export interface MeetingListRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  status: MeetingRow['status'];
  place: string;
  invited: number;
  answered: number;
  yes: number;
  attended: number;
}

export const meetings = {
  /**
   * The meeting of the invitation an answer link's token names: asked together with the invitation
   * itself (invitations.byToken), so both come in one round trip. Prepared: every answer asks it.
   */
  async byInvitationToken(sql: Sql, municipalityId: string, tokenHash: string): Promise<MeetingRow | undefined> {
    const [row] = await sql.query<MeetingRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE m.municipality_id = $1
         AND m.id = (SELECT i.meeting_id FROM meeting_invitations i WHERE i.municipality_id = $1 AND i.token_hash = $2)`,
      [municipalityId, tokenHash],
      { prepare: true },
    );
    return row;
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<MeetingRow | undefined> {
    const [row] = await sql.query<MeetingRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE m.municipality_id = $1 AND m.id = $2${lock ? ' FOR UPDATE OF m' : ''}`, [municipalityId, id]);
    return row;
  },
  /** The instants a form's Warsaw day and times stand for. */
  async instants(sql: Sql, day: string, starts: string, ends: string): Promise<{ starts_at: Date; ends_at: Date }> {
    const [row] = await sql.query<{ starts_at: Date; ends_at: Date }>(`SELECT ${AT('$1', '$2')} AS starts_at, ${AT('$1', '$3')} AS ends_at`, [day, starts, ends]);
    return row!;
  },
  async insert(sql: Sql, municipalityId: string, input: MeetingInput, createdBy: string): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO meetings (municipality_id, title, purpose, agenda, audience, room_id, address, online_url, starts_at, ends_at, capacity, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${AT('$9', '$10')}, ${AT('$9', '$11')}, $12, $13) RETURNING id`,
      [municipalityId, ...placeAndText(input), input.day, input.starts, input.ends, input.capacity, createdBy],
    );
    return row!.id;
  },
  /** Saves an edit made on `version`; false when someone else saved in between. A new time or place bumps the iCalendar sequence. */
  async update(sql: Sql, municipalityId: string, id: string, input: MeetingInput, version: number, moved: boolean): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE meetings SET title = $3, purpose = $4, agenda = $5, audience = $6, room_id = $7, address = $8, online_url = $9,
         starts_at = ${AT('$10', '$11')}, ends_at = ${AT('$10', '$12')}, capacity = $13, ical_sequence = ical_sequence + $15::int,
         version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $14 RETURNING id`,
      [municipalityId, id, ...placeAndText(input), input.day, input.starts, input.ends, input.capacity, version, moved ? 1 : 0],
    );
    return rows.length === 1;
  },
  async setBooking(sql: Sql, municipalityId: string, id: string, bookingId: string | null): Promise<void> {
    await sql.query('UPDATE meetings SET booking_id = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, id, bookingId]);
  },
  async cancel(sql: Sql, municipalityId: string, id: string, version: number, reason: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE meetings SET status = 'cancelled', cancel_reason = $4, ical_sequence = ical_sequence + 1, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND status = 'planned' RETURNING id`,
      [municipalityId, id, version, reason],
    );
    return rows.length === 1;
  },
  async saveMinutes(sql: Sql, municipalityId: string, id: string, version: number, minutes: string): Promise<boolean> {
    const rows = await sql.query(
      'UPDATE meetings SET minutes = $4, version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id',
      [municipalityId, id, version, minutes],
    );
    return rows.length === 1;
  },
  /** Upcoming (from the start of today) or past meetings, with their numbers. */
  async list(sql: Sql, municipalityId: string, when: 'upcoming' | 'past', limit: number, offset: number): Promise<{ rows: MeetingListRow[]; total: number }> {
    const rows = await sql.query<MeetingListRow & { total: number }>(
      `SELECT m.id, m.title, m.starts_at, m.ends_at, m.status, coalesce(v.name || ' — ' || r.name, m.address, '') AS place,
         (SELECT count(*)::int FROM meeting_invitations i WHERE i.municipality_id = m.municipality_id AND i.meeting_id = m.id) AS invited,
         (SELECT count(i.response)::int FROM meeting_invitations i WHERE i.municipality_id = m.municipality_id AND i.meeting_id = m.id) AS answered,
         (SELECT count(*) FILTER (WHERE i.response = 'yes')::int FROM meeting_invitations i WHERE i.municipality_id = m.municipality_id AND i.meeting_id = m.id) AS yes,
         (SELECT count(*)::int FROM meeting_attendance a WHERE a.municipality_id = m.municipality_id AND a.meeting_id = m.id) AS attended,
         count(*) OVER ()::int AS total
       FROM ${FROM}
       WHERE m.municipality_id = $1 AND ${when === 'upcoming' ? 'm.ends_at >= now()' : 'm.ends_at < now()'}
       ORDER BY m.starts_at ${when === 'upcoming' ? 'ASC' : 'DESC'}, m.id LIMIT $2 OFFSET $3`,
      [municipalityId, limit, offset],
    );
    return { rows, total: rows[0]?.total ?? 0 };
  },
};

function placeAndText(i: MeetingInput): unknown[] {
  const room = i.place === 'room' ? i.room_id.toLowerCase() : null;
  return [i.title, i.purpose, i.agenda, i.audience, room, i.place === 'address' ? i.address : '', i.online_url];
}
