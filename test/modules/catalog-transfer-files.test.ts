import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { idByName, ownerQuery, seededMunicipality, staffClient } from './catalog-admin-helpers';
import { csvColumns, csvRecords, errorRows, fileError, uploadFile, zipBomb } from './catalog-transfer-helpers';
import { assertIncludes } from '../support/assertions';

describeEachEngine('catalogue import and export: XLSX, broken files, access', (h) => {
  const serviceCount = async (municipalityId: string) =>
    (await ownerQuery<{ n: number }>(h, 'SELECT count(*)::int AS n FROM services WHERE municipality_id = $1', [municipalityId]))[0]!.n;

  test('the XLSX export: sheet "Usługi" with a bold frozen header and one row per service, sheet "Słowniki" with the codes', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const res = await c.get(`/${m.slug}/catalog/export.xlsx`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((w) => w.name), ['Usługi', 'Słowniki']);
    const sheet = book.getWorksheet('Usługi')!;
    assert.equal(sheet.getCell('A1').value, 'id');
    assert.equal(sheet.getCell('B1').font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal(sheet.rowCount, 21);
    assert.ok((sheet.getColumn(2).width ?? 0) >= 30, 'the name column is wide');
    const codes = book.getWorksheet('Słowniki')!;
    const rows = codes.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).join('|'));
    assertIncludes(rows, 'Obszar (area)|social_assistance|Pomoc społeczna');
    assertIncludes(rows, 'Grupy (target_groups)|seniors|seniorzy');
    assertIncludes(rows, 'Odpłatność (fee_kind)|income_dependent|Zależna od dochodu');
    assertIncludes(rows, 'Status (status)|suspended|zawieszona');

    // The exported workbook imports back unchanged.
    const back = await uploadFile(c, m.slug, 'uslugi.xlsx', res.rawPayload);
    assert.equal(back.statusCode, 200, back.body.slice(0, 3000));
    assertIncludes(back.body, 'Zaimportowano: 0 nowych, 0 zmienionych, 20 bez zmian.');
  });

  test('an XLSX built in a spreadsheet (numbers as numbers, a hyperlink e-mail) imports: changed rows saved, the rest unchanged', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const csv = (await c.get(`/${m.slug}/catalog/export.csv`)).body;
    const columns = csvColumns(csv);
    const records = csvRecords(csv).map((r): Record<string, string> => ({ ...r, contact_phone: r.contact_phone!.replace(/^'/, '') }));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Arkusz1');
    sheet.addRow(columns);
    for (const r of records) {
      const cells: ExcelJS.CellValue[] = columns.map((col) => (['capacity', 'version', 'min_age', 'max_age', 'residence'].includes(col) && r[col] ? Number(r[col]) : r[col]!));
      cells[columns.indexOf('contact_email')] = r.contact_email ? { text: r.contact_email, hyperlink: `mailto:${r.contact_email}` } : '';
      if (r.name === 'Klub Seniora „Lniane Serca”') cells[columns.indexOf('capacity')] = 75;
      sheet.addRow(cells);
    }
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const res = await uploadFile(c, m.slug, 'z-arkusza.xlsx', data);
    assert.equal(res.statusCode, 200, res.body.slice(0, 3000));
    assertIncludes(res.body, 'Zaimportowano: 0 nowych, 1 zmienioną, 19 bez zmian.');
    const klub = await idByName(h, 'services', m, 'Klub Seniora „Lniane Serca”');
    const [row] = await ownerQuery<{ capacity: number; version: number }>(h, 'SELECT capacity, version FROM services WHERE id = $1', [klub]);
    assert.deepEqual(row, { capacity: 75, version: 2 });
  });

  test('a semicolon-separated CSV (Polish Excel) is read; every problem of a row is listed, and a service twice in the file', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const csv = (await c.get(`/${m.slug}/catalog/export.csv`)).body;
    const columns = csvColumns(csv);
    const records = csvRecords(csv);
    Object.assign(records[0]!, { area: 'kosmos', contact_email: 'nie-email', locations: 'Siedziba CUS | Piwnica', residence: 'może', min_age: '70', max_age: '18' });
    records.push({ ...records[1]! });
    const semicolons = '\uFEFF' + stringify(records, { header: true, columns, delimiter: ';' });
    const res = await uploadFile(c, m.slug, 'uslugi.csv', semicolons);
    assert.equal(res.statusCode, 422);
    assert.deepEqual(errorRows(res.body).map((r) => r.slice(0, 2).join(' ')), [
      '2 area', '2 max_age', '2 residence', '2 contact_email', '2 locations', '22 id',
    ]);
    assert.match(errorRows(res.body)[4]![3]!, /nie ma miejsca o nazwie „Piwnica”/);
    assert.match(errorRows(res.body)[5]![3]!, /więcej niż raz \(także w wierszu 3\)/);
  });

  test('files that cannot be read are a form error (422) and save nothing', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const header = (await c.get(`/${m.slug}/catalog/export.csv`)).body.split('\n')[0]!;
    const cases: [string, string | Buffer, RegExp][] = [
      ['pusty.csv', '', /Plik jest pusty/],
      ['dokument.pdf', '%PDF-1.7 ...', /To nie jest plik CSV ani XLSX/],
      ['zepsuty.xlsx', 'to nie jest arkusz', /Nie da się odczytać pliku XLSX/],
      ['cudzyslow.csv', `${header}\n,"Niezamknięty cudzysłów,opis`, /uszkodzony w okolicy wiersza/],
      ['kolumny.csv', 'id,name\n,Usługa', /brakuje kolumn: summary, description/],
      ['naglowek.csv', `${header}\n`, /nie zawiera żadnej usługi/],
      ['win1250.csv', Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0xb3, 0xf3, 0x6b, 0x61])]), /nie jest zapisany w kodowaniu UTF-8/],
    ];
    for (const [name, data, message] of cases) {
      const res = await uploadFile(c, m.slug, name, data);
      assert.equal(res.statusCode, 422, name);
      assert.match(fileError(res.body), message, name);
      assertIncludes(res.body, 'href="#f-file"', `${name}: the error summary links to the file field`);
    }
    const none = await uploadFile(c, m.slug, '', '');
    assert.equal(none.statusCode, 422);
    assert.match(fileError(none.body), /Wybierz plik CSV lub XLSX/);
    assert.equal(await serviceCount(m.id), 20);
  });

  test('review 1 #11: an XLSX zip bomb (80 KB declaring 1 000 bytes, 80 MB inside) is refused with a field error before exceljs reads it', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const bomb = zipBomb(80);
    assert.ok(bomb.length < 100 * 1024, `small on disk (${bomb.length} bytes)`);
    const res = await uploadFile(c, m.slug, 'uslugi.xlsx', bomb);
    assert.equal(res.statusCode, 422);
    assert.equal(fileError(res.body), 'Plik XLSX po rozpakowaniu jest za duży (najwyżej 60 MB danych). Usuń zbędne arkusze, obrazy i formatowanie albo zapisz usługi jako „CSV UTF-8”.');
    assertIncludes(res.body, 'href="#f-file"', 'the error summary links to the file field');
    assert.equal(await serviceCount(m.id), 20);
  });

  test('review 1 #12: one person imports at most 10 files a minute (then 429)', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    for (let i = 0; i < 10; i++) assert.equal((await uploadFile(c, m.slug, 'pusty.csv', '')).statusCode, 422, `import ${i + 1}`);
    assert.equal((await uploadFile(c, m.slug, 'pusty.csv', '')).statusCode, 429);
  });

  test('an upload over 5 MB is refused with 413; a post without the CSRF token with 403', async () => {
    const m = await seededMunicipality(h);
    const c = await staffClient(h, m);
    const big = await uploadFile(c, m.slug, 'duzy.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 0x61));
    assert.equal(big.statusCode, 413);
    const noCsrf = await uploadFile(c, m.slug, 'uslugi.csv', 'id,name\n', { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
  });

  test('only staff with catalog.manage: a resident gets 403, an anonymous visitor is sent to log in', async () => {
    const m = await seededMunicipality(h);
    const resident = await staffClient(h, m, ['resident']);
    for (const path of ['import', 'export.csv', 'export.xlsx']) assert.equal((await resident.get(`/${m.slug}/catalog/${path}`)).statusCode, 403, path);
    await resident.get(`/${m.slug}/services`);
    const post = await uploadFile(resident, m.slug, 'uslugi.csv', 'id,name\n');
    assert.equal(post.statusCode, 403);
    const coordinator = await staffClient(h, m);
    const page = await coordinator.get(`/${m.slug}/catalog`);
    assertIncludes(page.body, `href="/${m.slug}/catalog/import"`, 'the staff catalogue links to import and export');
    const anonymous = await h.app.inject({ method: 'GET', url: `/${m.slug}/catalog/export.csv` });
    assert.equal(anonymous.statusCode, 303);
  });
});
