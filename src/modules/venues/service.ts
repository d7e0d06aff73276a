import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import type { DayHours, RoomRow, VenueRow } from './domain';
import type { RoomInput, VenueInput } from './form';
import { attempt, hours, rooms, venues } from './repository';
import { bookings } from './repository-bookings';

export interface VenuesDeps {
  db: Database;
  publicUrl: string;
}

export interface VenueWithRooms extends VenueRow {
  hours: DayHours[];
  rooms: RoomRow[];
}

/** Venues with their hours and rooms (bookable rooms only, unless `all` for staff). */
async function withRooms(sql: Sql, municipalityId: string, list: VenueRow[], all: boolean): Promise<VenueWithRooms[]> {
  const ids = list.map((v) => v.id);
  const [h, r] = [await hours.of(sql, municipalityId, ids), await rooms.of(sql, municipalityId, ids, all)];
  return list.map((v) => ({ ...v, hours: h.filter((x) => x.venue_id === v.id), rooms: r.filter((x) => x.venue_id === v.id) }));
}

export async function allVenues(deps: VenuesDeps, ctx: DbContext, municipalityId: string, all = false): Promise<VenueWithRooms[]> {
  return deps.db.tx(ctx, async (sql) => withRooms(sql, municipalityId, await venues.list(sql, municipalityId), all));
}

export async function findVenue(sql: Sql, municipalityId: string, id: string, all = false, lock = false): Promise<VenueWithRooms> {
  const v = await venues.find(sql, municipalityId, id, lock);
  if (!v) throw new AppError('not_found');
  return (await withRooms(sql, municipalityId, [v], all))[0]!;
}

export const venue = (deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string, all = false) =>
  deps.db.tx(ctx, (sql) => findVenue(sql, municipalityId, id, all));

export async function findRoom(sql: Sql, municipalityId: string, id: string, lock = false): Promise<RoomRow> {
  const r = await rooms.find(sql, municipalityId, id, lock);
  if (!r) throw new AppError('not_found');
  return r;
}

export const roomOf = (deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string) => deps.db.tx(ctx, (sql) => findRoom(sql, municipalityId, id));

export async function createVenue(deps: VenuesDeps, ctx: DbContext, municipalityId: string, input: VenueInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const id = await venues.insert(sql, municipalityId, input);
    await hours.replace(sql, municipalityId, id, input.hours);
    await audit(sql, municipalityId, actor, { action: 'venue.created', subjectType: 'venue', subjectId: id, details: { name: input.name } });
    return id;
  });
}

/** Saves an edit made on `version`; someone else's save in between is `conflict.stale` and nothing is written. */
export async function updateVenue(deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string, input: VenueInput, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const before = await findVenue(sql, municipalityId, id, true, true);
    assertVersion(before, version);
    expectUpdated(await venues.update(sql, municipalityId, id, input, version));
    await hours.replace(sql, municipalityId, id, input.hours);
    await audit(sql, municipalityId, actor, { action: 'venue.updated', subjectType: 'venue', subjectId: id, details: { name: input.name, version: version + 1 } });
  });
}

/** Only a venue without rooms may go (a room keeps its bookings' history). */
export async function deleteVenue(deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string, version: number, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const before = await findVenue(sql, municipalityId, id, true, true);
    assertVersion(before, version);
    if ((await rooms.count(sql, municipalityId, id)) > 0) throw validationError({ name: { code: 'venue_has_rooms' } });
    await venues.remove(sql, municipalityId, id);
    await audit(sql, municipalityId, actor, { action: 'venue.deleted', subjectType: 'venue', subjectId: id, details: { name: before.name } });
    return before.name;
  });
}

async function refuseTakenName(sql: Sql, municipalityId: string, venueId: string, input: RoomInput, exceptId: string | null): Promise<void> {
  if (await rooms.nameTaken(sql, municipalityId, venueId, input.name, exceptId)) throw validationError({ name: { code: 'venue_room_name_taken' } });
}

export async function createRoom(deps: VenuesDeps, ctx: DbContext, municipalityId: string, venueId: string, input: RoomInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await findVenue(sql, municipalityId, venueId, true, true);
    await refuseTakenName(sql, municipalityId, venueId, input, null);
    const id = await rooms.insert(sql, municipalityId, venueId, input);
    await audit(sql, municipalityId, actor, { action: 'venue.room_created', subjectType: 'venue_room', subjectId: id, details: { name: input.name, venue: venueId } });
    return id;
  });
}

export async function updateRoom(deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string, input: RoomInput, version: number, actor: AuditActor): Promise<RoomRow> {
  return deps.db.tx(ctx, async (sql) => {
    const before = await findRoom(sql, municipalityId, id, true);
    assertVersion(before, version);
    await refuseTakenName(sql, municipalityId, before.venue_id, input, id);
    expectUpdated(await rooms.update(sql, municipalityId, id, input, version));
    await audit(sql, municipalityId, actor, { action: 'venue.room_updated', subjectType: 'venue_room', subjectId: id, details: { name: input.name, version: version + 1 } });
    return before;
  });
}

/** A room that was ever booked (or is a meeting's place) stays: it can be withdrawn from booking instead. */
export async function deleteRoom(deps: VenuesDeps, ctx: DbContext, municipalityId: string, id: string, version: number, actor: AuditActor): Promise<RoomRow> {
  return deps.db.tx(ctx, async (sql) => {
    const before = await findRoom(sql, municipalityId, id, true);
    assertVersion(before, version);
    const inUse = () => validationError({ name: { code: 'venue_room_in_use' } });
    if (await bookings.anyOfRoom(sql, municipalityId, id)) throw inUse();
    if (!(await attempt(sql, '23503', () => rooms.remove(sql, municipalityId, id)))) throw inUse();
    await audit(sql, municipalityId, actor, { action: 'venue.room_deleted', subjectType: 'venue_room', subjectId: id, details: { name: before.name } });
    return before;
  });
}
