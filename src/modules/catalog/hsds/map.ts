import { translator } from '../../../platform/i18n';
import type { Criterion } from '../criteria';
import { ACCESSIBILITY_FEATURES, type FeeKind } from '../domain';
import type { LocationRow, OpeningHoursRow, ProviderRow, ServiceRow } from '../repository';
import { derivedId } from './ids';
import { areaTerm, groupTerm, type HsdsTaxonomyTerm } from './taxonomy';

/**
 * Catalogue rows → HSDS 3.0 objects. Pure functions: the same rows always give the same objects
 * (derived ids are name-based). Empty columns are left out rather than published as "".
 * Shapes follow schema/compiled/*.json of HSDS 3.0.1; no field outside the schema is emitted.
 */

const pl = translator('pl');
const PLN = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' });
const LANGUAGE_NAMES = new Intl.DisplayNames(['pl'], { type: 'language' });
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** TERYT voivodeship codes (the first two digits of a municipality's code). */
const VOIVODESHIPS: Record<string, string> = {
  '02': 'dolnośląskie', '04': 'kujawsko-pomorskie', '06': 'lubelskie', '08': 'lubuskie', '10': 'łódzkie', '12': 'małopolskie',
  '14': 'mazowieckie', '16': 'opolskie', '18': 'podkarpackie', '20': 'podlaskie', '22': 'pomorskie', '24': 'śląskie',
  '26': 'świętokrzyskie', '28': 'warmińsko-mazurskie', '30': 'wielkopolskie', '32': 'zachodniopomorskie',
};
export const TIME_NOTE = 'Godziny w czasie lokalnym (Europe/Warsaw).';

/** The municipality whose catalogue is published. */
export interface Place {
  name: string;
  teryt: string;
}

/** An active service as the open-data reads load it: the row plus when it (or its provider or places) last changed. */
export interface PublishedServiceRow extends ServiceRow {
  last_modified: Date;
}

export interface ProgrammeRow {
  id: string;
  name: string;
  description: string;
  resolution_number: string;
  resolution_date: string | null;
  period_from: string;
  period_to: string;
}

export interface PlaceRow extends LocationRow {
  hours: OpeningHoursRow[];
}

/** Everything a fully nested service needs. */
export interface ServiceBundle {
  service: PublishedServiceRow;
  provider: ProviderRow;
  programme?: ProgrammeRow;
  locations: PlaceRow[];
}

// ---- HSDS shapes (the subset we publish) ----

export interface HsdsOrganizationBasic {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  legal_status: string;
}
export interface HsdsPhone {
  id: string;
  service_id?: string;
  organization_id?: string;
  contact_id?: string;
  number: string;
  type: 'voice';
}
export interface HsdsContact {
  id: string;
  service_id: string;
  name: string;
  email?: string;
  phones: HsdsPhone[];
}
export interface HsdsSchedule {
  id: string;
  location_id: string;
  freq: 'WEEKLY';
  interval: number;
  wkst: 'MO';
  byday: string;
  opens_at: string;
  closes_at: string;
  description: string;
  notes: string;
}
export interface HsdsCostOption {
  id: string;
  service_id: string;
  option?: string;
  currency: 'PLN';
  amount?: number;
  amount_description: string;
}
export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_entity: 'service';
  link_type: string;
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
}
export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: 'PL';
  address_type: 'physical';
}
export interface HsdsAccessibility {
  id: string;
  location_id: string;
  description: string;
}
export interface HsdsLocationBasic {
  id: string;
  location_type: 'physical';
  organization_id: string;
  name: string;
  latitude?: number;
  longitude?: number;
}
export interface HsdsLocation extends HsdsLocationBasic {
  addresses: HsdsAddress[];
  accessibility: HsdsAccessibility[];
  schedules: HsdsSchedule[];
}
export interface HsdsProgram {
  id: string;
  name: string;
  description: string;
}
export interface HsdsServiceBasic {
  id: string;
  organization_id: string;
  program_id?: string;
  name: string;
  description?: string;
  email?: string;
  status: 'active';
  application_process?: string;
  fees_description: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  last_modified: string;
}
export interface HsdsServiceListItem extends HsdsServiceBasic {
  organization: HsdsOrganizationBasic;
  program?: HsdsProgram;
}
export interface HsdsServiceAtLocationFull {
  id: string;
  service_id: string;
  location_id: string;
  location: HsdsLocation;
}
export interface HsdsServiceCore extends HsdsServiceListItem {
  phones: HsdsPhone[];
  contacts: HsdsContact[];
  cost_options: HsdsCostOption[];
  required_documents: { id: string; service_id: string; document: string }[];
  languages: { id: string; service_id: string; name: string; code: string }[];
  service_areas: { id: string; service_id: string; name: string; description: string }[];
  attributes: HsdsAttribute[];
}
export interface HsdsService extends HsdsServiceCore {
  service_at_locations: HsdsServiceAtLocationFull[];
}
export interface HsdsServiceAtLocationListItem {
  id: string;
  service_id: string;
  location_id: string;
  location: HsdsLocationBasic;
  service: HsdsServiceListItem;
}
export interface HsdsServiceAtLocation extends HsdsServiceAtLocationFull {
  /** HSDS nests the service here without its places. */
  service: HsdsServiceCore;
}
export interface HsdsOrganization extends HsdsOrganizationBasic {
  phones: HsdsPhone[];
  locations: HsdsLocation[];
  services: HsdsService[];
}

