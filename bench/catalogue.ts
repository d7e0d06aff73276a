import type { Area, Criterion, FeeKind, ProviderKind, TargetGroup } from '../src/modules/catalog';
import { Random } from './random';
import {
  AREA_KINDS, DESCRIPTION_SENTENCES, DISTRICTS, DOCUMENTS, GROUP_PHRASE, HOURS_PATTERNS, PROVIDER_NAMES, QUALIFIERS, STREETS,
} from './words';

export const SIZES = {
  demo: { services: 200, providers: 20, locations: 50 },
  town: { services: 2_000, providers: 200, locations: 500 },
  city: { services: 20_000, providers: 2_000, locations: 5_000 },
  /** For now the same as city (one municipality of the issue's target size); grow it when the target grows. */
  metro: { services: 20_000, providers: 2_000, locations: 5_000 },
} as const;
export type SizeName = keyof typeof SIZES;
export const isSize = (v: string): v is SizeName => Object.hasOwn(SIZES, v);

export interface Town {
  name: string;
  postal: string;
  lat: number;
  lon: number;
}

/** One table's rows as columns (the shape a batched INSERT … SELECT FROM unnest(…) wants). */
export type Columns = Record<string, unknown[]>;

export interface Catalogue {
  providers: Columns;
  locations: Columns;
  opening_hours: Columns;
  services: Columns;
  service_locations: Columns;
  programmes: Columns;
  programme_services: Columns;
}

const AREAS = Object.keys(AREA_KINDS) as Area[];
const KINDS: ProviderKind[] = ['cus_unit', 'cus_unit', 'public', 'ngo', 'ngo', 'ngo', 'informal_group', 'company'];

function table(...names: string[]): Columns {
  return Object.fromEntries(names.map((n) => [n, []]));
}
function push(t: Columns, row: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(row)) t[k]!.push(v);
}

function criteriaFor(r: Random, groups: TargetGroup[]): Criterion[] {
  const c: Criterion[] = r.chance(0.8) ? [{ type: 'residence' }] : [];
  if (groups.includes('seniors')) c.push({ type: 'age', min: r.pick([60, 65, 70]) });
  if (groups.includes('youth')) c.push({ type: 'age', min: 15, max: r.pick([25, 30]) });
  if (groups.includes('people_with_disabilities') && r.chance(0.6)) c.push({ type: 'disability_certificate' });
  if (groups.includes('carers')) c.push({ type: 'carer' });
  if (groups.includes('families') && r.chance(0.5)) c.push({ type: 'household_with_children' });
  if (groups.includes('unemployed')) c.push({ type: 'unemployed' });
  if (groups.includes('people_in_crisis') && r.chance(0.4)) c.push({ type: 'income_per_person', max: r.pick([1010, 1515, 2020]) });
  return c;
}

/**
 * A municipality's catalogue of the given size, the same for the same seed: providers, their places
 * (valid postal codes, coordinates near the town), weekly hours, services in all 14 areas, a programme.
 */
