import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestClient } from '../support/client';
import { checkA11yOfHtml, useBrowser } from '../support/browser';
import { warsawDay } from '../../src/platform/i18n';
import { describeInBrowser } from '../support/harness';
import { ownerQuery } from '../support/db';
import {
  actNow, giveConsent, makeCase, organisationMember, plainPerson, referralMunicipality, sendForm, sendReferral, staffPerson, withdrawConsent,
} from '../modules/referrals-helpers';

/**
 * Every referrals page through axe-core in a real browser: the sending form (and with errors), a
 * case's referrals and one referral (with a stale cancel), the overdue list, the organisation's inbox
 * and a referral there with its delivery form (and with errors, and with the consent withdrawn), the
 * inboxes list, and the resident's referrals.
 */
describeInBrowser('browser: referrals pages pass axe-core', (h) => {
  const web = useBrowser(h);

  test('centre, provider and resident pages: zero violations', async () => {
    const { m, orgId } = await referralMunicipality(h, 'Miasto Skierowań');
    const coord = await staffPerson(h, m);
    const member = await organisationMember(h, m, orgId);
    const resident = await plainPerson(h, m, ['resident']);
    const k = await makeCase(h, m, coord.user.id, { resident: resident.user.id });
    const consent = await giveConsent(h, m, k.applicationId, { organisation: orgId });
    const id = await sendReferral(h, coord.c, m, k.caseId, sendForm(`organisation:${orgId}`));
    const late = await sendReferral(h, coord.c, m, k.caseId, sendForm(`organisation:${orgId}`, { service_label: 'Grupa wsparcia dla opiekunów' }));
    await ownerQuery(h, 'UPDATE referrals SET respond_by = current_date - 3 WHERE id = $1', [late]);
    const inbox = `/${m.slug}/organisations/${orgId}/referrals`;
    const centre = `/${m.slug}/cases/${k.caseId}/referrals`;
    await actNow(h, member.c, m, inbox, id, 'accept');
    await member.c.post(`${inbox}/${id}/deliveries`, { delivered_on: warsawDay(), minutes: '60', note: 'Pierwsza wizyta.' });

    const context = await web.browser.newContext();
    const page = await context.newPage();
    const pages: [TestClient, string][] = [
      [coord.c, `${centre}/new`],
      [coord.c, `${centre}/new?q=lniany`],
      [coord.c, centre],
      [coord.c, `${centre}/${id}`],
      [coord.c, `${centre}/${id}/cancel`],
      [coord.c, `/${m.slug}/referrals/overdue`],
      [member.c, inbox],
      [member.c, `${inbox}/${id}`],
      [member.c, `${inbox}/${late}`],
      [member.c, `${inbox}/${late}/reject`],
      [member.c, `/${m.slug}/referrals/inbox`],
      [resident.c, `/${m.slug}/my/referrals`],
    ];
    try {
      for (const [client, path] of pages) {
        const res = await client.get(path);
        assert.equal(res.statusCode, 200, path);
        await checkA11yOfHtml(page, `${web.base}${path}`, res.body, { status: 200 });
      }
      const noConsent = await coord.c.post(`${centre}/new`, sendForm(`unit:${(await ownerQuery<{ id: string }>(h, 'SELECT id FROM units WHERE municipality_id = $1', [m.id]))[0]!.id}`, { service_label: 'x', override_basis: 'court_order' }));
      assert.equal(noConsent.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}${centre}/new`, noConsent.body, { status: 422 });
      const badDelivery = await member.c.post(`${inbox}/${id}/deliveries`, { delivered_on: '2099-01-01', minutes: '', units: 'dużo', note: '' });
      assert.equal(badDelivery.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}${inbox}/${id}/deliveries`, badDelivery.body, { status: 422 });
      const stale = await coord.c.post(`${centre}/${id}/cancel`, { confirmed: 'yes', version: '1', cancel_reason: 'Rodzina zorganizowała opiekę.' });
      assert.equal(stale.statusCode, 409);
      await checkA11yOfHtml(page, `${web.base}${centre}/${id}/cancel`, stale.body, { status: 409 });
      const forced = await actNow(h, coord.c, m, centre, id, 'cancel', { cancel_reason: 'Rodzina zorganizowała opiekę.' });
      assert.equal(forced.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}${centre}/${id}/cancel`, forced.body, { status: 422 });
      await withdrawConsent(h, m, consent);
      const withdrawn = await member.c.get(`${inbox}/${id}`);
      assert.match(withdrawn.body, /Zgoda mieszkańca na udostępnienie danych została wycofana/);
      await checkA11yOfHtml(page, `${web.base}${inbox}/${id}`, withdrawn.body, { status: 200 });
      const renewal = await coord.c.post(`${centre}/new`, sendForm(`organisation:${orgId}`, { record_consent: '1' }));
      assert.equal(renewal.statusCode, 422, 'a withdrawn consent is re-recorded only with the resident’s new statement');
      await checkA11yOfHtml(page, `${web.base}${centre}/new`, renewal.body, { status: 422 });
    } finally {
      await context.close();
    }
  });
});
