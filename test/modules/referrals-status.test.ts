import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { mailsTo } from './applications-helpers';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import {
  actNow, audits, giveConsent, makeCase, organisationMember, referralMunicipality, referralRow, sendForm, sendReferral, staffPerson, type Place,
} from './referrals-helpers';

/** A coordinator's case with a consented referral to the foundation, and one of its members. */
async function sentReferral(h: Parameters<Parameters<typeof describeEachEngine>[1]>[0], place?: Place) {
  const p = place ?? (await referralMunicipality(h));
  const coord = await staffPerson(h, p.m);
  const member = await organisationMember(h, p.m, p.orgId);
  const k = await makeCase(h, p.m, coord.user.id);
  await giveConsent(h, p.m, k.applicationId, { organisation: p.orgId });
  const id = await sendReferral(h, coord.c, p.m, k.caseId, sendForm(`organisation:${p.orgId}`));
  return { ...p, coord, member, k, id, inbox: `/${p.m.slug}/organisations/${p.orgId}/referrals`, centre: `/${p.m.slug}/cases/${k.caseId}/referrals` };
}

describeEachEngine('referrals: statuses, history, the coordinator’s view', (h) => {
  test('sent → accepted → in progress → completed: each change an event with time and person, audited, the coordinator mailed', async () => {
    const { m, coord, member, id, inbox } = await sentReferral(h);
    assert.equal((await actNow(h, member.c, m, inbox, id, 'accept')).statusCode, 303);
    assert.ok((await referralRow(h, m, id)).accepted_at);
    assert.equal((await actNow(h, member.c, m, inbox, id, 'start')).statusCode, 303);
    const noOutcome = await actNow(h, member.c, m, inbox, id, 'complete', { complete_outcome: '' });
    assert.equal(noOutcome.statusCode, 422);
    assert.equal(fieldError(noOutcome.body, 'complete_outcome'), 'Opisz wynik realizacji.');
    assert.equal((await actNow(h, member.c, m, inbox, id, 'complete', { complete_outcome: 'Osiem wizyt, cel osiągnięty.' })).statusCode, 303);
    const row = await referralRow(h, m, id);
    assert.deepEqual([row.status, row.outcome, row.version], ['completed', 'Osiem wizyt, cel osiągnięty.', 4]);
    const events = await ownerQuery<{ status_from: string; status_to: string; reason: string; actor_id: string }>(
      h, 'SELECT status_from, status_to, reason, actor_id FROM referral_events WHERE referral_id = $1 ORDER BY id', [id]);
    assert.deepEqual(events.map((e) => `${e.status_from}>${e.status_to}`), ['>sent', 'sent>accepted', 'accepted>in_progress', 'in_progress>completed']);
    assert.deepEqual(events.slice(1).map((e) => e.actor_id), [member.user.id, member.user.id, member.user.id]);
    assert.equal(events[3]!.reason, 'Osiem wizyt, cel osiągnięty.');
    assert.equal((await audits(h, m, 'referral.accepted', member.user.id)).length, 1);
    assert.equal((await audits(h, m, 'referral.completed', member.user.id)).length, 1);
    const mail = await mailsTo(h, coord.user.email);
    assert.deepEqual(mail.map((x) => x.subject), ['Skierowanie przyjęte: Opieka wytchnieniowa', 'Skierowanie zakończone: Opieka wytchnieniowa']);
    assert.doesNotMatch(mail[1]!.body_text, /Osiem wizyt/, 'the outcome stays on the page');
  });

  test('rejecting needs a reason; a rejected referral cannot be accepted (409 referral.invalid_transition)', async () => {
    const { m, coord, member, id, inbox } = await sentReferral(h);
    // Rejecting asks first: the referral page only links to the confirmation page, where the reason is typed.
    assert.doesNotMatch((await member.c.get(`${inbox}/${id}`)).body, /<form[^>]*action="[^"]*\/reject"/);
    const confirmation = pageText((await member.c.get(`${inbox}/${id}/reject`)).body);
    for (const part of [/Odrzucić skierowanie\?/, /Koordynator sprawy dostanie wiadomość e-mail/, /Nie można tego cofnąć/]) assert.match(confirmation, part);
    const forced = await actNow(h, member.c, m, inbox, id, 'reject', { reject_reason: 'Brak wolnych miejsc.' });
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await referralRow(h, m, id)).status, 'sent');
    const noReason = await actNow(h, member.c, m, inbox, id, 'reject', { reject_reason: ' ', confirmed: 'yes' });
    assert.equal(noReason.statusCode, 422);
    assert.equal(fieldError(noReason.body, 'reject_reason'), 'Wpisz uzasadnienie.');
    assert.equal((await actNow(h, member.c, m, inbox, id, 'reject', { reject_reason: 'Brak wolnych miejsc do końca miesiąca.', confirmed: 'yes' })).statusCode, 303);
    const row = await referralRow(h, m, id);
    assert.deepEqual([row.status, row.status_reason], ['rejected', 'Brak wolnych miejsc do końca miesiąca.']);
    assert.deepEqual((await mailsTo(h, coord.user.email)).map((x) => x.subject), ['Skierowanie odrzucone: Opieka wytchnieniowa']);

    const json = await member.c.post(`${inbox}/${id}/accept`, { version: String(row.version) }, { headers: { accept: 'application/json' } });
    assert.equal(json.statusCode, 409);
    assert.equal(json.json().error.code, 'referral.invalid_transition');
    const page = await actNow(h, member.c, m, inbox, id, 'start');
    assert.equal(page.statusCode, 409);
    assert.match(pageText(page.body), /Tej zmiany nie można wykonać w obecnym stanie skierowania/);
    const cancel = await actNow(h, coord.c, m, `/${m.slug}/cases/${(await ownerQuery<{ case_id: string }>(h, 'SELECT case_id FROM referrals WHERE id = $1', [id]))[0]!.case_id}/referrals`, id, 'cancel', { confirmed: 'yes', cancel_reason: 'Już niepotrzebne.' });
    assert.equal(cancel.statusCode, 409, 'a rejected referral is not cancelled');
    assert.equal((await referralRow(h, m, id)).version, row.version, 'nothing written');
  });

  test('a case with an open referral is not closed (409, the note kept); once the referral is cancelled, it closes', async () => {
    const { m, coord, k, id, centre } = await sentReferral(h);
    const caseUrl = `/${m.slug}/cases/${k.caseId}`;
    const version = async () => (await ownerQuery<{ version: number }>(h, 'SELECT version FROM cases WHERE id = $1', [k.caseId]))[0]!.version;
    const note = 'Cele planu osiągnięte, mieszkanka radzi sobie samodzielnie.';
    const refused = await coord.c.post(`${caseUrl}/close`, { version: String(await version()), closing_note: note, confirmed: 'yes' });
    assert.equal(refused.statusCode, 409);
    assert.match(pageText(refused.body), /Sprawy nie można zamknąć, dopóki ma otwarte skierowania/);
    assert.match(refused.body, /Cele planu osiągnięte/, 'the typed note is kept');
    assert.equal((await ownerQuery<{ status: string }>(h, 'SELECT status FROM cases WHERE id = $1', [k.caseId]))[0]!.status, 'open');
    assert.equal((await actNow(h, coord.c, m, centre, id, 'cancel', { confirmed: 'yes', cancel_reason: 'Mieszkanka zrezygnowała z usługi.' })).statusCode, 303);
    assert.equal((await coord.c.post(`${caseUrl}/close`, { version: String(await version()), closing_note: note, confirmed: 'yes' })).statusCode, 303);
    assert.equal((await ownerQuery<{ status: string }>(h, 'SELECT status FROM cases WHERE id = $1', [k.caseId]))[0]!.status, 'closed');
  });

  test('a stale change is refused with 409 and the page shows both versions; nothing is overwritten', async () => {
    const { m, coord, member, id, inbox, centre } = await sentReferral(h);
    const shown = (await referralRow(h, m, id)).version;
    assert.equal((await actNow(h, member.c, m, inbox, id, 'accept')).statusCode, 303);
    const stale = await coord.c.post(`${centre}/${id}/cancel`, { confirmed: 'yes', version: String(shown), cancel_reason: 'Rodzina zorganizowała opiekę sama.' });
    assert.equal(stale.statusCode, 409);
    const text = pageText(stale.body);
    assert.match(text, /Twoja zmiana \(niezapisana\) Anuluj skierowanie \(na podstawie wersji 1\): Rodzina zorganizowała opiekę sama\./);
    assert.match(text, /Zapisany stan przyjęte, wersja 2/);
    assert.equal((await referralRow(h, m, id)).status, 'accepted');
    const json = await coord.c.post(`${centre}/${id}/cancel`, { confirmed: 'yes', version: String(shown), cancel_reason: 'x' }, { headers: { accept: 'application/json' } });
    assert.equal(json.json().error.code, 'conflict.stale');
    // Cancelling asks first (what the provider will see, that it cannot be undone); a POST that skipped it does nothing.
    const confirmation = pageText((await coord.c.get(`${centre}/${id}/cancel`)).body);
    assert.match(confirmation, /Anulować skierowanie\?/);
    assert.match(confirmation, /Nie można tego cofnąć/);
    const forced = await actNow(h, coord.c, m, centre, id, 'cancel', { cancel_reason: 'Rodzina zorganizowała opiekę sama.' });
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await referralRow(h, m, id)).status, 'accepted');
    // With the version now shown, the centre cancels (with a reason), from accepted.
    const noReason = await actNow(h, coord.c, m, centre, id, 'cancel', { confirmed: 'yes', cancel_reason: '' });
    assert.equal(fieldError(noReason.body, 'cancel_reason'), 'Wpisz uzasadnienie.');
    assert.equal((await actNow(h, coord.c, m, centre, id, 'cancel', { confirmed: 'yes', cancel_reason: 'Rodzina zorganizowała opiekę sama.' })).statusCode, 303);
    assert.deepEqual([(await referralRow(h, m, id)).status, (await audits(h, m, 'referral.cancelled', coord.user.id)).length], ['cancelled', 1]);
    // The provider has no cancel, the centre no accept.
    assert.equal((await actNow(h, member.c, m, inbox, id, 'cancel', { confirmed: 'yes', cancel_reason: 'Nie.' })).statusCode, 404);
    assert.equal((await actNow(h, coord.c, m, centre, id, 'accept')).statusCode, 404);
  });

  test('the coordinator sees time to accept and overdue referrals, every read audited; the overdue list keeps to need-to-know', async () => {
    const place = await referralMunicipality(h);
    const { m, coord, member, id, inbox, centre, k } = await sentReferral(h, place);
    await ownerQuery(h, "UPDATE referrals SET sent_at = now() - interval '3 days 2 hours' WHERE id = $1", [id]);
    await actNow(h, member.c, m, inbox, id, 'accept');
    const late = await sendReferral(h, coord.c, m, k.caseId, sendForm(`organisation:${place.orgId}`, { service_label: 'Grupa wsparcia' }));
    // Four days before today in Warsaw (the page counts days there; the server's current_date is UTC's, a day behind after 23:00 UTC in winter).
    await ownerQuery(h, "UPDATE referrals SET respond_by = (now() AT TIME ZONE 'Europe/Warsaw')::date - 4 WHERE id = $1", [late]);

    const list = pageText((await coord.c.get(centre)).body);
    assert.match(list, /Opieka wytchnieniowa .* przyjęte .* 3 dni/);
    assert.match(list, /Grupa wsparcia .* wysłane Po terminie: odpowiedź była oczekiwana do .* \(4 dni temu\)\./);
    const [listRead] = await audits(h, m, 'referral.read', coord.user.id);
    assert.deepEqual(listRead!.details.cases, [k.caseId]);
    assert.deepEqual(new Set(listRead!.details.ids as string[]), new Set([id, late]));

    const page = pageText((await coord.c.get(`${centre}/${id}`)).body);
    assert.match(page, /Czas do przyjęcia 3 dni/);
    assert.match(page, /Historia .* wysłano skierowanie .* zmiana stanu z „wysłane” na „przyjęte”/);
    assert.equal((await audits(h, m, 'referral.read', coord.user.id)).length, 2);

    const overdue = pageText((await coord.c.get(`/${m.slug}/referrals/overdue`)).body);
    assert.match(overdue, /Grupa wsparcia/);
    assert.doesNotMatch(overdue, /Opieka wytchnieniowa/);
    const [overdueRead] = (await audits(h, m, 'referral.read', coord.user.id)).slice(-1);
    assert.deepEqual(overdueRead!.details, { cases: [k.caseId], ids: [late], purpose: 'overdue' });
    const other = await staffPerson(h, m);
    assert.match(pageText((await other.c.get(`/${m.slug}/referrals/overdue`)).body), /Żadne skierowanie nie jest po terminie/);
    assert.equal((await other.c.get(centre)).statusCode, 403, 'outside need-to-know');
    const director = await staffPerson(h, m, ['director']);
    assert.match(pageText((await director.c.get(`/${m.slug}/referrals/overdue`)).body), /Grupa wsparcia/);
    assert.equal((await member.c.get(`/${m.slug}/referrals/overdue`)).statusCode, 403);
  });
});
