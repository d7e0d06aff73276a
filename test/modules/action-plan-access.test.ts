import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { actionsOfOrganisation } from '../../src/modules/action-plan';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/harness';
import { assertTaggedPdf } from '../support/pdf-structure';
import { pdfText } from '../support/pdf-text';
import { addAction, addGoal, actionForm, createPlan, municipalityWithRegistry, one, organisationId, planForm } from './action-plan-helpers';
import { auditActions } from '../support/db';
import { pageText } from '../support/pages';
import { person, staff } from '../support/people';

const adopted = (h: Parameters<typeof one>[0], m: { id: string }) =>
  one<{ id: string; title: string }>(h, "SELECT id, title FROM action_plans WHERE municipality_id = $1 AND status = 'adopted'", [m.id]);
const draft = (h: Parameters<typeof one>[0], m: { id: string }) =>
  one<{ id: string; title: string }>(h, "SELECT id, title FROM action_plans WHERE municipality_id = $1 AND status = 'draft'", [m.id]);

describeEachEngine('action plan: who sees what, print, PDF, export, overdue', (h) => {
  test('the public sees adopted plans only; drafts are for staff with action_plan.manage', async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Publiczna', true);
    const [plan, hidden] = [await adopted(h, m), await draft(h, m)];
    const anonymous = new TestClient(h.app);
    const { c: resident } = await person(h, m, ['resident', 'coordinator']);
    for (const c of [anonymous, resident]) {
      const list = await c.get(`/${m.slug}/action-plans`);
      assert.equal(list.statusCode, 200);
      assertIncludes(list.body, plan.title.replace('—', '—'), 'the list shows the adopted plan, not the draft');
      assertExcludes(pageText(list.body), hidden.title, 'the list shows the adopted plan, not the draft');
      assert.equal((await c.get(`/${m.slug}/action-plans/${plan.id}`)).statusCode, 200);
      for (const path of ['', '/print', '.pdf']) assert.equal((await c.get(`/${m.slug}/action-plans/${hidden.id}${path}`)).statusCode, 404, `draft${path}`);
    }
    for (const path of ['new', `${plan.id}/manage`, `${plan.id}/edit`, `${plan.id}/actions.csv`]) {
      const res = await anonymous.get(`/${m.slug}/action-plans/${path}`);
      assert.equal(res.statusCode, 303, path);
      assert.match(res.headers.location ?? '', /^\/login\?next=/);
      assert.equal((await resident.get(`/${m.slug}/action-plans/${path}`)).statusCode, 403, `a coordinator may not ${path}`);
    }
    const { c: organiser } = await staff(h, m);
    assertIncludes(pageText((await organiser.get(`/${m.slug}/action-plans`)).body), hidden.title, 'staff see drafts');
    assert.equal((await organiser.get(`/${m.slug}/action-plans/${hidden.id}`)).statusCode, 200);
    assert.equal((await organiser.get(`/${m.slug}/action-plans/${hidden.id}/manage`)).statusCode, 200);
    const post = await resident.postJson(`/${m.slug}/action-plans/${plan.id}/edit`, planForm({ version: '1' }));
    assert.equal(post.statusCode, 403);

    // Another municipality's staff: A's plan does not exist at B's address and is refused at A's.
    const b = await municipalityWithRegistry(h, 'Gmina Sąsiednia');
    const { c: outsider } = await staff(h, b, ['community_organiser', 'administrator']);
    assert.equal((await outsider.get(`/${b.slug}/action-plans/${plan.id}`)).statusCode, 404);
    assert.equal((await outsider.get(`/${b.slug}/action-plans/${hidden.id}/manage`)).statusCode, 404);
    assert.equal((await outsider.get(`/${m.slug}/action-plans/${hidden.id}/manage`)).statusCode, 403);
    assert.equal((await outsider.postJson(`/${b.slug}/action-plans/${plan.id}/edit`, planForm({ version: '1' }))).statusCode, 404);
  });

  test('overdue actions are marked in words; progress per goal; staff names only for staff', async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Terminów');
    const { user, c } = await staff(h, m);
    const planId = await createPlan(h, c, m, { period_from: '2020-01-01', period_to: '2030-12-31', status: 'adopted' });
    const goal = await addGoal(c, m, planId, 'Cel z terminami');
    await addAction(c, m, planId, actionForm(goal, { title: 'Zaległe działanie', starts_on: '2021-01-01', due_on: '2021-02-01', status: 'in_progress', responsible_user_id: user.id }));
    await addAction(c, m, planId, actionForm(goal, { title: 'Zrobione dawno', starts_on: '2021-01-01', due_on: '2021-02-01', status: 'done' }));
    await addAction(c, m, planId, actionForm(goal, { title: 'Przyszłe działanie', starts_on: '2029-01-01', due_on: '2029-02-01' }));
    const page = await new TestClient(h.app).get(`/${m.slug}/action-plans/${planId}`);
    const rows = [...page.body.matchAll(/<tr id="action-[^"]+"( class="plan-overdue")?>([\s\S]*?)<\/tr>/g)].map((r) => [Boolean(r[1]), pageText(r[2]!)] as const);
    assert.deepEqual(rows.map(([overdue]) => overdue), [true, false, false]);
    assert.match(rows[0]![1], /w trakcie Po terminie/);
    assertIncludes(pageText(page.body), 'Zrealizowano 1 z 3 działań (1 działanie po terminie)');
    const { display_name } = await one<{ display_name: string }>(h, 'SELECT display_name FROM users WHERE id = $1', [user.id]);
    assertExcludes(page.body, display_name, 'the public sees the centre, not the staff member');
    assertIncludes(rows[0]![1], m.cus_name, 'the public sees the centre, not the staff member');
    assertIncludes((await c.get(`/${m.slug}/action-plans/${planId}/print`)).body, display_name, 'staff see who');
  });

  test('the PDF and the printable page hold the actions; CSV and XLSX export them (audited)', async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Druku', true);
    const plan = await adopted(h, m);
    const print = await new TestClient(h.app).get(`/${m.slug}/action-plans/${plan.id}/print`);
    assert.equal(print.statusCode, 200);
    assertIncludes(pageText(print.body), 'Sieć „Sąsiad dla sąsiada” — dyżury wolontariuszy dla seniorów');
    const pdf = await new TestClient(h.app).get(`/${m.slug}/action-plans/${plan.id}.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const phrase of ['Osada Fabryczna', 'Cel 1. Sąsiedzi znają się i pomagają sobie nawzajem', 'Spacery badawcze po podwórkach osady', 'Po terminie', 'zaniechane', 'Rada Osiedla Osada Fabryczna']) {
      assertIncludes(text, phrase, `PDF says "${phrase}": ${text.slice(0, 400)}`);
    }
    assertIncludes(text, 'DZIAŁAJ.MY', 'the federation is named');
    assertTaggedPdf(pdf.rawPayload, { title: plan.title, lang: 'pl-PL', types: ['H2', 'H3'] });

    const { c } = await staff(h, m);
    const csv = await c.get(`/${m.slug}/action-plans/${plan.id}/actions.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="dzialania-/);
    const records = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 7);
    assert.deepEqual(records.map((r) => r.action_number), ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1']);
    const network = records.find((r) => r.action!.startsWith('Sieć'))!;
    assert.deepEqual([network.status, network.status_label, network.overdue, network.target_value], ['in_progress', 'w trakcie', 'yes', '25']);
    assert.match(network.organisations!, /DZIAŁAJ\.MY/);
    const xlsx = await c.get(`/${m.slug}/action-plans/${plan.id}/actions.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    assert.deepEqual((await auditActions(h, m, plan.id)).map((e) => e.action), ['action_plan.exported', 'action_plan.exported']);
  });

  test("actionsOfOrganisation: an organisation's actions in adopted plans, for its cooperation history", async () => {
    const m = await municipalityWithRegistry(h, 'Gmina Współpracy', true);
    const federation = await organisationId(h, m, 'Federacja Organizacji');
    const kgw = await organisationId(h, m, 'Koło Gospodyń');
    const list = await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => actionsOfOrganisation(sql, m.id, federation));
    assert.deepEqual(list.map((a) => a.title).sort(), ['Klub młodzieżowy w Miejscu Aktywności Lokalnej', 'Sieć „Sąsiad dla sąsiada” — dyżury wolontariuszy dla seniorów']);
    assert.deepEqual(Object.keys(list[0]!).sort(), ['dueOn', 'id', 'planId', 'planTitle', 'status', 'title']);
    assert.match(list[0]!.dueOn, /^\d{4}-\d{2}-\d{2}$/);
    const withDrafts = await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => actionsOfOrganisation(sql, m.id, kgw, { includeDrafts: true }));
    const publicOnly = await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => actionsOfOrganisation(sql, m.id, kgw));
    assert.equal(withDrafts.length, publicOnly.length + 1, 'the draft plan counts only when asked');
  });
});
