import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { Sql } from '../../src/platform/db/types';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { TestClient } from '../support/client';
import { makeMunicipality, uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { OFFICIAL, packageProblems, unzipPackage, type Unzipped } from '../support/tabular';
import { assertExcludes, assertIncludes } from '../support/assertions';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The tables a catalogue publishes. */
const TABLES = ['organization', 'program', 'service', 'attribute', 'service_at_location', 'location', 'phone', 'contact', 'address', 'schedule'];
TABLES.push('service_area', 'required_document', 'language', 'accessibility', 'taxonomy_term', 'cost_option', 'taxonomy');

describeEachEngine('HSDS 3.0 tabular data package (datapackage.zip)', (h) => {
  let m: MunicipalityRow;
  let other: MunicipalityRow;
  let pkg: Unzipped;
  let suspendedServiceId: string;
  let closedOnlyProviderId: string;
  let otherOnlyServiceId: string;
  const get = (url: string) => new TestClient(h.app).get(url);
  const json = async (url: string): Promise<Json> => {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    return res.json() as Json;
  };
  const api = (path: string, municipality = m) => `/api/${municipality.slug}/hsds${path}`;
  const inTenant = <T>(municipality: MunicipalityRow, fn: (sql: Sql) => Promise<T>) => h.db.tx({ municipalityId: municipality.id, userId: null }, fn);
  const zipOf = async (municipality: MunicipalityRow) => {
    const res = await get(api('/datapackage.zip', municipality));
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    return unzipPackage(res.rawPayload);
  };
  const ids = (table: string, p = pkg) => p.tables[table]!.rows.map((r) => r.id!).sort();
  const column = (table: string, name: string, p = pkg) => p.tables[table]!.rows.map((r) => r[name]!);

  before(async () => {
    m = await makeMunicipality(h.db, 'Gmina Żółta Łąka');
    other = await makeMunicipality(h.db, 'Gmina Sąsiednia');
    await inTenant(m, (sql) => seedCatalogFixtures(sql, m.id));
    await inTenant(other, (sql) => seedCatalogFixtures(sql, other.id));
    await inTenant(m, async (sql) => {
      const [s] = await sql.query<{ id: string }>(`UPDATE services SET status = 'suspended' WHERE municipality_id = $1 AND name = 'Opieka wytchnieniowa' RETURNING id`, [m.id]);
      suspendedServiceId = s!.id;
      const [p] = await sql.query<{ id: string }>(
        `INSERT INTO providers (municipality_id, name, kind, description) VALUES ($1, 'Stowarzyszenie Zamknięte', 'ngo', 'Już nie działa.') RETURNING id`,
        [m.id],
      );
      closedOnlyProviderId = p!.id;
      await sql.query(`INSERT INTO services (municipality_id, provider_id, name, area, status) VALUES ($1, $2, 'Zakończony projekt', 'civic_activity', 'closed')`, [m.id, p!.id]);
    });
    otherOnlyServiceId = await inTenant(other, async (sql) => {
      const [s] = await sql.query<{ id: string }>(
        `INSERT INTO services (municipality_id, provider_id, name, area) SELECT municipality_id, id, 'Usługa tylko u sąsiadów', 'culture' FROM providers LIMIT 1 RETURNING id`,
      );
      return s!.id;
    });
    pkg = await zipOf(m);
  });

  test('a public zip attachment: application/zip, a dated file name, CORS open; 404 for an unknown municipality', async () => {
    const res = await get(api('/datapackage.zip'));
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/zip/);
    assert.match(String(res.headers['content-disposition']), new RegExp(`^attachment; filename="hsds-${m.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip"$`));
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.deepEqual(res.rawPayload.subarray(0, 4), Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'a zip file');
    assert.equal((await get(`/api/nie-ma-gminy-${uniq()}/hsds/datapackage.zip`)).statusCode, 404);
  });

  test('datapackage.json: Polish title, CC BY 4.0, created now, and the official resources of the published tables', () => {
    const d = pkg.descriptor;
    assert.equal(d.profile, 'tabular-data-package');
    assert.equal(d.title, `Katalog usług społecznych — ${m.name}`);
    assert.deepEqual((d.licenses as Json[]).map((l) => [l.name, l.path]), [['CC-BY-4.0', 'https://creativecommons.org/licenses/by/4.0/legalcode.pl']]);
    assert.ok(Math.abs(Date.parse(String(d.created)) - Date.now()) < 120_000, `created ${String(d.created)}`);
    assert.deepEqual(d.resources.map((r) => r.name), TABLES);
    for (const r of d.resources) assert.deepEqual(r, { ...OFFICIAL.resources.find((o) => o.name === r.name), dialect: (r as Json).dialect }, `${r.name} is the official resource`);
    assert.deepEqual(pkg.files.sort(), ['datapackage.json', ...d.resources.map((r) => r.path)].sort());
  });

  test('every CSV: the official header, values of the field types and constraints, keys unique, foreign keys resolving', () => {
    const official = OFFICIAL.resources.filter((r) => TABLES.includes(r.name));
    assert.deepEqual(packageProblems(official, pkg.tables), []);
    for (const name of TABLES) assert.ok(pkg.tables[name]!.rows.length > 0, `${name} has rows`);
    for (const text of Object.values(pkg.texts)) assert.notEqual(text.charCodeAt(0), 0xfeff, 'no BOM');
    for (const r of pkg.descriptor.resources as Json[]) assert.deepEqual(r.dialect, { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true }, r.name);
  });

  test('the same records and ids as the JSON API: services, organisations, places, pairs, taxonomies', async () => {
    const services = await json(`${api('/services')}?per_page=200`);
    assert.equal(pkg.tables.service!.rows.length, services.total_items);
    assert.deepEqual(ids('service'), services.contents.map((s: Json) => s.id).sort());
    const organizations = await json(`${api('/organizations')}?per_page=200`);
    // The programme's organisation is the municipality, a row of its own beside the providers.
    const [programme] = pkg.tables.program!.rows;
    assert.equal(pkg.tables.organization!.rows.find((o) => o.id === programme!.organization_id)?.name, m.name);
    assert.deepEqual(ids('organization'), [...organizations.contents.map((o: Json) => o.id), programme!.organization_id].sort());
    const sals = await json(`${api('/service_at_locations')}?per_page=200`);
    assert.equal(pkg.tables.service_at_location!.rows.length, sals.total_items);
    assert.deepEqual(ids('service_at_location'), sals.contents.map((x: Json) => x.id).sort());
    assert.deepEqual(ids('location'), [...new Set<string>(sals.contents.map((x: Json) => x.location_id))].sort());
    assert.deepEqual(ids('taxonomy_term'), (await json(`${api('/taxonomy_terms')}?per_page=200`)).contents.map((t: Json) => t.id).sort());
    assert.deepEqual(ids('taxonomy'), (await json(api('/taxonomies'))).contents.map((t: Json) => t.id).sort());

    // Every child of every fully nested service, by id, and the service's own values.
    const children: Record<string, Set<string>> = {};
    const add = (table: string, list: Json[]) => list.forEach((x) => (children[table] ??= new Set()).add(x.id));
    for (const { id } of services.contents) {
      const s = await json(api(`/services/${id}`));
      const row = pkg.tables.service!.rows.find((r) => r.id === id)!;
      for (const f of ['organization_id', 'name', 'description', 'email', 'status', 'fees_description', 'application_process', 'eligibility_description']) {
        assert.equal(row[f], s[f] === undefined ? '' : String(s[f]), `${s.name}: ${f}`);
      }
      assert.equal(row.minimum_age, s.minimum_age === undefined ? '' : String(s.minimum_age));
      assert.equal(row.last_modified, s.last_modified, `${s.name}: last_modified as precise as the JSON API`);
      assert.equal(row.program_id, s.program_id ?? '', `${s.name}: program_id`);
      if (s.program) assert.deepEqual([programme!.id, programme!.name, programme!.description], [s.program.id, s.program.name, s.program.description]);
      add('phone', [...s.phones, ...s.contacts.flatMap((c: Json) => c.phones)]);
      for (const t of ['contact', 'cost_option', 'required_document', 'language', 'service_area', 'attribute']) add(t, s[`${t}s`]);
      for (const sal of s.service_at_locations) {
        add('address', sal.location.addresses);
        add('accessibility', sal.location.accessibility);
        add('schedule', sal.location.schedules);
      }
    }
    for (const o of organizations.contents) add('phone', (await json(api(`/organizations/${o.id}`))).phones);
    for (const [table, expected] of Object.entries(children)) assert.deepEqual(ids(table), [...expected].sort(), `${table} ids`);
    assert.deepEqual(Object.keys(children).sort(), ['accessibility', 'address', 'attribute', 'contact', 'cost_option', 'language', 'phone', 'required_document', 'schedule', 'service_area']);
  });

  test('only active services and their providers; Polish diacritics intact', () => {
    assertExcludes(ids('service'), suspendedServiceId, 'the suspended service is not published');
    for (const table of ['service_at_location', 'cost_option', 'language', 'phone', 'contact', 'required_document', 'service_area']) {
      assertExcludes(column(table, 'service_id'), suspendedServiceId, `${table} of the suspended service`);
    }
    assertExcludes(column('attribute', 'link_id'), suspendedServiceId);
    assertExcludes(ids('organization'), closedOnlyProviderId, 'a provider with only a closed service is not published');
    assertIncludes(column('service', 'name'), 'Teleopieka „Bezpieczny Senior”');
    assertIncludes(column('organization', 'name'), 'Centrum Usług Społecznych w Żyrardowie');
    assertIncludes(pkg.texts.service_area!, m.name, 'the municipality name, Ż and Ł included');
    assertIncludes(column('taxonomy_term', 'name'), 'Promocja i ochrona zdrowia');
  });

  test('one municipality’s zip holds none of another’s services, places or providers', async () => {
    const theirs = await zipOf(other);
    assertIncludes(ids('service', theirs), otherOnlyServiceId);
    assertExcludes(ids('service'), otherOnlyServiceId);
    for (const table of ['service', 'organization', 'location', 'service_at_location', 'address', 'phone']) {
      const mine = new Set(ids(table));
      assert.ok(ids(table, theirs).every((id) => !mine.has(id)), `${table}: no shared ids`);
    }
    assert.deepEqual(ids('taxonomy_term', theirs), ids('taxonomy_term'), 'taxonomies are the same everywhere');
    assertExcludes(column('service_area', 'name', theirs), m.name);
  });
});
