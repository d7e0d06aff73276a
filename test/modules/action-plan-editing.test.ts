import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes } from '../support/assertions';
import { describeEachEngine } from '../support/harness';
import { addAction, addGoal, actionForm, createPlan, municipalityWithRegistry, one, organisationId, planForm } from './action-plan-helpers';
import { auditActions } from '../support/db';
import { CONFLICT, fieldError, inputValue, pageText } from '../support/pages';
import { staff } from '../support/people';

describeEachEngine('action plan: plans, goals and actions, field errors, concurrent edits', (h) => {
  test('an organiser builds a plan: goals, actions with staff, organisations and a partner; reorders them; every change audited', async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Planu');
    const { user, c } = await staff(h, m);
    const planId = await createPlan(h, c, m);
    const g1 = await addGoal(c, m, planId, 'Sąsiedzi pomagają sobie nawzajem');
    const g2 = await addGoal(c, m, planId, 'Podwórka są zadbane');
    const federation = await organisationId(h, m, 'Federacja Organizacji');
    const a1 = await addAction(c, m, planId, actionForm(g1, { responsible_user_id: user.id, organisation_ids: [federation], target_value: '12,5' }));
    const a2 = await addAction(c, m, planId, actionForm(g1, { title: 'Spacer badawczy', partner: 'Rada Osiedla', starts_on: '2027-03-01', due_on: '2027-03-01' }));

    const row = await one<{ responsible_user_id: string; target_value: string; position: number }>(h, 'SELECT responsible_user_id, target_value::text, position FROM action_plan_actions WHERE id = $1', [a1]);
    assert.deepEqual([row.responsible_user_id, row.target_value, row.position], [user.id, '12.50', 1]);
    const page = await c.get(`/${m.slug}/action-plans/${planId}/manage`);
    assert.equal(page.statusCode, 200);
    const text = pageText(page.body);
    assertIncludes(text, 'Cel 1. Sąsiedzi pomagają sobie nawzajem');
    assertIncludes(text, 'Cel 2. Podwórka są zadbane');
    assertIncludes(text, 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”');
    assertIncludes(text, 'Zrealizowano 0 z 2 działań');

    // Move the second goal up and the first action down, by plain forms.
    assert.equal((await c.post(`/${m.slug}/action-plans/${planId}/goals/${g2}/move`, { move: 'up' })).statusCode, 303);
    assert.equal((await c.post(`/${m.slug}/action-plans/${planId}/actions/${a1}/move`, { move: 'down' })).statusCode, 303);
    const goals = await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM action_plan_goals WHERE plan_id = $1 ORDER BY position', [planId]));
    assert.deepEqual(goals.map((g) => g.id), [g2, g1]);
    const actions = await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM action_plan_actions WHERE goal_id = $1 ORDER BY position', [g1]));
    assert.deepEqual(actions.map((a) => a.id), [a2, a1]);
    const bad = await c.post(`/${m.slug}/action-plans/${planId}/goals/${g2}/move`, { move: 'sideways' });
    assert.equal(bad.statusCode, 422, 'an unknown move is a form error, not a crash');

    assert.deepEqual((await auditActions(h, m, planId)).map((e) => e.action), [
      'action_plan.created', 'action_plan.goal_created', 'action_plan.goal_created', 'action_plan.action_created', 'action_plan.action_created',
      'action_plan.reordered', 'action_plan.reordered',
    ]);
  });

  test('bad input: field-level Polish errors, nothing typed lost', async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Błędów');
    const { c } = await staff(h, m);
    const noTitle = await c.post(`/${m.slug}/action-plans/new`, planForm({ title: '', period_from: '2027-06-01', period_to: '2027-01-31' }));
    assert.equal(noTitle.statusCode, 422);
    assert.equal(fieldError(noTitle.body, 'title'), 'To pole jest wymagane.');
    assert.equal(fieldError(noTitle.body, 'period_to'), 'Koniec okresu nie może być wcześniejszy niż jego początek.');
    assert.equal(inputValue(noTitle.body, 'area'), 'Osada Fabryczna', 'what was typed stays');

    const planId = await createPlan(h, c, m);
    const goal = await addGoal(c, m, planId, 'Cel próbny');
    const res = await c.post(`/${m.slug}/action-plans/${planId}/actions/new`, actionForm(goal, { starts_on: '2027-11-10', due_on: '2027-11-01', partner: '', status: 'dropped', target_value: 'dużo' }));
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'due_on'), 'Termin zakończenia nie może być wcześniejszy niż początek.');
    assert.equal(fieldError(res.body, 'responsible_user_id'), 'Wskaż pracownika, organizację albo partnera odpowiedzialnego za działanie.');
    assert.equal(fieldError(res.body, 'drop_note'), 'Napisz, dlaczego działanie zostało zaniechane.');
    assert.equal(fieldError(res.body, 'target_value'), 'Wpisz liczbę, np. 40 albo 12,5 (najwyżej dwa miejsca po przecinku).');
    assert.equal(inputValue(res.body, 'title'), 'Wigilia sąsiedzka w Resursie');
    assert.equal(inputValue(res.body, 'target_value'), 'dużo');

    const outside = await c.post(`/${m.slug}/action-plans/${planId}/actions/new`, actionForm(goal, { starts_on: '2026-12-01', due_on: '2028-01-10', title: '' }));
    assert.equal(fieldError(outside.body, 'starts_on'), 'Data musi mieścić się w okresie planu.');
    assert.equal(fieldError(outside.body, 'due_on'), 'Data musi mieścić się w okresie planu.');
    assert.equal(fieldError(outside.body, 'title'), 'To pole jest wymagane.');

    const other = await municipalityWithRegistry(h, 'Gmina Obca');
    const foreign = await organisationId(h, other, 'Federacja Organizacji');
    const tampered = await c.post(`/${m.slug}/action-plans/${planId}/actions/new`, actionForm(goal, { organisation_ids: [foreign] }));
    assert.equal(tampered.statusCode, 422, "another municipality's organisation is refused");

    await addAction(c, m, planId, actionForm(goal));
    const shrink = await c.post(`/${m.slug}/action-plans/${planId}/edit`, planForm({ period_to: '2027-06-30', version: '1' }));
    assert.equal(shrink.statusCode, 422);
    assert.equal(fieldError(shrink.body, 'period_to'), 'Niektóre działania planu wypadają poza ten okres. Najpierw zmień ich terminy.');
    assert.equal((await one<{ n: number }>(h, 'SELECT count(*)::int AS n FROM action_plan_actions WHERE plan_id = $1', [planId])).n, 1);
  });

  test('two edits of one version: the second gets 409 with both versions shown, never a silent overwrite', async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Konfliktów Planu');
    const { c: first } = await staff(h, m);
    const { c: second } = await staff(h, m, ['director']);
    const planId = await createPlan(h, first, m);
    assert.equal((await first.post(`/${m.slug}/action-plans/${planId}/edit`, planForm({ area: 'Osada Fabryczna i okolice', version: '1' }))).statusCode, 303);
    const stale = await second.post(`/${m.slug}/action-plans/${planId}/edit`, planForm({ main_goal: 'Inny cel główny', version: '1' }));
    assert.equal(stale.statusCode, 409);
    const text = pageText(stale.body);
    assertIncludes(text, CONFLICT);
    assertIncludes(text, 'Inny cel główny');
    assertIncludes(text, 'Osada Fabryczna i okolice');
    assert.equal(inputValue(stale.body, 'version'), '2', 'the form now carries the saved version');
    const saved = await one<{ area: string; main_goal: string; version: number }>(h, 'SELECT area, main_goal, version FROM action_plans WHERE id = $1', [planId]);
    assert.deepEqual(saved, { area: 'Osada Fabryczna i okolice', main_goal: 'Sąsiedzi działają razem.', version: 2 });

    const goal = await addGoal(first, m, planId, 'Cel do konfliktu');
    const action = await addAction(first, m, planId, actionForm(goal));
    assert.equal((await first.post(`/${m.slug}/action-plans/${planId}/actions/${action}/edit`, actionForm(goal, { status: 'in_progress', version: '1' }))).statusCode, 303);
    const late = await second.post(`/${m.slug}/action-plans/${planId}/actions/${action}/edit`, actionForm(goal, { status: 'done', achieved_value: '130', version: '1' }));
    assert.equal(late.statusCode, 409);
    assertIncludes(pageText(late.body), 'w trakcie', 'the saved status is shown beside the typed one');
    assert.equal((await one<{ status: string }>(h, 'SELECT status FROM action_plan_actions WHERE id = $1', [action])).status, 'in_progress');
    const remove = await second.post(`/${m.slug}/action-plans/${planId}/actions/${action}/delete`, { version: '1', confirmed: 'yes' });
    assert.equal(remove.statusCode, 409, 'removing what someone has just changed is refused too');

    // Removing asks first: what goes, what to do instead, that it cannot be undone; a POST that skipped the page removes nothing.
    const items = `/${m.slug}/action-plans/${planId}`;
    const count = async (table: string) => (await one<{ n: number }>(h, `SELECT count(*)::int AS n FROM ${table} WHERE plan_id = $1`, [planId])).n;
    const confirmAction = pageText((await second.get(`${items}/actions/${action}/delete`)).body);
    for (const part of ['Usunąć działanie?', 'zniknie z planu', 'oznacz je jako zaniechane', 'Nie można tego cofnąć']) assertIncludes(confirmAction, part);
    const forced = await second.post(`${items}/actions/${action}/delete`, { version: '2' });
    assert.equal(forced.statusCode, 422);
    assertIncludes(pageText(forced.body), 'Nic nie zostało zrobione');
    assert.equal((await second.postJson(`${items}/actions/${action}/delete`, { version: '2' })).json().error.code, 'confirmation.required');
    assert.equal(await count('action_plan_actions'), 1);
    const goalVersion = String((await one<{ version: number }>(h, 'SELECT version FROM action_plan_goals WHERE id = $1', [goal])).version);
    const withActions = await second.post(`${items}/goals/${goal}/delete`, { version: goalVersion, confirmed: 'yes' });
    assert.equal(withActions.statusCode, 422, 'a goal with actions stays');
    assertIncludes(pageText(withActions.body), 'Ten cel ma działania');
    assert.equal((await second.post(`${items}/actions/${action}/delete`, { version: '2', confirmed: 'yes' })).statusCode, 303);
    assert.equal(await count('action_plan_actions'), 0);

    const confirmGoal = pageText((await second.get(`${items}/goals/${goal}/delete`)).body);
    for (const part of ['Usunąć cel?', 'Cel do konfliktu', 'Nie można tego cofnąć']) assertIncludes(confirmGoal, part);
    assert.equal((await second.post(`${items}/goals/${goal}/delete`, { version: goalVersion })).statusCode, 422);
    assert.equal(await count('action_plan_goals'), 1);
    assert.equal((await second.post(`${items}/goals/${goal}/delete`, { version: goalVersion, confirmed: 'yes' })).statusCode, 303);
    assert.equal(await count('action_plan_goals'), 0);
  });
});
