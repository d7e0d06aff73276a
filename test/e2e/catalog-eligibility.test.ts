import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11y, checkA11yOfHtml, clickAndWait, focusedId, isFocused, resultsPath, useBrowser } from '../support/browser';
import { makeMunicipality } from '../support/factories';
import { describeInBrowser } from '../support/harness';


const h1 = (page: Page) => page.locator('h1').innerText();

/** Presses Tab until the focused element matches `selector` (at most `max` times): reachable by keyboard, in order. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`${selector} is not reached by Tab within ${max} presses`);
}

/** The service names listed under the results heading that starts with `heading`. */
const listedUnder = (page: Page, heading: string) =>
  page.locator(`h2:has-text("${heading}") + p + ul.check-services h3, h2:has-text("${heading}") + ul.check-services h3, h2:has-text("${heading}") + p + details ul.check-services h3`).allInnerTexts();

const HOME_CARE = 'Usługi opiekuńcze w miejscu zamieszkania';
const TELECARE = 'Teleopieka „Bezpieczny Senior”';
const BIRTH_SCHOOL = 'Szkoła rodzenia i wsparcie po porodzie';
const FOSTER_CARE = 'Rodziny wspierające i rodzinna piecza zastępcza';
/** Open to every resident: no target group of its own beyond "all residents" that a 78-year-old shares. */
const FOR_EVERYONE = 'Poradnictwo psychologiczne i rodzinne';

