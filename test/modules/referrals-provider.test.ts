import assert from 'node:assert/strict';
import { test } from 'node:test';
import { referralsRelyingOnConsent } from '../../src/modules/referrals';
import { warsawDay } from '../../src/platform/i18n';
import { describeEachEngine, type Harness } from '../support/harness';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import {
  actNow, audits, DETAILS, giveConsent, makeCase, organisationMember, plainPerson, referralMunicipality, referralRow, sendForm, sendReferral, staffPerson,
  unitTeam, withdrawConsent,
} from './referrals-helpers';
import { assertExcludes, assertIncludes } from '../support/assertions';

async function world(h: Harness) {
  const p = await referralMunicipality(h);
  const coord = await staffPerson(h, p.m);
  const member = await organisationMember(h, p.m, p.orgId);
  const resident = await plainPerson(h, p.m, ['resident']);
  const k = await makeCase(h, p.m, coord.user.id, { resident: resident.user.id });
  const consent = await giveConsent(h, p.m, k.applicationId, { organisation: p.orgId });
  const id = await sendReferral(h, coord.c, p.m, k.caseId, sendForm(`organisation:${p.orgId}`));
  return { ...p, coord, member, resident, k, consent, id, inbox: `/${p.m.slug}/organisations/${p.orgId}/referrals` };
}

const DELIVERY = { delivered_on: warsawDay(), minutes: '90', units: '', note: 'Wizyta popołudniowa.' };

