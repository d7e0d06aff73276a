import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11y, logInPage, useBrowser } from '../support/browser';
import { makeUser, uniq } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { decideNow } from '../modules/applications-helpers';
import { acceptedApplication, caseRow, openCase } from '../modules/cases-helpers';
import { referralMunicipality, staffPerson } from '../modules/referrals-helpers';

/** The auditor reads the log in words in a real browser: what was opened, whose data, repeated reads once, filtered by resident. */
describeInBrowser('browser: the audit log in words', (h) => {
  const web = useBrowser(h);

  test('the auditor filters the log by a resident with the keyboard; the page names the case and the person and passes axe-core', async () => {
    const { m } = await referralMunicipality(h, 'Gmina Audytu');
    const coord = await staffPerson(h, m);
    const auditor = await makeUser(h.db, { municipality: m, roles: ['auditor'], totp: true });
    const surname = `Przędzalna${uniq()}`;
    const app = await acceptedApplication(h, m, { status: 'waiting', name: `Krystyna ${surname}` });
    assert.equal((await decideNow(h, coord.c, m, app, 'accept')).statusCode, 303);
    const caseId = await openCase(h, coord.c, m, app, { coordinator_id: coord.user.id });
    const { number } = await caseRow(h, m, caseId);
    for (let i = 0; i < 3; i++) assert.equal((await coord.c.get(`/${m.slug}/cases/${caseId}`)).statusCode, 200);

    const context = await web.browser.newContext();
    const page = await context.newPage();
    try {
      await logInPage(page, web.base, auditor, `/${m.slug}/audit`);
      await checkA11y(page);
      await page.getByLabel(/^Mieszkaniec/).focus();
      await page.keyboard.type(surname);
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.waitForURL(/person=/);
      const table = page.locator('table');
      const text = await table.innerText();
      assert.match(text, new RegExp(`sprawa ${number.replace(/\//g, '\\/')}`));
      assert.match(text, new RegExp(`Krystyna ${surname}`));
      assert.match(text, /×3 w ciągu 15 min/);
      await checkA11y(page);
    } finally {
      await context.close();
    }
  });
});
