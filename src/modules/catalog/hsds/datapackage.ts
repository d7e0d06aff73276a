import { strToU8, zipSync } from 'fflate';
import type { Database, DbContext } from '../../../platform/db/types';
import { toCsv } from '../../../platform/export/csv';
import { HSDS_PROFILE, HSDS_VERSION } from './constants';
import RESOURCES from './datapackage-resources.json' with { type: 'json' };
import * as map from './map';
import { derivedId } from './ids';
import { hsdsRepository as repo } from './repository';
import { TAXONOMY_LIST, TERMS } from './taxonomy';

/**
 * The catalogue as an HSDS 3.0 tabular data package: datapackage.json and one CSV per table, zipped.
 * Rows are the objects of the JSON API (map.ts), flattened: the same ids, the same active services.
 * The resources are copied unchanged from the specification's datapackage.json (the published
 * subset, in its order); headers are their field names in their order.
 *
 * Differences from the JSON API, forced by the tabular schema's constraints: HSDS's tabular form
 * wants each programme to belong to one organisation, and one programme per organisation, while a
 * municipality's programme spans many providers — so the programme belongs to the municipality that
 * adopted it (an organisation row of its own, `municipalityOrganization`), and the package carries
 * one programme: the one most services are published under (a service under another keeps an empty
 * `program_id`). A place owned by a provider without published services has no `organization_id`
 * (the foreign key could not resolve); times are hh:mm:ss; datetimes are UTC with the milliseconds
 * the JSON API gives. Empty values are empty cells; CSV is UTF-8 without a BOM, RFC 4180 (CRLF,
 * quoted when needed), as each resource's `dialect` declares.
 */

export interface TableField {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}
export interface TableResource {
  name: string;
  path: string;
  schema: { fields: TableField[]; primaryKey?: string; foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[] };
  [key: string]: unknown;
}

/** How every CSV of the package is written (Frictionless CSV Dialect), declared on each resource. */
export const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } as const;

/** The specification's resources, each with the dialect its CSV is written in. */
export const PUBLISHED_RESOURCES = (RESOURCES as TableResource[]).map((r) => ({ ...r, dialect: CSV_DIALECT }));
export const LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/legalcode.pl',
  title: 'Creative Commons Uznanie autorstwa 4.0 Międzynarodowe (CC BY 4.0)',
};

type Rec = object;
export type Tables = Record<string, Rec[]>;

/** Rows of one table, first come first kept by id (a place shared by several services is listed once). */
class Table {
  private rows = new Map<string, Rec>();
  add<T extends { id: string }>(...recs: T[]): void {
    for (const r of recs) if (!this.rows.has(r.id)) this.rows.set(r.id, r);
  }
  list(): Rec[] {
    return [...this.rows.values()];
  }
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'pl');

/** The municipality as the organisation that adopted its programme of social services (a council resolution). */
export function municipalityOrganization(place: map.Place): map.HsdsOrganizationBasic {
  return {
    id: derivedId('organization', 'municipality', place.teryt),
    name: place.name,
    description: `${place.name} — gmina, która przyjęła program usług społecznych uchwałą rady gminy.`,
    legal_status: 'jednostka samorządu terytorialnego',
  };
}

/** The programme most services are published under (the later one on a tie), if any. */
function packageProgramme(bundles: map.ServiceBundle[]): map.ProgrammeRow | undefined {
  const counts = new Map<string, { programme: map.ProgrammeRow; n: number }>();
  for (const b of bundles) {
    if (!b.programme) continue;
    const entry = counts.get(b.programme.id) ?? { programme: b.programme, n: 0 };
    entry.n += 1;
    counts.set(b.programme.id, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || b.programme.period_from.localeCompare(a.programme.period_from));
  return ranked[0]?.programme;
}

/** Every published record of a municipality, table by table (resource name → rows). */
export function tables(bundles: map.ServiceBundle[], place: map.Place): Tables {
  const t = Object.fromEntries(PUBLISHED_RESOURCES.map((r) => [r.name, new Table()])) as Record<string, Table>;
  const get = (name: string) => t[name]!;
  const providers = [...new Map(bundles.map((b) => [b.provider.id, b.provider])).values()].sort(byName);
  const organizationIds = new Set(providers.map((p) => p.id));
  for (const p of providers) {
    get('organization').add(map.organizationBasic(p));
    get('phone').add(...map.organization(p, [], [], place).phones);
  }
  const programme = packageProgramme(bundles);
  if (programme) {
    const owner = municipalityOrganization(place);
    get('organization').add(owner);
    get('program').add({ ...map.program(programme), organization_id: owner.id });
  }
  for (const b of bundles) {
    const s = map.service(b, place);
    get('service').add({ ...s, program_id: programme && s.program_id === programme.id ? programme.id : undefined });
    get('phone').add(...s.phones, ...s.contacts.flatMap((c) => c.phones));
    get('contact').add(...s.contacts);
    get('cost_option').add(...s.cost_options);
    get('required_document').add(...s.required_documents);
    get('language').add(...s.languages);
    get('service_area').add(...s.service_areas);
    get('attribute').add(...s.attributes);
    for (const sal of s.service_at_locations) {
      const l = sal.location;
      get('service_at_location').add({ id: sal.id, service_id: sal.service_id, location_id: sal.location_id });
      get('location').add({ ...l, organization_id: organizationIds.has(l.organization_id) ? l.organization_id : undefined });
      get('address').add(...l.addresses);
      get('accessibility').add(...l.accessibility);
      get('schedule').add(...l.schedules);
    }
  }
  get('taxonomy').add(...TAXONOMY_LIST);
  get('taxonomy_term').add(...TERMS);
  return Object.fromEntries(Object.entries(t).map(([name, table]) => [name, table.list()]));
}

/** One value as a Table Schema cell of the field's type: '' for none; datetimes in UTC to the millisecond; times as hh:mm:ss. */
export function cell(field: TableField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.type === 'datetime') return (value instanceof Date ? value : new Date(String(value))).toISOString();
  if (field.type === 'time' && /^\d{2}:\d{2}$/.test(String(value))) return `${String(value)}:00`;
  return String(value);
}