// ---- small helpers ----

/** Only what Ajv's `email` format (and any mail client) accepts is published as an e-mail. */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
export const publishableEmail = (v: string): string | undefined => (EMAIL.test(v.trim()) ? v.trim() : undefined);

/** An absolute http(s) URL; a bare host ("www.example.pl") gets https://. Anything else is left out. */
export function publishableUrl(v: string): string | undefined {
  const raw = v.trim();
  if (!raw || /\s/.test(raw)) return undefined;
  for (const candidate of [raw, `https://${raw}`]) {
    try {
      const url = new URL(candidate);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return url.href;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

const nonEmpty = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);

/** A provider's "municipality voivodeship" for HSDS `state_province`; '' if the TERYT code is unknown. */
export const voivodeshipOf = (teryt: string): string => VOIVODESHIPS[teryt.slice(0, 2)] ?? '';

// ---- eligibility and fees ----

/** All criteria must hold, so several age criteria narrow the range: the highest minimum, the lowest maximum. */
export function ageRange(criteria: readonly Criterion[]): { minimum_age?: number; maximum_age?: number } {
  let min: number | undefined;
  let max: number | undefined;
  for (const c of criteria) {
    if (c.type !== 'age') continue;
    if (c.min !== undefined) min = min === undefined ? c.min : Math.max(min, c.min);
    if (c.max !== undefined) max = max === undefined ? c.max : Math.min(max, c.max);
  }
  return { ...(min !== undefined ? { minimum_age: min } : {}), ...(max !== undefined ? { maximum_age: max } : {}) };
}

interface Fee {
  id: string;
  fee_kind: FeeKind;
  fee_amount: string | null;
  fee_rule: string;
}

export function feesDescription(s: Fee): string {
  switch (s.fee_kind) {
    case 'free':
      return pl.t('fee.free');
    case 'fixed':
      return pl.t('fee.fixed', { amount: PLN.format(Number(s.fee_amount ?? 0)) });
    case 'income_dependent':
      return s.fee_rule.trim() ? `${pl.t('fee.income_dependent')}: ${s.fee_rule.trim()}` : pl.t('fee.income_dependent');
  }
}

/** One HSDS cost option per service: free (amount 0), a fixed amount, or the income-dependent rule. */
export function costOptions(s: Fee): HsdsCostOption[] {
  const base = { id: derivedId('cost_option', s.id), service_id: s.id, currency: 'PLN' as const };
  switch (s.fee_kind) {
    case 'free':
      return [{ ...base, amount: 0, amount_description: pl.t('fee.free') }];
    case 'fixed':
      return [{ ...base, amount: Number(s.fee_amount ?? 0), amount_description: pl.t('fee.fixed', { amount: PLN.format(Number(s.fee_amount ?? 0)) }) }];
    case 'income_dependent':
      return [{ ...base, option: pl.t('fee.income_dependent'), amount_description: s.fee_rule.trim() || pl.t('fee.income_dependent') }];
  }
}

// ---- places ----

/**
 * Weekly opening hours as HSDS schedules: the days with the same opening and closing time form one
 * weekly rule (`freq: WEEKLY`, `byday: MO,TU,…`). Times are local (Europe/Warsaw), HH:MM.
 */
export function schedules(locationId: string, hours: readonly Pick<OpeningHoursRow, 'weekday' | 'opens' | 'closes'>[]): HsdsSchedule[] {
  const groups = new Map<string, { opens: string; closes: string; days: number[] }>();
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  for (const h of sorted) {
    const opens = h.opens.slice(0, 5);
    const closes = h.closes.slice(0, 5);
    const key = `${opens}-${closes}`;
    const group = groups.get(key) ?? { opens, closes, days: [] };
    if (!group.days.includes(h.weekday)) group.days.push(h.weekday);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    id: derivedId('schedule', locationId, g.opens, g.closes),
    location_id: locationId,
    freq: 'WEEKLY',
    interval: 1,
    wkst: 'MO',
    byday: g.days.map((d) => BYDAY[d - 1]).join(','),
    opens_at: g.opens,
    closes_at: g.closes,
    description: `${g.days.map((d) => pl.t(`weekday.${d}` as 'weekday.1')).join(', ')}: ${g.opens}–${g.closes}`,
    notes: TIME_NOTE,
  }));
}

