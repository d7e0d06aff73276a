import type { Sql } from '../../../platform/db/types';
import { TIME_ZONE } from '../../../platform/time';
import type { Area, TargetGroup } from '../domain';
import { LOCATION_COLUMNS, PROVIDER_COLUMNS, SERVICE_COLUMNS, catalog, type LocationRow, type OpeningHoursRow, type ProviderRow } from '../repository';
import type { ProgrammeRow, PublishedServiceRow } from './map';

/**
 * The open-data reads. Only active services are published, and with them their providers and
 * places; every list is one query per kind of row for the whole page (no query per item).
 */

export interface ServiceFilter {
  /** Words that must each appear in the name or summary (ignoring case and diacritics, tolerating typos). */
  search?: string;
  area?: Area;
  targetGroup?: TargetGroup;
  /** Services classified in the target-group taxonomy at all. */
  anyTargetGroup?: boolean;
  organizationId?: string;
  /** A calendar day (from its start in Warsaw) or an instant with an offset. */
  modifiedAfter?: { day: string } | { instant: string };
  /** Held at a place with this postal code (for services: at one of their places). */
  postcode?: string;
}

/** When a published service last changed: the service itself, its provider, or one of its places. */
const LAST_MODIFIED = `GREATEST(s.updated_at, p.updated_at, (SELECT max(ml.updated_at) FROM service_locations msl
  JOIN locations ml ON ml.municipality_id = msl.municipality_id AND ml.id = msl.location_id
  WHERE msl.municipality_id = s.municipality_id AND msl.service_id = s.id))`;
const PUBLISHED = `FROM services s JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id`;
/** Normalized name + summary, a stored column (migration 0003). */
const SEARCHED = 's.search_doc';
const MAX_SEARCH_WORDS = 8;

const paging = (limit: number | undefined, offset: number) => (limit === undefined ? '' : ` LIMIT ${Number(limit)} OFFSET ${Number(offset)}`);
const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => '\\' + c);

/** `pairs`: the query joins one place as `l` (service-at-location lists); otherwise a service matches through any of its places. */
function serviceWhere(municipalityId: string, f: ServiceFilter, params: unknown[] = [], pairs = false): { clause: string; params: unknown[] } {
  params.push(municipalityId);
  const parts = [`s.municipality_id = $${params.length}`, `s.status = 'active'`];
  const add = (sql: string, ...values: unknown[]) => {
    let out = sql;
    for (const v of values) {
      params.push(v);
      out = out.replace('?', `$${params.length}`);
    }
    parts.push(out);
  };
  for (const word of (f.search ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS)) {
    add(`(${SEARCHED} LIKE '%' || search_normalize(?) || '%' OR search_normalize(?) <% ${SEARCHED})`, escapeLike(word), word);
  }
  if (f.area) add('s.area = ?', f.area);
  if (f.targetGroup) add('? = ANY(s.target_groups)', f.targetGroup);
  if (f.anyTargetGroup) parts.push('cardinality(s.target_groups) > 0');
  if (f.organizationId) add('s.provider_id = ?::uuid', f.organizationId);
  if (f.modifiedAfter && 'day' in f.modifiedAfter) add(`${LAST_MODIFIED} >= (?::date)::timestamp AT TIME ZONE '${TIME_ZONE}'`, f.modifiedAfter.day);
  if (f.modifiedAfter && 'instant' in f.modifiedAfter) add(`${LAST_MODIFIED} >= ?::timestamptz`, f.modifiedAfter.instant);
  if (f.postcode && pairs) add('l.postal_code = ?', f.postcode);
  if (f.postcode && !pairs) {
    add(
      `EXISTS (SELECT 1 FROM service_locations psl JOIN locations pl ON pl.municipality_id = psl.municipality_id AND pl.id = psl.location_id
        WHERE psl.municipality_id = s.municipality_id AND psl.service_id = s.id AND pl.postal_code = ?)`,
      f.postcode,
    );
  }
  return { clause: parts.join(' AND '), params };
}