/** A CSV of `records` with the resource's fields as the header (RFC 4180: CRLF, quoted when needed). */
export function csv(resource: TableResource, records: readonly Rec[]): string {
  const fields = resource.schema.fields;
  const rows = records.map((r) => fields.map((f) => cell(f, (r as Record<string, unknown>)[f.name])));
  return toCsv([fields.map((f) => f.name), ...rows], { bom: false, neutraliseFormulas: false });
}

export interface PackageInfo {
  slug: string;
  /** The municipality's name, as it is published. */
  name: string;
  publicUrl: string;
  created: Date;
}

export function descriptor(info: PackageInfo): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: `hsds-${info.slug}`,
    title: `Katalog usług społecznych — ${info.name}`,
    description:
      `Aktywne usługi społeczne (${info.name}): realizatorzy, miejsca, godziny otwarcia, opłaty i klasyfikacja, ` +
      `w formacie tabelarycznym Open Referral HSDS ${HSDS_VERSION}. Identyfikatory są te same co w API JSON ` +
      `(${info.publicUrl}/api/${info.slug}/hsds). Godziny otwarcia podano w czasie lokalnym (Europe/Warsaw).`,
    homepage: `${info.publicUrl}/${info.slug}/services`,
    language: 'pl',
    created: info.created.toISOString(),
    licenses: [LICENSE],
    sources: [{ title: `Open Referral Human Services Data Specification ${HSDS_VERSION}`, path: HSDS_PROFILE }],
    resources: PUBLISHED_RESOURCES,
  };
}

/** The zip: datapackage.json and every resource's CSV at its path. */
export function datapackageZip(bundles: map.ServiceBundle[], place: map.Place, info: PackageInfo): Uint8Array {
  const rows = tables(bundles, place);
  const files: Record<string, Uint8Array> = { 'datapackage.json': strToU8(JSON.stringify(descriptor(info), null, 2) + '\n') };
  for (const r of PUBLISHED_RESOURCES) files[r.path] = strToU8(csv(r, rows[r.name] ?? []));
  return zipSync(files, { level: 6, mtime: info.created });
}

export const zipFileName = (info: PackageInfo): string => `hsds-${info.slug}-${info.created.toISOString().slice(0, 10)}.zip`;

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** Every active service of the municipality with its provider, programme and places (by name): a fixed number of queries. */
export async function publishedBundles(db: Database, ctx: DbContext): Promise<map.ServiceBundle[]> {
  const municipalityId = ctx.municipalityId!;
  return db.tx(ctx, async (sql) => {
    const services = await repo.services(sql, municipalityId, {});
    const ids = services.map((s) => s.id);
    const providers = new Map((await repo.providersByIds(sql, municipalityId, services.map((s) => s.provider_id))).map((p) => [p.id, p]));
    const rows = await repo.locationsOfServices(sql, municipalityId, ids);
    const hours = groupBy(await repo.openingHours(sql, municipalityId, rows.map((l) => l.id)), (h) => h.location_id);
    const places = groupBy(rows, (l) => l.service_id);
    const programmes = new Map((await repo.programmesOfServices(sql, municipalityId, ids)).map(({ service_id: serviceId, ...p }) => [serviceId, p]));
    return services.map((service) => ({
      service,
      provider: providers.get(service.provider_id)!,
      programme: programmes.get(service.id),
      locations: (places.get(service.id) ?? []).map(({ service_id: _serviceId, ...l }) => ({ ...l, hours: hours.get(l.id) ?? [] })),
    }));
  });
}
