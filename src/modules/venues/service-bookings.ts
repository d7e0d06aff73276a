import crypto from 'node:crypto';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError, type FieldErrors } from '../../platform/http/errors';
import type { Locale } from '../../platform/i18n';
import type { BookingRow, BookingStatus, DayHours, RoomRow } from './domain';
import type { BookingInput } from './form-booking';
import { hours } from './repository';
import { bookings, type NewBooking } from './repository-bookings';
import { findRoom, type VenuesDeps } from './service';
import { insertAllOrNone } from './slots';
import { addDays, isoWeekday, warsawInstant } from '../../platform/time';

/** The person asking, and whether they hold venues.manage here. */
export interface Viewer {
  userId: string | null;
  staff: boolean;
}

export interface BookingForm {
  room: RoomRow;
  hours: DayHours[];
  organisations: { id: string; name: string }[];
}

async function loadForm(sql: Sql, municipalityId: string, roomId: string, userId: string): Promise<BookingForm> {
  const room = await findRoom(sql, municipalityId, roomId);
  if (!room.bookable) throw new AppError('not_found');
  return { room, hours: await hours.of(sql, municipalityId, [room.venue_id]), organisations: await bookings.organisationsOf(sql, municipalityId, userId) };
}

export const bookingForm = (deps: VenuesDeps, ctx: DbContext, municipalityId: string, roomId: string, userId: string) =>
  deps.db.tx(ctx, (sql) => loadForm(sql, municipalityId, roomId, userId));

/** The mistakes a request can only be checked for with its room: on behalf of whom, how many, when the venue is open, not in the past. */
function problems(input: BookingInput, form: BookingForm, now: Date): FieldErrors {
  const fields: FieldErrors = {};
  if (input.organisationId && !form.organisations.some((o) => o.id === input.organisationId)) fields.organisation_id = { code: 'venue_booking_organisation' };
  if (input.people > form.room.capacity) fields.people = { code: 'venue_booking_over_capacity', params: { capacity: form.room.capacity } };
  const first = input.days[0]!;
  if (warsawInstant(first, input.starts) <= now) fields.day = { code: 'venue_booking_past' };
  const open = form.hours.find((h) => h.weekday === isoWeekday(first));
  if (!open) fields.day ??= { code: 'venue_booking_closed_day' };
  else if (input.starts < open.opens) fields.starts = { code: 'venue_booking_outside_hours', params: { opens: open.opens, closes: open.closes } };
  else if (input.ends > open.closes) fields.ends = { code: 'venue_booking_outside_hours', params: { opens: open.opens, closes: open.closes } };
  return fields;
}

/**
 * A person asks for a room, as themselves or for an organisation they belong to: one slot, or the
 * same slot weekly, all or nothing. Each request holds its slot until staff decide (first come).
 */
export async function requestBooking(
  deps: VenuesDeps, ctx: DbContext, municipalityId: string, roomId: string, input: BookingInput, actor: AuditActor, locale: Locale,
): Promise<{ ids: string[]; room: RoomRow }> {
  return deps.db.tx(ctx, async (sql) => {
    const form = await loadForm(sql, municipalityId, roomId, actor.userId!);
    const room = form.room;
    const fields = problems(input, form, new Date());
    if (Object.keys(fields).length) throw validationError(fields);
    const seriesId = input.days.length > 1 ? crypto.randomUUID() : null;
    const list: NewBooking[] = input.days.map((day) => ({
      roomId: room.id, organisationId: input.organisationId, requestedBy: actor.userId!, seriesId, source: 'request', title: input.title, people: input.people,
      startsAt: warsawInstant(day, input.starts), endsAt: warsawInstant(day, input.ends), status: 'requested',
    }));
    const ids = await insertAllOrNone(sql, municipalityId, room, list, locale);
    await audit(sql, municipalityId, actor, {
      action: 'venue.booking_requested', subjectType: 'room_booking', subjectId: ids[0], details: { room: room.id, occurrences: ids.length, organisation: input.organisationId },
    });
    return { ids, room };
  });
}

export async function myBookings(deps: VenuesDeps, ctx: DbContext, municipalityId: string, userId: string): Promise<BookingRow[]> {
  return deps.db.tx(ctx, (sql) => bookings.ofRequester(sql, municipalityId, userId));
}

/** The requester (or staff) cancels a booking that has not started, or every such occurrence of its series. */
/** What cancelling would do, for its confirmation page: the booking and the dates that have not started (the one, or the coming ones of its series). */
export async function bookingToCancel(deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string, wholeSeries: boolean, viewer: Viewer): Promise<{ booking: BookingRow; dates: BookingRow[] }> {
  return deps.db.tx(ctx, async (sql) => {
    const b = await bookings.find(sql, municipalityId, id);
    if (!b || b.source !== 'request' || (b.requested_by !== viewer.userId && !viewer.staff)) throw new AppError('not_found');
    const now = Date.now();
    const candidates = wholeSeries && b.series_id ? await bookings.seriesOf(sql, municipalityId, b) : [b];
    const dates = candidates.filter((x) => (x.id === b.id || wholeSeries) && (x.status === 'requested' || x.status === 'approved') && x.starts_at.getTime() > now);
    if (dates.length === 0) throw new AppError('conflict.stale');
    return { booking: b, dates };
  });
}

export async function cancelBooking(deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string, wholeSeries: boolean, viewer: Viewer, actor: AuditActor): Promise<number> {
  return deps.db.tx(ctx, async (sql) => {
    const b = await bookings.find(sql, municipalityId, id);
    if (!b || b.source !== 'request' || (b.requested_by !== viewer.userId && !viewer.staff)) throw new AppError('not_found');
    const n = await bookings.cancel(sql, municipalityId, b, wholeSeries);
    if (n === 0) throw new AppError('conflict.stale');
    await audit(sql, municipalityId, actor, { action: 'venue.booking_cancelled', subjectType: 'room_booking', subjectId: id, details: { occurrences: n } });
    return n;
  });
}

export interface CalendarEntry {
  starts_at: Date;
  ends_at: Date;
  /** Only for staff and for the person's own bookings; everyone else sees "taken". */
  status: BookingStatus | null;
  title: string | null;
  who: string | null;
  mine: boolean;
}

/** A room's week from `monday`: its hours and live bookings, with who and what only for staff (and one's own). */
export async function roomWeek(deps: VenuesDeps, ctx: DbContext, municipalityId: string, roomId: string, monday: string, viewer: Viewer) {
  return deps.db.tx(ctx, async (sql) => {
    const room = await findRoom(sql, municipalityId, roomId);
    if (!room.bookable && !viewer.staff) throw new AppError('not_found');
    const from = warsawInstant(monday, '00:00');
    const to = warsawInstant(addDays(monday, 7), '00:00');
    const entries: CalendarEntry[] = (await bookings.ofRoom(sql, municipalityId, roomId, from, to)).map((b) => {
      const mine = viewer.userId !== null && b.requested_by === viewer.userId;
      const shown = viewer.staff || mine;
      return { starts_at: b.starts_at, ends_at: b.ends_at, status: shown ? b.status : null, title: shown ? b.title : null, who: viewer.staff ? (b.organisation_name ?? b.requester_name) : null, mine };
    });
    return { room, hours: await hours.of(sql, municipalityId, [room.venue_id]), entries };
  });
}