describeEachEngine('referrals: the provider’s inbox, deliveries, consent withdrawn', (h) => {
  test('a member sees the service, what was shared, the name and phone — nothing else of the case; every read audited', async () => {
    const { m, member, k, id, inbox, coord } = await world(h);
    const list = await member.c.get(inbox);
    assert.equal(list.statusCode, 200);
    assert.match(pageText(list.body), new RegExp(`Opieka wytchnieniowa ${k.person} wysłane`));
    const page = pageText((await member.c.get(`${inbox}/${id}`)).body);
    for (const shown of [k.person, k.phone, DETAILS]) assertIncludes(page, shown);
    for (const hidden of ['CUS/2026/', 'Pomoc w codziennych sprawach', 'Podstawa udostępnienia']) assertExcludes(page, hidden);
    const reads = await audits(h, m, 'referral.read', member.user.id);
    assert.deepEqual(reads.map((r) => [r.details.cases, r.details.ids, r.details.purpose]), [[[k.caseId], [id], 'inbox'], [[k.caseId], [id], 'provider_page']]);
    // The provider never reaches the case itself.
    assertIncludes([403, 404], (await member.c.get(`/${m.slug}/cases/${k.caseId}`)).statusCode);
    assert.equal((await member.c.get(`/${m.slug}/cases/${k.caseId}/referrals`)).statusCode, 403);
    assert.equal((await member.c.get(`/${m.slug}/cases/${k.caseId}/referrals/${id}`)).statusCode, 403);
    assert.equal((await coord.c.get(`/${m.slug}/referrals/inbox`)).statusCode, 200);
    assert.match(pageText((await member.c.get(`/${m.slug}/referrals/inbox`)).body), /Fundacja „Dom przy Lnianej”/);
  });

  test('members of another organisation, residents and staff outside the unit get 404', async () => {
    const { m, otherOrgId, orgId, unitId, coord, id, inbox, k } = await world(h);
    const outsider = await organisationMember(h, m, otherOrgId);
    assert.equal((await outsider.c.get(inbox)).statusCode, 404);
    assert.equal((await outsider.c.get(`${inbox}/${id}`)).statusCode, 404);
    assert.equal((await actNow(h, outsider.c, m, inbox, id, 'accept')).statusCode, 404);
    // Its own inbox does not open another organisation's referral either.
    assert.equal((await outsider.c.get(`/${m.slug}/organisations/${otherOrgId}/referrals/${id}`)).statusCode, 404);
    assert.equal((await coord.c.get(inbox)).statusCode, 404, 'the coordinator is not a member');
    assert.equal((await referralRow(h, m, id)).status, 'sent');
    assert.equal((await audits(h, m, 'referral.read', outsider.user.id)).length, 0);

    // A unit's inbox: staff of a team of the unit, and approvers of plans; nobody else.
    await giveConsent(h, m, k.applicationId, { unit: unitId });
    const toUnit = await sendReferral(h, coord.c, m, k.caseId, sendForm(`unit:${unitId}`));
    const unitInbox = `/${m.slug}/referrals/units/${unitId}`;
    const teamMember = await staffPerson(h, m);
    await unitTeam(h, m, unitId, teamMember.user.id);
    assert.equal((await teamMember.c.get(`${unitInbox}/${toUnit}`)).statusCode, 200);
    assert.equal((await coord.c.get(unitInbox)).statusCode, 404);
    assert.equal((await (await staffPerson(h, m, ['director'])).c.get(unitInbox)).statusCode, 200);
    assert.equal((await (await organisationMember(h, m, orgId)).c.get(unitInbox)).statusCode, 403);
    assert.equal((await teamMember.c.get(`${unitInbox}/${id}`)).statusCode, 404, 'a referral to an organisation is not in the unit’s inbox');
    assert.equal((await actNow(h, teamMember.c, m, unitInbox, toUnit, 'accept')).statusCode, 303);
  });

  test('deliveries: refused on a sent or rejected referral, a future day or one before sending; the first one starts an accepted referral', async () => {
    const { m, member, id, inbox, coord, k, orgId } = await world(h);
    const sent = await member.c.post(`${inbox}/${id}/deliveries`, DELIVERY, { headers: { accept: 'application/json' } });
    assert.deepEqual([sent.statusCode, sent.json().error.code], [409, 'referral.not_active']);
    await actNow(h, member.c, m, inbox, id, 'accept');

    const future = await member.c.post(`${inbox}/${id}/deliveries`, { ...DELIVERY, delivered_on: '2099-01-01' });
    assert.equal(future.statusCode, 422);
    assert.equal(fieldError(future.body, 'delivered_on'), 'Realizacji nie można zapisać z datą z przyszłości.');
    const before = await member.c.post(`${inbox}/${id}/deliveries`, { ...DELIVERY, delivered_on: '2020-01-01' });
    assert.equal(before.statusCode, 422);
    assert.match(fieldError(before.body, 'delivered_on'), /^Data nie może być wcześniejsza niż dzień wysłania skierowania/);
    const nothing = await member.c.post(`${inbox}/${id}/deliveries`, { ...DELIVERY, minutes: '', units: '' });
    assert.equal(fieldError(nothing.body, 'minutes'), 'Podaj czas w minutach albo liczbę jednostek.');
    assert.match(nothing.body, /Wizyta popołudniowa/, 'what was typed is kept');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM referral_deliveries WHERE referral_id = $1', [id])).length, 0);

    assert.equal((await member.c.post(`${inbox}/${id}/deliveries`, { ...DELIVERY, units: '1,5' })).statusCode, 303);
    const [d] = await ownerQuery<{ minutes: number; units: string; recorded_by: string }>(h, 'SELECT minutes, units::text, recorded_by FROM referral_deliveries WHERE referral_id = $1', [id]);
    assert.deepEqual(d, { minutes: 90, units: '1.50', recorded_by: member.user.id });
    assert.equal((await referralRow(h, m, id)).status, 'in_progress');
    assert.equal((await audits(h, m, 'referral.delivery_recorded', member.user.id)).length, 1);
    assert.match(pageText((await coord.c.get(`/${m.slug}/cases/${k.caseId}/referrals/${id}`)).body), /90 minut, jednostek: 1,5 Wizyta popołudniowa\./);

    const second = await sendReferral(h, coord.c, m, k.caseId, sendForm(`organisation:${orgId}`));
    assert.equal((await actNow(h, member.c, m, inbox, second, 'reject', { reject_reason: 'Brak miejsc.', confirmed: 'yes' })).statusCode, 303);
    const rejected = await member.c.post(`${inbox}/${second}/deliveries`, DELIVERY);
    assert.equal(rejected.statusCode, 409);
    assert.match(pageText(rejected.body), /Realizację można zapisać tylko dla skierowania przyjętego lub w realizacji/);
  });

  test('consent withdrawn mid-referral: the provider sees no data, deliveries are refused, the coordinator is warned and can be found', async () => {
    const { m, member, id, inbox, coord, k, consent, resident } = await world(h);
    await actNow(h, member.c, m, inbox, id, 'accept');
    await withdrawConsent(h, m, consent);

    const page = pageText((await member.c.get(`${inbox}/${id}`)).body);
    assert.match(page, /Zgoda mieszkańca na udostępnienie danych została wycofana/);
    for (const hidden of [k.person, k.phone, DETAILS]) assertExcludes(page, hidden);
    assertExcludes(pageText((await member.c.get(inbox)).body), k.person);
    assert.doesNotMatch(page, /Zapisz realizację/, 'no delivery form');
    const refused = await member.c.post(`${inbox}/${id}/deliveries`, DELIVERY, { headers: { accept: 'application/json' } });
    assert.deepEqual([refused.statusCode, refused.json().error.code], [409, 'referral.consent_withdrawn']);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM referral_deliveries WHERE referral_id = $1', [id])).length, 0);

    assert.match(pageText((await coord.c.get(`/${m.slug}/cases/${k.caseId}/referrals/${id}`)).body), /Zgoda, na której opiera się to skierowanie, została wycofana/);
    assert.match(pageText((await coord.c.get(`/${m.slug}/cases/${k.caseId}/referrals`)).body), /zgoda wycofana/);
    const open = await h.db.tx({ municipalityId: m.id, userId: resident.user.id }, (sql) => referralsRelyingOnConsent(sql, m.id, consent));
    assert.deepEqual(open, [{ id, case_id: k.caseId, coordinator_email: coord.user.email, provider_name: 'Fundacja „Dom przy Lnianej”' }]);
  });

  test('review 2 #7: with the consent withdrawn no provider write goes through — accept, reject, complete with an outcome, deliveries', async () => {
    const { m, member, id, inbox, consent, coord, k, orgId } = await world(h);
    const waiting = await sendReferral(h, coord.c, m, k.caseId, sendForm(`organisation:${orgId}`));
    await actNow(h, member.c, m, inbox, id, 'accept');
    await actNow(h, member.c, m, inbox, id, 'start');
    await withdrawConsent(h, m, consent);

    const json = { headers: { accept: 'application/json' } };
    const { version } = await referralRow(h, m, id);
    const complete = await member.c.post(`${inbox}/${id}/complete`, { version: String(version), complete_outcome: 'Stan zdrowia: po udarze, wymaga opieki całodobowej.' }, json);
    assert.equal(complete.statusCode, 409, 'the outcome is not written');
    assert.equal(complete.json().error.code, 'referral.consent_withdrawn');
    const kept = await referralRow(h, m, id);
    assert.deepEqual([kept.status, kept.outcome], ['in_progress', '']);
    for (const [action, fields] of [['accept', {}], ['reject', { reject_reason: 'Brak miejsc w grupie.' }]] as const) {
      const res = await member.c.post(`${inbox}/${waiting}/${action}`, { version: String((await referralRow(h, m, waiting)).version), ...fields }, json);
      assert.deepEqual([res.statusCode, res.json().error.code], [409, 'referral.consent_withdrawn'], action);
    }
    assert.equal((await referralRow(h, m, waiting)).status, 'sent');
    const page = pageText((await member.c.get(`${inbox}/${waiting}`)).body);
    assert.doesNotMatch(page, /Przyjmij skierowanie|Odrzuć/, 'no action forms');
    // The centre still closes the loop: the coordinator cancels.
    assert.equal((await actNow(h, coord.c, m, `/${m.slug}/cases/${k.caseId}/referrals`, waiting, 'cancel', { confirmed: 'yes', cancel_reason: 'Zgoda wycofana przez mieszkankę.' })).statusCode, 303);
  });

  test('the resident sees her referrals — provider, service, status, dates, deliveries — unaudited; nobody else’s', async () => {
    const { m, member, id, inbox, resident } = await world(h);
    await actNow(h, member.c, m, inbox, id, 'accept');
    await member.c.post(`${inbox}/${id}/deliveries`, DELIVERY);
    const before = (await ownerQuery(h, 'SELECT 1 FROM audit_log WHERE municipality_id = $1', [m.id])).length;
    const mine = pageText((await resident.c.get(`/${m.slug}/my/referrals`)).body);
    assert.match(mine, /Opieka wytchnieniowa Realizator: Fundacja „Dom przy Lnianej” Stan: w realizacji/);
    assert.match(mine, /Przyjęte .* Zapisano 1 realizację\./);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM audit_log WHERE municipality_id = $1', [m.id])).length, before);
    const neighbour = await plainPerson(h, m, ['resident']);
    assert.match(pageText((await neighbour.c.get(`/${m.slug}/my/referrals`)).body), /Nie masz jeszcze żadnego skierowania/);
  });
});