describeInBrowser('browser: the eligibility check', (h) => {
  let m: MunicipalityRow;
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Miasto Przeglądarkowe');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
  });

  /**
   * Without JavaScript the person answers and submits; axe (which needs JavaScript) checks the very
   * HTML each POST returned, in a scripted twin, since a POST cannot be re-requested.
   */
  const twin = async (context: BrowserContext, a11y: BrowserContext, page: Page, label: string) => {
    await a11y.clearCookies();
    await a11y.addCookies(await context.cookies());
    const axePage = await a11y.newPage();
    try {
      await checkA11yOfHtml(axePage, page.url(), await page.content(), { label });
    } finally {
      await axePage.close();
    }
  };

  test('without JavaScript: answer, see results, print, change answers, fix an error — zero axe violations throughout', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext();
    const page = await context.newPage();
    const url = `${web.base}/${m.slug}/check`;
    const noQuery = () => assert.equal(new URL(page.url()).search, '', 'answers never in the address bar');
    try {
      await page.goto(url);
      assert.equal(await h1(page), 'Sprawdź, z czego możesz skorzystać');
      await twin(context, a11y, page, 'the questionnaire');

      await page.getByLabel('Ile masz lat?').fill('70');
      await page.getByRole('group', { name: /Czy mieszkasz w tej gminie/ }).getByLabel('Tak').check();
      await page.getByLabel(/Ile osób liczy Twoje gospodarstwo/).fill('2');
      await page.getByRole('group', { name: /dochód netto na osobę/ }).getByLabel('od 801 do 1010 zł').check();
      await page.getByRole('group', { name: /Czym się teraz zajmujesz/ }).getByLabel('Jestem na emeryturze lub rencie').check();
      await clickAndWait(page, page.getByRole('button', { name: 'Pokaż, z czego mogę skorzystać' }));
      noQuery();
      assert.equal(await h1(page), 'Z czego możesz skorzystać');
      const likely = page.locator('h2', { hasText: 'Prawdopodobnie dla Ciebie' });
      assert.match(await likely.innerText(), /Prawdopodobnie dla Ciebie: \d+ usług/);
      const club = page.locator('.check-service', { has: page.getByRole('link', { name: 'Klub Seniora „Lniane Serca”' }) }).first();
      assert.match(await club.innerText(), /masz co najmniej 60 lat/);
      assert.match(await page.locator('.check-service', { hasText: 'Posiłek dla potrzebujących' }).innerText(), /dochód na osobę do 1010 zł/);
      await twin(context, a11y, page, 'the results');

      // The unlikely ones are collapsed; the keyboard opens them (no script needed).
      const details = page.locator('details.check-details');
      assert.equal(await details.getAttribute('open'), null);
      const summary = details.locator('summary');
      await summary.focus();
      assert.equal(await isFocused(summary), true);
      await page.keyboard.press('Enter');
      assert.notEqual(await details.getAttribute('open'), null);
      assert.match(await details.innerText(), /Doradztwo zawodowe „Pierwsza praca”.*od 18 do 30 lat/s);
      await twin(context, a11y, page, 'the results, unlikely ones opened');

      await page.screenshot({ path: resultsPath(`eligibility-results-${h.engine}.png`), fullPage: true });

      await clickAndWait(page, page.getByRole('button', { name: 'Wersja do druku' }));
      noQuery();
      assert.equal(await h1(page), 'Z czego możesz skorzystać — wersja do druku');
      assert.equal(await page.locator('main details').count(), 0);
      await twin(context, a11y, page, 'the printable view');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.check-actions').isVisible(), false, 'buttons are not printed');
      assert.deepEqual(await page.locator('.site-header nav').evaluateAll((navs) => navs.filter((n) => n.checkVisibility())), [], 'the menu (wide and narrow) is not printed');
      await page.emulateMedia({ media: 'screen' });

      await clickAndWait(page, page.getByRole('button', { name: 'Zmień odpowiedzi' }));
      noQuery();
      assert.equal(await h1(page), 'Sprawdź, z czego możesz skorzystać');
      assert.equal(await page.getByLabel('Ile masz lat?').inputValue(), '70');
      assert.equal(await page.getByLabel(/Ile osób liczy Twoje gospodarstwo/).inputValue(), '2');
      assert.equal(await page.getByRole('group', { name: /Czy mieszkasz w tej gminie/ }).getByLabel('Tak').isChecked(), true);
      assert.equal(await page.getByRole('group', { name: /dochód netto na osobę/ }).getByLabel('od 801 do 1010 zł').isChecked(), true);
      await twin(context, a11y, page, 'the questionnaire with answers kept');

      // A mistake: the form comes back with an error summary, the answers kept.
      await page.getByLabel('Ile masz lat?').fill('siedemdziesiąt');
      await clickAndWait(page, page.getByRole('button', { name: 'Pokaż, z czego mogę skorzystać' }));
      noQuery();
      const errors = page.locator('#error-summary');
      assert.equal(await errors.getAttribute('role'), 'alert');
      assert.match(await errors.innerText(), /Formularz zawiera 1 błąd/);
      assert.match(await errors.innerText(), /Wiek: Wpisz wiek w pełnych latach/);
      assert.equal(await page.getByLabel('Ile masz lat?').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel('Ile masz lat?').inputValue(), 'siedemdziesiąt');
      assert.equal(await page.getByRole('group', { name: /Czym się teraz zajmujesz/ }).getByLabel('Jestem na emeryturze lub rencie').isChecked(), true);
      await twin(context, a11y, page, 'the error state');
      await errors.getByRole('link').click();
      assert.equal(await focusedId(page), 'f-age');
      await page.screenshot({ path: resultsPath(`eligibility-error-${h.engine}.png`), fullPage: true });
    } finally {
      await context.close();
      await a11y.close();
    }
  });

  test('with JavaScript too: the pages pass axe and radio groups are reachable by keyboard', async () => {
    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${web.base}/${m.slug}/check`);
      await checkA11y(page, 'the questionnaire (scripted)');
      await page.getByLabel('Ile masz lat?').focus();
      await page.keyboard.press('Tab');
      assert.equal(await focusedId(page), 'f-residence', 'tab from age reaches the residence radios');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.locator('#f-residence-no').isChecked(), true, 'arrow keys choose within the group');
      await clickAndWait(page, page.getByRole('button', { name: 'Pokaż, z czego mogę skorzystać' }));
      assert.equal(await h1(page), 'Z czego możesz skorzystać');
      await checkA11y(page, 'the results (scripted)');
      // 320 CSS px (WCAG 1.4.10 reflow): nothing scrolls sideways, on the results or the form.
      await page.setViewportSize({ width: 320, height: 800 });
      assert.equal(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'), 0, 'results at 320 px');
      await checkA11y(page, 'the results at 320 px');
      await page.goto(`${web.base}/${m.slug}/check`);
      assert.equal(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'), 0, 'form at 320 px');
      await page.screenshot({ path: resultsPath(`eligibility-form-narrow-${h.engine}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  });

  /**
   * Issue 14: the eligibility check asks about the person's situation and ranks what fits. A
   * 78-year-old living alone who needs help at home answers by keyboard only; home care and telecare
   * come first, what is open to all comes after every specific match, and a birth school or foster
   * care is never "probably for you".
   */
  test('a 78-year-old living alone who needs help at home, by keyboard only: specific matches first', async () => {
    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${web.base}/${m.slug}/check`);
      await checkA11y(page, 'the questionnaire');

      // "Co Cię teraz dotyczy?" — the first checkbox is "needing help at home"; Space ticks it.
      await tabTo(page, '#f-situations');
      assert.match(await page.locator('label[for="f-situations"]').innerText(), /pomocy w domu/);
      await page.keyboard.press('Space');
      assert.equal(await page.locator('#f-situations').isChecked(), true);

      await tabTo(page, '#f-age');
      await page.keyboard.type('78');
      // Residence: Tab enters the radio group on its first choice ("Tak"); Space chooses it.
      await tabTo(page, '#f-residence');
      await page.keyboard.press('Space');
      assert.equal(await page.locator('#f-residence').isChecked(), true);
      await tabTo(page, '#f-household_size');
      await page.keyboard.type('1');
      // Work: the arrow keys move within the group — working, unemployed, retired.
      await tabTo(page, '#f-work');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.locator('#f-work-retired').isChecked(), true);
      await tabTo(page, 'button[type=submit][value=result]');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);

      assert.equal(await page.locator('h1').innerText(), 'Z czego możesz skorzystać');
      const answers = await page.locator('dl.check-answers').innerText();
      assert.match(answers, /Potrzeba pomocy w domu/);
      assert.match(answers, /78 lat/);

      const likely = await listedUnder(page, 'Prawdopodobnie dla Ciebie');
      const maybe = await listedUnder(page, 'Do sprawdzenia');
      // Other people's services are folded: opened as a keyboard user would, Enter on the summary.
      assert.deepEqual(await listedUnder(page, 'Dla osób w innej sytuacji').then((names) => names.filter(Boolean)), [], 'folded at first');
      await page.locator('details.check-other > summary').focus();
      await page.keyboard.press('Enter');
      const other = await listedUnder(page, 'Dla osób w innej sytuacji');
      assert.ok(likely.length >= 4, `several likely services: ${likely.join(' | ')}`);
      // The situation's own services first…
      assert.deepEqual(new Set(likely.slice(0, 2)), new Set([HOME_CARE, TELECARE]), `help at home first: ${likely.join(' | ')}`);
      // …what is open to everyone after every specific match…
      assert.equal(likely.at(-1), FOR_EVERYONE, `"for everyone" last among the likely: ${likely.join(' | ')}`);
      assert.ok(likely.includes('Klub Seniora „Lniane Serca”'), 'a seniors\' club is for a 78-year-old');
      // …and a birth school or foster care never "probably for you" (nor "worth checking"): other people's services.
      for (const name of [BIRTH_SCHOOL, FOSTER_CARE]) {
        assert.ok(!likely.includes(name), `${name} is not "probably for you"`);
        assert.ok(!maybe.includes(name), `${name} is not "worth checking"`);
        assert.ok(other.includes(name), `${name} is listed for people in another situation: ${other.join(' | ')}`);
      }
      const headings = await page.locator('main h2').allInnerTexts();
      const at = (start: string) => headings.findIndex((t) => t.startsWith(start));
      assert.ok(at('Prawdopodobnie dla Ciebie') < at('Dla osób w innej sytuacji'), `other people's services come after: ${headings.join(' | ')}`);
      await checkA11y(page, 'the results');
    } finally {
      await context.close();
    }
  });
});
