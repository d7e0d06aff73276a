import type { Sql } from '../../../platform/db/types';
import type { Area, ServiceStatus } from '../domain';
import { SERVICE_COLUMNS, type ServiceRow } from '../repository';
import type { Changes, EntityType } from './history';
import type { ServiceInput } from './service-form';

/** Staff editing of the catalogue: the services' SQL, the editors' lists, and the history table. */

export interface ServiceListRow {
  id: string;
  name: string;
  area: Area;
  status: ServiceStatus;
  provider_name: string;
  updated_at: Date;
}

export interface Choice {
  id: string;
  name: string;
  /** A second line to tell similar choices apart (a location's address, its provider). */
  detail: string;
}

const SERVICE_VALUES = `provider_id = $3, name = $4, summary = $5, description = $6, area = $7, target_groups = $8, how_to_apply = $9,
  required_documents = $10, fee_kind = $11, fee_amount = $12::numeric, fee_rule = $13, capacity = $14, capacity_period = $15, eligibility = $16,
  criteria = $17::jsonb, status = $18, languages = $19, contact_email = $20, contact_phone = $21, situations = $22`;

const serviceParams = (s: ServiceInput) => [
  s.provider_id, s.name, s.summary, s.description, s.area, s.target_groups, s.how_to_apply, s.required_documents, s.fee_kind, s.fee_amount,
  s.fee_rule, s.capacity, s.capacity_period, s.eligibility, JSON.stringify(s.criteria), s.status, s.languages, s.contact_email, s.contact_phone,
  s.situations,
];

export const adminServices = {
  async list(sql: Sql, municipalityId: string): Promise<ServiceListRow[]> {
    return sql.query<ServiceListRow>(
      `SELECT s.id, s.name, s.area, s.status, p.name AS provider_name, s.updated_at
       FROM services s JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
       WHERE s.municipality_id = $1 ORDER BY s.sort_name, s.id`,
      [municipalityId],
    );
  },
  /** Reads a service and locks it until the transaction ends, so two saves cannot interleave. */
  async lock(sql: Sql, municipalityId: string, id: string): Promise<ServiceRow | undefined> {
    const [row] = await sql.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.municipality_id = $1 AND s.id = $2 FOR UPDATE`, [
      municipalityId,
      id,
    ]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, s: ServiceInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO services (municipality_id, provider_id, name, summary, description, area, target_groups, how_to_apply, required_documents,
         fee_kind, fee_amount, fee_rule, capacity, capacity_period, eligibility, criteria, status, languages, contact_email, contact_phone, situations)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::numeric, $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20, $21) RETURNING id`,
      [municipalityId, ...serviceParams(s)],
    );
    return row!.id;
  },
  /** Optimistic concurrency: updates only the row still at `version`; false when someone saved in between. */
  async update(sql: Sql, municipalityId: string, id: string, s: ServiceInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE services SET ${SERVICE_VALUES}, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $23 RETURNING id`,
      [municipalityId, id, ...serviceParams(s), version],
    );
    return rows.length === 1;
  },
  async locationIds(sql: Sql, municipalityId: string, serviceId: string): Promise<string[]> {
    const rows = await sql.query<{ location_id: string }>(
      'SELECT location_id FROM service_locations WHERE municipality_id = $1 AND service_id = $2 ORDER BY location_id',
      [municipalityId, serviceId],
    );
    return rows.map((r) => r.location_id);
  },
  async setLocations(sql: Sql, municipalityId: string, serviceId: string, locationIds: string[]): Promise<void> {
    await sql.query('DELETE FROM service_locations WHERE municipality_id = $1 AND service_id = $2 AND NOT (location_id = ANY($3::uuid[]))', [
      municipalityId,
      serviceId,
      locationIds,
    ]);
    await sql.query(
      `INSERT INTO service_locations (municipality_id, service_id, location_id)
       SELECT $1, $2, l FROM unnest($3::uuid[]) AS l ON CONFLICT DO NOTHING`,
      [municipalityId, serviceId, locationIds],
    );
  },
  async options(sql: Sql, municipalityId: string): Promise<Choice[]> {
    return sql.query<Choice>(
      `SELECT s.id, s.name, p.name AS detail FROM services s JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
       WHERE s.municipality_id = $1 ORDER BY s.sort_name, s.id`,
      [municipalityId],
    );
  },
};

export const choices = {
  async providers(sql: Sql, municipalityId: string): Promise<Choice[]> {
    return sql.query<Choice>("SELECT id, name, '' AS detail FROM providers WHERE municipality_id = $1 ORDER BY polish_sort_key(name), id", [municipalityId]);
  },
  async locations(sql: Sql, municipalityId: string): Promise<Choice[]> {
    return sql.query<Choice>(
      `SELECT id, name, street || ', ' || postal_code || ' ' || city AS detail FROM locations WHERE municipality_id = $1 ORDER BY polish_sort_key(name), street, id`,
      [municipalityId],
    );
  },
  /** The names of the given records (to check a choice exists here, and to record names in the history). */
  async names(sql: Sql, table: 'providers' | 'locations' | 'services' | 'programmes', municipalityId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await sql.query<{ id: string; name: string }>(`SELECT id, name FROM ${table} WHERE municipality_id = $1 AND id = ANY($2::uuid[])`, [
      municipalityId,
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

export interface HistoryRow {
  id: number;
  version: number;
  changed_by_label: string;
  changed_at: Date;
  changes: Changes;
}

export const history = {
  async append(
    sql: Sql,
    municipalityId: string,
    entry: { entityType: EntityType; entityId: string; version: number; changedBy: { id: string | null; label: string }; snapshot: unknown; changes: Changes },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO catalog_history (municipality_id, entity_type, entity_id, version, changed_by, changed_by_label, snapshot, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
      [municipalityId, entry.entityType, entry.entityId, entry.version, entry.changedBy.id, entry.changedBy.label,
        JSON.stringify(entry.snapshot), JSON.stringify(entry.changes)],
    );
  },
  async of(sql: Sql, municipalityId: string, entityType: EntityType, entityId: string): Promise<HistoryRow[]> {
    return sql.query<HistoryRow>(
      `SELECT id, version, changed_by_label, changed_at, changes FROM catalog_history
       WHERE municipality_id = $1 AND entity_type = $2 AND entity_id = $3 ORDER BY version DESC, id DESC`,
      [municipalityId, entityType, entityId],
    );
  },
};