export function generateCatalogue(municipalityId: string, town: Town, size: SizeName, seed: number): Catalogue {
  const r = new Random(seed);
  const n = SIZES[size];
  const c: Catalogue = {
    providers: table('municipality_id', 'id', 'name', 'kind', 'description', 'email', 'phone'),
    locations: table('municipality_id', 'id', 'provider_id', 'name', 'street', 'postal_code', 'city', 'latitude', 'longitude',
      'step_free', 'accessible_toilet', 'induction_loop', 'sign_language_on_request'),
    opening_hours: table('municipality_id', 'id', 'location_id', 'weekday', 'opens', 'closes'),
    services: table('municipality_id', 'id', 'provider_id', 'name', 'summary', 'description', 'area', 'target_groups', 'how_to_apply',
      'required_documents', 'fee_kind', 'fee_amount', 'fee_rule', 'capacity', 'capacity_period', 'eligibility', 'criteria', 'status',
      'contact_email', 'contact_phone'),
    service_locations: table('municipality_id', 'service_id', 'location_id'),
    programmes: table('municipality_id', 'id', 'name', 'period_from', 'period_to', 'resolution_number', 'status'),
    programme_services: table('municipality_id', 'programme_id', 'service_id'),
  };

  const providers: { id: string; email: string; phone: string; locations: string[] }[] = [];
  for (let i = 0; i < n.providers; i++) {
    const kind = r.pick(KINDS);
    const id = r.uuid();
    const email = `kontakt${i + 1}@uslugi.${town.name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.example`;
    const phone = `${r.int(12, 95)} ${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`;
    const name = `${r.pick(PROVIDER_NAMES[kind])} ${kind === 'public' ? r.int(1, 40) : `— ${r.pick(DISTRICTS)}`} (${i + 1})`;
    push(c.providers, { municipality_id: municipalityId, id, name, kind, description: `${name}: usługi społeczne dla mieszkańców miasta ${town.name}.`, email, phone });
    providers.push({ id, email, phone, locations: [] });
  }

  const locations: string[] = [];
  for (let i = 0; i < n.locations; i++) {
    const provider = providers[i < providers.length ? i : r.int(0, providers.length - 1)]!;
    const id = r.uuid();
    const district = r.pick(DISTRICTS);
    push(c.locations, {
      municipality_id: municipalityId, id, provider_id: provider.id, name: `Punkt usług nr ${i + 1} — ${district}`,
      street: `ul. ${r.pick(STREETS)} ${r.int(1, 120)}${r.chance(0.2) ? r.pick(['a', 'b', 'c']) : ''}`,
      postal_code: `${town.postal}${String(r.int(0, 99)).padStart(2, '0')}`, city: town.name,
      latitude: Number((town.lat + (r.next() - 0.5) * 0.12).toFixed(5)), longitude: Number((town.lon + (r.next() - 0.5) * 0.18).toFixed(5)),
      step_free: r.chance(0.7), accessible_toilet: r.chance(0.5), induction_loop: r.chance(0.2), sign_language_on_request: r.chance(0.3),
    });
    for (const [weekday, opens, closes] of r.pick(HOURS_PATTERNS)) {
      push(c.opening_hours, { municipality_id: municipalityId, id: r.uuid(), location_id: id, weekday, opens, closes });
    }
    provider.locations.push(id);
    locations.push(id);
  }

  const programmeId = r.uuid();
  push(c.programmes, {
    municipality_id: municipalityId, id: programmeId, name: `Program usług społecznych — ${town.name} 2026–2027`,
    period_from: '2026-01-01', period_to: '2027-12-31', resolution_number: `XV/${r.int(100, 400)}/2025`, status: 'adopted',
  });

  for (let i = 0; i < n.services; i++) {
    const area = AREAS[i % AREAS.length]!;
    const kind = AREA_KINDS[area];
    const [stem, gives] = r.pick(kind.stems);
    const groups = r.some(kind.groups, r.int(1, 2));
    const provider = providers[r.int(0, providers.length - 1)]!;
    const places = provider.locations.length ? r.some(provider.locations, r.int(1, 2)) : [r.pick(locations)];
    const fee: FeeKind = r.pick(['free', 'free', 'free', 'fixed', 'income_dependent']);
    const id = r.uuid();
    const district = r.pick(DISTRICTS);
    const capacity = r.chance(0.6) ? r.int(5, 200) : null;
    push(c.services, {
      municipality_id: municipalityId, id, provider_id: provider.id,
      name: `${stem} ${GROUP_PHRASE[groups[0]!]} — ${district}${r.pick(QUALIFIERS)}`,
      summary: `${gives[0]!.toUpperCase()}${gives.slice(1)} (${district}).`,
      description: r.some(DESCRIPTION_SENTENCES, 3).join(' '),
      area, target_groups: `{${groups.join(',')}}`,
      how_to_apply: r.pick(['Złóż wniosek w siedzibie CUS lub przez platformę.', 'Zadzwoń i umów pierwsze spotkanie.', 'Przyjdź w godzinach otwarcia — bez zapisów.']),
      required_documents: `{${r.some(DOCUMENTS, r.int(0, 2)).map((d) => `"${d}"`).join(',')}}`,
      fee_kind: fee, fee_amount: fee === 'fixed' ? String(r.pick([5, 10, 15, 20, 50])) : null,
      fee_rule: fee === 'income_dependent' ? 'Odpłatność zależy od dochodu na osobę według uchwały rady miasta.' : '',
      capacity, capacity_period: capacity ? r.pick(['osób', 'uczestników w roku', 'miejsc']) : '',
      eligibility: `Mieszkańcy: ${groups.map((g) => GROUP_PHRASE[g].replace(/^dla /, '')).join(', ')}.`,
      criteria: JSON.stringify(criteriaFor(r, groups)), status: r.chance(0.95) ? 'active' : 'suspended',
      contact_email: provider.email, contact_phone: provider.phone,
    });
    for (const place of places) push(c.service_locations, { municipality_id: municipalityId, service_id: id, location_id: place });
    if (i % 3 === 0) push(c.programme_services, { municipality_id: municipalityId, programme_id: programmeId, service_id: id });
  }
  return c;
}
