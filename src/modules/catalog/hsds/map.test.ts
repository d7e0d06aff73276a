import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hsdsValidator } from '../../../../test/support/hsds';
import type { LocationRow, ProviderRow } from '../repository';
import { derivedId, isUuid, uuidv5 } from './ids';
import * as map from './map';
import { TAXONOMIES, TERMS, areaTerm, findTerms, groupTerm, resolveTaxonomy, resolveTerm, termById } from './taxonomy';
// The module list installs the messages that the views and the mapping translate with.
import '../../index';

const SERVICE_ID = '0b6f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const PROVIDER_ID = '1c7f2e3f-4d5b-4c6d-9e7f-8091a2b3c4d5';
const LOCATION_ID = '2d8a3f4a-5e6c-4d7e-8f80-91a2b3c4d5e6';
const PLACE: map.Place = { name: 'Miasto Żyrardów', teryt: '1438011' };

const service = (over: Partial<map.PublishedServiceRow> = {}): map.PublishedServiceRow => ({
  id: SERVICE_ID,
  provider_id: PROVIDER_ID,
  name: 'Teleopieka „Bezpieczny Senior”',
  summary: 'Opaska z przyciskiem SOS.',
  description: 'Całodobowe centrum pomocy.',
  area: 'health',
  target_groups: ['seniors'],
  how_to_apply: 'Złóż wniosek w CUS.',
  required_documents: ['wniosek', 'oświadczenie o dochodach', 'wniosek'],
  fee_kind: 'fixed',
  fee_amount: '15.00',
  fee_rule: '',
  capacity: 200,
  capacity_period: 'opasek',
  eligibility: 'Osoby w wieku 65+.',
  criteria: [{ type: 'residence' }, { type: 'age', min: 65 }],
  status: 'active',
  languages: ['pl', 'uk'],
  contact_email: 'pomoc@cus.zyrardow.example',
  contact_phone: '46 855 00 00',
  version: 1,
  updated_at: new Date('2026-03-01T10:00:00Z'),
  last_modified: new Date('2026-03-02T11:00:00Z'),
  ...over,
});
const provider = (over: Partial<ProviderRow> = {}): ProviderRow => ({
  id: PROVIDER_ID,
  name: 'Centrum Usług Społecznych',
  kind: 'cus_unit',
  description: 'Organizuje usługi społeczne.',
  email: 'sekretariat@cus.zyrardow.example',
  phone: '46 855 00 01',
  website: 'cus.zyrardow.example',
  version: 1,
  ...over,
});
const locationRow = (over: Partial<LocationRow> = {}): LocationRow => ({
  id: LOCATION_ID,
  provider_id: PROVIDER_ID,
  name: 'Siedziba CUS',
  street: 'ul. 1 Maja 20',
  postal_code: '96-300',
  city: 'Żyrardów',
  latitude: 52.0489,
  longitude: 20.4456,
  step_free: true,
  accessible_toilet: false,
  induction_loop: true,
  sign_language_on_request: false,
  accessibility_notes: 'Winda od podwórza.',
  version: 1,
  ...over,
});
const SIEDZIBA_HOURS = [
  { location_id: LOCATION_ID, weekday: 1, opens: '08:00', closes: '17:00' },
  ...[2, 3, 4, 5].map((weekday) => ({ location_id: LOCATION_ID, weekday, opens: '08:00', closes: '16:00' })),
];
const bundle = (over: Partial<map.ServiceBundle> = {}): map.ServiceBundle => ({
  service: service(),
  provider: provider(),
  programme: {
    id: '3e9b4a5b-6f7d-4e8f-9a01-a2b3c4d5e6f7',
    name: 'Program usług społecznych na lata 2026–2027',
    description: 'Przyjęty po konsultacjach.',
    resolution_number: 'XIV/128/2025',
    resolution_date: '2025-11-27',
    period_from: '2026-01-01',
    period_to: '2027-12-31',
  },
  locations: [{ ...locationRow(), hours: SIEDZIBA_HOURS }],
  ...over,
});

