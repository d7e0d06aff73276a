import type { Sql } from '../../../platform/db/types';
import type { ProviderKind } from '../domain';
import { LOCATION_COLUMNS, PROVIDER_COLUMNS, type LocationRow, type OpeningHoursRow, type ProviderRow } from '../repository';
import type { ExceptionInput, LocationInput, ProviderInput } from './place-forms';

/** Providers, locations, their weekly hours and dated exceptions: the staff editors' SQL. */

export interface ProviderListRow {
  id: string;
  name: string;
  kind: ProviderKind;
  services: number;
  updated_at: Date;
}

export interface LocationListRow {
  id: string;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  provider_name: string;
  updated_at: Date;
}

export interface ExceptionRow {
  id: string;
  day: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  note: string;
}

export const adminProviders = {
  async list(sql: Sql, municipalityId: string): Promise<ProviderListRow[]> {
    return sql.query<ProviderListRow>(
      `SELECT p.id, p.name, p.kind, p.updated_at,
         (SELECT count(*)::int FROM services s WHERE s.municipality_id = p.municipality_id AND s.provider_id = p.id) AS services
       FROM providers p WHERE p.municipality_id = $1 ORDER BY polish_sort_key(p.name), p.id`,
      [municipalityId],
    );
  },
  async lock(sql: Sql, municipalityId: string, id: string): Promise<ProviderRow | undefined> {
    const [row] = await sql.query<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.municipality_id = $1 AND p.id = $2 FOR UPDATE`, [
      municipalityId,
      id,
    ]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, p: ProviderInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      'INSERT INTO providers (municipality_id, name, kind, description, email, phone, website) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [municipalityId, p.name, p.kind, p.description, p.email, p.phone, p.website],
    );
    return row!.id;
  },
  async update(sql: Sql, municipalityId: string, id: string, p: ProviderInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE providers SET name = $3, kind = $4, description = $5, email = $6, phone = $7, website = $8, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $9 RETURNING id`,
      [municipalityId, id, p.name, p.kind, p.description, p.email, p.phone, p.website, version],
    );
    return rows.length === 1;
  },
};

const LOCATION_PARAMS = (l: LocationInput) => [
  l.provider_id, l.name, l.street, l.postal_code, l.city, l.latitude, l.longitude, l.step_free, l.accessible_toilet, l.induction_loop,
  l.sign_language_on_request, l.accessibility_notes,
];

export const adminLocations = {
  async list(sql: Sql, municipalityId: string): Promise<LocationListRow[]> {
    return sql.query<LocationListRow>(
      `SELECT l.id, l.name, l.street, l.postal_code, l.city, p.name AS provider_name, l.updated_at
       FROM locations l JOIN providers p ON p.municipality_id = l.municipality_id AND p.id = l.provider_id
       WHERE l.municipality_id = $1 ORDER BY polish_sort_key(l.name), l.street, l.id`,
      [municipalityId],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<LocationRow | undefined> {
    const [row] = await sql.query<LocationRow>(
      `SELECT ${LOCATION_COLUMNS} FROM locations l WHERE l.municipality_id = $1 AND l.id = $2${lock ? ' FOR UPDATE' : ''}`,
      [municipalityId, id],
    );
    return row;
  },
  async insert(sql: Sql, municipalityId: string, l: LocationInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO locations (municipality_id, provider_id, name, street, postal_code, city, latitude, longitude, step_free, accessible_toilet,
         induction_loop, sign_language_on_request, accessibility_notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7::double precision, $8::double precision, $9, $10, $11, $12, $13) RETURNING id`,
      [municipalityId, ...LOCATION_PARAMS(l)],
    );
    return row!.id;
  },
  async update(sql: Sql, municipalityId: string, id: string, l: LocationInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE locations SET provider_id = $3, name = $4, street = $5, postal_code = $6, city = $7, latitude = $8::double precision,
         longitude = $9::double precision, step_free = $10, accessible_toilet = $11, induction_loop = $12, sign_language_on_request = $13,
         accessibility_notes = $14, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $15 RETURNING id`,
      [municipalityId, id, ...LOCATION_PARAMS(l), version],
    );
    return rows.length === 1;
  },
  /** Marks a location changed (its hours or exceptions) without touching its own columns. */
  async bump(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query('UPDATE locations SET version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
  },
};

export const hours = {
  async of(sql: Sql, municipalityId: string, locationId: string): Promise<OpeningHoursRow[]> {
    return sql.query<OpeningHoursRow>(
      `SELECT location_id, weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes
       FROM opening_hours WHERE municipality_id = $1 AND location_id = $2 ORDER BY weekday, opens`,
      [municipalityId, locationId],
    );
  },
  async replace(sql: Sql, municipalityId: string, locationId: string, list: { weekday: number; opens: string; closes: string }[]): Promise<void> {
    await sql.query('DELETE FROM opening_hours WHERE municipality_id = $1 AND location_id = $2', [municipalityId, locationId]);
    for (const h of list) {
      await sql.query('INSERT INTO opening_hours (municipality_id, location_id, weekday, opens, closes) VALUES ($1, $2, $3, $4::time, $5::time)', [
        municipalityId, locationId, h.weekday, h.opens, h.closes,
      ]);
    }
  },
};

export const exceptions = {
  async of(sql: Sql, municipalityId: string, locationId: string): Promise<ExceptionRow[]> {
    return sql.query<ExceptionRow>(
      `SELECT id, day, closed, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes, note
       FROM opening_exceptions WHERE municipality_id = $1 AND location_id = $2 ORDER BY day`,
      [municipalityId, locationId],
    );
  },
  /** Adds the day's exception, or replaces the one already set for that day. */
  async upsert(sql: Sql, municipalityId: string, locationId: string, e: ExceptionInput): Promise<void> {
    await sql.query(
      `INSERT INTO opening_exceptions (municipality_id, location_id, day, closed, opens, closes, note)
       VALUES ($1, $2, $3::date, $4, $5::time, $6::time, $7)
       ON CONFLICT (municipality_id, location_id, day) DO UPDATE SET closed = EXCLUDED.closed, opens = EXCLUDED.opens, closes = EXCLUDED.closes, note = EXCLUDED.note`,
      [municipalityId, locationId, e.day, e.closed, e.opens, e.closes, e.note],
    );
  },
  async remove(sql: Sql, municipalityId: string, locationId: string, id: string): Promise<boolean> {
    const rows = await sql.query('DELETE FROM opening_exceptions WHERE municipality_id = $1 AND location_id = $2 AND id = $3 RETURNING id', [
      municipalityId,
      locationId,
      id,
    ]);
    return rows.length === 1;
  },
};
