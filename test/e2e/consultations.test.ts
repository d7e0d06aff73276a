import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import { seedConsultationFixtures } from '../../src/modules/consultations';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11y, clickAndWait, logInPage, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser, type TestUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { logIn } from '../support/session';
import { assertIncludes } from '../support/assertions';
import { consultationWithText, setPhase } from '../modules/consultations-helpers';

const h1 = (page: Page) => page.locator('h1').innerText();

describeInBrowser('browser: public consultations', (h) => {
  let m: MunicipalityRow;
  let resident: TestUser;
  let openId = '';
  let demoId = '';
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Miasto Konsultacji');
    resident = await makeUser(h.db, { municipality: m, roles: ['resident'] });
    const director = await makeUser(h.db, { municipality: m, roles: ['director'] });
    // The demo consultation consults the catalogue's draft programme: the catalogue first.
    demoId = await h.db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
      await seedCatalogFixtures(sql, m.id);
      return seedConsultationFixtures(sql, m.id, { director: director.id });
    });
    openId = (await consultationWithText(h, m, await logIn(h, director))).id;
    await setPhase(h, m, openId, 'open');
  });

  test('the consultation page, a comment by keyboard without JavaScript, selecting words fills the quote, the report; no axe violations', async () => {
    const noJs = await web.browser.newContext({ javaScriptEnabled: false });
    const withJs = await web.browser.newContext();
    const page = await noJs.newPage();
    const axePage = await withJs.newPage();
    try {
      const consultation = `/${m.slug}/consultations/${openId}`;
      await logInPage(page, web.base, resident, consultation);
      assert.equal(await h1(page), 'Projekt programu współpracy z organizacjami na 2027 rok');
      await axePage.goto(`${web.base}${consultation}`);
      await checkA11y(axePage, 'consultation');

      // Keyboard only: the part's link, Enter; the remark typed; the submit button, Enter.
      await page.getByRole('link', { name: 'Zgłoś uwagę do: § 2' }).focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(await h1(page), 'Zgłoś uwagę do: § 2');
      await page.getByLabel(/^Treść uwagi/).focus();
      await page.keyboard.type('Proszę dopisać zasadę <b>otwartości</b>.');
      await page.getByRole('button', { name: 'Wyślij uwagę' }).focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      const text = await page.locator('main').innerText();
      assertIncludes(text, 'Dziękujemy — uwaga została zgłoszona.');
      assertIncludes(text, 'Proszę dopisać zasadę <b>otwartości</b>.', 'markup shown as text');

      // With JavaScript: selecting words of the part fills the quoted passage (mouse, touch or keyboard selection alike).
      await axePage.context().addCookies(await noJs.cookies());
      await axePage.goto(page.url());
      await checkA11y(axePage, 'part and comment form');
      await axePage.evaluate(() => {
        const source = document.querySelector('[data-quote-source]')!.firstChild!;
        const range = document.createRange();
        range.setStart(source, 0);
        range.setEnd(source, 'Współpraca odbywa się'.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
      });
      await axePage.waitForFunction(() => (document.getElementById('f-quote') as HTMLTextAreaElement).value === 'Współpraca odbywa się');

      await page.goto(`${web.base}/${m.slug}/consultations/${demoId}`);
      await clickAndWait(page, page.getByRole('link', { name: 'Raport z konsultacji (strona)' }));
      assert.equal(await h1(page), 'Raport z konsultacji: Projekt Programu usług społecznych Miasta Żyrardowa na lata 2027–2030');
      const report = await page.locator('main').innerText();
      for (const s of ['anonimowo', 'uwzględniona częściowo', 'Uwaga ukryta przez moderatora. Powód: reklama']) assertIncludes(report, s);
      await axePage.goto(page.url());
      await checkA11y(axePage, 'report');
      await clickAndWait(page, page.getByRole('link', { name: 'Projekt Programu usług społecznych Miasta Żyrardowa na lata 2027–2030' }));
      await clickAndWait(page, page.getByRole('link', { name: 'Tekst po konsultacjach i zmiany względem projektu' }));
      assert.ok((await page.locator('ins').count()) >= 2, 'the changes as a word diff');
      await axePage.goto(page.url());
      await checkA11y(axePage, 'changes');
    } finally {
      await noJs.close();
      await withJs.close();
    }
  });
});
