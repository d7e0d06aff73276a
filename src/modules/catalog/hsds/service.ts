import type { Database, DbContext, Sql } from '../../../platform/db/types';
import { isUuid } from './ids';
import * as map from './map';
import { hsdsRepository as repo, type ServiceFilter } from './repository';

export interface Paging {
  page: number;
  perPage: number;
}

const offsetOf = (p: Paging) => (p.page - 1) * p.perPage;

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** Providers and programmes for a page of services: one query each. */
async function listContext(sql: Sql, municipalityId: string, services: map.PublishedServiceRow[]) {
  const ids = services.map((s) => s.id);
  const providers = await repo.providersByIds(sql, municipalityId, services.map((s) => s.provider_id));
  const programmes = await repo.programmesOfServices(sql, municipalityId, ids);
  return { providers: byId(providers), programmes: new Map(programmes.map((p) => [p.service_id, p])) };
}

/** Places with their opening hours, for the given services: two queries. */
async function placesOf(sql: Sql, municipalityId: string, serviceIds: string[]): Promise<Map<string, map.PlaceRow[]>> {
  const rows = await repo.locationsOfServices(sql, municipalityId, serviceIds);
  const hours = groupBy(await repo.openingHours(sql, municipalityId, rows.map((r) => r.id)), (h) => h.location_id);
  const places = new Map<string, map.PlaceRow[]>();
  for (const { service_id: serviceId, ...l } of rows) {
    const list = places.get(serviceId) ?? [];
    list.push({ ...l, hours: hours.get(l.id) ?? [] });
    places.set(serviceId, list);
  }
  return places;
}

/** Everything to nest the given services fully, in their order: a fixed number of queries, whatever their count. */
async function bundles(sql: Sql, municipalityId: string, services: map.PublishedServiceRow[]): Promise<map.ServiceBundle[]> {
  const { providers, programmes } = await listContext(sql, municipalityId, services);
  const places = await placesOf(sql, municipalityId, services.map((s) => s.id));
  return services.map((service) => ({
    service,
    provider: providers.get(service.provider_id)!,
    programme: programmes.get(service.id),
    locations: places.get(service.id) ?? [],
  }));
}

export const hsds = {
  async services(db: Database, ctx: DbContext, place: map.Place, f: ServiceFilter, p: Paging, full: boolean) {
    const municipalityId = ctx.municipalityId!;
    return db.tx(ctx, async (sql) => {
      const total = await repo.countServices(sql, municipalityId, f);
      const rows = await repo.services(sql, municipalityId, f, p.perPage, offsetOf(p));
      if (full) {
        const nested = (await bundles(sql, municipalityId, rows)).map((b) => map.service(b, place));
        return map.page<map.HsdsServiceListItem>(nested, total, p.page, p.perPage);
      }
      const { providers, programmes } = await listContext(sql, municipalityId, rows);
      const items = rows.map((s) => map.serviceListItem(s, providers.get(s.provider_id)!, programmes.get(s.id)));
      return map.page(items, total, p.page, p.perPage);
    });
  },

  async service(db: Database, ctx: DbContext, place: map.Place, id: string): Promise<map.HsdsService | undefined> {
    if (!isUuid(id)) return undefined;
    const municipalityId = ctx.municipalityId!;
    return db.tx(ctx, async (sql) => {
      const rows = await repo.servicesByIds(sql, municipalityId, [id]);
      if (rows.length === 0) return undefined;
      const [bundle] = await bundles(sql, municipalityId, rows);
      return map.service(bundle!, place);
    });
  },

  async organizations(db: Database, ctx: DbContext, search: string, p: Paging) {
    const municipalityId = ctx.municipalityId!;
    return db.tx(ctx, async (sql) => {
      const total = await repo.countOrganizations(sql, municipalityId, search);
      const rows = await repo.organizations(sql, municipalityId, search, p.perPage, offsetOf(p));
      return map.page(rows.map(map.organizationBasic), total, p.page, p.perPage);
    });
  },

  async organization(db: Database, ctx: DbContext, place: map.Place, id: string): Promise<map.HsdsOrganization | undefined> {
    if (!isUuid(id)) return undefined;
    const municipalityId = ctx.municipalityId!;
    return db.tx(ctx, async (sql) => {
      const provider = await repo.organization(sql, municipalityId, id);
      if (!provider) return undefined;
      const services = await repo.services(sql, municipalityId, { organizationId: id });
      const own = await repo.publishedLocationsOfProvider(sql, municipalityId, id);
      const hours = groupBy(await repo.openingHours(sql, municipalityId, own.map((l) => l.id)), (h) => h.location_id);
      const locations = own.map((l) => ({ ...l, hours: hours.get(l.id) ?? [] }));
      return map.organization(provider, locations, await bundles(sql, municipalityId, services), place);
    });
  },

  async serviceAtLocations(db: Database, ctx: DbContext, f: ServiceFilter, p: Paging) {
    const municipalityId = ctx.municipalityId!;
    return db.tx(ctx, async (sql) => {
      const total = await repo.countServiceLocations(sql, municipalityId, f);
      const pairs = await repo.serviceLocations(sql, municipalityId, f, p.perPage, offsetOf(p));
      const services = byId(await repo.servicesByIds(sql, municipalityId, [...new Set(pairs.map((x) => x.service_id))]));
      const locations = byId(await repo.locationsByIds(sql, municipalityId, pairs.map((x) => x.location_id)));
      const { providers, programmes } = await listContext(sql, municipalityId, [...services.values()]);
      const items = pairs.map((x) => {
        const s = services.get(x.service_id)!;
        return map.serviceAtLocationListItem(s, locations.get(x.location_id)!, providers.get(s.provider_id)!, programmes.get(s.id));
      });
      return map.page(items, total, p.page, p.perPage);
    });
  },

  /** service_at_location ids are derived from the pair, so the pair is found among the published ones. */
  async serviceAtLocation(db: Database, ctx: DbContext, place: map.Place, id: string): Promise<map.HsdsServiceAtLocation | undefined> {
    if (!isUuid(id)) return undefined;
    const wanted = id.toLowerCase();
    const municipalityId = ctx.municipalityId!;
    return db.tx(ctx, async (sql) => {
      const pairs = await repo.serviceLocations(sql, municipalityId, {});
      const pair = pairs.find((x) => map.serviceAtLocationId(x.service_id, x.location_id) === wanted);
      if (!pair) return undefined;
      const rows = await repo.servicesByIds(sql, municipalityId, [pair.service_id]);
      const [bundle] = await bundles(sql, municipalityId, rows);
      const at = bundle?.locations.find((l) => l.id === pair.location_id);
      if (!bundle || !at) return undefined;
      return map.serviceAtLocation(bundle, at, place);
    });
  },
};
