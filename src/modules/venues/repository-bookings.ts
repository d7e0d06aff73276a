import type { Sql } from '../../platform/db/types';
import type { BookingRow, BookingStatus } from './domain';

const COLUMNS = `b.id, b.room_id, r.name AS room_name, v.name AS venue_name, b.organisation_id, o.name AS organisation_name, b.requested_by,
  u.display_name AS requester_name, b.series_id, b.source, b.title, b.people, lower(b.during) AS starts_at, upper(b.during) AS ends_at, b.status,
  b.decision_reason, b.created_at`;
const FROM = `room_bookings b
  JOIN venue_rooms r ON r.municipality_id = b.municipality_id AND r.id = b.room_id
  JOIN venues v ON v.municipality_id = r.municipality_id AND v.id = r.venue_id
  LEFT JOIN organisations o ON o.municipality_id = b.municipality_id AND o.id = b.organisation_id
  LEFT JOIN users u ON u.id = b.requested_by`;
const LIVE = "b.status IN ('requested', 'approved')";

export interface NewBooking {
  roomId: string;
  organisationId: string | null;
  requestedBy: string;
  seriesId: string | null;
  source: 'request' | 'meeting';
  title: string;
  people: number;
  startsAt: Date;
  endsAt: Date;
  status: 'requested' | 'approved';
}

