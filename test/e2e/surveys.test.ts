import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedSurveyFixtures } from '../../src/modules/surveys';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { assertIncludes } from '../support/assertions';
import { checkA11y, focusedId, logInPage, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser, type TestUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { logIn } from '../support/session';
import { buildSurvey, openSurvey, type Built } from '../modules/surveys-helpers';

const h1 = (page: Page) => page.locator('h1').innerText();
/** Keyboard only: focus, then Enter (a link or a submit button) and wait for the page it loads. */
async function enter(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await target.focus();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

describeInBrowser('browser: answering a survey without JavaScript at 320 px by keyboard; the builder and the analysis', (h) => {
  let m: MunicipalityRow;
  let staff: TestUser;
  let built: Built;
  let demoId = '';
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Miasto Ankiet');
    staff = await makeUser(h.db, { municipality: m, roles: ['analyst'] });
    const client = await logIn(h, staff);
    built = await buildSurvey(h, m, client, { audience: 'link', anonymous: '1' });
    await openSurvey(h, m, client, built);
    demoId = await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedSurveyFixtures(sql, m.id, 80));
  });

  test('one question per page: progress, a refused empty answer takes the focus, choices by Space, a number typed, the check and the sending; every page axe-clean', async () => {
    const noJs = await web.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const withJs = await web.browser.newContext();
    const page = await noJs.newPage();
    const axePage = await withJs.newPage();
    const checkHere = async (label: string) => {
      await withJs.clearCookies();
      await withJs.addCookies(await noJs.cookies());
      await axePage.goto(page.url());
      await checkA11y(axePage, label);
    };
    try {
      await page.goto(`${web.base}${built.base}`);
      assert.equal(await h1(page), 'Potrzeby mieszkańców osiedla Ruda');
      await checkHere('survey intro');
      await enter(page, page.getByRole('button', { name: 'Rozpocznij ankietę' }));
      assert.equal(await h1(page), 'Pytanie 1 z 4');
      await checkHere('question 1');

      await enter(page, page.getByRole('button', { name: 'Dalej' }));
      assert.equal(await focusedId(page), 'error-summary', 'the refused page opens on what to fix');
      assertIncludes(await page.locator('main').innerText(), 'To pole jest wymagane.');

      await page.getByRole('radio', { name: 'Ruda' }).focus();
      await page.keyboard.press('Space');
      await enter(page, page.getByRole('button', { name: 'Dalej' }));
      assert.equal(await h1(page), 'Pytanie 2 z 5', 'Ruda: the follow-up question joins');
      await page.getByRole('radio', { name: '4' }).focus();
      await page.keyboard.press('Space');
      await enter(page, page.getByRole('button', { name: 'Dalej' }));
      await checkHere('question 3');
      await page.getByLabel(/Ile osób mieszka z Tobą/).focus();
      await page.keyboard.type('3');
      await enter(page, page.getByRole('button', { name: 'Dalej' }));
      await page.getByRole('checkbox', { name: 'zajęć' }).focus();
      await page.keyboard.press('Space');
      await enter(page, page.getByRole('button', { name: 'Dalej' }));
      assert.equal(await h1(page), 'Pytanie 5 z 5');
      await page.getByRole('radio', { name: 'za daleko' }).focus();
      await page.keyboard.press('Space');
      await enter(page, page.getByRole('button', { name: 'Dalej' }));

      assert.equal(await h1(page), 'Sprawdź odpowiedzi i wyślij');
      const review = await page.locator('main').innerText();
      assertIncludes(review, 'Ruda');
      assertIncludes(review, 'za daleko');
      await checkHere('review');
      await enter(page, page.getByRole('button', { name: 'Wysyłam odpowiedzi' }));
      assert.equal(await h1(page), 'Dziękujemy za wypełnienie ankiety');
      await checkHere('thanks');
      const [row] = await h.db.ownerTx((sql) => sql.query<{ n: number }>("SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1 AND status = 'submitted'", [built.id]));
      assert.equal(row!.n, 1);
    } finally {
      await noJs.close();
      await withJs.close();
    }
  });

  test('the builder, a new question, the paper form and the analysis with a cross-tabulation are axe-clean', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    try {
      await logInPage(page, web.base, staff, `/${m.slug}/ankiety/zarzadzanie`);
      await checkA11y(page, 'surveys list');
      for (const path of ['pytania', 'pytania/nowe', 'papier', 'podglad', 'edycja']) {
        await page.goto(`${web.base}/${m.slug}/ankiety/${demoId}/${path}`);
        await checkA11y(page, path);
      }
      await page.goto(`${web.base}/${m.slug}/ankiety/${demoId}/analiza`);
      await page.getByLabel('Kolumny: pytanie').selectOption({ label: 'Ile masz lat?' });
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Pokaż tabelę' }).click()]);
      assertIncludes(await page.locator('#cross-caption').innerText(), 'W której części miasta mieszkasz? × Ile masz lat?');
      await checkA11y(page, 'analysis');
    } finally {
      await context.close();
    }
  });
});
