import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warsawDay } from '../../src/platform/i18n';
import { describeEachEngine } from '../support/harness';
import { mailsTo } from './applications-helpers';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import {
  audits, countOf, DETAILS, FOUNDATION, giveConsent, makeCase, makePlanService, organisationMember, OTHER_ORG, plainPerson, referralMunicipality, referralRow, sendForm,
  sendReferral, staffPerson, UNIT, withdrawConsent,
} from './referrals-helpers';

describeEachEngine('referrals: sending and the consent gate', (h) => {
  test('without a live consent nothing is sent: a Polish field error, what was typed kept', async () => {
    const { m, orgId, otherOrgId } = await referralMunicipality(h);
    const coord = await staffPerson(h, m);
    const k = await makeCase(h, m, coord.user.id);
    // A withdrawn consent, and a live one naming another organisation, do not count.
    await withdrawConsent(h, m, await giveConsent(h, m, k.applicationId, { organisation: orgId }));
    await giveConsent(h, m, k.applicationId, { organisation: otherOrgId });

    const res = await coord.c.post(`/${m.slug}/cases/${k.caseId}/referrals/new`, sendForm(`organisation:${orgId}`));
    assert.equal(res.statusCode, 422);
    assert.match(fieldError(res.body, 'record_consent'), new RegExp(`^Brak zgody mieszkańca na udostępnienie danych realizatorowi: ${FOUNDATION}`));
    assert.match(res.body, new RegExp(DETAILS.slice(0, 20)), 'what was typed is kept');
    assert.equal(await countOf(h, 'referrals', m), 0);

    const json = await coord.c.post(`/${m.slug}/cases/${k.caseId}/referrals/new`, sendForm(`organisation:${orgId}`), { headers: { accept: 'application/json' } });
    assert.equal(json.statusCode, 422);
    assert.equal(json.json().error.fields.record_consent.code, 'referral_consent_required');
  });

  test('with a live consent the referral is sent, its event written, audited and the members mailed', async () => {
    const { m, orgId } = await referralMunicipality(h);
    const coord = await staffPerson(h, m);
    const member = await organisationMember(h, m, orgId);
    const k = await makeCase(h, m, coord.user.id);
    const consent = await giveConsent(h, m, k.applicationId, { organisation: orgId });

    const id = await sendReferral(h, coord.c, m, k.caseId, sendForm(`organisation:${orgId}`));
    const row = await referralRow(h, m, id);
    assert.equal(row.status, 'sent');
    assert.equal(row.consent_id, consent);
    assert.equal(row.override_basis, null);
    assert.equal(row.application_id, k.applicationId, 'from the case’s application when no plan service is named');
    const events = await ownerQuery<{ status_from: string; status_to: string; actor_id: string }>(h, 'SELECT status_from, status_to, actor_id FROM referral_events WHERE referral_id = $1', [id]);
    assert.deepEqual(events, [{ status_from: '', status_to: 'sent', actor_id: coord.user.id }]);
    const [sent] = await audits(h, m, 'referral.sent', coord.user.id);
    assert.deepEqual(sent!.details.cases, [k.caseId]);
    assert.deepEqual(sent!.details.ids, [id]);
    const mail = await mailsTo(h, member.user.email);
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.subject, /Nowe skierowanie: Opieka wytchnieniowa/);
    assert.match(mail[0]!.body_text, /Prosimy o odpowiedź do \d{1,2} (stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia) \d{4}\./, 'the day to answer by in words');
    assert.doesNotMatch(mail[0]!.body_text, /\d{4}-\d{2}-\d{2}/, 'no ISO date in the mail');
    assert.match(mail[0]!.body_text, new RegExp(`/organisations/${orgId}/referrals/${id}`));
    assert.doesNotMatch(mail[0]!.body_text, new RegExp(k.person), 'no personal data by mail');
    assert.doesNotMatch(mail[0]!.body_text, /domofon/);
  });

  test('a consent given in person is recorded by the coordinator (audited) and the referral relies on it', async () => {
    const { m, unitId } = await referralMunicipality(h);
    const coord = await staffPerson(h, m);
    const k = await makeCase(h, m, coord.user.id);
    const id = await sendReferral(h, coord.c, m, k.caseId, sendForm(`unit:${unitId}`, { record_consent: '1' }));
    const row = await referralRow(h, m, id);
    const [consent] = await ownerQuery<{ id: string; application_id: string; purpose: string; recipient: string; recipient_unit_id: string; recorded_by: string }>(
      h, 'SELECT id, application_id, purpose, recipient, recipient_unit_id, recorded_by FROM application_consents WHERE municipality_id = $1', [m.id]);
    assert.deepEqual({ ...consent, id: undefined }, { id: undefined, application_id: k.applicationId, purpose: 'provider_sharing', recipient: UNIT, recipient_unit_id: unitId, recorded_by: coord.user.id });
    assert.equal(row.consent_id, consent!.id);
    const [recorded] = await audits(h, m, 'referral.consent_recorded', coord.user.id);
    assert.equal(recorded!.subject_id, consent!.id);
    assert.deepEqual(recorded!.details.cases, [k.caseId]);
  });

  test('review 2 #6: a consent the resident withdrew is not re-recorded by a tick — a statement of the new consent (what, when, how), flagged, the resident told', async () => {
    const { m, orgId } = await referralMunicipality(h);
    const coord = await staffPerson(h, m);
    const resident = await plainPerson(h, m, ['resident']);
    const k = await makeCase(h, m, coord.user.id, { resident: resident.user.id });
    const withdrawn = await giveConsent(h, m, k.applicationId, { organisation: orgId });
    await withdrawConsent(h, m, withdrawn);
    const url = `/${m.slug}/cases/${k.caseId}/referrals/new`;

    const tick = await coord.c.post(url, sendForm(`organisation:${orgId}`, { record_consent: '1' }));
    assert.equal(tick.statusCode, 422);
    assert.match(fieldError(tick.body, 'consent_statement'), /została wycofana \d{1,2} \p{L}+ \d{4}\./u);
    assert.match(tick.body, /name="consent_given_on"/);
    assert.match(tick.body, /name="consent_manner"/);
    const early = await coord.c.post(url, sendForm(`organisation:${orgId}`, {
      record_consent: '1', consent_statement: 'Zgoda ustna na rozmowie w ośrodku, po wyjaśnieniu zakresu.', consent_given_on: '2020-01-01', consent_manner: 'at_centre',
    }));
    assert.equal(early.statusCode, 422);
    assert.match(fieldError(early.body, 'consent_given_on'), /po wycofaniu/);
    assert.equal(await countOf(h, 'referrals', m), 0);

    const statement = 'Pani ponownie zgodziła się na przekazanie danych fundacji, po wyjaśnieniu zakresu, w obecności syna.';
    const id = await sendReferral(h, coord.c, m, k.caseId, sendForm(`organisation:${orgId}`, { record_consent: '1', consent_statement: statement, consent_given_on: warsawDay(), consent_manner: 'home_visit' }));
    const row = await referralRow(h, m, id);
    const [consent] = await ownerQuery<{ id: string; statement: string; stated_on: string; stated_manner: string; recorded_by: string }>(
      h, 'SELECT id, statement, stated_on::text, stated_manner, recorded_by FROM application_consents WHERE municipality_id = $1 AND withdrawn_at IS NULL', [m.id]);
    assert.deepEqual([row.consent_id, consent!.statement, consent!.stated_on, consent!.stated_manner, consent!.recorded_by], [consent!.id, statement, warsawDay(), 'home_visit', coord.user.id]);
    const [flag] = await audits(h, m, 'referral.consent_recorded', coord.user.id);
    assert.equal(flag!.details.flagged, true);
    assert.equal(flag!.details.renews, withdrawn);
    assert.deepEqual([flag!.details.given_on, flag!.details.manner, flag!.subject_id], [warsawDay(), 'home_visit', consent!.id]);
    const mail = await mailsTo(h, resident.user.email);
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.body_text, new RegExp(`zapisano Twoją nową zgodę na udostępnienie danych: ${FOUNDATION}`));
    assert.match(mail[0]!.body_text, new RegExp(`/${m.slug}/my/consents`));
    assert.match(pageText((await resident.c.get(`/${m.slug}/my/consents`)).body), new RegExp(FOUNDATION), 'and sees it among her consents, where she can withdraw it');
  });

  test('a permitted override with its reason is sent, recorded in the row and flagged; without a reason it is a field error', async () => {
    const { m, orgId } = await referralMunicipality(h);
    const coord = await staffPerson(h, m);
    const k = await makeCase(h, m, coord.user.id);
    const url = `/${m.slug}/cases/${k.caseId}/referrals/new`;

    const short = await coord.c.post(url, sendForm(`organisation:${orgId}`, { override_basis: 'vital_interest', override_reason: 'pilne' }));
    assert.equal(short.statusCode, 422);
    assert.equal(fieldError(short.body, 'override_reason'), 'Uzasadnij wysłanie bez zgody — co najmniej 10 znaków.');
    const noBasis = await coord.c.post(url, sendForm(`organisation:${orgId}`, { override_reason: 'Osoba w zagrożeniu życia, sama w domu.' }));
    assert.equal(noBasis.statusCode, 422);
    assert.match(fieldError(noBasis.body, 'override_basis'), /Wybierz podstawę/);
    assert.equal(await countOf(h, 'referrals', m), 0);

    const reason = 'Osoba sama w domu po wypisie ze szpitala, bez opieki.';
    const id = await sendReferral(h, coord.c, m, k.caseId, sendForm(`organisation:${orgId}`, { override_basis: 'vital_interest', override_reason: reason }));
    const row = await referralRow(h, m, id);
    assert.deepEqual([row.consent_id, row.override_basis, row.override_reason], [null, 'vital_interest', reason]);
    const [flag] = await audits(h, m, 'referral.consent_override', coord.user.id);
    assert.equal(flag!.subject_id, id);
    assert.equal(flag!.reason, '', 'the reason lives in the referral, not in the log');
    assert.equal(flag!.details.flagged, true);
    assert.equal(flag!.details.basis, 'vital_interest');
    assert.deepEqual(flag!.details.cases, [k.caseId]);

    // The database is the net: no consent and no override cannot be stored at all.
    await assert.rejects(ownerQuery(h, `INSERT INTO referrals (municipality_id, case_id, application_id, provider_kind, organisation_id, service_label, respond_by)
      VALUES ($1, $2, $3, 'organisation', $4, 'Usługa', current_date)`, [m.id, k.caseId, k.applicationId, orgId]));
  });

  test('from a plan’s service: the form is prefilled with its provider and label, the row names the plan service', async () => {
    const { m, unitId } = await referralMunicipality(h);
    const coord = await staffPerson(h, m);
    const k = await makeCase(h, m, coord.user.id);
    const planService = await makePlanService(h, m, k.caseId, coord.user.id, { unit: unitId });
    await giveConsent(h, m, k.applicationId, { unit: unitId });
    const page = await coord.c.get(`/${m.slug}/cases/${k.caseId}/referrals/new?planService=${planService}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<option value="unit:${unitId}" selected`));
    assert.match(page.body, /name="service_label"[^>]*value="Opieka wytchnieniowa w domu"/);
    assert.match(page.body, new RegExp(`name="respond_by"[^>]*value="${new Date(Date.parse(`${warsawDay()}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)}"`));
    assert.match(pageText(page.body), /Realizator/);
    const [read] = await audits(h, m, 'case.read', coord.user.id);
    assert.deepEqual(read!.details.cases, [k.caseId]);

    const id = await sendReferral(h, coord.c, m, k.caseId, sendForm(`unit:${unitId}`, { plan_service_id: planService }));
    assert.equal((await referralRow(h, m, id)).plan_service_id, planService);
    // A plan service of another case is not found.
    const other = await makeCase(h, m, coord.user.id);
    assert.equal((await coord.c.get(`/${m.slug}/cases/${other.caseId}/referrals/new?planService=${planService}`)).statusCode, 404);
  });

  test('organisations are searched by name with a plain GET', async () => {
    const { m } = await referralMunicipality(h);
    const coord = await staffPerson(h, m);
    const k = await makeCase(h, m, coord.user.id);
    const page = await coord.c.get(`/${m.slug}/cases/${k.caseId}/referrals/new?q=lniany`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(OTHER_ORG.replace(/[„”]/g, '.')));
    assert.doesNotMatch(page.body, /Dom przy Lnianej/);
  });

  test('need-to-know, a closed case, a past answer-by day', async () => {
    const { m, orgId } = await referralMunicipality(h);
    const coord = await staffPerson(h, m);
    const stranger = await staffPerson(h, m);
    const member = await organisationMember(h, m, orgId);
    const k = await makeCase(h, m, coord.user.id);
    await giveConsent(h, m, k.applicationId, { organisation: orgId });
    const url = `/${m.slug}/cases/${k.caseId}/referrals/new`;
    assert.equal((await stranger.c.get(url)).statusCode, 403, 'another coordinator: outside need-to-know');
    assert.equal((await stranger.c.post(url, sendForm(`organisation:${orgId}`))).statusCode, 403);
    assert.equal((await member.c.get(url)).statusCode, 403, 'a provider never reaches the case');
    const past = await coord.c.post(url, sendForm(`organisation:${orgId}`, { respond_by: '2020-01-01' }));
    assert.equal(past.statusCode, 422);
    assert.equal(fieldError(past.body, 'respond_by'), 'Dzień odpowiedzi nie może być wcześniejszy niż dziś.');
    const closed = await makeCase(h, m, coord.user.id, { status: 'closed' });
    assert.equal((await coord.c.get(`/${m.slug}/cases/${closed.caseId}/referrals/new`)).statusCode, 409);
    assert.equal(await countOf(h, 'referrals', m), 0);
  });
});