export function accessibility(l: LocationRow): HsdsAccessibility[] {
  const features = ACCESSIBILITY_FEATURES.filter((f) => l[f]).map((f) => ({
    id: derivedId('accessibility', l.id, f),
    location_id: l.id,
    description: pl.t(`access.${f}`),
  }));
  const notes = l.accessibility_notes.trim();
  return notes ? [...features, { id: derivedId('accessibility', l.id, 'notes'), location_id: l.id, description: notes }] : features;
}

export function locationBasic(l: LocationRow): HsdsLocationBasic {
  return {
    id: l.id,
    location_type: 'physical',
    organization_id: l.provider_id,
    name: l.name,
    ...(l.latitude !== null && l.longitude !== null ? { latitude: Number(l.latitude), longitude: Number(l.longitude) } : {}),
  };
}

export function location(l: PlaceRow, place: Place): HsdsLocation {
  return {
    ...locationBasic(l),
    addresses: [
      {
        id: derivedId('address', l.id),
        location_id: l.id,
        address_1: l.street,
        city: l.city,
        state_province: voivodeshipOf(place.teryt),
        postal_code: l.postal_code,
        country: 'PL',
        address_type: 'physical',
      },
    ],
    accessibility: accessibility(l),
    schedules: schedules(l.id, l.hours),
  };
}

/** service_at_location rows have no id of their own: it is derived from the pair. */
export const serviceAtLocationId = (serviceId: string, locationId: string): string => derivedId('service_at_location', serviceId, locationId);

// ---- organisations and services ----

export function organizationBasic(p: ProviderRow): HsdsOrganizationBasic {
  const email = publishableEmail(p.email);
  const website = publishableUrl(p.website);
  const kind = pl.t(`provider_kind.${p.kind}`);
  return {
    id: p.id,
    name: p.name,
    description: nonEmpty(p.description) ?? kind,
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    legal_status: kind,
  };
}

export function program(p: ProgrammeRow): HsdsProgram {
  const resolution = p.resolution_number.trim()
    ? `Uchwała nr ${p.resolution_number.trim()}${p.resolution_date ? ` z dnia ${p.resolution_date}` : ''}.`
    : '';
  const parts = [p.description.trim(), `Okres obowiązywania: ${p.period_from} – ${p.period_to}.`, resolution].filter(Boolean);
  return { id: p.id, name: p.name, description: parts.join(' ') };
}

export function serviceBasic(s: PublishedServiceRow): HsdsServiceBasic {
  const description = [s.summary.trim(), s.description.trim()].filter(Boolean).join('\n\n');
  const email = publishableEmail(s.contact_email);
  const howToApply = nonEmpty(s.how_to_apply);
  const eligibility = nonEmpty(s.eligibility);
  return {
    id: s.id,
    organization_id: s.provider_id,
    name: s.name,
    ...(description ? { description } : {}),
    ...(email ? { email } : {}),
    status: 'active',
    ...(howToApply ? { application_process: howToApply } : {}),
    fees_description: feesDescription(s),
    ...(eligibility ? { eligibility_description: eligibility } : {}),
    ...ageRange(s.criteria),
    last_modified: new Date(s.last_modified).toISOString(),
  };
}

