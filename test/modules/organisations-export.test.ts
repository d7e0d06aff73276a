import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/harness';
import { ownerQuery } from '../support/db';
import { person, staff } from '../support/people';
import { organisationRow, register, seededMunicipality } from './organisations-helpers';
import { assertIncludes } from '../support/assertions';

const COLUMNS = [
  'id', 'name', 'kind', 'status', 'krs', 'nip', 'regon', 'leader_name', 'spheres', 'description', 'founded_year', 'members_count',
  'volunteers_count', 'street', 'postal_code', 'city', 'email', 'phone', 'website', 'social_links', 'published_contacts', 'federations',
  'submitted_at', 'verified_at', 'version',
];

describeEachEngine('organisations: the staff export (CSV, XLSX)', (h) => {
  test('CSV: every organisation whatever its status, codes and names in cells, formulas neutralised, the export audited', async () => {
    const m = await seededMunicipality(h, 'Gmina Eksportu');
    const { c: registrant } = await person(h);
    await register(h, registrant, m, {
      name: '=HYPERLINK("http://zly.example","Kliknij")', description: '+48 to nie wzór', krs: '', nip: '', regon: '', kind: 'informal_group', leader_name: '@lider',
    });
    const { c: organiser } = await staff(h, m);
    const res = await organiser.get(`/${m.slug}/organisations/export.csv`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(res.headers['content-disposition']), new RegExp(`^attachment; filename="organizacje-${m.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    assert.ok(res.body.startsWith('\uFEFF'), 'a byte-order mark for spreadsheets');
    const records = parse(res.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(records[0]!), COLUMNS);
    assert.equal(records.length, 13);
    assert.deepEqual(records.map((r) => r.status).sort().filter((s, i, a) => a.indexOf(s) === i), ['pending', 'verified']);

    const utw = records.find((r) => r.name === 'Żyrardowski Uniwersytet Trzeciego Wieku')!;
    assert.equal(utw.kind, 'university_third_age');
    assert.equal(utw.krs, '0009900005', 'leading zeros kept');
    assert.equal(utw.spheres, 'seniors;education_science;culture_heritage');
    assert.equal(utw.federations, 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”');
    assert.equal(utw.published_contacts, 'email;phone;address');
    assert.match(utw.verified_at!, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(records.find((r) => r.name?.startsWith('Sąsiedzi'))!.leader_name, 'Irena Przykładowa', 'staff see the leader');

    const hostile = records.find((r) => r.name?.includes('HYPERLINK'))!;
    assert.equal(hostile.name, `'=HYPERLINK("http://zly.example","Kliknij")`);
    assert.equal(hostile.description, "'+48 to nie wzór");
    assert.equal(hostile.leader_name, "'@lider");
    assert.equal(hostile.status, 'pending');

    const [entry] = (await ownerQuery<{ action: string; details: Record<string, unknown> }>(h, "SELECT action, details FROM audit_log WHERE municipality_id = $1 AND action = 'organisations.exported'", [m.id]));
    assert.deepEqual(entry?.details, { format: 'csv', rows: 13 });
  });

  test('XLSX: sheet "Organizacje" with a bold frozen header, registry numbers as text; sheet "Słowniki" with the codes', async () => {
    const m = await seededMunicipality(h, 'Gmina Arkuszy');
    const { c: registrant } = await person(h);
    await register(h, registrant, m, { name: '=1+1 „Grupa”', kind: 'informal_group', leader_name: 'Ktoś', krs: '', nip: '', regon: '' });
    const { c: director } = await staff(h, m, ['director']);
    const res = await director.get(`/${m.slug}/organisations/export.xlsx`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((w) => w.name), ['Organizacje', 'Słowniki']);
    const sheet = book.getWorksheet('Organizacje')!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), COLUMNS);
    assert.equal(sheet.getCell('A1').font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal(sheet.rowCount, 14);
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    const hostile = rows.findIndex((r) => String(r[1]).includes('Grupa'));
    const cell = sheet.getRow(hostile + 2).getCell(2);
    assert.deepEqual([cell.type, cell.value], [ExcelJS.ValueType.String, '=1+1 „Grupa”'], 'a string cell, never a formula');
    const federation = rows.find((r) => r[1] === 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”')!;
    assert.equal(federation[4], '0009900001', 'the KRS stays text with its zeros');
    assert.equal(federation[11], 7, 'counts are numbers');
    const codes = book.getWorksheet('Słowniki')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).join('|'));
    assertIncludes(codes, 'kind|rural_womens_circle|koło gospodyń wiejskich');
    assertIncludes(codes, 'status|pending|czeka na weryfikację');
    assertIncludes(codes, 'spheres|integration_of_foreigners|art. 4 ust. 1 pkt 5a: Działalność na rzecz integracji cudzoziemców');
    assert.equal(codes.filter((r) => r.startsWith('spheres|')).length, 37);
  });

  test('the export is for staff only', async () => {
    const m = await seededMunicipality(h, 'Gmina Zamknięta');
    const anonymous = await new TestClient(h.app).get(`/${m.slug}/organisations/export.csv`);
    assert.equal(anonymous.statusCode, 303);
    const { c: resident } = await person(h, m, ['resident', 'ngo_member', 'coordinator']);
    assert.equal((await resident.get(`/${m.slug}/organisations/export.xlsx`)).statusCode, 403);
    assert.equal((await organisationRow(h, m, { name: 'Koło Gospodyń Wiejskich „Ruda”' })).status, 'verified');
  });
});
