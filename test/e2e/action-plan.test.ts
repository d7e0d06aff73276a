import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedActionPlanFixtures } from '../../src/modules/action-plan';
import { seedOrganisationFixtures } from '../../src/modules/organisations';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11y, checkA11yOfHtml, clickAndWait, logInPage, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';

const h1 = (page: Page) => page.locator('h1').innerText();
const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

describeInBrowser('browser: the community action plan', (h) => {
  let m: MunicipalityRow;
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Miasto Planów');
    await h.db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
      await seedOrganisationFixtures(sql, m.id);
      await seedActionPlanFixtures(sql, m.id);
    });
  });

  test('a resident without JavaScript: the list, the adopted plan with overdue actions in words, the printable page; no axe violations', async () => {
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
      await clickAndWait(page, page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Plany działań' }));
      assert.equal(await h1(page), 'Plany organizowania społeczności lokalnej');
      assert.doesNotMatch(await page.locator('main').innerText(), /Ruda/, 'the draft is not listed');
      await check();
      await clickAndWait(page, page.getByRole('link', { name: /Osada Fabryczna/ }));
      assert.match(await h1(page), /^Plan organizowania społeczności lokalnej — Osada Fabryczna/);
      const overdue = page.locator('tr.plan-overdue');
      assert.equal(await overdue.count(), 1);
      assert.match(await overdue.innerText(), /Po terminie/);
      assert.match(await page.locator('main').innerText(), /Zrealizowano 1 z 3 działań/);
      await check();
      await axePage.setViewportSize({ width: 320, height: 800 });
      assert.equal(await overflow(axePage), 0, 'the plan reflows at 320 px (the tables scroll in their own box)');
      await axePage.setViewportSize({ width: 1280, height: 900 });
      await clickAndWait(page, page.getByRole('link', { name: 'Wersja do druku' }));
      assert.match(await page.locator('main').innerText(), /Właściciel kamienicy nie zgodził się na mural/);
      await check();
    } finally {
      await noJs.close();
      await a11y.close();
    }
  });

  test('an organiser by keyboard: errors summarised on the new plan form, goals moved with buttons; no axe violations', async () => {
    const organiser = await makeUser(h.db, { municipality: m, roles: ['community_organiser'] });
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const axePage = await a11y.newPage();
    const check = async (status = 200) => checkA11yOfHtml(axePage, page.url(), await page.content(), { status, label: `${page.url()} (${await h1(page)})` });
    try {
      await logInPage(page, web.base, organiser, `/${m.slug}/action-plans/new`);
      assert.equal(await h1(page), 'Nowy plan działań');
      await check();

      await page.getByLabel(/^Obszar lub społeczność/).fill('Osiedle Ruda');
      await page.getByLabel(/^Okres od/).fill('2027-06-01');
      await page.getByLabel(/^Okres do/).fill('2027-01-31');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByLabel(/^Okres do/).press('Enter')]);
      const summary = page.locator('#error-summary');
      assert.match(await summary.innerText(), /Tytuł planu: To pole jest wymagane/);
      assert.match(await summary.innerText(), /Okres do: Koniec okresu nie może być wcześniejszy niż jego początek/);
      assert.equal(await page.getByLabel(/^Obszar lub społeczność/).inputValue(), 'Osiedle Ruda', 'nothing typed is lost');
      await check(422);

      await page.goto(`${web.base}/${m.slug}/action-plans`);
      await clickAndWait(page, page.getByRole('link', { name: /^Zarządzaj planem: .*Osada Fabryczna/ }));
      const headings = () => page.locator('.plan-manage > li > h3').allInnerTexts();
      const before = await headings();
      const move = page.getByRole('button', { name: new RegExp(`^Przenieś wyżej\\s*:\\s*${before[1]!.replace(/^Cel 2\. /, '')}$`) });
      await move.focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      const after = await headings();
      assert.deepEqual(after.map((t) => t.replace(/^Cel \d\. /, '')), [before[1], before[0], before[2]].map((t) => t!.replace(/^Cel \d\. /, '')));
      assert.match(await page.locator('.flash').innerText(), /Zmieniono kolejność celów/);
      await check();
    } finally {
      await context.close();
      await a11y.close();
    }
  });
});
