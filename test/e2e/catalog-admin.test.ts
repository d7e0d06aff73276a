import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import { checkA11y, checkA11yOfHtml, clickAndWait, focusedId, logInPage, resultsPath, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';


const h1 = (page: Page) => page.locator('h1').innerText();
const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

describeInBrowser('browser: staff catalogue editing', (h) => {
  const web = useBrowser(h);

  test('the overview, a service form in error, its fix and the history: accessible, keyboard-usable, no JavaScript needed', async () => {
    const m = await makeMunicipality(h.db, 'Miasto Edycji');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
    const coordinator = await makeUser(h.db, { municipality: m, roles: ['coordinator'] });
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const axePage = await a11y.newPage();
    /**
     * axe needs JavaScript: the very HTML the person got (a form's answer cannot be re-requested) is
     * served once at the same address to a scripted twin, so the stylesheet loads as it did for them.
     */
    const check = async () => {
      await checkA11yOfHtml(axePage, page.url(), await page.content(), { label: `${page.url()} (${await h1(page)})` });
      return axePage;
    };
    try {
      await logInPage(page, web.base, coordinator, `/${m.slug}/catalog`);
      assert.equal(await h1(page), 'Katalog usług — edycja');
      assert.equal(await page.getByRole('table').count(), 4);
      await check();
      await axePage.screenshot({ path: resultsPath(`catalog-admin-${h.engine}.png`), fullPage: true });
      await axePage.setViewportSize({ width: 320, height: 800 });
      assert.equal(await overflow(axePage), 0, 'the overview reflows at 320 px');
      await checkA11y(axePage, 'overview at 320 px');
      await axePage.setViewportSize({ width: 1280, height: 900 });

      await clickAndWait(page, page.getByRole('link', { name: 'Asystent rodziny', exact: true }));
      assert.equal(await h1(page), 'Edycja usługi: Asystent rodziny');
      await check();

      // Two contradictions: an age range upside down, an income-dependent fee without its rules.
      await page.getByLabel('Wiek od (lat)').fill('70');
      await page.getByLabel('Wiek do (lat)').fill('18');
      await page.getByLabel('Zależna od dochodu').check();
      await page.getByLabel('Opis', { exact: true }).fill('<b>Asystent</b> pomaga rodzinie.');
      await clickAndWait(page, page.getByRole('button', { name: 'Zapisz' }));
      const summary = page.locator('#error-summary');
      assert.match(await summary.innerText(), /Formularz zawiera 2 błędy/);
      assert.match(await summary.innerText(), /Wiek „od” nie może być większy/);
      assert.match(await summary.innerText(), /opisz zasady odpłatności/);
      assert.equal(await page.getByLabel('Wiek od (lat)').inputValue(), '70');
      assert.equal(await page.getByLabel('Opis', { exact: true }).inputValue(), '<b>Asystent</b> pomaga rodzinie.');
      assert.equal(await page.getByLabel('Wiek do (lat)').getAttribute('aria-invalid'), 'true');
      const twin = await check();
      await twin.screenshot({ path: resultsPath(`catalog-admin-service-error-${h.engine}.png`), fullPage: true });
      // The summary's link takes keyboard focus to the field.
      await summary.getByRole('link', { name: /^Wiek do \(lat\):/ }).focus();
      await page.keyboard.press('Enter');
      assert.equal(await focusedId(page), 'f-max_age');

      await page.getByLabel('Wiek do (lat)').fill('');
      await page.getByLabel('Zasady odpłatności').fill('Według uchwały rady miasta.');
      await clickAndWait(page, page.getByRole('button', { name: 'Zapisz' }));
      assert.equal(await h1(page), 'Edycja usługi: Asystent rodziny');
      assert.match(await page.locator('.flash').innerText(), /Zapisano zmiany/);
      await check();

      await clickAndWait(page, page.getByRole('link', { name: 'Historia zmian' }));
      assert.equal(await h1(page), 'Historia zmian: Asystent rodziny');
      const changes = page.getByRole('table', { name: 'Zmiany w wersji 2' });
      assert.match(await changes.innerText(), /Rodzaj odpłatności\s+Bezpłatna\s+Zależna od dochodu/);
      assert.match(await changes.innerText(), /wiek od 70 lat/);
      await check();

      // A place in error: the week's grid of hours with an overlap and a postal code to fix.
      await page.goto(`${web.base}/${m.slug}/catalog/locations/new`);
      await page.getByLabel(/^Realizator/).selectOption({ label: 'Klub Integracji Społecznej' });
      await page.getByLabel(/^Nazwa/).fill('Punkt w Rudzie');
      await page.getByLabel(/^Ulica i numer/).fill('ul. Jaktorowska 14');
      await page.getByLabel(/^Kod pocztowy/).fill('96-3000');
      await page.getByLabel(/^Miejscowość/).fill('Żyrardów');
      const monday = page.getByRole('group', { name: 'poniedziałek' });
      await monday.getByLabel('1. przedział — od').fill('8:00');
      await monday.getByLabel('1. przedział — do').fill('14:00');
      await monday.getByLabel('2. przedział — od').fill('13:00');
      await monday.getByLabel('2. przedział — do').fill('17:00');
      await clickAndWait(page, page.getByRole('button', { name: 'Zapisz' }));
      assert.match(await page.locator('#error-summary').innerText(), /poniedziałek, 2\. przedział — od: Przedziały godzin tego dnia nachodzą na siebie/);
      assert.match(await page.locator('#error-summary').innerText(), /Kod pocztowy: Wpisz kod pocztowy/);
      await check();
    } finally {
      await context.close();
      await a11y.close();
    }
  });
});
