import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OFFICIAL, officialResource, packageProblems, parseCsv, unzipPackage } from '../../../../test/support/tabular';
import type { ProviderRow } from '../repository';
import { CSV_DIALECT, PUBLISHED_RESOURCES, cell, csv, datapackageZip, descriptor, municipalityOrganization, tables, zipFileName, type TableResource } from './datapackage';
import { derivedId } from './ids';
import * as map from './map';
import { TERMS } from './taxonomy';
// The module list installs the messages that the views and the mapping translate with.
import '../../index';

const PLACE: map.Place = { name: 'Miasto Żyrardów', teryt: '1438011' };
const PROVIDER_ID = '1c7f2e3f-4d5b-4c6d-9e7f-8091a2b3c4d5';
const OTHER_PROVIDER_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SHARED_PLACE = '2d8a3f4a-5e6c-4d7e-8f80-91a2b3c4d5e6';
const FOREIGN_PLACE = '6b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e';
const INFO = { slug: 'zyrardow', name: 'Miasto Żyrardów', publicUrl: 'https://wspolnota.example', created: new Date('2026-11-23T18:00:00.123Z') };

const provider: ProviderRow = {
  id: PROVIDER_ID,
  name: 'Centrum Usług Społecznych',
  kind: 'cus_unit',
  description: 'Organizuje usługi społeczne.',
  email: 'sekretariat@cus.zyrardow.example',
  phone: '46 855 00 01',
  website: 'cus.zyrardow.example',
  version: 1,
};
const place = (id: string, providerId: string, name: string): map.PlaceRow => ({
  id,
  provider_id: providerId,
  name,
  street: 'ul. 1 Maja 20',
  postal_code: '96-300',
  city: 'Żyrardów',
  latitude: 52.0489,
  longitude: 20.4456,
  step_free: true,
  accessible_toilet: false,
  induction_loop: false,
  sign_language_on_request: false,
  accessibility_notes: 'Winda od podwórza, "dzwonek" przy bramie.',
  version: 1,
  hours: [{ location_id: id, weekday: 1, opens: '08:00:00', closes: '16:00:00' }],
});
const bundle = (id: string, name: string, locations: map.PlaceRow[]): map.ServiceBundle => ({
  service: {
    id,
    provider_id: PROVIDER_ID,
    name,
    summary: 'Opaska z przyciskiem SOS.',
    description: 'Całodobowe centrum pomocy,\r\ntakże w święta.',
    area: 'health',
    target_groups: ['seniors'],
    how_to_apply: 'Złóż wniosek w CUS.',
    required_documents: ['wniosek'],
    fee_kind: 'fixed',
    fee_amount: '15.50',
    fee_rule: '',
    capacity: null,
    capacity_period: '',
    eligibility: 'Osoby w wieku 65+.',
    criteria: [{ type: 'age', min: 65 }],
    status: 'active',
    languages: ['pl', 'uk'],
    contact_email: 'pomoc@cus.zyrardow.example',
    contact_phone: '46 855 00 00',
    version: 1,
    updated_at: new Date('2026-03-01T10:00:00Z'),
    last_modified: new Date('2026-03-02T11:00:00.456Z'),
  },
  provider,
  programme: { id: '3e9b4a5b-6f7d-4e8f-9a01-a2b3c4d5e6f7', name: 'Program', description: '', resolution_number: '', resolution_date: null, period_from: '2026-01-01', period_to: '2027-12-31' },
  locations,
});
const TELE = '0b6f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const OPIEKA = '7c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const BUNDLES = [
  bundle(TELE, 'Teleopieka „Bezpieczny Senior”', [place(SHARED_PLACE, PROVIDER_ID, 'Siedziba CUS')]),
  bundle(OPIEKA, 'Usługi opiekuńcze', [place(SHARED_PLACE, PROVIDER_ID, 'Siedziba CUS'), place(FOREIGN_PLACE, OTHER_PROVIDER_ID, 'Świetlica')]),
];
const resource = (name: string) => PUBLISHED_RESOURCES.find((r) => r.name === name)!;