const SERVICE_SELECT = `SELECT ${SERVICE_COLUMNS}, ${LAST_MODIFIED} AS last_modified ${PUBLISHED}`;
const PAIRS_FROM = `FROM service_locations sl
  JOIN services s ON s.municipality_id = sl.municipality_id AND s.id = sl.service_id
  JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
  JOIN locations l ON l.municipality_id = sl.municipality_id AND l.id = sl.location_id`;

export interface ServiceLocationPair {
  service_id: string;
  location_id: string;
}
export interface ServiceLocationRow extends LocationRow {
  service_id: string;
}
export interface ServiceProgrammeRow extends ProgrammeRow {
  service_id: string;
}

export const hsdsRepository = {
  async countServices(sql: Sql, municipalityId: string, f: ServiceFilter): Promise<number> {
    const { clause, params } = serviceWhere(municipalityId, f);
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n ${PUBLISHED} WHERE ${clause}`, params);
    return row?.n ?? 0;
  },

  /** A page of published services by name; all of them without a limit. */
  async services(sql: Sql, municipalityId: string, f: ServiceFilter, limit?: number, offset = 0): Promise<PublishedServiceRow[]> {
    const { clause, params } = serviceWhere(municipalityId, f);
    return sql.query<PublishedServiceRow>(`${SERVICE_SELECT} WHERE ${clause} ORDER BY s.name, s.id${paging(limit, offset)}`, params);
  },

  /** Published services among `ids` (in no particular order). */
  async servicesByIds(sql: Sql, municipalityId: string, ids: string[]): Promise<PublishedServiceRow[]> {
    if (ids.length === 0) return [];
    const params: unknown[] = [ids];
    const { clause } = serviceWhere(municipalityId, {}, params);
    return sql.query<PublishedServiceRow>(`${SERVICE_SELECT} WHERE ${clause} AND s.id = ANY($1::uuid[])`, params);
  },

  async providersByIds(sql: Sql, municipalityId: string, ids: string[]): Promise<ProviderRow[]> {
    if (ids.length === 0) return [];
    return sql.query<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.municipality_id = $1 AND p.id = ANY($2::uuid[])`, [
      municipalityId,
      [...new Set(ids)],
    ]);
  },

  /** The places of the given services, by name. */
  async locationsOfServices(sql: Sql, municipalityId: string, serviceIds: string[]): Promise<ServiceLocationRow[]> {
    if (serviceIds.length === 0) return [];
    return sql.query<ServiceLocationRow>(
      `SELECT sl.service_id, ${LOCATION_COLUMNS} FROM service_locations sl
       JOIN locations l ON l.municipality_id = sl.municipality_id AND l.id = sl.location_id
       WHERE sl.municipality_id = $1 AND sl.service_id = ANY($2::uuid[]) ORDER BY l.name, l.id`,
      [municipalityId, serviceIds],
    );
  },

  async locationsByIds(sql: Sql, municipalityId: string, ids: string[]): Promise<LocationRow[]> {
    if (ids.length === 0) return [];
    return sql.query<LocationRow>(`SELECT ${LOCATION_COLUMNS} FROM locations l WHERE l.municipality_id = $1 AND l.id = ANY($2::uuid[])`, [
      municipalityId,
      [...new Set(ids)],
    ]);
  },

  openingHours(sql: Sql, municipalityId: string, locationIds: string[]): Promise<OpeningHoursRow[]> {
    return catalog.openingHours(sql, municipalityId, [...new Set(locationIds)]);
  },

  /**
   * The programme each service is published under: an adopted programme (else an expired one), the
   * latest first. Drafts and programmes in consultation are not published.
   */
  async programmesOfServices(sql: Sql, municipalityId: string, serviceIds: string[]): Promise<ServiceProgrammeRow[]> {
    if (serviceIds.length === 0) return [];
    return sql.query<ServiceProgrammeRow>(
      `SELECT DISTINCT ON (ps.service_id) ps.service_id, pr.id, pr.name, pr.description, pr.resolution_number,
         to_char(pr.resolution_date, 'YYYY-MM-DD') AS resolution_date, to_char(pr.period_from, 'YYYY-MM-DD') AS period_from,
         to_char(pr.period_to, 'YYYY-MM-DD') AS period_to
       FROM programme_services ps JOIN programmes pr ON pr.municipality_id = ps.municipality_id AND pr.id = ps.programme_id
       WHERE ps.municipality_id = $1 AND ps.service_id = ANY($2::uuid[]) AND pr.status IN ('adopted', 'expired')
       ORDER BY ps.service_id, (pr.status = 'adopted') DESC, pr.period_to DESC, pr.id`,
      [municipalityId, serviceIds],
    );
  },

  async countServiceLocations(sql: Sql, municipalityId: string, f: ServiceFilter): Promise<number> {
    const { clause, params } = serviceWhere(municipalityId, f, [], true);
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n ${PAIRS_FROM} WHERE ${clause}`, params);
    return row?.n ?? 0;
  },

  /** (service, place) pairs of published services, by service name then place name; all of them without a limit. */
  async serviceLocations(sql: Sql, municipalityId: string, f: ServiceFilter, limit?: number, offset = 0): Promise<ServiceLocationPair[]> {
    const { clause, params } = serviceWhere(municipalityId, f, [], true);
    return sql.query<ServiceLocationPair>(
      `SELECT sl.service_id, sl.location_id ${PAIRS_FROM} WHERE ${clause} ORDER BY s.name, s.id, l.name, l.id${paging(limit, offset)}`,
      params,
    );
  },

  /** Providers with at least one published service. */
  async countOrganizations(sql: Sql, municipalityId: string, search: string): Promise<number> {
    const { clause, params } = organizationWhere(municipalityId, search);
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM providers p WHERE ${clause}`, params);
    return row?.n ?? 0;
  },

  async organizations(sql: Sql, municipalityId: string, search: string, limit: number, offset: number): Promise<ProviderRow[]> {
    const { clause, params } = organizationWhere(municipalityId, search);
    return sql.query<ProviderRow>(
      `SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE ${clause} ORDER BY p.name, p.id${paging(limit, offset)}`,
      params,
    );
  },

  async organization(sql: Sql, municipalityId: string, id: string): Promise<ProviderRow | undefined> {
    const { clause, params } = organizationWhere(municipalityId, '');
    params.push(id);
    const [row] = await sql.query<ProviderRow>(`SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE ${clause} AND p.id = $${params.length}::uuid`, params);
    return row;
  },

  /** A provider's own places that host a published service, by name. */
  async publishedLocationsOfProvider(sql: Sql, municipalityId: string, providerId: string): Promise<LocationRow[]> {
    return sql.query<LocationRow>(
      `SELECT ${LOCATION_COLUMNS} FROM locations l
       WHERE l.municipality_id = $1 AND l.provider_id = $2::uuid AND EXISTS (
         SELECT 1 FROM service_locations sl JOIN services s ON s.municipality_id = sl.municipality_id AND s.id = sl.service_id
         WHERE sl.municipality_id = l.municipality_id AND sl.location_id = l.id AND s.status = 'active')
       ORDER BY l.name, l.id`,
      [municipalityId, providerId],
    );
  },
};

function organizationWhere(municipalityId: string, search: string): { clause: string; params: unknown[] } {
  const params: unknown[] = [municipalityId];
  const parts = [
    'p.municipality_id = $1',
    `EXISTS (SELECT 1 FROM services s WHERE s.municipality_id = p.municipality_id AND s.provider_id = p.id AND s.status = 'active')`,
  ];
  for (const word of search.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS)) {
    params.push(escapeLike(word), word);
    parts.push(`(search_normalize(p.name) LIKE '%' || search_normalize($${params.length - 1}) || '%' OR search_normalize($${params.length}) <% search_normalize(p.name))`);
  }
  return { clause: parts.join(' AND '), params };
}
