import type { Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { roomLabel } from './domain';
import { rooms } from './repository';
import { bookings } from './repository-bookings';
import { insertAllOrNone } from './slots';

/**
 * What other modules use, in their own transaction: meetings book and free rooms, the registry of
 * organisations lists an organisation's bookings in its cooperation history.
 */

/**
 * Books a room for a community meeting, approved at once (staff book it; the venue's opening hours do
 * not apply). A slot another live booking holds is the conflict `venue.room_taken`, naming it.
 */
export async function reserveRoomForMeeting(
  sql: Sql,
  municipalityId: string,
  r: { roomId: string; startsAt: Date; endsAt: Date; title: string; bookedBy: string },
): Promise<string> {
  const room = await rooms.find(sql, municipalityId, r.roomId);
  if (!room) throw new AppError('not_found');
  if (!(r.endsAt > r.startsAt)) throw new AppError('validation.failed', { fields: { ends: { code: 'venue_booking_end_before_start' } } });
  const [id] = await insertAllOrNone(sql, municipalityId, room, [
    { roomId: room.id, organisationId: null, requestedBy: r.bookedBy, seriesId: null, source: 'meeting', title: r.title.slice(0, 200) || '—', people: 1, startsAt: r.startsAt, endsAt: r.endsAt, status: 'approved' },
  ], 'pl');
  return id!;
}

/** Cancels a booking (frees its slot); one already cancelled or declined stays as it is. */
export async function releaseBooking(sql: Sql, municipalityId: string, bookingId: string): Promise<void> {
  await bookings.release(sql, municipalityId, bookingId);
}

/** A room's name ("Venue — Room") and how many people fit in it; undefined when there is no such room. */
export async function roomCapacity(sql: Sql, municipalityId: string, roomId: string): Promise<{ label: string; capacity: number } | undefined> {
  const room = await rooms.find(sql, municipalityId, roomId);
  return room ? { label: roomLabel(room), capacity: room.capacity } : undefined;
}

/** Rooms that take bookings, for a select: "Venue — Room" and how many people fit. */
export async function roomChoices(sql: Sql, municipalityId: string): Promise<{ id: string; label: string; capacity: number }[]> {
  return (await rooms.of(sql, municipalityId, null)).map((r) => ({ id: r.id, label: roomLabel(r), capacity: r.capacity }));
}

/** An organisation's bookings, newest first, for its cooperation history. */
export async function bookingsOfOrganisation(
  sql: Sql,
  municipalityId: string,
  organisationId: string,
): Promise<{ id: string; room: string; startsAt: Date; endsAt: Date; status: string }[]> {
  return (await bookings.ofOrganisation(sql, municipalityId, organisationId)).map((b) => ({
    id: b.id, room: roomLabel({ venue_name: b.venue_name, name: b.room_name }), startsAt: b.starts_at, endsAt: b.ends_at, status: b.status,
  }));
}
