import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { historyOf, idByName, ownerQuery, seededMunicipality, staffClient } from './catalog-admin-helpers';
import { csvColumns, csvOf, csvRecords, errorRows, uploadFile } from './catalog-transfer-helpers';
import { assertIncludes } from '../support/assertions';

describeEachEngine('catalogue import and export: CSV', (h) => {
  /** The whole services table of a municipality (and their places), to prove nothing was written. */
  const snapshot = async (municipalityId: string) =>
    JSON.stringify(
      await ownerQuery(h, `SELECT s.*, (SELECT array_agg(location_id ORDER BY location_id) FROM service_locations sl WHERE sl.service_id = s.id) AS locs
        FROM services s WHERE s.municipality_id = $1 ORDER BY s.id`, [municipalityId]),
    );
  const historyCount = async (municipalityId: string) =>
    (await ownerQuery<{ n: number }>(h, 'SELECT count(*)::int AS n FROM catalog_history WHERE municipality_id = $1', [municipalityId]))[0]!.n;
  const exportCsv = async (c: Awaited<ReturnType<typeof staffClient>>, slug: string) => {
    const res = await c.get(`/${slug}/catalog/export.csv`);
    assert.equal(res.statusCode, 200);
    return res.body;
  };

  test('the CSV export: UTF-8 with BOM, machine column names, every service whatever its status, formulas neutralised', async () => {
    const m = await seededMunicipality(h);
    const teleopieka = await idByName(h, 'services', m, 'Teleopieka „Bezpieczny Senior”');
    await ownerQuery(h, "UPDATE services SET status = 'closed', summary = '=HYPERLINK(\"http://evil.example\";\"Kliknij\")', contact_phone = '+48 46 855 00 00' WHERE id = $1", [teleopieka]);
    const c = await staffClient(h, m);
    const res = await c.get(`/${m.slug}/catalog/export.csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="uslugi-.*\.csv"/);
    assert.ok(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'starts with a UTF-8 BOM');
    assert.deepEqual(csvColumns(res.body), ['id', 'name', 'summary', 'description', 'area', 'target_groups', 'situations', 'how_to_apply', 'required_documents', 'fee_kind',
      'fee_amount', 'fee_rule', 'capacity', 'capacity_period', 'eligibility', 'min_age', 'max_age', 'residence', 'max_income_per_person',
      'disability_certificate', 'carer', 'household_with_children', 'unemployed', 'status', 'languages', 'contact_email', 'contact_phone', 'provider',
      'locations', 'version']);
    const records = csvRecords(res.body);
    assert.equal(records.length, 20);
    const tele = records.find((r) => r.id === teleopieka)!;
    assert.equal(tele.status, 'closed');
    assert.equal(tele.summary, '\'=HYPERLINK("http://evil.example";"Kliknij")', 'a formula gets a leading apostrophe');
    assert.equal(tele.contact_phone, "'+48 46 855 00 00");
    assert.equal(tele.fee_kind, 'fixed');
    assert.equal(tele.fee_amount, '15.00');
    assert.equal(tele.min_age, '65');
    assert.equal(tele.residence, '1');
    assert.equal(tele.provider, 'Centrum Usług Społecznych w Żyrardowie');
    assert.equal(tele.locations, 'Siedziba CUS');
    assert.equal(tele.version, '1');
    const opieka = records.find((r) => r.name === 'Usługi opiekuńcze w miejscu zamieszkania')!;
    assert.equal(opieka.target_groups, 'seniors;people_with_disabilities');
    assert.equal(opieka.required_documents, 'zaświadczenie lekarskie o stanie zdrowia | oświadczenie o dochodach');
  });

  test('export → import unchanged: every service counted as unchanged, no new version, nothing in the history', async () => {
    const m = await seededMunicipality(h);
    const tele = await idByName(h, 'services', m, 'Teleopieka „Bezpieczny Senior”');
    await ownerQuery(h, "UPDATE services SET summary = '-10% dla seniorów', contact_phone = '+48 46 855 00 00' WHERE id = $1", [tele]);
    const c = await staffClient(h, m);
    const before = await snapshot(m.id);
    const res = await uploadFile(c, m.slug, 'uslugi.csv', await exportCsv(c, m.slug));
    assert.equal(res.statusCode, 200, res.body.slice(0, 3000));
    assertIncludes(res.body, 'Zaimportowano: 0 nowych, 0 zmienionych, 20 bez zmian.', res.body);
    assert.equal(await snapshot(m.id), before);
    assert.equal(await historyCount(m.id), 0);
  });

  test('an edited row updates its service with a new version in the history; a row without id adds a service', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const csv = await exportCsv(c, m.slug);
    const records = csvRecords(csv);
    const row = records.find((r) => r.name === 'Asystent rodziny')!;
    row.name = 'Asystent rodziny — wsparcie w domu';
    row.fee_kind = 'fixed';
    row.fee_amount = '12,50';
    row.max_age = '99';
    records.push({ ...row, id: '', version: '', name: 'Nowa usługa z pliku', locations: 'Siedziba CUS | Miejsce Aktywności Lokalnej', target_groups: 'seniors; carers' });
    const res = await uploadFile(c, m.slug, 'uslugi.csv', csvOf(records, csvColumns(csv)));
    assert.equal(res.statusCode, 200, res.body.slice(0, 3000));
    assertIncludes(res.body, 'Zaimportowano: 1 nową, 1 zmienioną, 19 bez zmian.');
    assertIncludes(res.body, `href="/${m.slug}/catalog/services/${row.id}"`, 'links to the changed service');

    const [saved] = await ownerQuery<{ name: string; version: number; fee_amount: string; criteria: unknown }>(h,
      'SELECT name, version, fee_amount::text AS fee_amount, criteria FROM services WHERE id = $1', [row.id]);
    assert.deepEqual(saved, {
      name: 'Asystent rodziny — wsparcie w domu', version: 2, fee_amount: '12.50',
      criteria: [{ type: 'age', max: 99 }, { type: 'residence' }, { type: 'household_with_children' }],
    });
    const history = await historyOf(h, m, 'service', row.id!);
    assert.equal(history.length, 1);
    assert.equal(history[0]!.version, 2);
    assert.deepEqual(history[0]!.changes.name, ['Asystent rodziny', 'Asystent rodziny — wsparcie w domu']);
    assert.deepEqual(history[0]!.changes.fee_kind, ['free', 'fixed']);
    assert.match(history[0]!.changed_by_label, /@/);

    const created = await idByName(h, 'services', m, 'Nowa usługa z pliku');
    assertIncludes(res.body, `href="/${m.slug}/catalog/services/${created}"`, 'links to the new service');
    assert.equal((await historyOf(h, m, 'service', created))[0]!.version, 1);
    const [newRow] = await ownerQuery<{ target_groups: string[]; n: number }>(h,
      'SELECT target_groups, (SELECT count(*)::int FROM service_locations WHERE service_id = s.id) AS n FROM services s WHERE id = $1', [created]);
    assert.deepEqual(newRow, { target_groups: ['seniors', 'carers'], n: 2 });
  });

  test('three broken rows: all three errors listed (row, column, value, message) and nothing saved', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const csv = await exportCsv(c, m.slug);
    const records = csvRecords(csv);
    records[0]!.name = 'Zmieniona, ale plik ma błędy';
    records[2]!.area = 'kosmos';
    records[4]!.fee_kind = 'fixed';
    records[4]!.fee_amount = '';
    records.push({ ...records[6]!, id: '', version: '', provider: 'Nieistniejący realizator' });
    const before = await snapshot(m.id);
    const res = await uploadFile(c, m.slug, 'uslugi.csv', csvOf(records, csvColumns(csv)));
    assert.equal(res.statusCode, 422);
    assertIncludes(res.body, 'Nic nie zapisano: plik zawiera 3 błędy');
    assert.deepEqual(errorRows(res.body), [
      ['4', 'area', 'kosmos', 'Nieprawidłowa wartość.'],
      ['6', 'fee_amount', '(puste)', 'Przy stałej opłacie podaj kwotę.'],
      ['22', 'provider', 'Nieistniejący realizator', 'W katalogu gminy nie ma realizatora o tej nazwie.'],
    ]);
    assert.equal(await snapshot(m.id), before, 'not even the valid change of row 2 was saved');
    assert.equal(await historyCount(m.id), 0);
  });

  test('a row edited on an old version is refused as changed in the meantime', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const csv = await exportCsv(c, m.slug);
    const records = csvRecords(csv);
    const row = records.find((r) => r.name === 'Opieka wytchnieniowa')!;
    await ownerQuery(h, "UPDATE services SET version = 2, summary = 'Zmiana kogoś innego' WHERE id = $1", [row.id]);
    row.summary = 'Moja zmiana';
    const before = await snapshot(m.id);
    const res = await uploadFile(c, m.slug, 'uslugi.csv', csvOf(records, csvColumns(csv)));
    assert.equal(res.statusCode, 422);
    const rows = errorRows(res.body);
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]!.slice(0, 3), [String(records.indexOf(row) + 2), 'version', '1']);
    assert.match(rows[0]![3]!, /zmieniona w międzyczasie \(teraz ma wersję 2\)/);
    assert.equal(await snapshot(m.id), before);
  });

  test("another municipality's service id in the file is a row error, never an update of that service", async () => {
    const m = await seededMunicipality(h);
    const other = await seededMunicipality(h, 'Gmina Sąsiednia');
    const foreign = await idByName(h, 'services', other, 'Asystent rodziny');
    const c = await staffClient(h, m);
    const csv = await exportCsv(c, m.slug);
    const records = csvRecords(csv);
    const row = records.find((r) => r.name === 'Asystent rodziny')!;
    row.id = foreign;
    row.name = 'Przejęta usługa';
    const before = await snapshot(other.id);
    const res = await uploadFile(c, m.slug, 'uslugi.csv', csvOf(records, csvColumns(csv)));
    assert.equal(res.statusCode, 422);
    assert.deepEqual(errorRows(res.body), [[String(records.indexOf(row) + 2), 'id', foreign, 'W katalogu tej gminy nie ma usługi o tym identyfikatorze.']]);
    assert.equal(await snapshot(other.id), before);
    assert.equal(await historyCount(other.id), 0);
  });
});
