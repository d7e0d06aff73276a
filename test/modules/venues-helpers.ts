import assert from 'node:assert/strict';
import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { translator } from '../../src/platform/i18n';
import type { TestClient } from '../support/client';
import { makeMunicipality, makeUser, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { logIn } from '../support/session';

/** Shared by the venues tests: a municipality with one MAL and two rooms, people, a booking form, readers of rows. */

export interface Place {
  m: MunicipalityRow;
  venueId: string;
  /** "Sala 2", 24 places. */
  roomId: string;
  /** "Pracownia", 12 places. */
  smallRoomId: string;
}

/** Monday to Saturday 09:00–21:00; closed on Sundays. */
export async function place(h: Harness, name = 'Gmina Sal'): Promise<Place> {
  const m = await makeMunicipality(h.db, name);
  return h.db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
    const [v] = await sql.query<{ id: string }>("INSERT INTO venues (municipality_id, name, street, city) VALUES ($1, 'MAL Osada', 'ul. Dittricha 1', 'Żyrardów') RETURNING id", [m.id]);
    for (let d = 1; d <= 6; d++) await sql.query("INSERT INTO venue_hours (municipality_id, venue_id, weekday, opens, closes) VALUES ($1, $2, $3, '09:00', '21:00')", [m.id, v!.id, d]);
    const room = async (n: string, capacity: number) =>
      (await sql.query<{ id: string }>('INSERT INTO venue_rooms (municipality_id, venue_id, name, capacity, equipment) VALUES ($1, $2, $3, $4, $5) RETURNING id', [m.id, v!.id, n, capacity, ['projector']]))[0]!.id;
    return { m, venueId: v!.id, roomId: await room('Sala 2', 24), smallRoomId: await room('Pracownia', 12) };
  });
}

export async function person(h: Harness, m?: MunicipalityRow, roles: Role[] = ['resident'], totp = false): Promise<{ user: TestUser; c: TestClient }> {
  const user = await makeUser(h.db, { municipality: m, roles, totp });
  return { user, c: await logIn(h, user) };
}

/** A community organiser (venues.manage opens who asked for a room: TOTP enrolled). */
export const organiser = (h: Harness, m: MunicipalityRow, roles: Role[] = ['community_organiser']) => person(h, m, roles, true);

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });
const hm = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
export const warsawToday = () => ymd.format(new Date());
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
export const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));

/** The instant of a Warsaw day and time, as PostgreSQL reckons it. */
export async function instant(h: Harness, day: string, time: string): Promise<Date> {
  const [row] = await h.db.ownerTx((sql) => sql.query<{ t: Date }>("SELECT ($1::date + $2::time) AT TIME ZONE 'Europe/Warsaw' AS t", [day, time]));
  return row!.t;
}

/** A slot as the Polish messages name it: "3 grudnia 2026 17:00–19:00". */
export const slotPl = (from: Date, to: Date) => `${translator('pl').date(from)} ${hm.format(from)}–${hm.format(to)}`;

/** The day `weeks` weeks after the next `weekday` (1 = Monday) on the Warsaw calendar. */
export function nextWeekday(weekday: number, weeks = 0): string {
  const today = warsawToday();
  return addDays(today, ((weekday - isoWeekday(today) + 7) % 7 || 7) + 7 * weeks);
}

export function bookingForm(over: Record<string, string> = {}): Record<string, string> {
  return { title: 'Próba chóru „Lniane Głosy”', people: '15', day: nextWeekday(4, 1), starts: '17:00', ends: '19:00', repeat: 'none', weeks: '', until: '', ...over };
}

/** Asks for the room through the form; returns the answer (303 when the request was taken). */
export async function book(c: TestClient, p: Place, over: Record<string, string> = {}, roomId = p.roomId) {
  await c.get(`/${p.m.slug}/venues/rooms/${roomId}/book`);
  return c.post(`/${p.m.slug}/venues/rooms/${roomId}/book`, bookingForm(over));
}

export interface BookingDbRow {
  id: string;
  status: string;
  title: string;
  decision_reason: string;
  series_id: string | null;
  organisation_id: string | null;
  starts_at: Date;
  ends_at: Date;
}

export async function bookingRows(h: Harness, p: Place, roomId = p.roomId): Promise<BookingDbRow[]> {
  return h.db.ownerTx((sql) =>
    sql.query<BookingDbRow>(
      'SELECT id, status, title, decision_reason, series_id, organisation_id, lower(during) AS starts_at, upper(during) AS ends_at FROM room_bookings WHERE municipality_id = $1 AND room_id = $2 ORDER BY during',
      [p.m.id, roomId],
    ),
  );
}

export async function onlyBooking(h: Harness, p: Place): Promise<BookingDbRow> {
  const rows = await bookingRows(h, p);
  assert.equal(rows.length, 1, `one booking, not ${rows.length}`);
  return rows[0]!;
}

export const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
export const errorMessage = (res: { json(): unknown }) => (res.json() as { error: { message: string } }).error.message;
