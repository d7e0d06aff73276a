import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestClient } from '../support/client';
import { checkA11yOfHtml, useBrowser } from '../support/browser';
import { describeInBrowser } from '../support/harness';
import { acceptedApplication, casesMunicipality, coordinator, makeTeam, openCase } from '../modules/cases-helpers';
import { ownerQuery } from '../support/db';

/**
 * Every cases page through axe-core in a real browser: the list, opening a case, a case with its
 * forms (and a stale edit's both versions), the "break the glass" offer on the 403 page (and with a
 * reason too short), teams and a team, retention, and the auditor's list of grants.
 */
describeInBrowser('browser: cases pages pass axe-core', (h) => {
  const web = useBrowser(h);

  test('coordinator, director, auditor pages: zero violations', async () => {
    const m = await casesMunicipality(h, 'Miasto Spraw');
    const { user: me, c } = await coordinator(h, m);
    const { c: other } = await coordinator(h, m);
    const { c: director } = await coordinator(h, m, ['director']);
    const { c: auditor } = await coordinator(h, m, ['auditor']);
    const team = await makeTeam(h, m, me.id, [me.id], 'Zespół koordynatorów IPUS');
    const id = await openCase(h, c, m, await acceptedApplication(h, m, { submittedDaysAgo: 40 }), { coordinator_id: me.id, team_id: team, needs_plan: '1' });
    await openCase(h, c, m, await acceptedApplication(h, m), { coordinator_id: me.id });
    const fresh = await acceptedApplication(h, m);
    const glass = await other.post(`/${m.slug}/cases/${id}/glass`, { reason: 'Zastępstwo — pilny telefon od rodziny.' });
    assert.equal(glass.statusCode, 303);
    await ownerQuery(h, "UPDATE case_access_grants SET granted_at = now() - interval '9 hours', expires_at = now() - interval '1 hour' WHERE municipality_id = $1", [m.id]);

    const context = await web.browser.newContext();
    const page = await context.newPage();
    const pages: [TestClient, string, number][] = [
      [c, `/${m.slug}/cases`, 200],
      [c, `/${m.slug}/cases?scope=team&due=1`, 200],
      [c, `/${m.slug}/cases/${id}`, 200],
      [c, `/${m.slug}/cases/new?application=${fresh}`, 200],
      [c, `/${m.slug}/cases/new`, 200],
      [other, `/${m.slug}/cases/${id}`, 403],
      [director, `/${m.slug}/cases/teams`, 200],
      [director, `/${m.slug}/cases/teams/${team}`, 200],
      [director, `/${m.slug}/cases/teams/${team}/members/${me.id}/remove`, 200],
      [director, `/${m.slug}/cases/retention`, 200],
      [auditor, `/${m.slug}/cases/glass`, 200],
    ];
    try {
      for (const [client, path, status] of pages) {
        const res = await client.get(path);
        assert.equal(res.statusCode, status, path);
        await checkA11yOfHtml(page, `${web.base}${path}`, res.body, { status });
      }
      const short = await other.post(`/${m.slug}/cases/${id}/glass`, { reason: 'pilne' });
      assert.equal(short.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/cases/${id}/glass`, short.body, { status: 422 });
      const stale = await c.post(`/${m.slug}/cases/${id}/edit`, { version: '9', contact_phone: '600 100 200', coordinator_id: me.id });
      assert.equal(stale.statusCode, 409);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/cases/${id}/edit`, stale.body, { status: 409 });
      const noNote = await c.post(`/${m.slug}/cases/${id}/close`, { version: '1', closing_note: '', confirmed: 'yes' });
      assert.equal(noNote.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/cases/${id}/close`, noNote.body, { status: 422 });
      const teamStale = await director.post(`/${m.slug}/cases/teams/${team}`, { version: '9', name: 'Zespół Ruda' });
      assert.equal(teamStale.statusCode, 409);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/cases/teams/${team}`, teamStale.body, { status: 409 });
    } finally {
      await context.close();
    }
  });
});
