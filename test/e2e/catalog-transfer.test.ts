import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import { checkA11y, checkA11yOfHtml, logInPage, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { csvColumns, csvOf, csvRecords } from '../modules/catalog-transfer-helpers';

const h1 = (page: Page) => page.locator('h1').innerText();

describeInBrowser('browser: catalogue import and export', (h) => {
  const web = useBrowser(h);

  test('the import page, a file with errors and its table of errors, a good file: accessible, no JavaScript needed', async () => {
    const m = await makeMunicipality(h.db, 'Miasto Importu');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
    const coordinator = await makeUser(h.db, { municipality: m, roles: ['coordinator'] });
    const context = await web.browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const a11y = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const axePage = await a11y.newPage();
    const check = async (status = 200) => checkA11yOfHtml(axePage, page.url(), await page.content(), { status, label: `${page.url()} (${await h1(page)})` });
    const submit = async () => {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Sprawdź i zaimportuj' }).click()]);
    };
    try {
      await logInPage(page, web.base, coordinator, `/${m.slug}/catalog`);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name: 'Import i eksport usług (CSV, XLSX)' }).click()]);
      assert.equal(await h1(page), 'Import i eksport usług');
      await check();
      await axePage.setViewportSize({ width: 320, height: 800 });
      await checkA11y(axePage, 'import page at 320 px');
      await axePage.setViewportSize({ width: 1280, height: 900 });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Pobierz usługi jako CSV' }).click()]);
      const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks as Buffer[]).toString('utf8'));
      const records = csvRecords(csv).slice(0, 2);
      records[0]!.area = 'kosmos';
      const broken = csvOf(records, csvColumns(csv));

      await page.getByLabel(/^Plik CSV lub XLSX/).setInputFiles({ name: 'uslugi.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
      await submit();
      const table = page.getByRole('table', { name: 'Błędy w pliku' });
      assert.match(await page.locator('#error-summary h2').innerText(), /Nic nie zapisano: plik zawiera 1 błąd/);
      assert.match(await table.innerText(), /2\s+area\s+kosmos\s+Nieprawidłowa wartość\./);
      await check(422);
      await axePage.setViewportSize({ width: 320, height: 800 });
      await checkA11y(axePage, 'error table at 320 px');
      await axePage.setViewportSize({ width: 1280, height: 900 });

      await page.getByLabel(/^Plik CSV lub XLSX/).setInputFiles({ name: 'uslugi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await submit();
      assert.equal(await h1(page), 'Import zakończony');
      assert.match(await page.getByRole('status').innerText(), /Zaimportowano: 0 nowych, 0 zmienionych, 20 bez zmian\./);
      await check();
    } finally {
      await context.close();
      await a11y.close();
    }
  });
});
