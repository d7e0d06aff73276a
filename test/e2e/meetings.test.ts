import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11yOfHtml, useBrowser } from '../support/browser';
import { TestClient } from '../support/client';
import { describeInBrowser } from '../support/harness';
import { logIn } from '../support/session';
import { createMeeting, mailTo, meetingForm, moveStart, organiser, rsvpPath } from '../modules/meetings-helpers';
import { ownerQuery } from '../support/db';
import { person } from '../support/people';
import { seededMunicipality } from '../modules/organisations-helpers';

/**
 * Every meetings page through axe-core in a real browser: the organiser's (list, form with errors,
 * a meeting with attendance open, invitations, numbers, the cancellation's confirmation), the answer page and the inbox, the
 * cooperation history. The pages are fetched as their people (TOTP for staff) and shown to the browser.
 */
describeInBrowser('browser: meetings pages pass axe-core', (h) => {
  let m: MunicipalityRow;
  const web = useBrowser(h);

  test('organiser, invitee and member pages: zero violations', async () => {
    const { user: rep } = await person(h);
    m = await seededMunicipality(h, 'Miasto Spotkań', rep.id);
    const { c } = await organiser(h, m);
    const id = await createMeeting(c, m);
    const orgs = await ownerQuery<{ id: string; email: string }>(h, 'SELECT organisation_id AS id, o.email FROM organisation_members om JOIN organisations o ON o.municipality_id = om.municipality_id AND o.id = om.organisation_id WHERE om.municipality_id = $1 AND om.user_id = $2', [m.id, rep.id]);
    await c.post(`/${m.slug}/meetings/${id}/invite`, { how: 'chosen', organisation: orgs.map((o) => o.id) });
    await h.worker.drain();
    const link = rsvpPath((await mailTo(h, m, orgs[0]!.email))[0]!);
    await new TestClient(h.app).post(link, { response: 'yes', people_count: '2', accessibility_needs: 'Tłumacz PJM' });
    await moveStart(h, m, id, 0.5);
    await c.post(`/${m.slug}/meetings/${id}/walk-ins`, { name: 'Sąsiedzi z ulicy Bema', people_count: '3' });

    const context = await web.browser.newContext();
    const page = await context.newPage();
    const pages: [TestClient, string, number][] = [
      [c, `/${m.slug}/meetings`, 200],
      [c, `/${m.slug}/meetings/new`, 200],
      [c, `/${m.slug}/meetings/${id}`, 200],
      [c, `/${m.slug}/meetings/${id}/invite?sphere=seniors`, 200],
      [c, `/${m.slug}/meetings/${id}/edit`, 200],
      [c, `/${m.slug}/meetings/stats`, 200],
      [c, `/${m.slug}/meetings/${id}/cancel`, 200],
      [new TestClient(h.app), link, 200],
    ];
    try {
      for (const [client, path, status] of pages) {
        const res = await client.get(path);
        assert.equal(res.statusCode, status, path);
        await checkA11yOfHtml(page, `${web.base}${path}`, res.body, { status });
      }
      const wrong = await c.post(`/${m.slug}/meetings`, meetingForm({ title: '', ends: '16:00' }));
      assert.equal(wrong.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/meetings`, wrong.body, { status: 422, label: 'the meeting form with errors' });
      const repClient = await logIn(h, rep);
      for (const path of [`/${m.slug}/meetings/inbox`, `/${m.slug}/organisations/${orgs[0]!.id}/cooperation`]) {
        const res = await repClient.get(path);
        assert.equal(res.statusCode, 200, path);
        await checkA11yOfHtml(page, `${web.base}${path}`, res.body);
      }
    } finally {
      await context.close();
    }
  });
});
