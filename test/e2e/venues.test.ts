import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedOrganisationFixtures } from '../../src/modules/organisations';
import { seedVenueFixtures } from '../../src/modules/venues';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11y, checkA11yOfHtml, clickAndWait, focusedId, logInPage, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser, type TestUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { logIn as logInClient } from '../support/session';
import { nextWeekday } from '../modules/venues-helpers';
import { assertExcludes, assertIncludes } from '../support/assertions';

const h1 = (page: Page) => page.locator('h1').innerText();

describeInBrowser('browser: the Local Activity Place', (h) => {
  let m: MunicipalityRow;
  let representative: TestUser;
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Miasto Sal');
    representative = await makeUser(h.db, { municipality: m, roles: ['ngo_member'] });
    const organiser = await makeUser(h.db, { municipality: m, roles: ['community_organiser'] });
    await h.db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
      await seedOrganisationFixtures(sql, m.id, { representative: representative.id });
      await seedVenueFixtures(sql, m.id, { representative: representative.id, organiser: organiser.id });
    });
  });

  test('rooms and a week calendar without JavaScript, by keyboard; no axe violations', async () => {
    const noJs = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext();
    const page = await noJs.newPage();
    const axePage = await a11y.newPage();
    try {
      await page.goto(`${web.base}/${m.slug}`);
      await clickAndWait(page, page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Sale MAL' }));
      assert.equal(await h1(page), 'Miejsce Aktywności Lokalnej — sale');
      await axePage.goto(page.url());
      await checkA11y(axePage, 'venues');
      await clickAndWait(page, page.getByRole('link', { name: 'Kalendarz sali: Sala 2' }));
      assert.equal(await h1(page), 'Kalendarz: Sala 2 (Miejsce Aktywności Lokalnej — Osada Fabryczna)');
      const table = page.getByRole('table');
      assert.equal(await table.locator('thead th[scope="col"]').count(), 7);
      assert.ok((await table.locator('tbody th[scope="row"]').count()) >= 12);
      await axePage.goto(page.url());
      await checkA11y(axePage, 'calendar');
      // Keyboard: the next week's link, then Enter.
      await page.getByRole('link', { name: 'Poprzedni tydzień' }).focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate('document.activeElement.textContent'), 'Następny tydzień');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.match(new URL(page.url()).search, /^\?week=\d{4}-\d{2}-\d{2}$/);
      assertIncludes((await page.locator('tbody').innerText()), 'zajęte', 'the federation’s weekly duty, shown only as taken');
      assertExcludes((await page.content()), 'Dyżur federacji');
      await axePage.goto(page.url());
      await checkA11y(axePage, 'next week');
    } finally {
      await noJs.close();
      await a11y.close();
    }
  });

  test('asking for a room without JavaScript: errors summarised and linked, then "Moje rezerwacje"; staff pages pass axe', async () => {
    const resident = await makeUser(h.db, { municipality: m, roles: ['resident'] });
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const axePage = await a11y.newPage();
    const check = async (status = 200) => checkA11yOfHtml(axePage, page.url(), await page.content(), { status, label: `${page.url()} (${await h1(page)})` });
    try {
      const [room] = await h.db.ownerTx((sql) => sql.query<{ id: string }>("SELECT id FROM venue_rooms WHERE municipality_id = $1 AND name = 'Pracownia rękodzieła'", [m.id]));
      const path = `/${m.slug}/venues/rooms/${room!.id}/book`;
      await logInPage(page, web.base, resident, path);
      assert.equal(await h1(page), 'Rezerwacja: Miejsce Aktywności Lokalnej — Osada Fabryczna — Pracownia rękodzieła');
      await check();
      await page.getByLabel(/^Cel spotkania/).fill('Spotkanie sąsiadów z Osady');
      await page.getByLabel(/^Liczba osób/).fill('20');
      await page.getByLabel(/^Dzień/).fill(nextWeekday(3, 2));
      await page.getByLabel(/^Od godziny/).fill('18:00');
      await page.getByLabel(/^Do godziny/).fill('19:30');
      await clickAndWait(page, page.getByRole('button', { name: 'Poproś o rezerwację' }));
      assert.match(await page.locator('#error-summary').innerText(), /Liczba osób: Za dużo osób: liczba miejsc w tej sali to 12/);
      await check(422);
      await page.locator('#error-summary a').first().focus();
      await page.keyboard.press('Enter');
      assert.equal(await focusedId(page), 'f-people');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('10');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(await h1(page), 'Moje rezerwacje sal');
      assertIncludes((await page.locator('tbody').innerText()), 'czeka na decyzję');
      await check();
      // Cancelling is a link to the confirmation page, which says what will happen; "Nie" changes nothing.
      await clickAndWait(page, page.getByRole('link', { name: /^Anuluj termin: Spotkanie sąsiadów z Osady/ }));
      assert.equal(await h1(page), 'Anulować rezerwację?');
      assertIncludes(await page.locator('main').innerText(), 'Anulujemy 1 termin, który się jeszcze nie zaczął');
      await check();
      await clickAndWait(page, page.getByRole('link', { name: 'Nie, zostaw rezerwację' }).last());
      assert.equal(await h1(page), 'Moje rezerwacje sal');

      const staff = await makeUser(h.db, { municipality: m, roles: ['community_organiser'], totp: true });
      const c = await logInClient(h, staff);
      const [booking] = await h.db.ownerTx((sql) => sql.query<{ id: string }>("SELECT id FROM room_bookings WHERE municipality_id = $1 AND title = 'Spotkanie sąsiadów z Osady'", [m.id]));
      const [venue] = await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM venues WHERE municipality_id = $1', [m.id]));
      for (const staffPath of ['queue', `bookings/${booking!.id}`, 'manage', 'new', `${venue!.id}/edit`, `${venue!.id}/rooms/new`, `rooms/${room!.id}/edit`, `rooms/${room!.id}`, `bookings/${booking!.id}/decline`, `${venue!.id}/delete`, `rooms/${room!.id}/delete`]) {
        const res = await c.get(`/${m.slug}/venues/${staffPath}`);
        assert.equal(res.statusCode, 200, staffPath);
        await checkA11yOfHtml(axePage, `${web.base}/${m.slug}/venues/${staffPath}`, res.body, { label: staffPath });
      }
      const declined = await c.post(`/${m.slug}/venues/bookings/${booking!.id}/decline`, { reason: '', confirmed: 'yes' });
      assert.equal(declined.statusCode, 422);
      await checkA11yOfHtml(axePage, `${web.base}/${m.slug}/venues/bookings/${booking!.id}/decline`, declined.body, { status: 422, label: 'decline without a reason' });
    } finally {
      await context.close();
      await a11y.close();
    }
  });
});
