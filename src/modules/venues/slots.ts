import type { Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { Locale } from '../../platform/i18n';
import { attempt } from './repository';
import { bookings, type NewBooking } from './repository-bookings';
import { slotText } from './time';

/** SQLSTATE of an exclusion constraint violation: another live booking of the room overlaps. */
const EXCLUSION_VIOLATION = '23P01';

/**
 * The conflict naming what is in the way: "Sala 2 jest już zajęta 3 grudnia 2026 17:00–19:00" —
 * the live bookings that overlap the slots asked for (the slots themselves if those were freed since).
 */
export async function slotConflict(sql: Sql, municipalityId: string, room: { id: string; name: string }, asked: NewBooking[], locale: Locale): Promise<AppError> {
  const found = await bookings.overlapping(sql, municipalityId, room.id, asked);
  const slots = (found.length ? found : asked.map((b) => ({ starts_at: b.startsAt, ends_at: b.endsAt }))).map((s) => slotText(s, locale));
  const params = { room: room.name, slots: slots.join('; '), count: slots.length };
  return new AppError('venue.room_taken', { params, fields: { day: { code: 'venue_room_taken', params } } });
}

/**
 * Inserts the bookings all or none: each in a savepoint, so that a clash is noted and the rest are
 * still tried, and every clashing date is named. The database decides (the exclusion constraint),
 * so two requests racing for one slot end with one booking and one conflict, never two bookings.
 * A conflict is thrown, which rolls the caller's transaction back: nothing of the request stays.
 */
export async function insertAllOrNone(sql: Sql, municipalityId: string, room: { id: string; name: string }, list: NewBooking[], locale: Locale): Promise<string[]> {
  const ids: string[] = [];
  const clashes: NewBooking[] = [];
  for (const b of list) {
    const inserted = await attempt(sql, EXCLUSION_VIOLATION, async () => ids.push(await bookings.insert(sql, municipalityId, b)));
    if (!inserted) clashes.push(b);
  }
  if (clashes.length) throw await slotConflict(sql, municipalityId, room, clashes, locale);
  return ids;
}
