import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestClient } from '../support/client';
import { checkA11yOfHtml, useBrowser } from '../support/browser';
import { describeInBrowser } from '../support/harness';
import { AFTER_SCHOOL, CARE, applicationForm, applicationRow, applyFor, catalogueMunicipality, coordinator, decideNow, serviceId } from '../modules/applications-helpers';
import { person } from '../support/people';

/**
 * Every applications page through axe-core in a real browser: the resident's form (and with errors)
 * and "Moje wnioski"; staff's queues, a queue with a warning, an application with its decisions (and
 * a failed one), the register form and the places per period.
 */
describeInBrowser('browser: applications pages pass axe-core', (h) => {
  const web = useBrowser(h);

  test('resident and staff pages: zero violations', async () => {
    const m = await catalogueMunicipality(h, 'Miasto Wniosków');
    const care = await serviceId(h, m, CARE);
    const club = await serviceId(h, m, AFTER_SCHOOL);
    const { c } = await person(h, m, ['resident']);
    const id = await applyFor(h, c, m, club, { beneficiary_birth_year: '1950' });
    const held = await applyFor(h, c, m, care, { consent_sharing: '1' });
    const { c: staff } = await coordinator(h, m);
    await decideNow(h, staff, m, held, 'hold', { hold_reason: 'Czekamy na zaświadczenie.' });
    await staff.post(`/${m.slug}/applications/services/${care}/capacity`, { period_from: '2026-01-01', period_to: '2099-12-31', places: '10' });

    const context = await web.browser.newContext();
    const page = await context.newPage();
    const pages: [TestClient, string][] = [
      [c, `/${m.slug}/applications/new?service=${care}`],
      [c, `/${m.slug}/applications/mine`],
      [c, `/${m.slug}`],
      [staff, `/${m.slug}/applications`],
      [staff, `/${m.slug}/applications/services/${club}`],
      [staff, `/${m.slug}/applications/${id}`],
      [staff, `/${m.slug}/applications/${held}`],
      [staff, `/${m.slug}/applications/register`],
      [staff, `/${m.slug}/applications/services/${care}/capacity`],
      // After the staff pages above: the resident's list of who read her applications has rows.
      [c, `/${m.slug}/applications/mine/reads`],
    ];
    try {
      for (const [client, path] of pages) {
        const res = await client.get(path);
        assert.equal(res.statusCode, 200, path);
        await checkA11yOfHtml(page, `${web.base}${path}`, res.body, { status: 200 });
      }
      const wrong = await c.post(`/${m.slug}/applications`, applicationForm(care, { need: '', consent_processing: '' }));
      assert.equal(wrong.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/applications`, wrong.body, { status: 422 });
      const noReason = await decideNow(h, staff, m, id, 'decline', { decline_reason: '', confirmed: 'yes' });
      assert.equal(noReason.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/applications/${id}/decline`, noReason.body, { status: 422 });
      const overlap = await staff.post(`/${m.slug}/applications/services/${care}/capacity`, { period_from: '2027-01-01', period_to: '2027-12-31', places: '' });
      assert.equal(overlap.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/applications/services/${care}/capacity`, overlap.body, { status: 422 });
      const batch = await staff.post(`/${m.slug}/applications/services/${club}/decline`, { ids: id, [`version_${id}`]: String((await applicationRow(h, m, id)).version), batch_reason: '', confirmed: 'yes' });
      assert.match(batch.body, /Odrzucić 1 zaznaczony wniosek\?/, 'the confirmation page again, with the missing reason');
      assert.equal(batch.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/applications/services/${club}/decline`, batch.body, { status: 422 });
    } finally {
      await context.close();
    }
  });
});
