import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { assertTaggedPdf } from '../support/pdf-structure';
import { pdfText } from '../support/pdf-text';
import {
  auditEntries, createPlan, fullDraft, goal, inDays, makeCase, planAction, planRow, planUrl, planWorld, postItem, service, today,
} from './care-plans-helpers';
import { ownerQuery } from '../support/db';
import { pageText } from '../support/pages';
import { assertIncludes } from '../support/assertions';

describeEachEngine('care plans: drafting, deadlines, monitoring, closing', (h) => {
  test('the plan page shows the 30-day deadline in words, and is an audited read naming the case', async () => {
    const w = await planWorld(h);
    const late = await makeCase(h, w.m, { coordinator: w.coord.user.id, dueOn: inDays(-2) });
    const none = pageText((await w.coord.c.get(planUrl(w.m, w.caseId))).body);
    assert.match(none, /Ta sprawa nie ma jeszcze planu/);
    assert.match(none, /Termin sporządzenia planu \d+ \S+ \d{4} \(za 20 dni\)/);
    assert.match(pageText((await w.coord.c.get(planUrl(w.m, late))).body), /\(po terminie\)/);
    const reads = await auditEntries(h, w.m, w.coord.user.id, 'plan.read');
    assert.deepEqual(reads.map((r) => r.details.cases), [[w.caseId], [late]]);

    const planId = await createPlan(h, w.coord.c, w.m, w.caseId);
    const page = await w.coord.c.get(planUrl(w.m, w.caseId));
    assert.equal(page.statusCode, 200);
    assert.match(pageText(page.body), /projekt — wersja 1/);
    const last = (await auditEntries(h, w.m, w.coord.user.id, 'plan.read')).at(-1)!;
    assert.equal(last.subject_id, planId);
    assert.deepEqual(last.details.cases, [w.caseId]);
    assert.deepEqual(last.details.ids, [planId]);
  });

  test('validity longer than a year is refused on its field; a review date outside the validity is an error naming the field', async () => {
    const w = await planWorld(h);
    const long = await w.coord.c.post(planUrl(w.m, w.caseId), { valid_from: '2026-03-01', valid_until: '2027-03-02', situation: 'Opis.' });
    assert.equal(long.statusCode, 422);
    assert.match(pageText(long.body), /Obowiązuje do: Plan może obowiązywać najwyżej rok/);
    assert.match(long.body, /value="2027-03-02"/, 'what was typed is kept');
    const json = await w.coord.c.postJson(planUrl(w.m, w.caseId), { valid_from: '2026-03-01', valid_until: '2027-03-02' });
    assert.equal(JSON.parse(json.body).error.fields.valid_until.code, 'care_plan_longer_than_year');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM care_plans WHERE municipality_id = $1', [w.m.id])).length, 0);
    // Exactly a year is allowed (the database's CHECK agrees).
    const planId = await createPlan(h, w.coord.c, w.m, w.caseId, { valid_from: today(), valid_until: inDays(0).replace(/^\d{4}/, (y) => String(Number(y) + 1)) });

    const after = await postItem(h, w.coord.c, w.m, w.caseId, planId, 'reviews/new', { review_on: inDays(400) });
    assert.equal(after.statusCode, 422);
    assert.match(pageText(after.body), /Data przeglądu: Data przeglądu jest po końcu ważności planu/);
    const before = await postItem(h, w.coord.c, w.m, w.caseId, planId, 'reviews/new', { review_on: inDays(-1) });
    assert.match(pageText(before.body), /Data przeglądu: Data przeglądu jest przed początkiem ważności planu/);
    const code = await w.coord.c.postJson(`${planUrl(w.m, w.caseId, planId)}/reviews/new`, { version: String((await planRow(h, w.m, planId)).version), review_on: inDays(400) });
    assert.equal(code.statusCode, 422);
    assert.equal(JSON.parse(code.body).error.fields.review_on.code, 'care_plan_review_after_expiry');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM care_plan_reviews WHERE municipality_id = $1', [w.m.id])).length, 0);

    // Shortening the validity past a saved review date is refused too, on the validity's field.
    assert.equal((await postItem(h, w.coord.c, w.m, w.caseId, planId, 'reviews/new', { review_on: inDays(200) })).statusCode, 303);
    const shorter = await postItem(h, w.coord.c, w.m, w.caseId, planId, 'edit', { valid_from: today(), valid_until: inDays(100), situation: 'x' });
    assert.equal(shorter.statusCode, 422);
    assert.match(pageText(shorter.body), /Obowiązuje do: W planie są daty/);
  });

  test('items are added, reordered and removed with plain forms; each change moves the plan version on', async () => {
    const w = await planWorld(h);
    const planId = await createPlan(h, w.coord.c, w.m, w.caseId);
    for (const d of ['Cel pierwszy — zakupy.', 'Cel drugi — spacery.', 'Cel trzeci — klub.']) assert.equal((await postItem(h, w.coord.c, w.m, w.caseId, planId, 'goals/new', goal(d))).statusCode, 303);
    const goals = () => ownerQuery<{ id: string; description: string }>(h, 'SELECT id, description FROM care_plan_goals WHERE municipality_id = $1 AND plan_id = $2 ORDER BY position', [w.m.id, planId]);
    const [a, , c] = await goals();
    assert.equal((await postItem(h, w.coord.c, w.m, w.caseId, planId, `goals/${c!.id}/move`, { move: 'up' })).statusCode, 303);
    assert.deepEqual((await goals()).map((g) => g.description[4]), ['p', 't', 'd']);
    // Removing asks first: the item as written, that it leaves the draft, how to put it back; a POST that skipped it removes nothing.
    const removal = pageText((await w.coord.c.get(`${planUrl(w.m, w.caseId, planId)}/goals/${a!.id}/delete`)).body);
    for (const part of [/Usunąć pozycję z projektu planu\?/, /Cel pierwszy — zakupy\./, /zniknie z projektu planu/, /możesz dodać ją ponownie/]) assert.match(removal, part);
    const forced = await postItem(h, w.coord.c, w.m, w.caseId, planId, `goals/${a!.id}/delete`, {});
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await goals()).length, 3);
    assert.equal((await postItem(h, w.coord.c, w.m, w.caseId, planId, `goals/${a!.id}/delete`, { confirmed: 'yes' })).statusCode, 303);
    assert.equal((await goals()).length, 2);
    const unit = await ownerQuery<{ id: string }>(h, "INSERT INTO units (municipality_id, name) VALUES ($1, 'Dział Pomocy Społecznej') RETURNING id", [w.m.id]);
    const bad = await postItem(h, w.coord.c, w.m, w.caseId, planId, 'services/new', service({ provider_kind: 'unit', provider_name: '' }));
    assert.equal(bad.statusCode, 422);
    assert.match(pageText(bad.body), /Jednostka Centrum: To pole jest wymagane/);
    assert.equal((await postItem(h, w.coord.c, w.m, w.caseId, planId, 'services/new', service({ provider_kind: 'unit', provider_unit_id: unit[0]!.id }))).statusCode, 303);
    const [row] = await ownerQuery<{ provider_kind: string; provider_name: string }>(h, 'SELECT provider_kind, provider_name FROM care_plan_services WHERE municipality_id = $1', [w.m.id]);
    assert.deepEqual(row, { provider_kind: 'unit', provider_name: '' });
    assert.equal((await planRow(h, w.m, planId)).version, 7);
    const page = pageText((await w.coord.c.get(planUrl(w.m, w.caseId, planId))).body);
    assert.match(page, /Realizator: Dział Pomocy Społecznej/);
  });

  test('a stale edit gets 409 and the page shows both versions; nothing is overwritten', async () => {
    const w = await planWorld(h);
    const planId = await createPlan(h, w.coord.c, w.m, w.caseId);
    await postItem(h, w.coord.c, w.m, w.caseId, planId, 'goals/new', goal('Wersja zapisana wcześniej.'));
    const [g] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM care_plan_goals WHERE municipality_id = $1', [w.m.id]);
    const seen = (await planRow(h, w.m, planId)).version;
    // The supervisor saves first…
    assert.equal((await w.supervisor.c.post(`${planUrl(w.m, w.caseId, planId)}/goals/${g!.id}/edit`, { version: String(seen), ...goal('Zmiana przełożonej zespołu.') })).statusCode, 303);
    // …then the coordinator sends the form she opened before.
    const stale = await w.coord.c.post(`${planUrl(w.m, w.caseId, planId)}/goals/${g!.id}/edit`, { version: String(seen), ...goal('Zmiana koordynatorki.') });
    assert.equal(stale.statusCode, 409);
    const text = pageText(stale.body);
    assert.match(text, /Ktoś inny zmienił plan w międzyczasie/);
    assert.match(text, /Opis Zmiana koordynatorki\. Zmiana przełożonej zespołu\./, 'yours beside the saved one');
    assert.match(stale.body, new RegExp(`name="version" value="${seen + 1}"`), 'the form now carries the saved version');
    const [saved] = await ownerQuery<{ description: string }>(h, 'SELECT description FROM care_plan_goals WHERE municipality_id = $1', [w.m.id]);
    assert.equal(saved!.description, 'Zmiana przełożonej zespołu.');
    const json = await w.coord.c.postJson(`${planUrl(w.m, w.caseId, planId)}/goals/new`, { version: String(seen), ...goal() });
    assert.equal(json.statusCode, 409);
    assert.equal(JSON.parse(json.body).error.code, 'conflict.stale');
    const header = await w.coord.c.post(`${planUrl(w.m, w.caseId, planId)}/edit`, { version: String(seen), valid_from: today(), valid_until: inDays(100), situation: 'Moja wersja sytuacji.' });
    assert.equal(header.statusCode, 409);
    assert.match(pageText(header.body), /Sytuacja osoby i jej potrzeby Moja wersja sytuacji\. Mieszka sama/);
  });

  test('the PDF for signature names the centre, the case, the resident, every section and three signature lines; it is an audited read', async () => {
    const w = await planWorld(h);
    const planId = await fullDraft(h, w);
    await postItem(h, w.coord.c, w.m, w.caseId, planId, 'commitments/new', { description: 'Zgłosi się do lekarza rodzinnego.', due_on: inDays(30) });
    const res = await w.coord.c.get(`${planUrl(w.m, w.caseId, planId)}.pdf`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    const [c] = await ownerQuery<{ number: string; person_name: string }>(h, 'SELECT number, person_name FROM cases WHERE municipality_id = $1 AND id = $2', [w.m.id, w.caseId]);
    for (const part of [w.m.cus_name, c!.number, c!.person_name, 'Indywidualny plan usług społecznych', 'PROJEKT', 'Cele', 'Samodzielne przygotowywanie posiłków.', 'Usługi', 'Sąsiedzka Spółdzielnia Tkacka',
      'Zobowiązania mieszkańca', 'Zgłosi się do lekarza rodzinnego.', 'Terminy przeglądów', 'Podpis mieszkańca', 'Podpis koordynatora', 'Zatwierdzenie']) {
      assertIncludes(text, part, `PDF has ${part}`);
    }
    assertTaggedPdf(res.rawPayload, { title: `Indywidualny plan usług społecznych ${c!.number}, wersja 1`, lang: 'pl-PL', types: ['H2', 'Div'] });
    const read = (await auditEntries(h, w.m, w.coord.user.id, 'plan.read')).at(-1)!;
    assert.deepEqual([read.details.purpose, read.details.cases, read.details.ids], ['pdf', [w.caseId], [planId]]);
  });

  test('monitoring notes and reviews on an approved plan; closing needs the final interview and a summary', async () => {
    const w = await planWorld(h);
    const planId = await fullDraft(h, w);
    await planAction(h, w.coord.c, w.m, w.caseId, planId, 'submit');
    await planAction(h, w.director.c, w.m, w.caseId, planId, 'approve');
    assert.equal((await w.coord.c.post(`${planUrl(w.m, w.caseId, planId)}/notes`, { noted_on: today(), note_body: 'Wizyta domowa: zakupy zrobione, lodówka pełna.' })).statusCode, 303);
    const future = await w.coord.c.post(`${planUrl(w.m, w.caseId, planId)}/notes`, { noted_on: inDays(3), note_body: 'Za wcześnie.' });
    assert.equal(future.statusCode, 422);
    // Append-only: the application's database role cannot remove a note.
    await assert.rejects(h.db.tx({ municipalityId: w.m.id, userId: null }, (sql) => sql.query('DELETE FROM care_plan_notes WHERE municipality_id = $1', [w.m.id])), /permission denied/);
    const [review] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM care_plan_reviews WHERE municipality_id = $1 AND plan_id = $2', [w.m.id, planId]);
    assert.equal((await w.coord.c.post(`${planUrl(w.m, w.caseId, planId)}/reviews/done`, { review_id: review!.id, review_note: 'Plan działa, bez zmian.' })).statusCode, 303);
    const again = await w.coord.c.post(`${planUrl(w.m, w.caseId, planId)}/reviews/done`, { review_id: review!.id, review_note: 'Drugi raz.' });
    assert.equal(again.statusCode, 422);
    const [r] = await ownerQuery<{ note: string; done_by: string }>(h, 'SELECT note, done_by FROM care_plan_reviews WHERE municipality_id = $1 AND id = $2', [w.m.id, review!.id]);
    assert.deepEqual(r, { note: 'Plan działa, bez zmian.', done_by: w.coord.user.id });

    // Closing asks first: the plan page only links to the confirmation page, where the interview and summary are written.
    assert.doesNotMatch((await w.coord.c.get(planUrl(w.m, w.caseId, planId))).body, /<form[^>]*action="[^"]*\/close"/);
    const closing = pageText((await w.coord.c.get(`${planUrl(w.m, w.caseId, planId)}/close`)).body);
    for (const part of [/Zamknąć plan\?/, /nie będzie już notatek z monitorowania/, /Nie można tego cofnąć/]) assert.match(closing, part);
    const forced = await planAction(h, w.coord.c, w.m, w.caseId, planId, 'close', { final_interview_on: today(), final_summary: 'Cele osiągnięte, mieszkanka samodzielna.' });
    assert.equal(forced.statusCode, 422);
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await planAction(h, w.coord.c, w.m, w.caseId, planId, 'close', { final_interview_on: today(), final_summary: 'Cele osiągnięte, mieszkanka samodzielna.' }, true)).json().error.code, 'confirmation.required');
    assert.equal((await planRow(h, w.m, planId)).status, 'approved');
    const noInterview = await planAction(h, w.coord.c, w.m, w.caseId, planId, 'close', { final_interview_on: '', final_summary: 'Za krótko.', confirmed: 'yes' });
    assert.equal(noInterview.statusCode, 422);
    const t = pageText(noInterview.body);
    assert.match(t, /Data rozmowy końcowej: To pole jest wymagane/);
    assert.match(t, /Podsumowanie przebiegu i rezultatów: Podsumowanie musi mieć co najmniej 20 znaków/);
    assert.equal((await planRow(h, w.m, planId)).status, 'approved');
    const summary = 'Cele osiągnięte: mieszkanka robi zakupy z sąsiadką, chodzi do klubu.';
    assert.equal((await planAction(h, w.coord.c, w.m, w.caseId, planId, 'close', { final_interview_on: today(), final_summary: summary, confirmed: 'yes' })).statusCode, 303);
    assert.deepEqual([(await planRow(h, w.m, planId)).status, (await planRow(h, w.m, planId)).final_summary], ['closed', summary]);
    const closedPage = pageText((await w.coord.c.get(planUrl(w.m, w.caseId, planId))).body);
    assert.match(closedPage, /Zakończenie planu Rozmowa końcowa/);
    const note = await w.coord.c.post(`${planUrl(w.m, w.caseId, planId)}/notes`, { noted_on: today(), note_body: 'Po zamknięciu.' });
    assert.equal(note.statusCode, 409);
  });
});
