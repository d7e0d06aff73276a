import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11y, resultsPath, useBrowser } from '../support/browser';
import { makeMunicipality } from '../support/factories';
import { describeInBrowser } from '../support/harness';

const PROGRAMME = 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027';

async function follow(page: Page, name: string | RegExp, within = page.locator('main')): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), within.getByRole('link', { name, exact: typeof name === 'string' }).first().click()]);
}

describeInBrowser('public programme in the browser', (h) => {
  let m: MunicipalityRow;
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Gmina Programowa');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
  });

  test('from the navigation to the programme, its contents and a service, without JavaScript; both pages without axe violations', async () => {
    const noJs = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext();
    const page = await noJs.newPage();
    const axePage = await a11y.newPage();
    const check = async () => {
      await axePage.goto(page.url());
      await checkA11y(axePage, page.url());
    };
    try {
      await page.goto(`${web.base}/${m.slug}`);
      await follow(page, 'Programy usług społecznych', page.getByRole('navigation', { name: 'Menu główne' }));
      assert.equal(new URL(page.url()).pathname, `/${m.slug}/programme`);
      assert.equal(await page.locator('h1').innerText(), 'Programy usług społecznych');
      await check();

      await follow(page, PROGRAMME);
      assert.equal(await page.locator('h1').innerText(), PROGRAMME);
      const contents = page.getByRole('navigation', { name: 'Spis treści' });
      assert.equal(await contents.getByRole('listitem').count(), 14);
      await contents.getByRole('link', { name: 'Mieszkalnictwo' }).click();
      assert.equal(new URL(page.url()).hash, '#area-housing');
      const housing = page.getByRole('region', { name: /^Mieszkalnictwo/ });
      assert.deepEqual(await housing.getByRole('heading', { level: 3 }).allInnerTexts(), ['Mieszkanie treningowe']);
      const pdf = page.getByRole('link', { name: 'Pobierz program w formacie PDF' });
      assert.match((await pdf.getAttribute('href')) ?? '', /\/programme\/[0-9a-f-]{36}\.pdf$/);
      await page.screenshot({ path: resultsPath(`catalog-programme-${h.engine}.png`), fullPage: true });
      await check();

      await follow(page, 'Mieszkanie treningowe', housing);
      assert.equal(await page.locator('h1').innerText(), 'Mieszkanie treningowe');
    } finally {
      await noJs.close();
      await a11y.close();
    }
  });
});
