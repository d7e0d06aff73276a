import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { seedOrganisationFixtures } from '../../src/modules/organisations';
import { checkA11y, checkA11yOfHtml, clickAndWait, focusedId, logInPage, resultsPath, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';

const h1 = (page: Page) => page.locator('h1').innerText();
const resultNames = (page: Page) => page.locator('li.result h3 a').allInnerTexts();
const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

describeInBrowser('browser: the registry of organisations', (h) => {
  let m: MunicipalityRow;
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Miasto Organizacji');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedOrganisationFixtures(sql, m.id));
  });

  test('the directory and a profile without JavaScript: search, filter, open; no axe violations, reflow at 320 px', async () => {
    const noJs = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext();
    const page = await noJs.newPage();
    const axePage = await a11y.newPage();
    const check = async () => {
      await axePage.goto(page.url());
      await checkA11y(axePage, `${page.url()} (${await h1(page)})`);
    };
    try {
      await page.goto(`${web.base}/${m.slug}`);
      await clickAndWait(page, page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Organizacje' }));
      assert.equal(await h1(page), 'Organizacje i grupy nieformalne');
      assert.equal((await resultNames(page)).length, 11);
      await check();
      await axePage.setViewportSize({ width: 320, height: 800 });
      assert.equal(await overflow(axePage), 0, 'the directory reflows at 320 px');
      await axePage.setViewportSize({ width: 1280, height: 900 });

      await page.getByLabel('Nazwa lub słowa').fill('kolo gospodyn');
      await page.getByLabel('Forma organizacji').selectOption({ label: 'koło gospodyń wiejskich' });
      await clickAndWait(page, page.getByRole('button', { name: 'Szukaj' }));
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'kolo gospodyn', 'a bookmarkable GET address');
      assert.equal(url.searchParams.get('kind'), 'rural_womens_circle');
      assert.deepEqual(await resultNames(page), ['Koło Gospodyń Wiejskich „Ruda”']);
      await check();

      await page.getByLabel('Nazwa lub słowa').fill('nic takiego');
      await clickAndWait(page, page.getByRole('button', { name: 'Szukaj' }));
      assert.match(await page.locator('.empty-state').innerText(), /Nie znaleźliśmy organizacji/);
      await check();

      await page.goto(`${web.base}/${m.slug}/organisations?q=dzialaj`);
      await clickAndWait(page, page.getByRole('link', { name: 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”' }));
      assert.equal(await h1(page), 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”');
      assert.match(await page.locator('main').innerText(), /Organizacje członkowskie/);
      await check();
      await axePage.screenshot({ path: resultsPath(`organisations-profile-${h.engine}.png`), fullPage: true });
      await axePage.setViewportSize({ width: 320, height: 800 });
      assert.equal(await overflow(axePage), 0, 'the profile (long addresses and links) reflows at 320 px');
    } finally {
      await noJs.close();
      await a11y.close();
    }
  });

  test('registering by keyboard: every field in order, errors summarised and linked, then the staff queue and review', async () => {
    const registrant = await makeUser(h.db, {});
    const organiser = await makeUser(h.db, { municipality: m, roles: ['community_organiser'], totp: true });
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const axePage = await a11y.newPage();
    const check = async () => checkA11yOfHtml(axePage, page.url(), await page.content(), { label: `${page.url()} (${await h1(page)})` });
    try {
      await logInPage(page, web.base, registrant, `/${m.slug}/organisations/register`);
      assert.equal(await h1(page), 'Zarejestruj organizację lub grupę nieformalną');
      await check();

      // From the first field to the button by Tab alone: every control once, in the order read.
      await page.getByLabel(/^Pełna nazwa/).focus();
      await page.keyboard.type('Stowarzyszenie „Tkaczki z Osady”');
      const visited: string[] = [];
      for (let i = 0; i < 80 && !visited.includes('button'); i++) {
        await page.keyboard.press('Tab');
        const id = await focusedId(page);
        visited.push(id);
        if (id === 'f-kind') await page.keyboard.press('s');
        if (id === 'f-krs') await page.keyboard.type('0000123456');
        if (id === 'f-nip') await page.keyboard.type('123-456-32-19');
        if (id === 'f-spheres-culture_heritage' || id === 'f-spheres-seniors') await page.keyboard.press('Space');
        if (id === 'f-email') await page.keyboard.type('biuro@tkaczki.example');
      }
      const order = ['f-kind', 'f-leader_name', 'f-krs', 'f-nip', 'f-regon', 'f-spheres-social_assistance', 'f-spheres-support_for_ngos', 'f-description',
        'f-founded_year', 'f-members_count', 'f-volunteers_count', 'f-street', 'f-postal_code', 'f-city', 'f-email', 'f-phone', 'f-website', 'f-social_links',
        'f-published_contacts-email', 'f-published_contacts-address', 'button'];
      const positions = order.map((id) => visited.indexOf(id));
      assert.ok(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!)), `focus order: ${visited.join(' ')}`);
      assert.equal(visited.filter((id) => id.startsWith('f-spheres-')).length, 37, 'each sphere is reachable');
      assert.equal(await page.getByLabel(/^Forma organizacji/).inputValue(), 'association');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);

      const summary = page.locator('#error-summary');
      assert.match(await summary.innerText(), /Formularz zawiera 1 błąd/);
      assert.match(await summary.innerText(), /NIP: Ten NIP ma błędną cyfrę kontrolną/);
      assert.equal(await page.getByLabel(/^NIP/).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel(/^Pełna nazwa/).inputValue(), 'Stowarzyszenie „Tkaczki z Osady”', 'nothing typed is lost');
      assert.ok(await page.getByLabel('Kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego').isChecked());
      await check();
      await axePage.screenshot({ path: resultsPath(`organisations-register-error-${h.engine}.png`), fullPage: true });
      await summary.getByRole('link', { name: /^NIP:/ }).focus();
      await page.keyboard.press('Enter');
      assert.equal(await focusedId(page), 'f-nip');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('123-456-32-18');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(await h1(page), 'Moje organizacje');
      assert.match(await page.locator('.flash').innerText(), /Zgłoszenie wysłane/);
      await check();

      // The organiser's queue and the review of the registration.
      const staffContext = await web.browser.newContext({ javaScriptEnabled: false });
      const staffPage = await staffContext.newPage();
      try {
        await logInPage(staffPage, web.base, organiser, `/${m.slug}/organisations/queue`);
        assert.equal(await h1(staffPage), 'Weryfikacja organizacji');
        await checkA11yOfHtml(axePage, staffPage.url(), await staffPage.content(), { label: 'queue' });
        await clickAndWait(staffPage, staffPage.getByRole('link', { name: 'Stowarzyszenie „Tkaczki z Osady”' }));
        assert.equal(await h1(staffPage), 'Zgłoszenie: Stowarzyszenie „Tkaczki z Osady”');
        // Rejecting goes through its confirmation page, which holds the reason; without one it asks for it.
        await clickAndWait(staffPage, staffPage.getByRole('link', { name: 'Odrzuć zgłoszenie z podaniem powodu…' }));
        assert.equal(await h1(staffPage), 'Odrzucić zgłoszenie: Stowarzyszenie „Tkaczki z Osady”?');
        await checkA11yOfHtml(axePage, staffPage.url(), await staffPage.content(), { label: 'reject: confirmation' });
        await clickAndWait(staffPage, staffPage.getByRole('button', { name: 'Tak, odrzuć zgłoszenie' }));
        assert.match(await staffPage.locator('#error-summary').innerText(), /Napisz, co trzeba poprawić/);
        await checkA11yOfHtml(axePage, staffPage.url(), await staffPage.content(), { status: 422, label: 'reject: confirmation with an error' });
        await clickAndWait(staffPage, staffPage.getByRole('link', { name: 'Nie, wróć do zgłoszenia' }).last());
        await clickAndWait(staffPage, staffPage.getByRole('button', { name: 'Zweryfikuj organizację' }));
        assert.match(await staffPage.locator('.flash').innerText(), /Zweryfikowano organizację/);
      } finally {
        await staffContext.close();
      }
    } finally {
      await context.close();
      await a11y.close();
    }
  });
});
