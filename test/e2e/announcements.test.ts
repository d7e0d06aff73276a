import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedAnnouncementFixtures } from '../../src/modules/announcements';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11y, clickAndWait, logInPage, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser, type TestUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { assertExcludes, assertIncludes } from '../support/assertions';

const h1 = (page: Page) => page.locator('h1').innerText();

// The pages have no scripts of their own; axe needs JavaScript in the page it checks, so the contexts keep it on.
describeInBrowser('browser: announcements', (h) => {
  let m: MunicipalityRow;
  let organiser: TestUser;
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Miasto Ogłoszeń');
    organiser = await makeUser(h.db, { municipality: m, roles: ['community_organiser'], totp: true });
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedAnnouncementFixtures(sql, m.id, { organiser: organiser.id }));
  });

  test('the board and one announcement by keyboard; no axe violations', { timeout: 90_000 }, async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${web.base}/${m.slug}`);
      await clickAndWait(page, page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Ogłoszenia', exact: true }));
      assert.equal(await h1(page), 'Ogłoszenia i aktualności');
      const board = await page.locator('main').innerText();
      assertIncludes(board, 'Klub Seniora „Pod Kasztanami” otwiera się w Resursie');
      assertExcludes(board, 'Obwieszczenie o zmianie godzin pracy', 'scheduled for tomorrow');
      assertExcludes(board, 'klubu młodzieżowego', 'a draft');
      await checkA11y(page, 'board');
      // Keyboard: to the announcement's link, then Enter.
      await page.getByRole('link', { name: 'Szukamy wolontariuszy do „Paczki sąsiedzkiej”' }).focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(await h1(page), 'Szukamy wolontariuszy do „Paczki sąsiedzkiej”');
      const text = await page.locator('main').innerText();
      assertIncludes(text, 'Korekta: Przedłużenie terminu zgłoszeń do 14 lutego.');
      assertIncludes(text, 'Informację wytworzył');
      assert.equal(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').count(), 2, 'the municipality’s feed and the category’s');
      await checkA11y(page, 'announcement');
    } finally {
      await context.close();
    }
  });

  test('staff write, fix and publish an announcement by keyboard; the editor passes axe', { timeout: 90_000 }, async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    try {
      await logInPage(page, web.base, organiser, `/${m.slug}/ogloszenia/nowe`);
      assert.equal(await h1(page), 'Nowe ogłoszenie');
      await checkA11y(page, 'editor');
      await page.getByLabel(/^Tytuł/).focus();
      await page.keyboard.type('Zbiórka darów dla schroniska');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Przez cały grudzień zbieramy karmę i koce w sekretariacie CUS.');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Zobacz [listę potrzeb](javascript:alert(1)).');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Zapisz szkic' }).press('Enter')]);
      assert.equal(await page.locator('#error-summary a[href="#f-body"]').count(), 1, 'the summary links to the field');
      assert.equal(await page.getByLabel(/^Tytuł/).inputValue(), 'Zbiórka darów dla schroniska', 'nothing typed is lost');
      assertIncludes(await page.locator('#error-summary').innerText(), 'niedozwolony link');
      await checkA11y(page, 'editor with errors');
      await page.getByLabel(/^Treść/).fill('Zobacz [listę potrzeb](https://example.org/schronisko).');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Zapisz szkic' }).press('Enter')]);
      assert.match(await h1(page), /^Edycja szkicu: Zbiórka darów dla schroniska/);
      await checkA11y(page, 'draft');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Opublikuj ogłoszenie' }).press('Enter')]);
      assert.equal(await h1(page), 'Zbiórka darów dla schroniska');
      assert.equal(await page.getByRole('link', { name: 'listę potrzeb' }).getAttribute('href'), 'https://example.org/schronisko');
    } finally {
      await context.close();
    }
  });

  test('staff add and retire a category by keyboard; the categories page passes axe with and without errors', { timeout: 90_000 }, async () => {
    // An organiser of their own: the other test's login may have spent this time step's code (no replay).
    const editor = await makeUser(h.db, { municipality: m, roles: ['community_organiser'], totp: true });
    const context = await web.browser.newContext();
    const page = await context.newPage();
    try {
      await logInPage(page, web.base, editor, `/${m.slug}/ogloszenia/kategorie`);
      assert.equal(await h1(page), 'Kategorie ogłoszeń');
      await checkA11y(page, 'categories');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Dodaj kategorię' }).press('Enter')]);
      assert.equal(await page.locator('#error-summary a[href="#f-name"]').count(), 1, 'the summary links to the field');
      await checkA11y(page, 'categories with an error');
      await page.getByLabel(/^Nazwa kategorii/).fill('Sport i rekreacja');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Dodaj kategorię' }).press('Enter')]);
      assertIncludes(await page.locator('main').innerText(), 'Dodano kategorię „Sport i rekreacja”.');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Wycofaj kategorię „Sport i rekreacja”' }).press('Enter')]);
      assertIncludes(await page.locator('main').innerText(), 'Wycofano kategorię „Sport i rekreacja”.');
      assert.equal(await page.getByRole('button', { name: 'Przywróć kategorię „Sport i rekreacja”' }).count(), 1);
      await checkA11y(page, 'categories after retiring');
    } finally {
      await context.close();
    }
  });
});