export function serviceListItem(s: PublishedServiceRow, provider: ProviderRow, programme?: ProgrammeRow): HsdsServiceListItem {
  return {
    ...serviceBasic(s),
    ...(programme ? { program_id: programme.id } : {}),
    organization: organizationBasic(provider),
    ...(programme ? { program: program(programme) } : {}),
  };
}

export function attributes(s: Pick<ServiceRow, 'id' | 'area' | 'target_groups'>): HsdsAttribute[] {
  const link = (linkType: string, t: HsdsTaxonomyTerm): HsdsAttribute => ({
    id: derivedId('attribute', s.id, t.id),
    link_id: s.id,
    link_entity: 'service',
    link_type: linkType,
    taxonomy_term_id: t.id,
    taxonomy_term: t,
  });
  return [link('service_type', areaTerm(s.area)), ...[...new Set(s.target_groups)].map((g) => link('audience', groupTerm(g)))];
}

export function languages(s: Pick<ServiceRow, 'id' | 'languages'>): HsdsService['languages'] {
  return [...new Set(s.languages.map((c) => c.trim().toLowerCase()).filter(Boolean))].map((code) => {
    let name = code;
    try {
      name = LANGUAGE_NAMES.of(code) ?? code;
    } catch {
      // not a BCP 47 code: publish it as it is
    }
    return { id: derivedId('language', s.id, code), service_id: s.id, name, code };
  });
}

/** A service with all its children except its places. */
export function serviceCore(b: Omit<ServiceBundle, 'locations'>, place: Place): HsdsServiceCore {
  const s = b.service;
  const phone = nonEmpty(s.contact_phone);
  const email = publishableEmail(s.contact_email);
  const contactId = derivedId('contact', s.id);
  return {
    ...serviceListItem(s, b.provider, b.programme),
    phones: phone ? [{ id: derivedId('phone', 'service', s.id), service_id: s.id, number: phone, type: 'voice' }] : [],
    contacts:
      phone || email
        ? [
            {
              id: contactId,
              service_id: s.id,
              name: b.provider.name,
              ...(email ? { email } : {}),
              phones: phone ? [{ id: derivedId('phone', 'contact', s.id), contact_id: contactId, number: phone, type: 'voice' }] : [],
            },
          ]
        : [],
    cost_options: costOptions(s),
    required_documents: [...new Set(s.required_documents.map((d) => d.trim()).filter(Boolean))].map((document) => ({
      id: derivedId('required_document', s.id, document),
      service_id: s.id,
      document,
    })),
    languages: languages(s),
    service_areas: [{ id: derivedId('service_area', s.id), service_id: s.id, name: place.name, description: `Kod TERYT gminy: ${place.teryt}.` }],
    attributes: attributes(s),
  };
}

export function service(b: ServiceBundle, place: Place): HsdsService {
  return {
    ...serviceCore(b, place),
    service_at_locations: b.locations.map((l) => ({
      id: serviceAtLocationId(b.service.id, l.id),
      service_id: b.service.id,
      location_id: l.id,
      location: location(l, place),
    })),
  };
}

export function serviceAtLocationListItem(s: PublishedServiceRow, l: LocationRow, provider: ProviderRow, programme?: ProgrammeRow): HsdsServiceAtLocationListItem {
  return { id: serviceAtLocationId(s.id, l.id), service_id: s.id, location_id: l.id, location: locationBasic(l), service: serviceListItem(s, provider, programme) };
}

/** One place of a service, fully nested, with the service (HSDS nests it there without its places). */
export function serviceAtLocation(b: Omit<ServiceBundle, 'locations'>, l: PlaceRow, place: Place): HsdsServiceAtLocation {
  return { id: serviceAtLocationId(b.service.id, l.id), service_id: b.service.id, location_id: l.id, location: location(l, place), service: serviceCore(b, place) };
}

export function organization(p: ProviderRow, locations: PlaceRow[], services: ServiceBundle[], place: Place): HsdsOrganization {
  const phone = nonEmpty(p.phone);
  return {
    ...organizationBasic(p),
    phones: phone ? [{ id: derivedId('phone', 'organization', p.id), organization_id: p.id, number: phone, type: 'voice' }] : [],
    locations: locations.map((l) => location(l, place)),
    services: services.map((b) => service(b, place)),
  };
}

// ---- pages ----

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** The HSDS list wrapper; `page` counts from 1, `size` is the number of items on this page. */
export function page<T>(contents: T[], total: number, pageNumber: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
