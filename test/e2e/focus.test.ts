import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { clickAndWait, focusedId, logInPage, useBrowser } from '../support/browser';
import { makeUser, type TestUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { CARE, catalogueMunicipality, serviceId } from '../modules/applications-helpers';

/**
 * Lost focus (issue 14): after a refused form the page opens with the focus on its error summary
 * (GOV.UK pattern; `autofocus`, so no script is needed), and from there the keyboard reaches the
 * field: Tab to the summary's first link, Enter, the field has the focus. Three kinds of form — the
 * log-in form, a resident's application, a staff member's catalogue form — with JavaScript and without.
 */
describeInBrowser('browser: focus after a refused form', (h) => {
  let m: MunicipalityRow;
  let care = '';
  let resident: TestUser;
  let coordinator: TestUser;
  const web = useBrowser(h, async () => {
    m = await catalogueMunicipality(h, 'Miasto Skupienia');
    care = await serviceId(h, m, CARE);
    resident = await makeUser(h.db, { municipality: m, roles: ['resident'] });
    coordinator = await makeUser(h.db, { municipality: m, roles: ['coordinator'] });
  });

  /**
   * The page was just loaded from a refused POST: the summary has the focus; Tab reaches its first
   * link, Enter follows it and the field it names gets the focus. Returns that field's id.
   */
  async function focusWalk(page: Page, label: string): Promise<string> {
    const summary = page.locator('#error-summary');
    assert.equal(await summary.count(), 1, `${label}: an error summary`);
    assert.equal(await focusedId(page), 'error-summary', `${label}: the page opens with the focus on the error summary`);
    const first = summary.locator('a').first();
    const href = await first.getAttribute('href');
    assert.match(href ?? '', /^#f-/, `${label}: the summary's first link points at a field`);
    await page.keyboard.press('Tab');
    assert.equal(await first.evaluate((a) => a === a.ownerDocument.activeElement), true, `${label}: Tab moves from the summary to its first link`);
    await page.keyboard.press('Enter');
    const target = href!.slice(1);
    assert.equal(await focusedId(page), target, `${label}: Enter on the link moves the focus to the field`);
    const tag = await page.evaluate('document.activeElement.tagName.toLowerCase()');
    assert.ok(['input', 'textarea', 'select'].includes(tag as string), `${label}: the focus is on a form control, not on ${String(tag)}`);
    return target;
  }

  async function walkAll(context: BrowserContext, how: string): Promise<void> {
    const page = await context.newPage();
    // The log-in form, sent empty.
    await page.goto(`${web.base}/login`);
    await clickAndWait(page, page.getByRole('button', { name: 'Zaloguj się' }));
    assert.equal(await focusWalk(page, `log-in form ${how}`), 'f-email');

    // A resident's application, sent without the description of the need and without consent.
    await logInPage(page, web.base, resident, `/${m.slug}`);
    await page.goto(`${web.base}/${m.slug}/applications/new?service=${care}`);
    await page.getByLabel(/^Opis potrzeby/).fill('');
    await clickAndWait(page, page.getByRole('button', { name: 'Złóż wniosek' }));
    await focusWalk(page, `application form ${how}`);
    await context.clearCookies();

    // A staff form: a new catalogue service without a name.
    await logInPage(page, web.base, coordinator, `/${m.slug}/catalog`);
    await page.goto(`${web.base}/${m.slug}/catalog/services/new`);
    await clickAndWait(page, page.getByRole('button', { name: 'Zapisz' }));
    await focusWalk(page, `catalogue service form ${how}`);
    await page.close();
  }

  test('with JavaScript: the summary takes the focus and its link leads to the field', async () => {
    const context = await web.browser.newContext();
    try {
      await walkAll(context, 'with JavaScript');
    } finally {
      await context.close();
    }
  });

  test('without JavaScript: the same, by autofocus alone', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    try {
      await walkAll(context, 'without JavaScript');
    } finally {
      await context.close();
    }
  });
});
