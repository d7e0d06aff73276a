import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11y, clickAndWait, focusedId, resultsPath, useBrowser } from '../support/browser';
import { makeMunicipality } from '../support/factories';
import { describeInBrowser } from '../support/harness';

const h1 = (page: Page) => page.locator('h1').innerText();
const resultNames = (page: Page) => page.locator('li.result h3 a').allInnerTexts();

describeInBrowser('public catalogue in the browser', (h) => {
  let m: MunicipalityRow;
  const serviceId = async (name: string) => {
    const [row] = await h.db.tx({ municipalityId: m.id, userId: null }, (sql) =>
      sql.query<{ id: string }>('SELECT id FROM services WHERE municipality_id = $1 AND name = $2', [m.id, name]),
    );
    return row!.id;
  };

  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Gmina Przeglądowa');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
  });

  test('searching without JavaScript: from the navigation to a service page, each page without axe violations', async () => {
    const noJs = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext();
    const page = await noJs.newPage();
    const axePage = await a11y.newPage();
    /** axe needs JavaScript: the page the person sees is re-opened in a scripted twin and checked there. */
    const check = async () => {
      await axePage.goto(page.url());
      await checkA11y(axePage, `${page.url()} (${await h1(page)})`);
    };
    try {
      await page.goto(`${web.base}/${m.slug}`);
      await clickAndWait(page, page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Usługi społeczne' }));
      assert.equal(new URL(page.url()).pathname, `/${m.slug}/services`);
      assert.equal(await h1(page), 'Usługi społeczne');
      assert.match(await page.locator('.result-count').innerText(), /^Znaleziono 20 usług\./);
      await check();

      // A search with a typo and no Polish letters, narrowed to services with a step-free entrance.
      await page.getByLabel('Czego szukasz?').fill('opiekuncze uslgi');
      await page.getByLabel('z wejściem bez schodów').check();
      await clickAndWait(page, page.getByRole('button', { name: 'Szukaj' }));
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'opiekuncze uslgi', 'a bookmarkable GET address');
      assert.equal(url.searchParams.get('step_free'), '1');
      assert.deepEqual(await resultNames(page), ['Usługi opiekuńcze w miejscu zamieszkania', 'Specjalistyczne usługi opiekuńcze dla osób z zaburzeniami psychicznymi']);
      assert.match(await page.locator('li.result .why').first().innerText(), /w nazwie: Usługi opiekuńcze; wejście bez schodów: Siedziba CUS/);
      assert.equal(await page.getByLabel('Czego szukasz?').inputValue(), 'opiekuncze uslgi');
      assert.equal(await page.getByLabel('z wejściem bez schodów').isChecked(), true);
      await check();
      await page.screenshot({ path: resultsPath(`catalog-search-${h.engine}.png`), fullPage: true });

      await clickAndWait(page, page.getByRole('link', { name: 'Usługi opiekuńcze w miejscu zamieszkania' }));
      assert.equal(await h1(page), 'Usługi opiekuńcze w miejscu zamieszkania');
      assert.equal(await page.getByRole('table', { name: 'Godziny otwarcia: Siedziba CUS' }).count(), 1);
      assert.equal(await page.getByRole('link', { name: '46 855 00 00' }).getAttribute('href'), 'tel:+48468550000');
      await check();
      await page.screenshot({ path: resultsPath(`catalog-service-${h.engine}.png`), fullPage: true });
      // Printed: no navigation, no "back" link; the content stays.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('link', { name: 'Wróć do wyszukiwarki usług' }).isVisible(), false);
      assert.deepEqual(await page.locator('.site-header nav').evaluateAll((navs) => navs.filter((n) => n.checkVisibility())), [], 'the menu (wide and narrow) is not printed');
      assert.equal(await page.getByRole('heading', { name: 'Gdzie i kiedy' }).isVisible(), true);
      await page.emulateMedia({ media: 'screen' });

      // Nothing found: the empty state, then an invalid filter (422) with its error summary.
      await page.goto(`${web.base}/${m.slug}/services?q=xyzzy+qwerty`);
      assert.match(await page.locator('.empty-state').innerText(), /Sprawdź, z czego możesz skorzystać/);
      await check();
      const bad = await page.goto(`${web.base}/${m.slug}/services?area=kosmos&q=opieka`);
      assert.equal(bad?.status(), 422);
      assert.match(await page.locator('#error-summary').innerText(), /Obszar: Wybierz wartość z listy/);
      await check();
    } finally {
      await noJs.close();
      await a11y.close();
    }
  });

  test('a suspended service and a page of results with a pager pass axe too', async () => {
    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      const id = await serviceId('Asystent rodziny');
      await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => sql.query("UPDATE services SET status = 'suspended' WHERE municipality_id = $1 AND id = $2", [m.id, id]));
      await page.goto(`${web.base}/${m.slug}/services/${id}`);
      assert.match(await page.getByRole('note').innerText(), /Status: zawieszona/);
      await checkA11y(page);
      await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => sql.query("UPDATE services SET status = 'active' WHERE municipality_id = $1 AND id = $2", [m.id, id]));

      // Rank the list by the words "pomoc" to get several reasons, then a second page with a pager.
      await page.goto(`${web.base}/${m.slug}/services?q=pomoc&free=1`);
      assert.ok((await resultNames(page)).length > 1);
      await checkA11y(page);
      await h.db.tx({ municipalityId: m.id, userId: null }, (sql) =>
        sql.query(
          `INSERT INTO services (municipality_id, provider_id, name, summary, area, target_groups)
           SELECT $1, (SELECT id FROM providers WHERE municipality_id = $1 ORDER BY name LIMIT 1), 'Warsztat rękodzieła nr ' || n, 'Zajęcia w grupie.', 'culture', '{seniors}'
           FROM generate_series(1, 5) n`,
          [m.id],
        ),
      );
      await page.goto(`${web.base}/${m.slug}/services?page=2`);
      assert.equal(await page.getByRole('navigation', { name: 'Strony wyników' }).count(), 1);
      assert.equal(await page.getByRole('link', { name: 'Strona 2' }).getAttribute('aria-current'), 'page');
      await checkA11y(page);
      // 320 CSS px wide (WCAG 1.4.10 reflow): nothing scrolls sideways.
      await page.setViewportSize({ width: 320, height: 800 });
      assert.equal(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'), 0);
    } finally {
      await context.close();
    }
  });

  test('keyboard: every filter is reachable with Tab in order, and Enter searches', async () => {
    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${web.base}/${m.slug}/services`);
      await page.getByLabel('Czego szukasz?').focus();
      const order = ['f-area', 'f-group', 'f-location', 'f-free', 'f-open_now', 'f-step_free'];
      for (const id of order) {
        await page.keyboard.press('Tab');
        assert.equal(await focusedId(page), id);
      }
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate('document.activeElement.textContent'), 'Szukaj');

      // Back to the area filter: choose with the keyboard, tick "free" with Space, search with Enter.
      await page.getByLabel('Obszar').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      assert.equal(await page.getByLabel('Obszar').inputValue(), 'reintegration');
      await page.getByLabel('bezpłatne').focus();
      await page.keyboard.press('Space');
      assert.equal(await page.getByLabel('bezpłatne').isChecked(), true);
      await page.getByLabel('Czego szukasz?').focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('area'), 'reintegration');
      assert.equal(url.searchParams.get('free'), '1');
      assert.deepEqual(await resultNames(page), ['Klub Integracji Społecznej — warsztaty i staże']);
      // Each result's link is reachable too and opens the service.
      await page.getByRole('link', { name: 'Klub Integracji Społecznej — warsztaty i staże' }).focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(await h1(page), 'Klub Integracji Społecznej — warsztaty i staże');
    } finally {
      await context.close();
    }
  });
});
