import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { DbContext, Sql } from '../../src/platform/db/types';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { TestClient } from '../support/client';
import { makeMunicipality, uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { hsdsValidator, type HsdsSchemaName } from '../support/hsds';

/** The demo catalogue (src/modules/catalog/fixtures.ts): 20 services of 6 providers in 6 places, one place each. */
const FIXTURE_SERVICES = 20;
const FIXTURE_PROVIDERS = 6;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
}

describeEachEngine('HSDS 3.0 open data', (h) => {
  let m: MunicipalityRow;
  let other: MunicipalityRow;
  /** A client of its own for each request: the open-data rate limit is per address. */
  const c = { get: (url: string) => new TestClient(h.app).get(url) };
  /** Ids in `m` that must not be published. */
  let suspendedServiceId: string;
  let closedOnlyProviderId: string;
  const validator = hsdsValidator();

  const seed = (municipality: MunicipalityRow) =>
    h.db.tx({ municipalityId: municipality.id, userId: null }, (sql) => seedCatalogFixtures(sql, municipality.id));
  const inTenant = <T>(municipality: MunicipalityRow, fn: (sql: Sql) => Promise<T>) => h.db.tx({ municipalityId: municipality.id, userId: null }, fn);

  /** GETs JSON, checks the status, and (for 200) validates against the named strict HSDS schema. */
  const get = async (url: string, schema?: HsdsSchemaName, status = 200): Promise<Json> => {
    const res = await c.get(url);
    assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 400)}`);
    assert.match(String(res.headers['content-type']), /application\/json/, url);
    const body = res.json() as Json;
    if (schema) assert.deepEqual(validator.errors(schema, body), [], `${url} validates as ${schema}`);
    return body;
  };
  const api = (path: string, municipality = m) => `/api/${municipality.slug}/hsds${path}`;

  /** Walks every page of a list, validating each; returns all items. */
  const walk = async (path: string, schema: HsdsSchemaName, perPage: number): Promise<Json[]> => {
    const sep = path.includes('?') ? '&' : '?';
    const first = (await get(`${api(path)}${sep}per_page=${perPage}`, schema)) as Page;
    const items = [...first.contents];
    assert.equal(first.page_number, 1);
    assert.equal(first.first_page, true);
    assert.equal(first.total_pages, Math.ceil(first.total_items / perPage));
    for (let n = 2; n <= first.total_pages; n++) {
      const p = (await get(`${api(path)}${sep}per_page=${perPage}&page=${n}`, schema)) as Page;
      assert.equal(p.page_number, n);
      assert.equal(p.first_page, false);
      assert.equal(p.last_page, n === first.total_pages, `${path} page ${n} last_page`);
      assert.equal(p.size, p.contents.length);
      assert.equal(p.total_items, first.total_items);
      items.push(...p.contents);
    }
    assert.equal(items.length, first.total_items, `${path}: every item once`);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length, `${path}: no item twice`);
    // Past the end: an empty, valid page.
    const beyond = (await get(`${api(path)}${sep}per_page=${perPage}&page=${first.total_pages + 1}`, schema)) as Page;
    assert.deepEqual([beyond.empty, beyond.size, beyond.contents.length, beyond.last_page], [true, 0, 0, true]);
    return items;
  };

  before(async () => {
    m = await makeMunicipality(h.db, 'Gmina Otwarta');
    other = await makeMunicipality(h.db, 'Gmina Sąsiednia');
    await seed(m);
    await seed(other);
    await inTenant(m, async (sql) => {
      const [s] = await sql.query<{ id: string }>(
        `UPDATE services SET status = 'suspended' WHERE municipality_id = $1 AND name = 'Opieka wytchnieniowa' RETURNING id`,
        [m.id],
      );
      suspendedServiceId = s!.id;
      const [p] = await sql.query<{ id: string }>(
        `INSERT INTO providers (municipality_id, name, kind, description) VALUES ($1, 'Stowarzyszenie Zamknięte', 'ngo', 'Już nie działa.') RETURNING id`,
        [m.id],
      );
      closedOnlyProviderId = p!.id;
      await sql.query(
        `INSERT INTO services (municipality_id, provider_id, name, area, status) VALUES ($1, $2, 'Zakończony projekt sąsiedzki', 'civic_activity', 'closed')`,
        [m.id, p!.id],
      );
    });
  });

  test('the API root names the HSDS version, profile and OpenAPI document; with a trailing slash it redirects there', async () => {
    const slash = await c.get(api('/'));
    assert.equal(slash.statusCode, 308);
    assert.equal(slash.headers.location, api(''));
    for (const path of ['']) {
      const res = await c.get(api(path));
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['access-control-allow-origin'], '*', 'open data is open to any web page');
      const body = res.json() as Json;
      assert.deepEqual(validator.errors('root', body), []);
      assert.equal(body.version, '3.0.1');
      assert.equal(body.openapi_url, `${h.config.publicUrl}/api/openapi.json`);
      assert.match(body.profile, /^https:\/\//);
    }
  });

  test('every page of every list validates, in pages of several sizes', async () => {
    for (const perPage of [7, 200]) {
      const services = await walk('/services', 'service_list_page', perPage);
      assert.equal(services.length, FIXTURE_SERVICES - 1, 'the suspended service is not published');
      const full = await walk('/services?full=true', 'service_full_page', perPage);
      assert.deepEqual(
        full.map((s) => s.id),
        services.map((s) => s.id),
        'full=true pages the same services',
      );
      const organizations = await walk('/organizations', 'organization_list_page', perPage);
      assert.equal(organizations.length, FIXTURE_PROVIDERS, 'a provider with only a closed service is not published');
      const sals = await walk('/service_at_locations', 'service_at_location_list_page', perPage);
      assert.equal(sals.length, FIXTURE_SERVICES - 1, 'each published service in its one place');
      assert.equal((await walk('/taxonomies', 'taxonomy_page', perPage)).length, 2);
      assert.equal((await walk('/taxonomy_terms', 'taxonomy_term_page', perPage)).length, 14 + 9);
    }
    // The defaults: page 1 of 50.
    const first = (await get(api('/services'), 'service_list_page')) as Page;
    assert.deepEqual([first.page_number, first.size, first.total_pages, first.last_page], [1, FIXTURE_SERVICES - 1, 1, true]);
    // With their organisation and programme.
    const tele = first.contents.find((s) => s.name === 'Teleopieka „Bezpieczny Senior”')!;
    assert.equal(tele.organization.name, 'Centrum Usług Społecznych w Żyrardowie');
    assert.equal(tele.program.name, 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027');
    assert.equal(tele.minimum_age, 65);
    assert.equal('phones' in tele, false, 'list items carry no child arrays');
  });

  test('every published record validates in full: services, organisations, services at locations, taxonomies and terms', async () => {
    const services = ((await get(`${api('/services')}?per_page=200`)) as Page).contents;
    for (const s of services) {
      const full = await get(api(`/services/${s.id}`), 'service');
      assert.equal(full.id, s.id);
      assert.ok(full.service_at_locations.length >= 1, `${s.name} has a place`);
    }
    for (const o of ((await get(`${api('/organizations')}?per_page=200`)) as Page).contents) {
      const full = await get(api(`/organizations/${o.id}`), 'organization');
      assert.ok(full.services.length >= 1 && full.services.every((s: Json) => s.organization_id === o.id), `${o.name} lists its services`);
    }
    for (const sal of ((await get(`${api('/service_at_locations')}?per_page=200`)) as Page).contents) {
      const full = await get(api(`/service_at_locations/${sal.id}`), 'service_at_location');
      assert.deepEqual([full.service_id, full.location_id, full.service.id, full.location.id], [sal.service_id, sal.location_id, sal.service_id, sal.location_id]);
    }
    for (const t of ((await get(api('/taxonomies'))) as Page).contents) assert.deepEqual(await get(api(`/taxonomies/${t.id}`), 'taxonomy'), t);
    for (const t of ((await get(`${api('/taxonomy_terms')}?per_page=200`)) as Page).contents) assert.deepEqual(await get(api(`/taxonomy_terms/${t.id}`), 'taxonomy_term'), t);
  });

  test('a full service: organisation, place with address, accessibility and weekly schedules, fee, ages, contacts, documents, classification', async () => {
    const list = (await get(`${api('/services')}?search=teleopieka`)) as Page;
    assert.equal(list.total_items, 1);
    const s = await get(api(`/services/${list.contents[0]!.id}`), 'service');
    assert.equal(s.name, 'Teleopieka „Bezpieczny Senior”');
    assert.equal(s.status, 'active');
    assert.equal(s.minimum_age, 65);
    assert.equal('maximum_age' in s, false);
    assert.equal(s.eligibility_description, 'Osoby w wieku 65+ mieszkające samotnie lub przebywające długo same w domu.');
    assert.match(s.application_process, /^Złóż wniosek w CUS/);
    assert.deepEqual(
      s.cost_options.map((o: Json) => [o.amount, o.currency]),
      [[15, 'PLN']],
    );
    assert.match(s.fees_description, /15,00\szł/);
    assert.equal(s.organization.name, 'Centrum Usług Społecznych w Żyrardowie');
    assert.equal(s.organization.email, 'sekretariat@cus.zyrardow.example');
    assert.deepEqual(
      s.phones.map((p: Json) => p.number),
      ['46 855 00 00'],
    );
    assert.equal(s.contacts[0].email, 'sekretariat@cus.zyrardow.example');
    assert.deepEqual(
      s.languages.map((l: Json) => [l.code, l.name]),
      [['pl', 'polski']],
    );
    assert.deepEqual(
      s.attributes.map((a: Json) => [a.link_type, a.taxonomy_term.code, a.taxonomy_term.name]),
      [
        ['service_type', 'health', 'Promocja i ochrona zdrowia'],
        ['audience', 'seniors', 'seniorzy'],
      ],
    );
    assert.equal(s.program.name, 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027');
    assert.equal(s.program_id, s.program.id);
    assert.deepEqual(
      s.service_areas.map((a: Json) => a.name),
      [m.name],
    );
    assert.ok(!Number.isNaN(Date.parse(s.last_modified)));

    assert.equal(s.service_at_locations.length, 1);
    const place = s.service_at_locations[0].location;
    assert.equal(place.name, 'Siedziba CUS');
    assert.equal(place.location_type, 'physical');
    assert.equal(place.latitude, 52.0489);
    assert.deepEqual(
      place.addresses.map((a: Json) => [a.address_1, a.postal_code, a.city, a.country, a.address_type]),
      [['ul. 1 Maja 20', '96-300', 'Żyrardów', 'PL', 'physical']],
    );
    assert.ok(place.addresses[0].state_province.length > 0, 'the voivodeship from the TERYT code');
    assert.deepEqual(
      place.accessibility.map((a: Json) => a.description),
      ['wejście bez schodów', 'toaleta dostępna', 'pętla indukcyjna', 'tłumacz PJM na życzenie', 'Winda przy wejściu od podwórza.'],
    );
    assert.deepEqual(
      place.schedules.map((x: Json) => [x.freq, x.byday, x.opens_at, x.closes_at]),
      [
        ['WEEKLY', 'MO', '08:00', '17:00'],
        ['WEEKLY', 'TU,WE,TH,FR', '08:00', '16:00'],
      ],
    );

    // Documents and an income-dependent fee; an age range with a maximum.
    const care = await get(api(`/services/${(await findService('Usługi opiekuńcze w miejscu zamieszkania')).id}`), 'service');
    assert.deepEqual(
      care.required_documents.map((d: Json) => d.document),
      ['zaświadczenie lekarskie o stanie zdrowia', 'oświadczenie o dochodach'],
    );
    assert.equal(care.cost_options[0].option, 'odpłatność zależna od dochodu');
    assert.equal('amount' in care.cost_options[0], false);
    const career = await get(api(`/services/${(await findService('Doradztwo zawodowe „Pierwsza praca”')).id}`), 'service');
    assert.deepEqual([career.minimum_age, career.maximum_age], [18, 30]);
    const free = await get(api(`/services/${(await findService('Interwencja kryzysowa')).id}`), 'service');
    assert.deepEqual(free.cost_options.map((o: Json) => o.amount), [0]);
    assert.equal('minimum_age' in free, false);
  });

  const findService = async (name: string): Promise<Json> => {
    const all = ((await get(`${api('/services')}?per_page=200`)) as Page).contents;
    const s = all.find((x) => x.name === name);
    assert.ok(s, name);
    return s;
  };
  const names = async (query: string, path = '/services'): Promise<string[]> =>
    ((await get(`${api(path)}?per_page=200&${query}`)) as Page).contents.map((x) => (x.name ?? x.service?.name) as string).sort();

  test('search ignores case and Polish diacritics, tolerates a typo, and needs every word', async () => {
    assert.deepEqual(await names('search=SWIETLICA'), ['Świetlica środowiskowa — pomoc w nauce']);
    assert.deepEqual(await names('search=teleopeka'), ['Teleopieka „Bezpieczny Senior”'], 'a typo');
    assert.deepEqual(await names(`search=${encodeURIComponent('klub seniora')}`), ['Klub Seniora „Lniane Serca”']);
    assert.deepEqual(await names(`search=${encodeURIComponent('klub nordic')}`), []);
    assert.deepEqual(await names('search=100%25'), [], 'LIKE wildcards are literal');
    assert.deepEqual(await names('search=Wytchnieniowa'), [], 'the suspended service is not found');
    assert.deepEqual(await names('search=teleopieka', '/service_at_locations'), ['Teleopieka „Bezpieczny Senior”']);
    assert.deepEqual(
      ((await get(`${api('/organizations')}?search=fundacja`, 'organization_list_page')) as Page).contents.map((o) => o.name),
      ['Fundacja „Dom przy Lnianej”'],
    );
  });

  test('filters by taxonomy term (id or code), taxonomy, organisation and postcode, combined with AND', async () => {
    const terms = ((await get(`${api('/taxonomy_terms')}?per_page=200`)) as Page).contents;
    const health = terms.find((t) => t.code === 'health')!;
    const seniors = terms.find((t) => t.code === 'seniors')!;
    assert.deepEqual(await names(`taxonomy_term_id=${health.id}`), ['Klub Seniora „Lniane Serca”', 'Teleopieka „Bezpieczny Senior”']);
    assert.deepEqual(await names('taxonomy_term_id=health'), await names(`taxonomy_term_id=${health.id}`));
    const forSeniors = await names(`taxonomy_term_id=${seniors.id}`);
    assert.equal(forSeniors.length, 6);
    assert.deepEqual(await names(`taxonomy_term_id=${seniors.id}&search=klub`), ['Klub Seniora „Lniane Serca”']);
    assert.deepEqual(await names(`taxonomy_term_id=${seniors.id}`, '/service_at_locations'), forSeniors);
    const [areaTaxonomy, groupTaxonomy] = ((await get(api('/taxonomies'))) as Page).contents;
    assert.equal((await names(`taxonomy_id=${areaTaxonomy!.id}`)).length, FIXTURE_SERVICES - 1);
    assert.equal((await names(`taxonomy_id=${groupTaxonomy!.id}`)).length, FIXTURE_SERVICES - 1, 'every demo service names its groups');
    const groupTerms = ((await get(`${api('/taxonomy_terms')}?taxonomy_id=${groupTaxonomy!.id}`, 'taxonomy_term_page')) as Page).contents;
    assert.equal(groupTerms.length, 9);

    const fundacja = ((await get(`${api('/organizations')}?search=fundacja`)) as Page).contents[0]!;
    assert.deepEqual(await names(`organization_id=${fundacja.id}`), ['Asystent osobisty osoby z niepełnosprawnością'], 'the suspended one is left out');
    assert.deepEqual(await names(`organization_id=${crypto.randomUUID()}`), []);
    assert.equal((await names('postcode=96-300', '/service_at_locations')).length, FIXTURE_SERVICES - 1);
    assert.deepEqual(await names('postcode=00-001', '/service_at_locations'), []);
    assert.equal((await names('postcode=96-300')).length, FIXTURE_SERVICES - 1);
    assert.deepEqual(await names('postcode=00-001'), []);
    // A second place in another postcode: the service is found by either, its pairs by their own.
    const tele = await findService('Teleopieka „Bezpieczny Senior”');
    await inTenant(m, async (sql) => {
      const [l] = await sql.query<{ id: string }>(
        `INSERT INTO locations (municipality_id, provider_id, name, street, postal_code, city) VALUES ($1, $2, 'Filia w Wiskitkach', 'ul. Główna 1', '96-315', 'Wiskitki') RETURNING id`,
        [m.id, tele.organization_id],
      );
      await sql.query('INSERT INTO service_locations (municipality_id, service_id, location_id) VALUES ($1, $2, $3)', [m.id, tele.id, l!.id]);
    });
    try {
      assert.deepEqual(await names('postcode=96-315'), ['Teleopieka „Bezpieczny Senior”']);
      const pairs = (await get(`${api('/service_at_locations')}?postcode=96-315`, 'service_at_location_list_page')) as Page;
      assert.deepEqual(
        pairs.contents.map((x) => [x.service.name, x.location.name]),
        [['Teleopieka „Bezpieczny Senior”', 'Filia w Wiskitkach']],
      );
      assert.equal((await get(api(`/services/${tele.id}`), 'service')).service_at_locations.length, 2);
    } finally {
      await inTenant(m, async (sql) => {
        await sql.query(`DELETE FROM locations WHERE municipality_id = $1 AND name = 'Filia w Wiskitkach'`, [m.id]);
      });
    }
  });

  test('modified_after: changes to the service, its provider or its place count, by day (Warsaw) or instant', async () => {
    const fresh = await makeMunicipality(h.db, 'Gmina Zmian');
    await seed(fresh);
    const list = async (query: string) =>
      ((await get(`${api('/services', fresh)}?per_page=200&modified_after=${encodeURIComponent(query)}`, 'service_list_page')) as Page).contents.map((s) => s.name as string).sort();
    await h.db.ownerTx(async (sql) => {
      for (const table of ['services', 'providers', 'locations']) {
        await sql.query(`UPDATE ${table} SET updated_at = '2025-06-01T10:00:00Z' WHERE municipality_id = $1`, [fresh.id]);
      }
      await sql.query(`UPDATE services SET updated_at = '2026-03-01T12:00:00Z' WHERE municipality_id = $1 AND name = 'Interwencja kryzysowa'`, [fresh.id]);
    });
    assert.equal((await list('2025-06-01')).length, FIXTURE_SERVICES);
    assert.deepEqual(await list('2026-03-01'), ['Interwencja kryzysowa']);
    assert.deepEqual(await list('2026-03-01T13:00:00+01:00'), ['Interwencja kryzysowa'], 'on or after');
    assert.deepEqual(await list('2026-03-01T12:00:01Z'), []);
    const full = await get(api(`/services/${(await findIn(fresh, 'Interwencja kryzysowa')).id}`, fresh), 'service');
    assert.equal(full.last_modified, '2026-03-01T12:00:00.000Z');

    // Moving a place touches every service held there.
    await h.db.ownerTx((sql) =>
      sql.query(`UPDATE locations SET updated_at = '2026-04-01T08:00:00Z' WHERE municipality_id = $1 AND name = 'Klub Integracji Społecznej'`, [fresh.id]),
    );
    assert.deepEqual(await list('2026-04-01'), ['Doradztwo zawodowe „Pierwsza praca”', 'Klub Integracji Społecznej — warsztaty i staże']);
    // A provider's change too, and the same through the services-at-locations list.
    await h.db.ownerTx((sql) =>
      sql.query(`UPDATE providers SET updated_at = '2026-05-01T08:00:00Z' WHERE municipality_id = $1 AND name = 'Fundacja „Dom przy Lnianej”'`, [fresh.id]),
    );
    assert.deepEqual(await list('2026-05-01'), ['Asystent osobisty osoby z niepełnosprawnością', 'Opieka wytchnieniowa']);
    const sals = (await get(`${api('/service_at_locations', fresh)}?modified_after=2026-05-01`, 'service_at_location_list_page')) as Page;
    assert.equal(sals.total_items, 2);
  });

  test('only adopted (or expired) programmes are published with a service', async () => {
    const drafty = await makeMunicipality(h.db, 'Gmina Projektów');
    await seed(drafty);
    const programmeOf = async () => (await findIn(drafty, 'Asystent rodziny')).program?.name as string | undefined;
    assert.equal(await programmeOf(), 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027');
    await inTenant(drafty, (sql) => sql.query(`UPDATE programmes SET status = 'draft' WHERE municipality_id = $1`, [drafty.id]));
    assert.equal(await programmeOf(), undefined);
    await inTenant(drafty, (sql) => sql.query(`UPDATE programmes SET status = 'expired' WHERE municipality_id = $1`, [drafty.id]));
    assert.equal(await programmeOf(), 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027');
  });

  const findIn = async (municipality: MunicipalityRow, name: string): Promise<Json> => {
    const all = ((await get(`${api('/services', municipality)}?per_page=200`)) as Page).contents;
    return all.find((x) => x.name === name)!;
  };

  test('unknown, malformed, unpublished and other municipalities’ ids are 404', async () => {
    const otherService = await findIn(other, 'Teleopieka „Bezpieczny Senior”');
    const otherOrganization = ((await get(`${api('/organizations', other)}?per_page=1`)) as Page).contents[0]!;
    const otherSal = ((await get(`${api('/service_at_locations', other)}?per_page=1`)) as Page).contents[0]!;
    const cases: [string, string][] = [
      ['/services/', crypto.randomUUID()],
      ['/services/', 'nie-uuid'],
      ['/services/', '1234'],
      ['/services/', `${crypto.randomUUID()}x`],
      ['/services/', suspendedServiceId],
      ['/services/', otherService.id],
      ['/organizations/', crypto.randomUUID()],
      ['/organizations/', 'abc'],
      ['/organizations/', closedOnlyProviderId],
      ['/organizations/', otherOrganization.id],
      ['/service_at_locations/', crypto.randomUUID()],
      ['/service_at_locations/', 'x'],
      ['/service_at_locations/', otherSal.id],
      ['/service_at_locations/', otherService.id],
      ['/taxonomies/', crypto.randomUUID()],
      ['/taxonomies/', 'area'],
      ['/taxonomy_terms/', crypto.randomUUID()],
      ['/taxonomy_terms/', 'health'],
    ];
    for (const [path, id] of cases) {
      const body = await get(api(`${path}${encodeURIComponent(id)}`), undefined, 404);
      assert.equal(body.error.code, 'not_found', `${path}${id}`);
    }
    // Control: the same ids answer in their own municipality.
    await get(api(`/services/${otherService.id}`, other), 'service');
    await get(api(`/organizations/${otherOrganization.id}`, other), 'organization');
    await get(api(`/service_at_locations/${otherSal.id}`, other), 'service_at_location');
    // Taxonomy ids are the same everywhere.
    assert.deepEqual(await get(api('/taxonomy_terms?per_page=200', other)), await get(api('/taxonomy_terms?per_page=200')));
    // An unknown municipality.
    const missing = `/api/nie-ma-gminy-${uniq()}/hsds/services`;
    assert.equal((await get(missing, undefined, 404)).error.code, 'not_found');
  });

  test('invalid query parameters are 422 with the field named', async () => {
    const cases: [string, string][] = [
      ['/services?per_page=201', 'per_page'],
      ['/services?per_page=0', 'per_page'],
      ['/services?per_page=du%C5%BCo', 'per_page'],
      ['/services?page=0', 'page'],
      ['/services?page=1&page=2', 'page'],
      ['/services?modified_after=wczoraj', 'modified_after'],
      ['/services?modified_after=2026-02-30', 'modified_after'],
      ['/services?taxonomy_term_id=nieznany', 'taxonomy_term_id'],
      ['/services?taxonomy_id=nieznana', 'taxonomy_id'],
      ['/services?organization_id=42', 'organization_id'],
      ['/services?full=tak', 'full'],
      ['/services?format=ndjson', 'format'],
      ['/organizations?per_page=1000', 'per_page'],
      ['/service_at_locations?postcode=96300', 'postcode'],
      ['/service_at_locations?per_page=500', 'per_page'],
      ['/taxonomies?page=-1', 'page'],
      ['/taxonomy_terms?taxonomy_id=x', 'taxonomy_id'],
    ];
    for (const [path, field] of cases) {
      const body = await get(api(path), undefined, 422);
      assert.equal(body.error.code, 'validation.failed', path);
      assert.deepEqual(Object.keys(body.error.fields), [field], path);
      assert.equal(body.error.fields[field].code, 'invalid', path);
    }
  });

  test('lists load children with a fixed number of queries, whatever the page size', async () => {
    const counted = async (url: string): Promise<number> => {
      let queries = 0;
      const tx = h.db.tx;
      h.db.tx = <T>(ctx: DbContext, fn: (sql: Sql) => Promise<T>) =>
        tx.call(h.db, ctx, (sql) =>
          fn(
            ctx.municipalityId
              ? {
                  query: (text, params) => {
                    queries++;
                    return sql.query(text, params);
                  },
                }
              : sql,
          ),
        ) as Promise<T>;
      try {
        const res: LightMyRequestResponse = await c.get(url);
        assert.equal(res.statusCode, 200);
      } finally {
        h.db.tx = tx;
      }
      return queries;
    };
    for (const path of ['/services?full=true', '/services', '/service_at_locations']) {
      const small = await counted(`${api(path)}${path.includes('?') ? '&' : '?'}per_page=2`);
      const large = await counted(`${api(path)}${path.includes('?') ? '&' : '?'}per_page=200`);
      assert.ok(small > 0, path);
      assert.equal(large, small, `${path}: ${small} queries for 2 items, ${large} for all`);
    }
    const org = ((await get(`${api('/organizations')}?search=centrum`)) as Page).contents[0]!;
    assert.ok((await counted(api(`/organizations/${org.id}`))) <= 10, 'an organisation with many services');
  });

  test('the OpenAPI document is 3.1 and describes every /api route the app registers, and nothing else', async () => {
    const res = await new TestClient(h.app).get('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    const doc = JSON.parse(res.body) as Json;
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.ok(doc.info?.title && doc.info?.version, 'info.title and info.version');
    assert.equal(doc.servers[0].url, h.config.publicUrl);

    // A path with a trailing slash only redirects to the one without it, which is the documented one.
    const apiRoutes = h.routes.filter((r) => r.url.startsWith('/api/') && !r.url.endsWith('/'));
    assert.ok(apiRoutes.length >= 17, `found ${apiRoutes.length} /api routes`);
    const documented = new Set<string>();
    for (const r of apiRoutes) {
      const path = r.url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
      const method = r.method === 'HEAD' ? 'get' : r.method.toLowerCase();
      assert.ok(doc.paths[path], `${r.method} ${r.url} is documented as ${path}`);
      assert.ok(doc.paths[path][method], `${r.method} ${r.url} has its ${method} operation`);
      documented.add(`${method} ${path}`);
      // Every path parameter is declared.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        const params = [...(doc.paths[path].parameters ?? []), ...(doc.paths[path][method].parameters ?? [])].map((p: Json) =>
          p.$ref ? resolve(doc, p.$ref) : p,
        );
        assert.ok(params.some((p: Json | undefined) => p?.in === 'path' && p.name === name && p.required === true), `${path}: {${name}} declared`);
      }
    }
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const method of Object.keys(item).filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k))) {
        assert.ok(documented.has(`${method} ${path}`), `${method} ${path} is a registered route`);
      }
    }
    // Every local $ref resolves.
    const refs = JSON.stringify(doc).match(/"\$ref":"#[^"]+"/g) ?? [];
    assert.ok(refs.length > 0);
    for (const r of refs) assert.ok(resolve(doc, r.slice(8, -1)), r);
  });
});

function resolve(doc: Json, ref: string): Json | undefined {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json | undefined>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}
