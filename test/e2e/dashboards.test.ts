import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkA11yOfHtml, useBrowser } from '../support/browser';
import { makeUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { logIn } from '../support/session';
import { AFTER_SCHOOL, CARE, catalogueMunicipality, serviceId } from '../modules/applications-helpers';
import { seedNumbers } from '../modules/dashboards-helpers';

/** The dashboards page through axe-core in a real browser: with every section's table and chart, and empty. */
describeInBrowser('browser: the dashboards pass axe-core', (h) => {
  const web = useBrowser(h);

  test('with data (tables, charts, the period form) and empty: zero violations', async () => {
    const full = await catalogueMunicipality(h, 'Miasto Wykresów');
    const coordinator = await makeUser(h.db, { municipality: full, roles: ['coordinator'], totp: true });
    const director = await makeUser(h.db, { municipality: full, roles: ['director'], totp: true });
    await seedNumbers(h, full, { care: await serviceId(h, full, CARE), club: await serviceId(h, full, AFTER_SCHOOL), coordinatorId: coordinator.id, directorId: director.id });
    const empty = await catalogueMunicipality(h, 'Gmina Bez Liczb');
    const analyst = await logIn(h, await makeUser(h.db, { municipality: full, roles: ['analyst'] }));
    const emptyAnalyst = await logIn(h, await makeUser(h.db, { municipality: empty, roles: ['analyst'] }));

    const context = await web.browser.newContext();
    const page = await context.newPage();
    try {
      for (const [client, path, charts] of [[analyst, `/${full.slug}/dashboards`, 3], [analyst, `/${full.slug}/dashboards?period=365`, 3], [emptyAnalyst, `/${empty.slug}/dashboards`, 0]] as const) {
        const res = await client.get(path);
        assert.equal(res.statusCode, 200, path);
        assert.equal((res.body.match(/<svg /g) ?? []).length, charts, `${path}: charts`);
        await checkA11yOfHtml(page, `${web.base}${path}`, res.body, { status: 200 });
      }
    } finally {
      await context.close();
    }
  });
});