describe('HSDS tabular data package', () => {
  test('the descriptor: Polish title, CC BY 4.0, created, and the official resources unchanged, in their order, with the CSV dialect', () => {
    const d = descriptor(INFO);
    assert.equal(d.profile, 'tabular-data-package');
    assert.equal(d.name, 'hsds-zyrardow');
    assert.equal(d.title, 'Katalog usług społecznych — Miasto Żyrardów');
    assert.equal(d.created, '2026-11-23T18:00:00.123Z');
    assert.deepEqual((d.licenses as { name: string }[]).map((l) => l.name), ['CC-BY-4.0']);
    const names = (d.resources as TableResource[]).map((r) => r.name);
    const wanted = ['organization', 'program', 'service', 'attribute', 'service_at_location', 'location', 'phone', 'contact', 'address', 'schedule'];
    wanted.push('service_area', 'required_document', 'language', 'accessibility', 'taxonomy_term', 'cost_option', 'taxonomy');
    assert.deepEqual(names, wanted, 'the official order');
    for (const r of d.resources as TableResource[]) assert.deepEqual(r, { ...officialResource(r.name), dialect: CSV_DIALECT }, `${r.name} as in the specification`);
    assert.deepEqual(CSV_DIALECT, { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true });
    assert.equal(zipFileName(INFO), 'hsds-zyrardow-2026-11-23.zip');
  });

  test('cells: none is empty, datetimes are UTC to the millisecond, times hh:mm:ss, numbers as they are', () => {
    const f = (name: string, type: string) => ({ name, type });
    assert.equal(cell(f('x', 'string'), undefined), '');
    assert.equal(cell(f('x', 'number'), null), '');
    assert.equal(cell(f('x', 'number'), 0), '0');
    assert.equal(cell(f('x', 'number'), 15.5), '15.5');
    assert.equal(cell(f('x', 'datetime'), '2026-03-02T11:00:00.456Z'), '2026-03-02T11:00:00.456Z');
    assert.equal(cell(f('x', 'datetime'), new Date('2026-03-02T12:00:00.456+01:00')), '2026-03-02T11:00:00.456Z');
    assert.equal(cell(f('x', 'time'), '08:00'), '08:00:00');
    assert.equal(cell(f('x', 'string'), 'Łódź'), 'Łódź');
  });

  test('CSV: the official header, CRLF, RFC 4180 quoting, no BOM, diacritics kept', () => {
    const text = csv(resource('taxonomy'), [{ id: TERMS[0]!.id, name: 'Ochrona „zdrowia”, "opieka"', description: 'dwie\nlinie', version: undefined }]);
    assert.notEqual(text.charCodeAt(0), 0xfeff);
    assert.ok(text.startsWith('id,name,description,uri,version\r\n'), text);
    assert.ok(text.includes(',"Ochrona „zdrowia”, ""opieka""","dwie\nlinie",,\r\n'), text);
    const parsed = parseCsv(text);
    assert.deepEqual(parsed.header, officialResource('taxonomy').schema.fields.map((f) => f.name));
    assert.deepEqual(parsed.rows[0], { id: TERMS[0]!.id, name: 'Ochrona „zdrowia”, "opieka"', description: 'dwie\nlinie', uri: '', version: '' });
  });

  test('tables: the JSON mapping flattened, with its ids; a shared place once; the programme under the municipality', () => {
    const t = tables(BUNDLES, PLACE);
    const full = map.service(BUNDLES[0]!, PLACE);
    assert.deepEqual(t.service!.map((s) => (s as { id: string }).id), [TELE, OPIEKA]);
    const programme = BUNDLES[0]!.programme!;
    assert.deepEqual(t.service!.map((s) => (s as { program_id?: string }).program_id), [programme.id, programme.id], 'as the JSON API says');
    const owner = municipalityOrganization(PLACE);
    assert.deepEqual(t.program, [{ ...map.program(programme), organization_id: owner.id }]);
    assert.deepEqual(t.organization, [map.organizationBasic(provider), owner]);
    assert.deepEqual(t.location!.map((l) => (l as { id: string }).id), [SHARED_PLACE, FOREIGN_PLACE]);
    assert.equal((t.location![1] as { organization_id?: string }).organization_id, undefined, 'its provider is not published');
    assert.equal(t.service_at_location!.length, 3);
    assert.ok(t.service_at_location!.some((x) => (x as { id: string }).id === full.service_at_locations[0]!.id));
    assert.ok(t.cost_option!.some((x) => (x as { id: string }).id === derivedId('cost_option', TELE)));
    assert.ok(t.phone!.some((x) => (x as { id: string }).id === derivedId('phone', 'organization', PROVIDER_ID)));
    assert.equal(t.phone!.length, 1 + 2 * 2, 'the organisation phone, and a service and a contact phone per service');
    assert.equal(t.taxonomy_term!.length, TERMS.length);
    assert.equal(t.attribute!.length, 4);
    assert.equal(t.language!.length, 4);
  });

  test('the zip holds datapackage.json and every table, and validates against the official field descriptors', () => {
    const pkg = unzipPackage(datapackageZip(BUNDLES, PLACE, INFO));
    assert.deepEqual(pkg.files.sort(), ['datapackage.json', ...PUBLISHED_RESOURCES.map((r) => r.path)].sort());
    const official = OFFICIAL.resources.filter((r) => pkg.descriptor.resources.some((x) => x.name === r.name));
    assert.deepEqual(packageProblems(official, pkg.tables), []);
    const services = pkg.tables.service!.rows;
    assert.equal(services[0]!.name, 'Teleopieka „Bezpieczny Senior”');
    assert.equal(services[0]!.description, 'Opaska z przyciskiem SOS.\n\nCałodobowe centrum pomocy,\r\ntakże w święta.');
    assert.equal(services[0]!.last_modified, '2026-03-02T11:00:00.456Z', 'as precise as the JSON API');
    assert.equal(services[0]!.program_id, BUNDLES[0]!.programme!.id);
    assert.deepEqual(pkg.tables.program!.rows.map((r) => [r.id, r.name, r.organization_id]), [[BUNDLES[0]!.programme!.id, 'Program', municipalityOrganization(PLACE).id]]);
    assert.equal(pkg.tables.schedule!.rows[0]!.opens_at, '08:00:00');
    assert.equal(pkg.tables.cost_option!.rows[0]!.amount, '15.5');
    // The checker catches what it should.
    const broken = structuredClone(pkg.tables);
    broken.service!.rows[0]!.organization_id = FOREIGN_PLACE;
    broken.service!.rows[1]!.status = 'otwarta';
    broken.address!.rows[0]!.city = '';
    broken.schedule!.header = [...broken.schedule!.header].reverse();
    const problems = packageProblems(official, broken).join('\n');
    for (const p of [/service.organization_id=.*no organization.id/, /service row 2 status="otwarta": not one of/, /address row 1 city="": required/, /schedule: header/]) {
      assert.match(problems, p);
    }
  });
});
