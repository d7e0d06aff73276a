import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warsawDay } from '../../src/platform/i18n';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { acceptedApplication, auditOf, caseRow, casesMunicipality, coordinator, makeTeam, openCase } from './cases-helpers';
import { ownerQuery } from '../support/db';
import { fieldError, pageText } from '../support/pages';
import { person } from '../support/people';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describeEachEngine('cases: opening from an application, need-to-know, break the glass, edits and closing', (h) => {
  test('a case opens from an accepted application only, copies the person, numbers itself and names its plan deadline', async () => {
    const m = await casesMunicipality(h);
    const { user: me, c } = await coordinator(h, m);
    const { user: resident } = await person(h, m, ['resident']);
    const waiting = await acceptedApplication(h, m, { status: 'waiting' });
    const declined = await acceptedApplication(h, m, { status: 'declined' });
    const first = await acceptedApplication(h, m, { applicant: resident.id, submittedDaysAgo: 10 });

    const notAccepted = await c.get(`/${m.slug}/cases/new?application=${waiting}`);
    assert.equal(notAccepted.statusCode, 409);
    assert.match(pageText(notAccepted.body), /tylko z przyjętego wniosku/);
    const json = await c.postJson(`/${m.slug}/cases/new?application=${declined}`, { mode: 'open', coordinator_id: me.id });
    assert.equal(json.statusCode, 409);
    assert.equal(json.json().error.code, 'case.application_not_accepted');
    assert.equal((await c.get(`/${m.slug}/cases/new?application=nie-uuid`)).statusCode, 404);

    // Where cases are opened from: the accepted applications without a case (an audited read).
    const picker = await c.get(`/${m.slug}/cases/new`);
    assert.equal(picker.statusCode, 200);
    assert.match(picker.body, new RegExp(`application=${first}`));
    assert.doesNotMatch(picker.body, new RegExp(`application=(${waiting}|${declined})`));
    assert.deepEqual((await auditOf(h, m, 'application.read', me.id)).at(-1)!.details.ids, [first]);

    // The application's page offers to open a case; the form shows the application and defaults to me.
    const appPage = await c.get(`/${m.slug}/applications/${first}`);
    assert.match(appPage.body, new RegExp(`/cases/new\\?application=${first}`));
    const form = await c.get(`/${m.slug}/cases/new?application=${first}`);
    assert.equal(form.statusCode, 200);
    assert.match(pageText(form.body), /Pomoc przy zakupach/);
    assert.match(form.body, new RegExp(`<option value="${me.id}" selected`));
    assert.equal((await auditOf(h, m, 'application.read', me.id)).filter((e) => e.subject_id === first).length >= 2, true);

    const bad = await c.post(`/${m.slug}/cases/new?application=${first}`, { mode: 'open', coordinator_id: resident.id, team_id: 'zły' });
    assert.equal(bad.statusCode, 422);
    assert.match(fieldError(bad.body, 'team_id'), /Nieprawidłowa/);
    const bad2 = await c.post(`/${m.slug}/cases/new?application=${first}`, { mode: 'open', coordinator_id: resident.id });
    assert.equal(bad2.statusCode, 422, 'a resident cannot coordinate');
    assert.match(fieldError(bad2.body, 'coordinator_id'), /Nieprawidłowa/);

    const id = await openCase(h, c, m, first, { coordinator_id: me.id, needs_plan: '1' });
    const row = await caseRow(h, m, id);
    assert.match(row.number, new RegExp(`^CUS/${new Date().getFullYear()}/000001$`));
    assert.equal(row.person_name.startsWith('Helena Osnowska'), true);
    assert.equal(row.representative_name, 'Anna Nawijalska');
    assert.equal(row.contact_email, 'anna@example.pl');
    assert.equal(row.coordinator_id, me.id);
    assert.equal(row.plan_due_on, addDays(warsawDay(new Date(Date.now() - 10 * 86_400_000)), 30));
    const [app] = await ownerQuery<{ case_id: string }>(h, 'SELECT case_id FROM applications WHERE municipality_id = $1 AND id = $2', [m.id, first]);
    assert.equal(app!.case_id, id);
    const [opened] = await auditOf(h, m, 'case.opened');
    assert.deepEqual(opened!.details.cases, [id]);
    const page = pageText((await c.get(`/${m.slug}/cases/${id}`)).body);
    assert.match(page, /zostało 20 dni|zostały 20 dni/);
    assert.match(page, /Indywidualny plan usług/);

    // Opened already: refused by name; the application's page no longer offers it.
    const again = await c.get(`/${m.slug}/cases/new?application=${first}`);
    assert.equal(again.statusCode, 409);
    assert.match(pageText(again.body), /należy już do sprawy/);
    assert.doesNotMatch((await c.get(`/${m.slug}/applications/${first}`)).body, /cases\/new/);

    // A later application of the same applicant: join it to the open case (no new case, no new number).
    const later = await acceptedApplication(h, m, { applicant: resident.id });
    const offer = pageText((await c.get(`/${m.slug}/cases/new?application=${later}`)).body);
    assert.match(offer, new RegExp(`Dołącz wniosek do sprawy ${row.number.replace(/\//g, '\\/')}`));
    const joined = await c.post(`/${m.slug}/cases/new?application=${later}`, { mode: 'join' });
    assert.equal(joined.statusCode, 303);
    assert.equal(joined.headers.location, `/${m.slug}/cases/${id}`);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM cases WHERE municipality_id = $1', [m.id])).length, 1);
    const [laterRow] = await ownerQuery<{ case_id: string }>(h, 'SELECT case_id FROM applications WHERE municipality_id = $1 AND id = $2', [m.id, later]);
    assert.equal(laterRow!.case_id, id);
  });

  test('need-to-know: own, the team supervisor and a director read; another coordinator gets 403, breaks the glass with a reason, loses it when it expires; another municipality 404', async () => {
    const m = await casesMunicipality(h);
    const { user: owner, c: ownerC } = await coordinator(h, m);
    const { user: supervisor, c: supervisorC } = await coordinator(h, m);
    const { c: directorC } = await coordinator(h, m, ['director']);
    const { user: other, c: otherC } = await coordinator(h, m);
    const team = await makeTeam(h, m, supervisor.id, [owner.id]);
    const id = await openCase(h, ownerC, m, await acceptedApplication(h, m), { coordinator_id: owner.id, team_id: team });
    const url = `/${m.slug}/cases/${id}`;

    for (const [client, userAccess] of [[ownerC, 'coordinator'], [supervisorC, 'supervisor'], [directorC, 'director']] as const) {
      const res = await client.get(url);
      assert.equal(res.statusCode, 200, userAccess);
      assert.match(pageText(res.body), /Helena Osnowska/);
    }
    const reads = await auditOf(h, m, 'case.read');
    assert.deepEqual(reads.map((r) => r.details.access), ['coordinator', 'supervisor', 'director']);
    assert.ok(reads.every((r) => (r.details.cases as string[])[0] === id && (r.details.ids as string[])[0] === id));

    const refused = await otherC.get(url);
    assert.equal(refused.statusCode, 403);
    assert.doesNotMatch(refused.body, /Helena Osnowska/);
    assert.match(pageText(refused.body), /podaj powód/);
    assert.match(refused.body, new RegExp(`action="/${m.slug}/cases/${id}/glass"`));
    assert.equal((await otherC.postJson(`/${m.slug}/cases/${id}/edit`, { version: '1', coordinator_id: other.id })).json().error.code, 'case.need_to_know');

    const short = await otherC.post(`${url}/glass`, { reason: 'pilne', next: url });
    assert.equal(short.statusCode, 422);
    assert.match(fieldError(short.body, 'reason'), /co najmniej 10 znaków/);
    assert.match(short.body, />pilne</);
    const empty = await otherC.post(`${url}/glass`, { reason: '  ' });
    assert.match(fieldError(empty.body, 'reason'), /Podaj powód/);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM case_access_grants WHERE municipality_id = $1', [m.id])).length, 0);

    const reason = 'Zastępstwo za koordynatorkę — pilny telefon od córki.';
    const granted = await otherC.post(`${url}/glass`, { reason, next: 'https://example.com/' });
    assert.equal(granted.statusCode, 303);
    assert.equal(granted.headers.location, url, 'never an open redirect');
    assert.equal((await otherC.get(url)).statusCode, 200);
    const [glass] = await auditOf(h, m, 'case.break_glass', other.id);
    assert.equal(glass!.reason, '', 'the reason lives in the grant, not in the log');
    assert.equal(glass!.details.flagged, true);
    assert.deepEqual(glass!.details.cases, [id]);
    const [grant] = await ownerQuery<{ hours: number }>(h, 'SELECT round(extract(epoch FROM expires_at - granted_at) / 3600)::int AS hours FROM case_access_grants WHERE municipality_id = $1', [m.id]);
    assert.equal(grant!.hours, 8);
    assert.equal((await auditOf(h, m, 'case.read', other.id))[0]!.details.access, 'glass');

    await ownerQuery(h, "UPDATE case_access_grants SET granted_at = now() - interval '9 hours', expires_at = now() - interval '1 hour' WHERE municipality_id = $1", [m.id]);
    assert.equal((await otherC.get(url)).statusCode, 403, 'an expired grant opens nothing');

    const m2 = await makeMunicipality(h.db, 'Gmina Obca');
    const { c: foreign } = await coordinator(h, m2);
    assert.equal((await foreign.get(`/${m2.slug}/cases/${id}`)).statusCode, 404);
    assert.equal((await foreign.post(`/${m2.slug}/cases/${id}/glass`, { reason })).statusCode, 404);
    assert.equal((await foreign.get(url)).statusCode, 403, 'no role in the other municipality');
  });

  test('an edit on a stale version is 409 with both versions and saves nothing; a handover moves the case; closing needs a note and ends edits', async () => {
    const m = await casesMunicipality(h);
    const { user: me, c } = await coordinator(h, m);
    const { user: next, c: nextC } = await coordinator(h, m);
    const id = await openCase(h, c, m, await acceptedApplication(h, m), { coordinator_id: me.id });
    const edit = (over: Record<string, string>) => ({ version: '1', contact_phone: '46 855 10 10', contact_email: 'anna@example.pl', representative_name: 'Anna Nawijalska', coordinator_id: me.id, team_id: '', ...over });

    const wrong = await c.post(`/${m.slug}/cases/${id}/edit`, edit({ contact_email: 'nie-email' }));
    assert.equal(wrong.statusCode, 422);
    assert.match(fieldError(wrong.body, 'contact_email'), /e-mail/);
    assert.equal((await c.post(`/${m.slug}/cases/${id}/edit`, edit({ contact_phone: '600 100 200' }))).statusCode, 303);
    assert.equal((await caseRow(h, m, id)).version, 2);
    const stale = await c.post(`/${m.slug}/cases/${id}/edit`, edit({ contact_phone: '700 300 400', needs_plan: '1' }));
    assert.equal(stale.statusCode, 409);
    const text = pageText(stale.body);
    assert.match(text, /Ktoś zapisał zmiany przed Tobą/);
    assert.match(text, /700 300 400/);
    assert.match(text, /600 100 200/);
    const saved = await caseRow(h, m, id);
    assert.equal(saved.contact_phone, '600 100 200');
    assert.equal(saved.needs_plan, false);
    assert.equal((await c.postJson(`/${m.slug}/cases/${id}/edit`, edit({ contact_phone: '700 000 001' }))).json().error.code, 'conflict.stale');

    // Handing over to another coordinator: the case leaves my need-to-know.
    const handed = await c.post(`/${m.slug}/cases/${id}/edit`, edit({ version: '2', coordinator_id: next.id, needs_plan: '1' }));
    assert.equal(handed.statusCode, 303);
    assert.equal(handed.headers.location, `/${m.slug}/cases`);
    const after = await caseRow(h, m, id);
    assert.equal(after.coordinator_id, next.id);
    assert.ok(after.plan_due_on, 'a plan needed gets its deadline');
    const [updated] = (await auditOf(h, m, 'case.updated')).slice(-1);
    assert.deepEqual(updated!.details.coordinator, { from: me.id, to: next.id });
    assert.equal((await c.get(`/${m.slug}/cases/${id}`)).statusCode, 403);

    // Closing asks first: the case page only links to the confirmation page, which says what closing does and that it cannot be undone.
    assert.doesNotMatch((await nextC.get(`/${m.slug}/cases/${id}`)).body, new RegExp(`<form[^>]*action="/${m.slug}/cases/${id}/close"`));
    const confirmation = pageText((await nextC.get(`/${m.slug}/cases/${id}/close`)).body);
    assert.match(confirmation, /Zamknąć sprawę\?/);
    assert.match(confirmation, /nikt nie będzie mógł jej już zmieniać/);
    assert.match(confirmation, /Nie można tego cofnąć/);
    const forced = await nextC.post(`/${m.slug}/cases/${id}/close`, { version: '3', closing_note: 'Wsparcie zakończone.' });
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await nextC.postJson(`/${m.slug}/cases/${id}/close`, { version: '3', closing_note: 'Wsparcie zakończone.' })).json().error.code, 'confirmation.required');
    assert.equal((await caseRow(h, m, id)).status, 'open');
    const noNote = await nextC.post(`/${m.slug}/cases/${id}/close`, { version: '3', closing_note: ' ', confirmed: 'yes' });
    assert.equal(noNote.statusCode, 422);
    assert.match(fieldError(noNote.body, 'closing_note'), /notatkę zamykającą/);
    assert.equal((await nextC.post(`/${m.slug}/cases/${id}/close`, { version: '3', closing_note: 'Wsparcie zakończone, osoba samodzielna.', confirmed: 'yes' })).statusCode, 303);
    const closed = await caseRow(h, m, id);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closing_note, 'Wsparcie zakończone, osoba samodzielna.');
    const late = await nextC.postJson(`/${m.slug}/cases/${id}/edit`, edit({ version: '4', coordinator_id: next.id }));
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'case.closed');
    assert.equal((await nextC.post(`/${m.slug}/cases/${id}/close`, { version: '4', closing_note: 'Jeszcze raz.', confirmed: 'yes' })).statusCode, 409);
    const page = pageText((await nextC.get(`/${m.slug}/cases/${id}`)).body);
    assert.match(page, /zamknięta/);
    assert.doesNotMatch(page, /Zapisz zmiany/);
    // The nightly anonymisation is the scheduler's, once whatever closes: closing adds no run of its own.
    const jobs = () => ownerQuery(h, "SELECT 1 FROM jobs WHERE queue = 'cases.anonymise' AND done_at IS NULL AND run_at > now()", []);
    assert.equal((await jobs()).length, 0);
    await h.scheduler.ensure();
    assert.equal((await jobs()).length, 1);
  });
});