export const bookings = {
  /** Inserts one booking; an overlap with a live booking of the room fails with SQLSTATE 23P01 (the exclusion constraint). */
  async insert(sql: Sql, municipalityId: string, b: NewBooking): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO room_bookings (municipality_id, room_id, organisation_id, requested_by, series_id, source, title, people, during, status, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, tstzrange($9, $10, '[)'), $11, CASE WHEN $11 = 'approved' THEN $4::uuid END, CASE WHEN $11 = 'approved' THEN now() END)
       RETURNING id`,
      [municipalityId, b.roomId, b.organisationId, b.requestedBy, b.seriesId, b.source, b.title, b.people, b.startsAt, b.endsAt, b.status],
    );
    return row!.id;
  },
  /** The live bookings of a room that overlap any of the slots, in time order. */
  async overlapping(sql: Sql, municipalityId: string, roomId: string, slots: { startsAt: Date; endsAt: Date }[]): Promise<{ starts_at: Date; ends_at: Date }[]> {
    return sql.query(
      `SELECT DISTINCT lower(b.during) AS starts_at, upper(b.during) AS ends_at FROM room_bookings b
       WHERE b.municipality_id = $1 AND b.room_id = $2 AND ${LIVE}
         AND EXISTS (SELECT 1 FROM unnest($3::timestamptz[], $4::timestamptz[]) AS s(f, t) WHERE b.during && tstzrange(s.f, s.t, '[)'))
       ORDER BY 1, 2`,
      [municipalityId, roomId, slots.map((s) => s.startsAt), slots.map((s) => s.endsAt)],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string): Promise<BookingRow | undefined> {
    const [row] = await sql.query<BookingRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.municipality_id = $1 AND b.id = $2`, [municipalityId, id]);
    return row;
  },
  /** The booking and the other occurrences of its series, in time order. */
  async seriesOf(sql: Sql, municipalityId: string, b: Pick<BookingRow, 'id' | 'series_id'>): Promise<BookingRow[]> {
    return sql.query<BookingRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.municipality_id = $1 AND (b.id = $2 OR b.series_id = $3) ORDER BY b.during, b.id`, [
      municipalityId, b.id, b.series_id,
    ]);
  },
  /** Live bookings of a room overlapping [from, to). */
  async ofRoom(sql: Sql, municipalityId: string, roomId: string, from: Date, to: Date): Promise<BookingRow[]> {
    return sql.query<BookingRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.municipality_id = $1 AND b.room_id = $2 AND ${LIVE} AND b.during && tstzrange($3, $4) ORDER BY b.during`, [
      municipalityId, roomId, from, to,
    ]);
  },
  /** What a person asked for (not rooms staff booked for meetings), the coming ones first, then the past. */
  async ofRequester(sql: Sql, municipalityId: string, userId: string): Promise<BookingRow[]> {
    return sql.query<BookingRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE b.municipality_id = $1 AND b.requested_by = $2 AND b.source = 'request'
       ORDER BY upper(b.during) < now(), CASE WHEN upper(b.during) < now() THEN NULL ELSE lower(b.during) END, lower(b.during) DESC LIMIT 500`,
      [municipalityId, userId],
    );
  },
  async ofOrganisation(sql: Sql, municipalityId: string, organisationId: string): Promise<BookingRow[]> {
    return sql.query<BookingRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.municipality_id = $1 AND b.organisation_id = $2 ORDER BY b.during DESC, b.id`, [
      municipalityId, organisationId,
    ]);
  },
  /** Requests waiting for staff, oldest first; and the live bookings of the next weeks. */
  async withStatus(sql: Sql, municipalityId: string, status: BookingStatus, limit: number): Promise<BookingRow[]> {
    return sql.query<BookingRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE b.municipality_id = $1 AND b.status = $2 AND upper(b.during) > now()
       ORDER BY CASE WHEN $2 = 'requested' THEN b.created_at END, b.during, b.id LIMIT $3`,
      [municipalityId, status, limit],
    );
  },
  /** Staff decide every still waiting occurrence of the booking's series at once; the ids decided. */
  async decide(sql: Sql, municipalityId: string, b: Pick<BookingRow, 'id' | 'series_id'>, status: 'approved' | 'declined', reason: string, by: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      `UPDATE room_bookings SET status = $4, decision_reason = $5, decided_by = $6, decided_at = now()
       WHERE municipality_id = $1 AND (id = $2 OR series_id = $3) AND status = 'requested' RETURNING id`,
      [municipalityId, b.id, b.series_id, status, reason, by],
    );
    return rows.map((r) => r.id);
  },
  /** Cancels live bookings that have not started: the one, or its whole series. Frees their slots. */
  async cancel(sql: Sql, municipalityId: string, b: Pick<BookingRow, 'id' | 'series_id'>, wholeSeries: boolean): Promise<number> {
    const rows = await sql.query(
      `UPDATE room_bookings SET status = 'cancelled', cancelled_at = now()
       WHERE municipality_id = $1 AND (id = $2 OR ($4 AND series_id = $3)) AND status IN ('requested', 'approved') AND lower(during) > now() RETURNING id`,
      [municipalityId, b.id, b.series_id, wholeSeries],
    );
    return rows.length;
  },
  /** Frees a slot whatever its time (a meeting moved or called off). */
  async release(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query("UPDATE room_bookings SET status = 'cancelled', cancelled_at = now() WHERE municipality_id = $1 AND id = $2 AND status IN ('requested', 'approved')", [
      municipalityId, id,
    ]);
  },
  async anyOfRoom(sql: Sql, municipalityId: string, roomId: string): Promise<boolean> {
    return (await sql.query('SELECT 1 FROM room_bookings WHERE municipality_id = $1 AND room_id = $2 LIMIT 1', [municipalityId, roomId])).length > 0;
  },
  /** The verified organisations a person belongs to, for booking on their behalf. */
  async organisationsOf(sql: Sql, municipalityId: string, userId: string): Promise<{ id: string; name: string }[]> {
    return sql.query(
      `SELECT o.id, o.name FROM organisation_members m JOIN organisations o ON o.municipality_id = m.municipality_id AND o.id = m.organisation_id
       WHERE m.municipality_id = $1 AND m.user_id = $2 AND o.status = 'verified' ORDER BY o.name, o.id`,
      [municipalityId, userId],
    );
  },
  async requester(sql: Sql, userId: string): Promise<{ email: string; display_name: string; locale: 'pl' | 'en' } | undefined> {
    const [row] = await sql.query<{ email: string; display_name: string; locale: 'pl' | 'en' }>('SELECT email, display_name, locale FROM users WHERE id = $1', [userId]);
    return row;
  },
};
