import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { coordinator, mailsTo } from './applications-helpers';
import { approvedPlan, auditEntries, fullDraft, makeCase, planAction, planRow, planUrl, planWorld, postItem } from './care-plans-helpers';
import { ownerQuery } from '../support/db';
import { pageText } from '../support/pages';

describeEachEngine('care plans: four eyes, returning, revisions, need-to-know', (h) => {
  test('the author can never approve their own plan: a specific code, and the database CHECK holds when the route is bypassed', async () => {
    const w = await planWorld(h, 'Gmina Czterech Oczu');
    // The director drafts this one herself: she holds plans.approve, yet may not approve it.
    const caseId = await makeCase(h, w.m, { coordinator: w.director.user.id });
    const planId = await fullDraft(h, w, w.director, caseId);
    assert.equal((await planAction(h, w.director.c, w.m, caseId, planId, 'submit')).statusCode, 303);
    const own = await planAction(h, w.director.c, w.m, caseId, planId, 'approve', {}, true);
    assert.equal(own.statusCode, 403);
    assert.equal(JSON.parse(own.body).error.code, 'plan.own_approval');
    // Nobody else may approve it (no other director, no team): the page says so and what to do.
    const waiting = pageText((await w.director.c.get(planUrl(w.m, caseId, planId))).body);
    assert.match(waiting, /Nikt nie może go teraz zatwierdzić.*w „Zespołach koordynatorów” wyznaczyć kierownika zespołu tej sprawy/);
    // A forced POST without the form's fields is refused for what it is, not as a missing field.
    const forced = await w.director.c.postJson(`${planUrl(w.m, caseId, planId)}/approve`);
    assert.deepEqual([forced.statusCode, forced.json().error.code], [403, 'plan.own_approval']);
    const forcedPage = await w.director.c.post(`${planUrl(w.m, caseId, planId)}/approve`);
    assert.equal(forcedPage.statusCode, 403);
    assert.doesNotMatch(pageText(forcedPage.body), /wymagane/);
    // With a second director, the page names who can.
    const deputy = await coordinator(h, w.m, ['director']);
    const [{ display_name: deputyName }] = (await ownerQuery<{ display_name: string }>(h, 'SELECT display_name FROM users WHERE id = $1', [deputy.user.id])) as [{ display_name: string }];
    assert.match(pageText((await w.director.c.get(planUrl(w.m, caseId, planId))).body), new RegExp(`Zatwierdzić może: ${deputyName}\\.`));
    const page = await planAction(h, w.director.c, w.m, caseId, planId, 'approve');
    assert.equal(page.statusCode, 403);
    assert.match(pageText(page.body), /Nie możesz zatwierdzić tego planu: jest Twojego autorstwa/);
    assert.equal((await planRow(h, w.m, planId)).status, 'submitted');
    await assert.rejects(
      ownerQuery(h, "UPDATE care_plans SET status = 'approved', approved_by = author_id, approved_at = now() WHERE municipality_id = $1 AND id = $2", [w.m.id, planId]),
      /check constraint/i,
    );
    // Someone else may: the supervisor of a team is an authorised organiser only for the team's cases.
    const other = await planAction(h, w.supervisor.c, w.m, caseId, planId, 'approve', {}, true);
    assert.equal(other.statusCode, 403);
    assert.equal(JSON.parse(other.body).error.code, 'case.need_to_know');
  });

  test('review 2 #1: whoever changed a plan’s content cannot approve it — the supervisor, or a director made coordinator; the database refuses too', async () => {
    const w = await planWorld(h, 'Gmina Cudzej Treści');
    const planId = await fullDraft(h, w);
    assert.equal((await planAction(h, w.coord.c, w.m, w.caseId, planId, 'submit')).statusCode, 303);
    // The supervisor returns the coordinator's plan, writes her own text, submits it and tries to approve it.
    assert.equal((await planAction(h, w.supervisor.c, w.m, w.caseId, planId, 'return', { return_note: 'Sytuację opiszę sama.' })).statusCode, 303);
    const row = await planRow(h, w.m, planId);
    const edit = await planAction(h, w.supervisor.c, w.m, w.caseId, planId, 'edit', { valid_from: row.valid_from, valid_until: row.valid_until, situation: 'Tekst kierowniczki zespołu, nie koordynatora.' });
    assert.equal(edit.statusCode, 303, edit.body.slice(0, 2000));
    assert.equal((await postItem(h, w.supervisor.c, w.m, w.caseId, planId, 'goals/new', { description: 'Cel dopisany przez kierowniczkę.' })).statusCode, 303);
    assert.equal((await planAction(h, w.supervisor.c, w.m, w.caseId, planId, 'submit')).statusCode, 303);
    const own = await planAction(h, w.supervisor.c, w.m, w.caseId, planId, 'approve', {}, true);
    assert.equal(own.statusCode, 403);
    assert.equal(JSON.parse(own.body).error.code, 'plan.own_approval');
    assert.equal((await planRow(h, w.m, planId)).status, 'submitted');
    // The page tells her why, and who may approve instead.
    const page = pageText((await w.supervisor.c.get(planUrl(w.m, w.caseId, planId))).body);
    assert.match(page, /W treści tego planu są Twoje zmiany, więc nie możesz go zatwierdzić/);
    const [director] = await ownerQuery<{ display_name: string }>(h, 'SELECT display_name FROM users WHERE id = $1', [w.director.user.id]);
    assert.match(page, new RegExp(`Zatwierdzić może: ${director!.display_name}\\.`));
    assert.doesNotMatch(page, /Zatwierdzam plan/);
    assert.doesNotMatch(pageText((await w.supervisor.c.get(`/${w.m.slug}/plans/awaiting`)).body), /Janina Lniarska/);
    // The database is the net: an editor as approver, or an editor struck off, is refused.
    await assert.rejects(
      ownerQuery(h, "UPDATE care_plans SET status = 'approved', approved_by = $3, approved_at = now() WHERE municipality_id = $1 AND id = $2", [w.m.id, planId, w.supervisor.user.id]),
      /check constraint|care_plans_approver_not_editor/i,
    );
    await assert.rejects(ownerQuery(h, "UPDATE care_plans SET edited_by = '{}' WHERE municipality_id = $1 AND id = $2", [w.m.id, planId]), /edited_by/);
    assert.equal((await planAction(h, w.director.c, w.m, w.caseId, planId, 'approve')).statusCode, 303);
    assert.equal((await planRow(h, w.m, planId)).approved_by, w.director.user.id);

    // A director handed the case as its coordinator writes into the draft: she may not approve it; the supervisor may.
    const caseId = await makeCase(h, w.m, { coordinator: w.coord.user.id, teamId: w.teamId });
    const second = await fullDraft(h, w, w.coord, caseId);
    await ownerQuery(h, 'UPDATE cases SET coordinator_id = $3 WHERE municipality_id = $1 AND id = $2', [w.m.id, caseId, w.director.user.id]);
    assert.equal((await postItem(h, w.director.c, w.m, caseId, second, 'goals/new', { description: 'Cel dopisany przez dyrektorkę.' })).statusCode, 303);
    assert.equal((await planAction(h, w.director.c, w.m, caseId, second, 'submit')).statusCode, 303);
    const byDirector = await planAction(h, w.director.c, w.m, caseId, second, 'approve', {}, true);
    assert.equal(byDirector.statusCode, 403);
    assert.equal(JSON.parse(byDirector.body).error.code, 'plan.own_approval');
    assert.equal((await planAction(h, w.supervisor.c, w.m, caseId, second, 'approve')).statusCode, 303);
  });

  test('another approver approves: the coordinator is mailed; a plain coordinator may not approve', async () => {
    const w = await planWorld(h, 'Gmina Zatwierdzeń');
    const planId = await fullDraft(h, w);
    const empty = await planAction(h, w.coord.c, w.m, w.caseId, planId, 'submit');
    assert.equal(empty.statusCode, 303);
    const byCoordinator = await planAction(h, w.coord.c, w.m, w.caseId, planId, 'approve', {}, true);
    assert.equal(byCoordinator.statusCode, 403);
    assert.equal(JSON.parse(byCoordinator.body).error.code, 'plan.own_approval');
    const awaiting = pageText((await w.supervisor.c.get(`/${w.m.slug}/plans/awaiting`)).body);
    assert.match(awaiting, /Janina Lniarska/);
    assert.equal((await w.coord.c.get(`/${w.m.slug}/plans/awaiting`)).statusCode, 200);
    assert.match(pageText((await w.coord.c.get(`/${w.m.slug}/plans/awaiting`)).body), /Żaden plan nie czeka na Twoje zatwierdzenie/);
    const listed = (await auditEntries(h, w.m, w.supervisor.user.id, 'plan.read')).at(-1)!;
    assert.deepEqual([listed.details.purpose, listed.details.cases, listed.details.ids], ['awaiting', [w.caseId], [planId]]);

    assert.equal((await planAction(h, w.supervisor.c, w.m, w.caseId, planId, 'approve')).statusCode, 303);
    const row = await planRow(h, w.m, planId);
    assert.deepEqual([row.status, row.approved_by], ['approved', w.supervisor.user.id]);
    const mail = await mailsTo(h, w.coord.user.email);
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.subject, /Zatwierdzono plan w sprawie CUS\/2026\//);
    assert.match(mail[0]!.body_text, new RegExp(`http://localhost:3000/${w.m.slug}/cases/${w.caseId}/plan`));
    assert.doesNotMatch(mail[0]!.body_text, /Janina/, 'no resident name by mail');
    const twice = await planAction(h, w.director.c, w.m, w.caseId, planId, 'approve', {}, true);
    assert.equal(JSON.parse(twice.body).error.code, 'plan.wrong_status');
  });

  test('returning with a note sends the draft back to its author, who may edit it again', async () => {
    const w = await planWorld(h, 'Gmina Zwrotów');
    const planId = await fullDraft(h, w);
    await planAction(h, w.coord.c, w.m, w.caseId, planId, 'submit');
    const locked = await postItem(h, w.coord.c, w.m, w.caseId, planId, 'goals/new', { description: 'Po przekazaniu.' });
    assert.equal(locked.statusCode, 409);
    const noNote = await planAction(h, w.director.c, w.m, w.caseId, planId, 'return', { return_note: '' });
    assert.equal(noNote.statusCode, 422);
    assert.match(pageText(noNote.body), /Co poprawić: To pole jest wymagane/);
    assert.equal((await planAction(h, w.director.c, w.m, w.caseId, planId, 'return', { return_note: 'Dopisz termin przeglądu po trzech miesiącach.' })).statusCode, 303);
    const row = await planRow(h, w.m, planId);
    assert.deepEqual([row.status, row.returned_note], ['draft', 'Dopisz termin przeglądu po trzech miesiącach.']);
    assert.match(pageText((await w.coord.c.get(planUrl(w.m, w.caseId))).body), /Plan zwrócony do poprawy z uwagą: Dopisz termin przeglądu/);
    assert.match((await mailsTo(h, w.coord.user.email))[0]!.body_text, /Dopisz termin przeglądu/);
    assert.equal((await postItem(h, w.coord.c, w.m, w.caseId, planId, 'goals/new', { description: 'Poprawiony cel.' })).statusCode, 303);
  });

  test('a revision copies the approved plan; approving it supersedes the old one in the same transaction', async () => {
    const w = await planWorld(h, 'Gmina Przeglądów');
    const first = await approvedPlan(h, w);
    const revise = await planAction(h, w.coord.c, w.m, w.caseId, first, 'revise');
    assert.equal(revise.statusCode, 303);
    const second = revise.headers.location!.split('/').pop()!;
    assert.deepEqual([(await planRow(h, w.m, second)).revision, (await planRow(h, w.m, second)).status], [2, 'draft']);
    const count = (planId: string, table: string) => ownerQuery<{ n: number }>(h, `SELECT count(*)::int AS n FROM ${table} WHERE municipality_id = $1 AND plan_id = $2`, [w.m.id, planId]).then((r) => r[0]!.n);
    for (const table of ['care_plan_goals', 'care_plan_services']) assert.equal(await count(second, table), await count(first, table), table);
    const twice = await planAction(h, w.coord.c, w.m, w.caseId, first, 'revise', {}, true);
    assert.equal(JSON.parse(twice.body).error.code, 'plan.exists');
    // The page shows the plan in force and points to the revision in preparation.
    assert.match(pageText((await w.coord.c.get(planUrl(w.m, w.caseId))).body), /zatwierdzony, obowiązuje — wersja 1 .* Aktualizacja planu w przygotowaniu: wersja 2/);
    await postItem(h, w.coord.c, w.m, w.caseId, second, 'goals/new', { description: 'Nowy cel po przeglądzie.' });
    await planAction(h, w.coord.c, w.m, w.caseId, second, 'submit');

    // A failure after the old plan was superseded rolls the whole approval back.
    await ownerQuery(h, `CREATE FUNCTION fail_approval() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$`, []);
    await ownerQuery(h, "CREATE TRIGGER fail_approval BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.action = 'plan.approved') EXECUTE FUNCTION fail_approval()", []);
    const failed = await planAction(h, w.director.c, w.m, w.caseId, second, 'approve');
    assert.equal(failed.statusCode, 500);
    assert.deepEqual([(await planRow(h, w.m, first)).status, (await planRow(h, w.m, second)).status], ['approved', 'submitted']);
    await ownerQuery(h, 'DROP TRIGGER fail_approval ON audit_log', []);

    assert.equal((await planAction(h, w.director.c, w.m, w.caseId, second, 'approve')).statusCode, 303);
    assert.deepEqual([(await planRow(h, w.m, first)).status, (await planRow(h, w.m, second)).status], ['superseded', 'approved']);
    const [entry] = await ownerQuery<{ details: { superseded: string } }>(h, "SELECT details FROM audit_log WHERE municipality_id = $1 AND action = 'plan.approved' AND subject_id = $2", [w.m.id, second]);
    assert.equal(entry!.details.superseded, first);
  });

  test('need-to-know: another coordinator gets 403 on every route; the director reads every case', async () => {
    const w = await planWorld(h, 'Gmina Poufna');
    const planId = await fullDraft(h, w);
    for (const path of [planUrl(w.m, w.caseId), planUrl(w.m, w.caseId, planId), `${planUrl(w.m, w.caseId, planId)}.pdf`, `${planUrl(w.m, w.caseId, planId)}/goals/new`]) {
      const res = await w.other.c.get(path, { accept: 'application/json' });
      assert.equal(res.statusCode, 403, path);
      assert.equal(JSON.parse(res.body).error.code, 'case.need_to_know');
    }
    const write = await postItem(h, w.other.c, w.m, w.caseId, planId, 'goals/new', { description: 'Cudzy cel.' });
    assert.equal(write.statusCode, 403);
    assert.equal((await w.resident.c.get(planUrl(w.m, w.caseId))).statusCode, 403, 'a resident has no cases.manage');
    assert.equal((await w.other.c.get(planUrl(w.m, '00000000-0000-4000-8000-000000000000'), { accept: 'application/json' })).statusCode, 404);
    assert.equal((await w.director.c.get(planUrl(w.m, w.caseId))).statusCode, 200);
    // Directors read and approve; drafting stays with the coordinator and her supervisor.
    const edit = await postItem(h, w.director.c, w.m, w.caseId, planId, 'goals/new', { description: 'Cel dyrektorki.' });
    assert.equal(edit.statusCode, 403);
    assert.equal((await w.director.c.get(`${planUrl(w.m, w.caseId, planId)}/goals/new`)).statusCode, 403);
    assert.equal((await w.director.c.get(`${planUrl(w.m, w.caseId, planId)}/edit`)).statusCode, 403);
    assert.equal((await auditEntries(h, w.m, w.other.user.id, 'plan.read')).length, 0, 'a refused read reads nothing');
  });
});