describe('HSDS ids', () => {
  test('uuidv5 matches the RFC example and derived ids are stable version-5 uuids', () => {
    assert.equal(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const a = derivedId('phone', SERVICE_ID);
    assert.equal(a, derivedId('phone', SERVICE_ID));
    assert.notEqual(a, derivedId('phone', PROVIDER_ID));
    assert.ok(isUuid(a));
    assert.equal(a[14], '5', 'version 5');
    assert.match(a[19]!, /[89ab]/, 'RFC variant');
    assert.equal(isUuid('nie-uuid'), false);
  });
});

describe('HSDS mapping: eligibility and fees', () => {
  test('age criteria become minimum_age and maximum_age; several narrow the range; other criteria are ignored', () => {
    assert.deepEqual(map.ageRange([]), {});
    assert.deepEqual(map.ageRange([{ type: 'residence' }, { type: 'carer' }]), {});
    assert.deepEqual(map.ageRange([{ type: 'age', min: 60 }]), { minimum_age: 60 });
    assert.deepEqual(map.ageRange([{ type: 'age', max: 17 }]), { maximum_age: 17 });
    assert.deepEqual(map.ageRange([{ type: 'age', min: 18, max: 30 }, { type: 'unemployed' }]), { minimum_age: 18, maximum_age: 30 });
    assert.deepEqual(map.ageRange([{ type: 'age', min: 18, max: 30 }, { type: 'age', min: 21, max: 40 }]), { minimum_age: 21, maximum_age: 30 });
    assert.deepEqual(map.ageRange([{ type: 'age', min: 0 }]), { minimum_age: 0 }, 'zero is a real minimum');
  });

  test('a free service has one cost option of 0 PLN', () => {
    const [option, ...rest] = map.costOptions({ id: SERVICE_ID, fee_kind: 'free', fee_amount: null, fee_rule: '' });
    assert.equal(rest.length, 0);
    assert.deepEqual(option, { id: derivedId('cost_option', SERVICE_ID), service_id: SERVICE_ID, currency: 'PLN', amount: 0, amount_description: 'bezpłatna' });
    assert.equal(map.feesDescription({ id: SERVICE_ID, fee_kind: 'free', fee_amount: null, fee_rule: '' }), 'bezpłatna');
  });

  test('a fixed fee is its amount in PLN', () => {
    const fee = { id: SERVICE_ID, fee_kind: 'fixed' as const, fee_amount: '15.50', fee_rule: '' };
    const [option] = map.costOptions(fee);
    assert.equal(option!.amount, 15.5);
    assert.equal(option!.currency, 'PLN');
    assert.match(option!.amount_description, /^odpłatność: 15,50\szł$/);
    assert.equal(option!.option, undefined);
    assert.match(map.feesDescription(fee), /15,50\szł/);
  });

  test('an income-dependent fee has no amount: its rule is the description', () => {
    const rule = 'Bezpłatnie przy dochodzie do 1010 zł; powyżej według tabeli w uchwale.';
    const [option] = map.costOptions({ id: SERVICE_ID, fee_kind: 'income_dependent', fee_amount: null, fee_rule: rule });
    assert.equal(option!.amount, undefined);
    assert.equal(option!.option, 'odpłatność zależna od dochodu');
    assert.equal(option!.amount_description, rule);
    assert.equal(map.feesDescription({ id: SERVICE_ID, fee_kind: 'income_dependent', fee_amount: null, fee_rule: rule }), `odpłatność zależna od dochodu: ${rule}`);
  });
});

describe('HSDS mapping: places', () => {
  test('weekly hours become one WEEKLY schedule per opening time, days in order', () => {
    const schedules = map.schedules(LOCATION_ID, [...SIEDZIBA_HOURS].reverse());
    assert.equal(schedules.length, 2);
    const [monday, rest] = schedules;
    assert.deepEqual(
      { freq: monday!.freq, interval: monday!.interval, byday: monday!.byday, opens_at: monday!.opens_at, closes_at: monday!.closes_at },
      { freq: 'WEEKLY', interval: 1, byday: 'MO', opens_at: '08:00', closes_at: '17:00' },
    );
    assert.equal(rest!.byday, 'TU,WE,TH,FR');
    assert.equal(rest!.opens_at, '08:00');
    assert.equal(rest!.closes_at, '16:00');
    assert.equal(rest!.description, 'wtorek, środa, czwartek, piątek: 08:00–16:00');
    assert.equal(rest!.location_id, LOCATION_ID);
    assert.equal(rest!.notes, map.TIME_NOTE);
    assert.notEqual(monday!.id, rest!.id);
    assert.equal(map.schedules(LOCATION_ID, SIEDZIBA_HOURS)[1]!.id, rest!.id, 'ids do not depend on row order');
  });

  test('a day with a break gives two schedules on that day; seconds are dropped; no hours, no schedules', () => {
    const schedules = map.schedules(LOCATION_ID, [
      { weekday: 6, opens: '13:00:00', closes: '16:00:00' },
      { weekday: 6, opens: '08:00:00', closes: '12:00:00' },
      { weekday: 7, opens: '08:00:00', closes: '12:00:00' },
    ]);
    assert.deepEqual(
      schedules.map((s) => [s.byday, s.opens_at, s.closes_at]),
      [
        ['SA,SU', '08:00', '12:00'],
        ['SA', '13:00', '16:00'],
      ],
    );
    assert.deepEqual(map.schedules(LOCATION_ID, []), []);
  });

  test('accessibility features are listed in Polish, the notes last; the address carries the voivodeship', () => {
    const l = map.location({ ...locationRow(), hours: [] }, PLACE);
    assert.deepEqual(
      l.accessibility.map((a) => a.description),
      ['wejście bez schodów', 'pętla indukcyjna', 'Winda od podwórza.'],
    );
    assert.deepEqual(l.addresses, [
      {
        id: derivedId('address', LOCATION_ID),
        location_id: LOCATION_ID,
        address_1: 'ul. 1 Maja 20',
        city: 'Żyrardów',
        state_province: 'mazowieckie',
        postal_code: '96-300',
        country: 'PL',
        address_type: 'physical',
      },
    ]);
    assert.equal(l.latitude, 52.0489);
    const noCoordinates = map.locationBasic(locationRow({ latitude: null, longitude: null }));
    assert.equal('latitude' in noCoordinates, false);
    assert.equal(map.voivodeshipOf('0264011'), 'dolnośląskie');
  });
});

describe('HSDS mapping: services and organisations', () => {
  test('a full service carries its fee, ages, documents, languages, contacts, programme and classification', () => {
    const s = map.service(bundle(), PLACE);
    assert.equal(s.status, 'active');
    assert.equal(s.description, 'Opaska z przyciskiem SOS.\n\nCałodobowe centrum pomocy.');
    assert.equal(s.minimum_age, 65);
    assert.equal(s.maximum_age, undefined);
    assert.equal(s.eligibility_description, 'Osoby w wieku 65+.');
    assert.equal(s.application_process, 'Złóż wniosek w CUS.');
    assert.equal(s.last_modified, '2026-03-02T11:00:00.000Z');
    assert.equal(s.cost_options[0]!.amount, 15);
    assert.deepEqual(
      s.required_documents.map((d) => d.document),
      ['wniosek', 'oświadczenie o dochodach'],
      'duplicates published once',
    );
    assert.deepEqual(
      s.languages.map((l) => [l.code, l.name]),
      [
        ['pl', 'polski'],
        ['uk', 'ukraiński'],
      ],
    );
    assert.equal(s.phones[0]!.number, '46 855 00 00');
    assert.equal(s.contacts[0]!.email, 'pomoc@cus.zyrardow.example');
    assert.equal(s.contacts[0]!.phones[0]!.contact_id, s.contacts[0]!.id);
    assert.equal(s.program_id, s.program!.id);
    assert.match(s.program!.description, /Uchwała nr XIV\/128\/2025 z dnia 2025-11-27/);
    assert.deepEqual(
      s.attributes.map((a) => [a.link_type, a.taxonomy_term.code, a.taxonomy_term_id === a.taxonomy_term.id, a.link_id]),
      [
        ['service_type', 'health', true, SERVICE_ID],
        ['audience', 'seniors', true, SERVICE_ID],
      ],
    );
    assert.equal(s.organization.website, 'https://cus.zyrardow.example/', 'a bare host becomes an https URL');
    assert.equal(s.organization.legal_status, 'jednostka CUS');
    assert.equal(s.service_at_locations[0]!.id, map.serviceAtLocationId(SERVICE_ID, LOCATION_ID));
    assert.equal(s.service_at_locations[0]!.location.schedules.length, 2);
    assert.equal(s.service_areas[0]!.name, 'Miasto Żyrardów');
  });

  test('empty or unusable columns are left out rather than published invalid', () => {
    const s = map.service(
      bundle({
        service: service({ summary: '', description: '', how_to_apply: ' ', eligibility: '', contact_email: 'nie-adres', contact_phone: '', required_documents: [], languages: [], criteria: [] }),
        provider: provider({ email: 'zły adres', website: 'javascript:alert(1)', description: '' }),
        programme: undefined,
        locations: [],
      }),
      PLACE,
    );
    for (const key of ['description', 'email', 'application_process', 'eligibility_description', 'minimum_age', 'maximum_age', 'program', 'program_id'] as const) {
      assert.equal(key in s, false, key);
    }
    assert.deepEqual(s.phones, []);
    assert.deepEqual(s.contacts, []);
    assert.equal('email' in s.organization || 'website' in s.organization, false);
    assert.equal(s.organization.description, 'jednostka CUS', 'an organisation without a description is described by its kind');
    assert.equal(map.publishableUrl('https://example.pl/usługi'), 'https://example.pl/us%C5%82ugi');
    assert.equal(map.publishableUrl('ftp://example.pl'), undefined);
    assert.equal(map.publishableEmail(' a@b.pl '), 'a@b.pl');
  });

  test('mapped objects satisfy the HSDS schemas with no extra fields', () => {
    const v = hsdsValidator();
    const full = bundle();
    const sparse = bundle({
      service: service({ fee_kind: 'income_dependent', fee_amount: null, fee_rule: 'Według uchwały.', contact_email: '', languages: [], criteria: [] }),
      provider: provider({ website: '', email: '' }),
      programme: undefined,
    });
    for (const b of [full, sparse]) {
      assert.deepEqual(v.errors('service', map.service(b, PLACE)), []);
      assert.deepEqual(v.errors('service_at_location', map.serviceAtLocation(b, b.locations[0]!, PLACE)), []);
      assert.deepEqual(v.errors('organization', map.organization(b.provider, b.locations, [b], PLACE)), []);
      assert.deepEqual(v.errors('service_list_page', map.page([map.serviceListItem(b.service, b.provider, b.programme)], 1, 1, 50)), []);
      assert.deepEqual(
        v.errors('service_at_location_list_page', map.page([map.serviceAtLocationListItem(b.service, b.locations[0]!, b.provider, b.programme)], 1, 1, 50)),
        [],
      );
    }
    assert.deepEqual(v.errors('organization_list_page', map.page([map.organizationBasic(provider())], 1, 1, 50)), []);
    // The check has teeth: an extra field fails.
    assert.notDeepEqual(v.errors('service', { ...map.service(full, PLACE), capacity: 200 }), []);
  });

  test('page numbers and flags', () => {
    assert.deepEqual(map.page([1, 2], 5, 1, 2), { total_items: 5, total_pages: 3, page_number: 1, size: 2, first_page: true, last_page: false, empty: false, contents: [1, 2] });
    assert.deepEqual(map.page([5], 5, 3, 2), { total_items: 5, total_pages: 3, page_number: 3, size: 1, first_page: false, last_page: true, empty: false, contents: [5] });
    assert.deepEqual(map.page([], 5, 4, 2), { total_items: 5, total_pages: 3, page_number: 4, size: 0, first_page: false, last_page: true, empty: true, contents: [] });
    assert.deepEqual(map.page([], 0, 1, 50), { total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
  });
});

describe('HSDS taxonomies', () => {
  test('14 statutory areas and 9 target groups, with unique ids and codes, Polish names and English descriptions', () => {
    const areas = TERMS.filter((t) => t.taxonomy_id === TAXONOMIES.area.id);
    const groups = TERMS.filter((t) => t.taxonomy_id === TAXONOMIES.target_group.id);
    assert.equal(areas.length, 14);
    assert.equal(groups.length, 9);
    assert.equal(new Set(TERMS.map((t) => t.id)).size, TERMS.length);
    assert.equal(new Set(TERMS.map((t) => t.code)).size, TERMS.length, 'codes are unique across both taxonomies');
    assert.ok(TERMS.every((t) => isUuid(t.id) && t.language === 'pl' && t.name && t.description));
    assert.equal(areaTerm('health').name, 'Promocja i ochrona zdrowia');
    assert.equal(areaTerm('health').description, 'Health promotion and protection');
    assert.equal(groupTerm('seniors').name, 'seniorzy');
  });

  test('terms and taxonomies are found by id or code, and searched without diacritics', () => {
    assert.deepEqual(resolveTerm(areaTerm('housing').id), { taxonomy: 'area', code: 'housing' });
    assert.deepEqual(resolveTerm(areaTerm('housing').id.toUpperCase()), { taxonomy: 'area', code: 'housing' });
    assert.deepEqual(resolveTerm('carers'), { taxonomy: 'target_group', code: 'carers' });
    assert.equal(resolveTerm('nie-ma'), undefined);
    assert.equal(resolveTaxonomy('area'), 'area');
    assert.equal(resolveTaxonomy(TAXONOMIES.target_group.id), 'target_group');
    assert.equal(resolveTaxonomy('x'), undefined);
    assert.equal(termById(groupTerm('youth').id)?.code, 'youth');
    assert.deepEqual(
      findTerms('zrodowiska').map((t) => t.code),
      [],
    );
    assert.deepEqual(
      findTerms('SRODOWISKA').map((t) => t.code),
      ['environment'],
    );
    assert.deepEqual(
      findTerms('osoby', 'target_group').map((t) => t.code),
      ['people_with_disabilities', 'unemployed', 'people_in_crisis'],
    );
  });
});
