import type { Sql } from '../../platform/db/types';
import type { DayHours, RoomRow, VenueRow } from './domain';
import type { RoomInput, VenueInput } from './form';

const VENUE = 'v.id, v.name, v.street, v.postal_code, v.city, v.description, v.email, v.phone, v.version';
const ROOM = `r.id, r.venue_id, v.name AS venue_name, r.name, r.capacity, r.equipment, r.accessibility, r.description, r.bookable, r.version`;
const ROOM_FROM = 'venue_rooms r JOIN venues v ON v.municipality_id = r.municipality_id AND v.id = r.venue_id';

/** Runs `statement` in a savepoint: a violation of `sqlState` undoes only it (false), anything else fails the transaction. */
export async function attempt(sql: Sql, sqlState: string, statement: () => Promise<unknown>): Promise<boolean> {
  await sql.query('SAVEPOINT venues_attempt');
  try {
    await statement();
  } catch (err) {
    if ((err as { code?: string }).code !== sqlState) throw err;
    await sql.query('ROLLBACK TO SAVEPOINT venues_attempt');
    return false;
  }
  await sql.query('RELEASE SAVEPOINT venues_attempt');
  return true;
}

export const venues = {
  async list(sql: Sql, municipalityId: string): Promise<VenueRow[]> {
    return sql.query<VenueRow>(`SELECT ${VENUE} FROM venues v WHERE v.municipality_id = $1 ORDER BY v.name, v.id`, [municipalityId]);
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<VenueRow | undefined> {
    const [row] = await sql.query<VenueRow>(`SELECT ${VENUE} FROM venues v WHERE v.municipality_id = $1 AND v.id = $2${lock ? ' FOR UPDATE' : ''}`, [municipalityId, id]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, v: VenueInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO venues (municipality_id, name, street, postal_code, city, description, email, phone) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [municipalityId, v.name, v.street, v.postal_code, v.city, v.description, v.email, v.phone],
    );
    return row!.id;
  },
  /** Optimistic concurrency: false when the venue is no longer at `version`. */
  async update(sql: Sql, municipalityId: string, id: string, v: VenueInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE venues SET name = $3, street = $4, postal_code = $5, city = $6, description = $7, email = $8, phone = $9, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $10 RETURNING id`,
      [municipalityId, id, v.name, v.street, v.postal_code, v.city, v.description, v.email, v.phone, version],
    );
    return rows.length === 1;
  },
  async remove(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query('DELETE FROM venues WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
  },
};

export const hours = {
  async of(sql: Sql, municipalityId: string, venueIds: string[]): Promise<(DayHours & { venue_id: string })[]> {
    return sql.query(
      `SELECT venue_id, weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes FROM venue_hours
       WHERE municipality_id = $1 AND venue_id = ANY($2::uuid[]) ORDER BY venue_id, weekday`,
      [municipalityId, venueIds],
    );
  },
  async replace(sql: Sql, municipalityId: string, venueId: string, list: DayHours[]): Promise<void> {
    await sql.query('DELETE FROM venue_hours WHERE municipality_id = $1 AND venue_id = $2', [municipalityId, venueId]);
    for (const h of list) {
      await sql.query('INSERT INTO venue_hours (municipality_id, venue_id, weekday, opens, closes) VALUES ($1, $2, $3, $4, $5)', [
        municipalityId, venueId, h.weekday, h.opens, h.closes,
      ]);
    }
  },
};

export const rooms = {
  /** Rooms of the given venues (every venue's when `venueIds` is null), bookable ones only unless `all`. */
  async of(sql: Sql, municipalityId: string, venueIds: string[] | null, all = false): Promise<RoomRow[]> {
    return sql.query<RoomRow>(
      `SELECT ${ROOM} FROM ${ROOM_FROM} WHERE r.municipality_id = $1 AND ($2::uuid[] IS NULL OR r.venue_id = ANY($2::uuid[])) AND (r.bookable OR $3)
       ORDER BY v.name, r.name, r.id`,
      [municipalityId, venueIds, all],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<RoomRow | undefined> {
    const [row] = await sql.query<RoomRow>(`SELECT ${ROOM} FROM ${ROOM_FROM} WHERE r.municipality_id = $1 AND r.id = $2${lock ? ' FOR UPDATE OF r' : ''}`, [
      municipalityId, id,
    ]);
    return row;
  },
  async nameTaken(sql: Sql, municipalityId: string, venueId: string, name: string, exceptId: string | null): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM venue_rooms WHERE municipality_id = $1 AND venue_id = $2 AND lower(name) = lower($3) AND id IS DISTINCT FROM $4::uuid', [
      municipalityId, venueId, name, exceptId,
    ]);
    return rows.length > 0;
  },
  async insert(sql: Sql, municipalityId: string, venueId: string, r: RoomInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO venue_rooms (municipality_id, venue_id, name, capacity, equipment, accessibility, description, bookable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [municipalityId, venueId, r.name, r.capacity, r.equipment, r.accessibility, r.description, r.bookable],
    );
    return row!.id;
  },
  async update(sql: Sql, municipalityId: string, id: string, r: RoomInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE venue_rooms SET name = $3, capacity = $4, equipment = $5, accessibility = $6, description = $7, bookable = $8, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $9 RETURNING id`,
      [municipalityId, id, r.name, r.capacity, r.equipment, r.accessibility, r.description, r.bookable, version],
    );
    return rows.length === 1;
  },
  async count(sql: Sql, municipalityId: string, venueId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM venue_rooms WHERE municipality_id = $1 AND venue_id = $2', [municipalityId, venueId]);
    return row!.n;
  },
  async remove(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query('DELETE FROM venue_rooms WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
  },
};
