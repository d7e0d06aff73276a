import type { Sql } from '../../platform/db/types';
import type { Criterion } from './criteria';
import type { AccessibilityFeature, Area, FeeKind, ProviderKind, ServiceStatus, Situation, TargetGroup } from './domain';

export interface ServiceRow {
  id: string;
  provider_id: string;
  name: string;
  summary: string;
  description: string;
  area: Area;
  target_groups: TargetGroup[];
  how_to_apply: string;
  required_documents: string[];
  fee_kind: FeeKind;
  fee_amount: string | null;
  fee_rule: string;
  capacity: number | null;
  capacity_period: string;
  eligibility: string;
  criteria: Criterion[];
  status: ServiceStatus;
  languages: string[];
  contact_email: string;
  contact_phone: string;
  version: number;
  updated_at: Date;
  /** The life situations it answers (ADR 0026); none: not about a particular situation. Read by SERVICE_COLUMNS. */
  situations?: Situation[];
}

export interface ProviderRow {
  id: string;
  name: string;
  kind: ProviderKind;
  description: string;
  email: string;
  phone: string;
  website: string;
  version: number;
}

export interface LocationRow {
  id: string;
  provider_id: string;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  step_free: boolean;
  accessible_toilet: boolean;
  induction_loop: boolean;
  sign_language_on_request: boolean;
  accessibility_notes: string;
  version: number;
}

export interface OpeningHoursRow {
  location_id: string;
  weekday: number;
  opens: string;
  closes: string;
}

export const accessibilityOf = (l: LocationRow): AccessibilityFeature[] =>
  (['step_free', 'accessible_toilet', 'induction_loop', 'sign_language_on_request'] as const).filter((f) => l[f]);

export const SERVICE_COLUMNS = `s.id, s.provider_id, s.name, s.summary, s.description, s.area, s.target_groups, s.how_to_apply,
  s.required_documents, s.fee_kind, s.fee_amount::text AS fee_amount, s.fee_rule, s.capacity, s.capacity_period, s.eligibility,
  s.criteria, s.status, s.languages, s.contact_email, s.contact_phone, s.situations, s.version, s.updated_at`;
export const PROVIDER_COLUMNS = 'p.id, p.name, p.kind, p.description, p.email, p.phone, p.website, p.version';
export const LOCATION_COLUMNS = `l.id, l.provider_id, l.name, l.street, l.postal_code, l.city, l.latitude, l.longitude, l.step_free,
  l.accessible_toilet, l.induction_loop, l.sign_language_on_request, l.accessibility_notes, l.version`;

/** Reads shared by the catalogue's pages, API and checks. */
export const catalog = {
  async service(sql: Sql, municipalityId: string, id: string): Promise<ServiceRow | undefined> {
    const [row] = await sql.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.municipality_id = $1 AND s.id = $2`, [municipalityId, id]);
    return row;
  },
  async activeServices(sql: Sql, municipalityId: string): Promise<ServiceRow[]> {
    return sql.query<ServiceRow>(
      `SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.municipality_id = $1 AND s.status = 'active' ORDER BY s.sort_name, s.id`,
      [municipalityId],
    );
  },
  async provider(sql: Sql, municipalityId: string, id: string): Promise<ProviderRow | undefined> {
    const [row] = await sql.query<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.municipality_id = $1 AND p.id = $2`, [municipalityId, id]);
    return row;
  },
  async locationsOfService(sql: Sql, municipalityId: string, serviceId: string): Promise<LocationRow[]> {
    return sql.query<LocationRow>(
      `SELECT ${LOCATION_COLUMNS} FROM locations l JOIN service_locations sl ON sl.municipality_id = l.municipality_id AND sl.location_id = l.id
       WHERE l.municipality_id = $1 AND sl.service_id = $2 ORDER BY l.name`,
      [municipalityId, serviceId],
    );
  },
  async openingHours(sql: Sql, municipalityId: string, locationIds: string[]): Promise<OpeningHoursRow[]> {
    if (locationIds.length === 0) return [];
    return sql.query<OpeningHoursRow>(
      `SELECT location_id, weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes
       FROM opening_hours WHERE municipality_id = $1 AND location_id = ANY($2::uuid[]) ORDER BY weekday, opens`,
      [municipalityId, locationIds],
    );
  },
};
