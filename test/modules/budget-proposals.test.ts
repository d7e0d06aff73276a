import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editionWinners, seedBudgetFixtures, seedBudgetProposalFixtures } from '../../src/modules/budget';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeEachEngine, type Harness } from '../support/harness';
import { CONFLICT, fieldError, inputValue, pageText } from '../support/pages';
import { logIn } from '../support/session';
import { assertIncludes } from '../support/assertions';
import { pesel } from './budget-helpers';

const DAY = 86_400_000;

/** An edition made through the staff form, then its phases moved around "now" straight in the table. */
async function newEdition(h: Harness, m: MunicipalityRow, staff: TestClient, fields: Record<string, string> = {}) {
  const res = await staff.postJson(`/${m.slug}/budzet/nowa-edycja`, {
    name: 'Budżet Obywatelski Testowa 2028', year: '2028', ballot_kind: 'approval', max_projects: '3', rule: 'greedy', appeal_days: '7', publish: '1',
    proposals_from: '2028-01-10', proposals_to: '2028-02-10', verification_from: '2028-02-11', verification_to: '2028-03-31',
    voting_from: '2028-05-01', voting_to: '2028-05-15',
    pool_0_name: 'Pula ogólnomiejska', pool_0_kind: 'city', pool_0_budget: '500 000', pool_0_residents: '30000', pool_0_threshold: '3',
    pool_1_name: 'Osiedle Wschód', pool_1_kind: 'district', pool_1_budget: '100000', pool_1_residents: '5000',
    ...fields,
  });
  assert.equal(res.statusCode, 201, res.body);
  const editionId = (res.json() as { id: string }).id;
  const pools = await h.db.ownerTx((sql) => sql.query<{ id: string; kind: string }>('SELECT id, kind FROM budget_pools WHERE edition_id = $1 ORDER BY position', [editionId]));
  return { editionId, city: pools[0]!.id, district: pools[1]!.id };
}

async function setPhase(h: Harness, m: MunicipalityRow, editionId: string, phase: string, fromMs: number, toMs: number) {
  await h.db.ownerTx((sql) =>
    sql.query(
      `INSERT INTO budget_phases (municipality_id, edition_id, phase, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality_id, edition_id, phase) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`,
      [m.id, editionId, phase, new Date(Date.now() + fromMs), new Date(Date.now() + toMs)],
    ),
  );
}

const proposal = (pool: string, extra: Record<string, string> = {}) => ({
  pool_id: pool, title: 'Ławki i drzewa na skwerze', description: 'Dziesięć ławek i osiem drzew na skwerze przy szkole.', place: 'skwer przy ul. Szkolnej',
  line_item_0: 'Ławki', line_amount_0: '20 000', line_item_1: 'Drzewa z nasadzeniem', line_amount_1: '16000', ...extra,
});

async function world(h: Harness, name: string) {
  const m = await makeMunicipality(h.db, name);
  const officer = await makeUser(h.db, { municipality: m, roles: ['grants_officer'], totp: true });
  const director = await makeUser(h.db, { municipality: m, roles: ['director'], totp: true });
  const author = await makeUser(h.db, { municipality: m, roles: ['resident'] });
  const staff = await logIn(h, officer);
  const e = await newEdition(h, m, staff);
  await setPhase(h, m, e.editionId, 'proposals', -DAY, DAY);
  await setPhase(h, m, e.editionId, 'verification', DAY, 20 * DAY);
  await setPhase(h, m, e.editionId, 'voting', 30 * DAY, 40 * DAY);
  return { m, officer, director, author, staff, boss: await logIn(h, director), resident: await logIn(h, author), ...e };
}

/** A resident's submitted proposal: created as a draft, then submitted at version 1. */
async function submitted(h: Harness, w: Awaited<ReturnType<typeof world>>, client = w.resident, extra: Record<string, string> = {}) {
  const created = await client.postJson(`/${w.m.slug}/budzet/${w.editionId}/wnioski/nowy`, proposal(w.city, extra));
  assert.equal(created.statusCode, 201, created.body);
  const id = (created.json() as { id: string }).id;
  assert.equal((await client.postJson(`/${w.m.slug}/budzet/wnioski/${id}/zloz`, { version: '1' })).statusCode, 200);
  return id;
}

const checks = (ok: Record<string, 'yes' | 'no' | ''>, reasons: Record<string, string> = {}) => ({
  formal_ok: ok.formal ?? 'yes', legal_ok: ok.legal ?? 'yes', cost_ok: ok.cost ?? 'yes', feasibility_ok: ok.feasibility ?? 'yes',
  formal_reason: reasons.formal ?? '', legal_reason: reasons.legal ?? '', cost_reason: reasons.cost ?? '', feasibility_reason: reasons.feasibility ?? '',
});

describeEachEngine('participatory budget: proposals, support, verification with appeal', (h) => {
  test('staff create an edition with phases, pools and a threshold of at most 0.1 %; field errors in Polish; residents may not', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Edycyjna');
    const staff = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['grants_officer'], totp: true }));
    const resident = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['resident'] }));
    assert.equal((await resident.get(`/${m.slug}/budzet/nowa-edycja`)).statusCode, 403);
    assert.equal((await resident.post(`/${m.slug}/budzet/nowa-edycja`, { name: 'Próba' })).statusCode, 403);

    const form = await staff.get(`/${m.slug}/budzet/nowa-edycja`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<form method="post" action="\/[^"]+\/budzet\/nowa-edycja"/, 'a plain form: no JavaScript needed');
    const bad = await staff.post(`/${m.slug}/budzet/nowa-edycja`, {
      name: 'Budżet 2029', year: '2029', ballot_kind: 'approval', rule: 'greedy', proposals_from: '2029-02-10', proposals_to: '2029-01-10', voting_from: '2029-05-01',
      pool_0_name: 'Pula ogólnomiejska', pool_0_kind: 'city', pool_0_budget: '100000', pool_0_residents: '2000', pool_0_threshold: '5',
    });
    assert.equal(bad.statusCode, 422);
    assert.equal(fieldError(bad.body, 'proposals_to'), 'Koniec etapu nie może być przed jego początkiem.');
    assert.ok(fieldError(bad.body, 'voting_to'), 'a phase needs both ends');
    assert.equal(fieldError(bad.body, 'pool_0_threshold'), 'Próg poparcia może wynosić najwyżej 0,1% mieszkańców puli: tu 2. Wpisz też liczbę mieszkańców.');
    assert.ok(fieldError(bad.body, 'verification_from'), 'verification dates are required');
    assert.equal(inputValue(bad.body, 'name'), 'Budżet 2029', 'input kept');

    const e = await newEdition(h, m, staff);
    const [row] = await h.db.ownerTx((sql) =>
      sql.query<{ appeal_days: number; status: string; source: string }>('SELECT appeal_days, status, source FROM budget_editions WHERE id = $1', [e.editionId]),
    );
    assert.deepEqual(row, { appeal_days: 7, status: 'published', source: 'app' });
    const phases = await h.db.ownerTx((sql) => sql.query<{ phase: string; starts_at: Date; ends_at: Date }>('SELECT phase, starts_at, ends_at FROM budget_phases WHERE edition_id = $1 ORDER BY starts_at', [e.editionId]));
    assert.deepEqual(phases.map((p) => p.phase), ['proposals', 'verification', 'voting']);
    // Whole Warsaw days: from midnight (CET, UTC+1) to the end of the last day.
    assert.equal(phases[0]!.starts_at.toISOString(), '2028-01-09T23:00:00.000Z');
    assert.equal(phases[0]!.ends_at.toISOString(), '2028-02-10T23:00:00.000Z');
    const pools = await h.db.ownerTx((sql) => sql.query<{ name: string; budget: string; support_threshold: number | null }>('SELECT name, budget::text, support_threshold FROM budget_pools WHERE edition_id = $1 ORDER BY position', [e.editionId]));
    assert.deepEqual(pools, [{ name: 'Pula ogólnomiejska', budget: '500000', support_threshold: 3 }, { name: 'Osiedle Wschód', budget: '100000', support_threshold: null }]);
    // The database holds the act's limit too.
    await assert.rejects(() => h.db.ownerTx((sql) => sql.query('UPDATE budget_pools SET support_threshold = 31 WHERE id = $1', [e.city])), /budget_pools_threshold_max/);
    assertIncludes(pageText((await new TestClient(h.app).get(`/${m.slug}/budzet/${e.editionId}`)).body), 'Osiedle Wschód');
  });

  test('a draft, edited (a stale version is 409 with the input kept) and submitted in the period; refused from the period end on; drafts are private', async () => {
    const w = await world(h, 'Gmina Wnioskowa');
    const base = `/${w.m.slug}/budzet`;
    const staffOnly = await logIn(h, await makeUser(h.db, { municipality: w.m, roles: ['coordinator'] }));
    assert.equal((await staffOnly.postJson(`${base}/${w.editionId}/wnioski/nowy`, proposal(w.city))).json().error.code, 'budget.residents_only');

    const empty = await w.resident.post(`${base}/${w.editionId}/wnioski/nowy`, { pool_id: w.city, title: 'Ab', line_item_0: 'Ławki', line_amount_0: 'dużo' });
    assert.equal(empty.statusCode, 422);
    assert.equal(fieldError(empty.body, 'line_amount_0'), 'Wpisz kwotę w pełnych złotych, większą od zera.');
    assert.ok(fieldError(empty.body, 'description'));
    const noLines = await w.resident.post(`${base}/${w.editionId}/wnioski/nowy`, proposal(w.city, { line_item_0: '', line_amount_0: '', line_item_1: '', line_amount_1: '' }));
    assert.equal(fieldError(noLines.body, 'line_item_0'), 'Wpisz co najmniej jedną pozycję kosztorysu z kwotą.');
    const foreignPool = await w.resident.postJson(`${base}/${w.editionId}/wnioski/nowy`, proposal('00000000-0000-4000-8000-000000000000'));
    assert.equal(foreignPool.statusCode, 422);

    const created = await w.resident.post(`${base}/${w.editionId}/wnioski/nowy`, proposal(w.city));
    assert.equal(created.statusCode, 303);
    const url = created.headers.location as string;
    const id = url.split('/').pop()!;
    const page = pageText((await w.resident.get(url)).body);
    assertIncludes(page, 'Ławki i drzewa na skwerze');
    assertIncludes(page, '36 000 zł');
    assertIncludes(page, 'szkic');
    assert.equal((await new TestClient(h.app).get(url)).statusCode, 404, 'a draft is only its author’s');
    const other = await logIn(h, await makeUser(h.db, { municipality: w.m, roles: ['resident'] }));
    assert.equal((await other.get(url)).statusCode, 404);
    assert.equal((await w.staff.get(url)).statusCode, 404, 'not even to staff: a draft is a working copy');
    assert.equal((await w.staff.get(`${url}/weryfikacja`)).statusCode, 404, 'nor verified');
    assert.ok(!pageText((await other.get(`${base}/${w.editionId}/wnioski`)).body).includes('Ławki i drzewa'), 'not listed to others');
    assert.equal((await other.post(`${url}/edytuj`, { ...proposal(w.city), version: '1' })).statusCode, 404, 'only the author edits');

    // Two edits made on version 1: the second is stale, shown again with what was typed.
    assert.equal((await w.resident.post(`${url}/edytuj`, { ...proposal(w.city, { title: 'Ławki na skwerze' }), version: '1' })).statusCode, 303);
    const stale = await w.resident.post(`${url}/edytuj`, { ...proposal(w.city, { title: 'Drzewa na skwerze' }), version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assert.equal(inputValue(stale.body, 'title'), 'Drzewa na skwerze');
    assert.equal(inputValue(stale.body, 'version'), '2', 'the saved version, so a second save is deliberate');
    assert.equal((await w.resident.postJson(`${url}/zloz`, { version: '1' })).statusCode, 409, 'submitting a stale draft');

    // The period ends: a second before, accepted; from its end, refused — the server's clock.
    await setPhase(h, w.m, w.editionId, 'proposals', -DAY, 60_000);
    assert.equal((await w.resident.postJson(`${url}/zloz`, { version: '2' })).statusCode, 200);
    assert.equal((await w.resident.postJson(`${url}/zloz`, { version: '3' })).json().error.code, 'budget.proposal_not_draft');
    assert.equal((await w.resident.postJson(`${url}/edytuj`, { ...proposal(w.city), version: '3' })).json().error.code, 'budget.proposal_not_draft');
    assertIncludes(pageText((await new TestClient(h.app).get(`${base}/${w.editionId}/wnioski`)).body), 'Ławki na skwerze');

    const late = (await w.resident.postJson(`${base}/${w.editionId}/wnioski/nowy`, proposal(w.city))).json() as { id: string };
    await setPhase(h, w.m, w.editionId, 'proposals', -DAY, -1);
    const refused = await w.resident.postJson(`${base}/wnioski/${late.id}/zloz`, { version: '1' });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'budget.proposals_closed');
    const refusedPage = await w.resident.post(`${base}/${w.editionId}/wnioski/nowy`, proposal(w.city));
    assert.equal(refusedPage.statusCode, 409);
    assertIncludes(pageText(refusedPage.body), 'Nabór projektów w tej edycji nie trwa');
    assert.equal(inputValue(refusedPage.body, 'title'), 'Ławki i drzewa na skwerze', 'input kept');
    const audit = await h.db.ownerTx((sql) => sql.query<{ action: string }>(`SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY occurred_at, action`, [id]));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['budget.proposal_created', 'budget.proposal_submitted', 'budget.proposal_updated']);
  });

  test('support: one per person (also two at once), progress toward the threshold, only residents, only in the period and for submitted proposals', async () => {
    const w = await world(h, 'Gmina Poparcia');
    const id = await submitted(h, w);
    const url = `/${w.m.slug}/budzet/wnioski/${id}`;
    const supporter = await logIn(h, await makeUser(h.db, { municipality: w.m, roles: ['resident'] }));
    const [a, b] = await Promise.all([supporter.postJson(`${url}/popieram`), supporter.postJson(`${url}/popieram`)]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    assert.equal((a.statusCode === 409 ? a : b).json().error.code, 'budget.already_supported');
    const again = await supporter.post(`${url}/popieram`);
    assert.equal(again.statusCode, 409);
    assertIncludes(pageText(again.body), 'Twoje poparcie tego projektu jest już zapisane');
    assert.equal((await w.resident.post(`${url}/popieram`)).statusCode, 303, 'the author may sign too');
    assertIncludes(pageText((await new TestClient(h.app).get(url)).body), 'Poparcie: 2 z 3 wymaganych podpisów');
    assert.equal((await w.staff.postJson(`${url}/popieram`)).json().error.code, 'budget.residents_only');
    assert.equal((await new TestClient(h.app).post(`${url}/popieram`)).statusCode, 401, 'signed-in people only');
    const third = await logIn(h, await makeUser(h.db, { municipality: w.m, roles: ['resident'] }));
    assert.equal((await third.postJson(`${url}/popieram`)).statusCode, 200);
    assertIncludes(pageText((await new TestClient(h.app).get(url)).body), 'wymagane poparcie zebrane');

    const draft = (await w.resident.postJson(`/${w.m.slug}/budzet/${w.editionId}/wnioski/nowy`, proposal(w.city))).json() as { id: string };
    assert.equal((await third.postJson(`/${w.m.slug}/budzet/wnioski/${draft.id}/popieram`)).statusCode, 404, 'a draft cannot be supported');
    // A support phase of its own: outside it, refused.
    await setPhase(h, w.m, w.editionId, 'support', DAY, 2 * DAY);
    const fourth = await logIn(h, await makeUser(h.db, { municipality: w.m, roles: ['resident'] }));
    assert.equal((await fourth.postJson(`${url}/popieram`)).json().error.code, 'budget.support_closed');
    await setPhase(h, w.m, w.editionId, 'support', -DAY, DAY);
    assert.equal((await fourth.postJson(`${url}/popieram`)).statusCode, 200);
    const [count] = await h.db.ownerTx((sql) => sql.query<{ n: number }>('SELECT count(*)::int AS n FROM budget_proposal_supports WHERE proposal_id = $1', [id]));
    assert.equal(count!.n, 4);
  });

  test('verification: author ≠ verifier even for staff, reasons for a failed check, stale 409 keeps input, published positive joins the ballot the vote reads', async () => {
    const w = await world(h, 'Gmina Weryfikacji');
    const base = `/${w.m.slug}/budzet`;
    const id = await submitted(h, w);
    const url = `${base}/wnioski/${id}/weryfikacja`;
    assert.equal((await w.resident.get(url)).statusCode, 403, 'residents do not verify');
    assert.equal((await w.resident.post(url, checks({}))).statusCode, 403);

    // A staff member who is also a resident proposes: they may not verify it.
    const both = await makeUser(h.db, { municipality: w.m, roles: ['resident', 'grants_officer'], totp: true });
    const bothClient = await logIn(h, both);
    const own = await submitted(h, w, bothClient, { title: 'Skatepark przy stadionie' });
    const refused = await bothClient.postJson(`${base}/wnioski/${own}/weryfikacja`, checks({}));
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'budget.own_proposal');
    assertIncludes(pageText((await bothClient.get(`${base}/wnioski/${own}/weryfikacja`)).body), 'To Twój projekt');

    const noReason = await w.staff.post(url, checks({ cost: 'no' }));
    assert.equal(noReason.statusCode, 422);
    assert.equal(fieldError(noReason.body, 'cost_reason'), 'Ocena negatywna wymaga uzasadnienia.');
    assert.equal((await w.staff.post(url, checks({ feasibility: '' }))).statusCode, 303, 'saved, one check still to do');
    assert.equal((await w.staff.postJson(`${url}/publikuj`, { version: '1' })).json().error.code, 'budget.verification_incomplete');
    assert.ok(!pageText((await new TestClient(h.app).get(`${base}/wnioski/${id}`)).body).includes('Kosztorys realny'), 'not public before publication');

    // Two officers on version 1: the second is stale and sees what they typed.
    assert.equal((await w.staff.post(url, { ...checks({}, { cost: 'Kosztorys realny.' }), version: '1' })).statusCode, 303);
    const stale = await w.boss.post(url, { ...checks({ legal: 'no' }, { legal: 'Teren prywatny.' }), version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assert.match(stale.body, /Teren prywatny\./);
    assert.equal((await w.staff.postJson(`${url}/publikuj`, { version: '1' })).statusCode, 409, 'publishing a stale verification');

    const published = await w.staff.postJson(`${url}/publikuj`, { version: '2' });
    assert.equal(published.statusCode, 200);
    assert.equal(published.json().outcome, 'positive');
    assert.equal((await w.staff.postJson(url, { ...checks({ legal: 'no' }, { legal: 'x' }), version: '3' })).json().error.code, 'budget.verification_published');
    const page = pageText((await new TestClient(h.app).get(`${base}/wnioski/${id}`)).body);
    assertIncludes(page, 'Weryfikacja pozytywna');
    assertIncludes(page, 'Kosztorys realny.');
    assertIncludes(page, 'dopuszczony do głosowania');

    // On the ballot as an imported project is: the vote and the results read it.
    const [project] = await h.db.ownerTx((sql) =>
      sql.query<{ id: string; cost: string; status: string; lines: number }>(
        `SELECT j.id, j.cost::text, j.status, (SELECT count(*)::int FROM budget_cost_lines l WHERE l.project_id = j.id) AS lines
         FROM budget_projects j JOIN budget_proposals p ON p.project_id = j.id WHERE p.id = $1`, [id],
      ),
    );
    assert.deepEqual({ cost: project!.cost, status: project!.status, lines: project!.lines }, { cost: '36000', status: 'on_ballot', lines: 2 });
    await setPhase(h, w.m, w.editionId, 'voting', -DAY, DAY);
    const voter = await logIn(h, await makeUser(h.db, { municipality: w.m, roles: ['resident'] }));
    const ballot = await voter.get(`${base}/${w.editionId}/glosuj/${w.city}`);
    assertIncludes(pageText(ballot.body), 'Ławki i drzewa na skwerze');
    assert.equal((await voter.post(`${base}/${w.editionId}/glosuj/${w.city}`, { projects: [project!.id], pesel: pesel('80010112', '34'), confirmed: 'yes' })).statusCode, 200);
    // Once voting has started the ballot is frozen: a verdict published now cannot add a project.
    const lateId = await h.db.ownerTx(async (sql) => {
      const [row] = await sql.query<{ id: string }>(
        `INSERT INTO budget_proposals (municipality_id, edition_id, pool_id, author_id, title, description, place, cost, status, submitted_at)
         VALUES ($1, $2, $3, $4, 'Późny projekt', 'Opis', 'Miejsce', 1000, 'submitted', now()) RETURNING id`, [w.m.id, w.editionId, w.city, w.author.id],
      );
      await sql.query(`INSERT INTO budget_proposal_cost_lines (municipality_id, proposal_id, position, item, amount) VALUES ($1, $2, 0, 'Całość', 1000)`, [w.m.id, row!.id]);
      return row!.id;
    });
    assert.equal((await w.staff.post(`${base}/wnioski/${lateId}/weryfikacja`, checks({}))).statusCode, 303);
    assert.equal((await w.staff.postJson(`${base}/wnioski/${lateId}/weryfikacja/publikuj`, { version: '1' })).json().error.code, 'budget.ballot_frozen');
    await setPhase(h, w.m, w.editionId, 'voting', -2 * DAY, -DAY);
    assert.deepEqual((await editionWinners(h.db, w.m.slug, w.editionId)).selected.length, 1, 'the proposal can win like any project');
  });

  test('a negative verdict: the author appeals in time with a text; another officer decides with reasons; upheld goes onto the ballot, dismissed is final', async () => {
    const w = await world(h, 'Gmina Odwołań');
    const base = `/${w.m.slug}/budzet`;
    const upheldId = await submitted(h, w);
    const dismissedId = await submitted(h, w, w.resident, { title: 'Kryty basen' });
    for (const id of [upheldId, dismissedId]) {
      assert.equal((await w.staff.post(`${base}/wnioski/${id}/weryfikacja`, checks({ cost: 'no' }, { cost: 'Koszt przekracza pulę.' }))).statusCode, 303);
      const r = await w.staff.postJson(`${base}/wnioski/${id}/weryfikacja/publikuj`, { version: '1' });
      assert.equal(r.json().outcome, 'negative');
    }
    const [v] = await h.db.ownerTx((sql) => sql.query<{ published_at: Date; appeal_until: Date }>('SELECT published_at, appeal_until FROM budget_verifications WHERE proposal_id = $1', [upheldId]));
    const days = (v!.appeal_until.getTime() - v!.published_at.getTime()) / DAY;
    assert.ok(days > 7 && days <= 8, `seven days after the day of publication, to its end (${days})`);
    const page = pageText((await w.resident.get(`${base}/wnioski/${upheldId}`)).body);
    assertIncludes(page, 'Weryfikacja negatywna');
    assertIncludes(page, 'Koszt przekracza pulę.');
    assertIncludes(page, 'Autor może się odwołać do');

    const other = await logIn(h, await makeUser(h.db, { municipality: w.m, roles: ['resident'] }));
    assert.equal((await other.postJson(`${base}/wnioski/${upheldId}/odwolanie`, { appeal_text: 'Nie zgadzam się.', version: '3' })).statusCode, 404, 'only the author appeals');
    const noText = await w.resident.post(`${base}/wnioski/${upheldId}/odwolanie`, { appeal_text: '', version: '3' });
    assert.equal(noText.statusCode, 422);
    assert.ok(fieldError(noText.body, 'appeal_text'));
    assert.equal((await w.resident.postJson(`${base}/wnioski/${upheldId}/odwolanie`, { appeal_text: 'Koszt można obniżyć.', version: '1' })).statusCode, 409, 'stale');
    assert.equal((await w.resident.postJson(`${base}/wnioski/${upheldId}/odwolanie`, { appeal_text: 'Koszt można obniżyć: ławki z demontażu.', version: '2' })).statusCode, 200);
    assert.equal((await w.resident.postJson(`${base}/wnioski/${upheldId}/odwolanie`, { appeal_text: 'Jeszcze raz.', version: '3' })).json().error.code, 'budget.appeal_closed');

    // The deadline passed (server clock): the other proposal's appeal is refused.
    await h.db.ownerTx((sql) => sql.query(`UPDATE budget_verifications SET appeal_until = now() - interval '1 second' WHERE proposal_id = $1`, [dismissedId]));
    assert.equal((await w.resident.postJson(`${base}/wnioski/${dismissedId}/odwolanie`, { appeal_text: 'Za późno?', version: '2' })).json().error.code, 'budget.appeal_closed');
    await h.db.ownerTx((sql) => sql.query(`UPDATE budget_verifications SET appeal_until = now() + interval '1 day' WHERE proposal_id = $1`, [dismissedId]));
    assert.equal((await w.resident.postJson(`${base}/wnioski/${dismissedId}/odwolanie`, { appeal_text: 'Basen można zbudować etapami.', version: '2' })).statusCode, 200);

    // The officer who gave the verdict does not decide the appeal; a reason is required.
    const decide = `${base}/wnioski/${upheldId}/odwolanie/rozstrzygnij`;
    assert.equal((await w.staff.postJson(decide, { decision: 'upheld', appeal_reason: 'Tak.', version: '3' })).json().error.code, 'budget.appeal_own_verdict');
    const noReason = await w.boss.post(decide, { decision: 'upheld', appeal_reason: '', version: '3' });
    assert.equal(noReason.statusCode, 422);
    assert.ok(fieldError(noReason.body, 'appeal_reason'));
    assert.equal((await w.boss.postJson(decide, { decision: 'upheld', appeal_reason: 'Autor wskazał tańsze ławki.', version: '2' })).statusCode, 409, 'stale');
    const upheld = await w.boss.postJson(decide, { decision: 'upheld', appeal_reason: 'Autor wskazał tańsze ławki.', version: '3' });
    assert.equal(upheld.statusCode, 200);
    assert.equal((await w.boss.postJson(decide, { decision: 'dismissed', appeal_reason: 'Zmiana zdania.', version: '4' })).json().error.code, 'budget.appeal_not_pending', 'final');
    const dismissed = await w.boss.postJson(`${base}/wnioski/${dismissedId}/odwolanie/rozstrzygnij`, { decision: 'dismissed', appeal_reason: 'Projekt musi dać się wykonać w jednym roku.', version: '3' });
    assert.equal(dismissed.statusCode, 200);

    const rows = await h.db.ownerTx((sql) => sql.query<{ id: string; status: string; project_id: string | null }>('SELECT id, status, project_id FROM budget_proposals WHERE id = ANY($1::uuid[])', [[upheldId, dismissedId]]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get(upheldId)!.status, 'on_ballot');
    assert.ok(byId.get(upheldId)!.project_id);
    assert.deepEqual({ ...byId.get(dismissedId)!, id: '' }, { id: '', status: 'appeal_dismissed', project_id: null });
    const publicPage = pageText((await new TestClient(h.app).get(`${base}/wnioski/${dismissedId}`)).body);
    assertIncludes(publicPage, 'Odwołanie nieuwzględnione — rozstrzygnięcie ostateczne: Projekt musi dać się wykonać w jednym roku.');
    assertIncludes(publicPage, 'Basen można zbudować etapami.');
    const audit = await h.db.ownerTx((sql) => sql.query<{ action: string }>(`SELECT action FROM audit_log WHERE subject_id = $1 AND action LIKE 'budget.appeal%' ORDER BY action`, [upheldId]));
    assert.deepEqual(audit.map((a) => a.action), ['budget.appeal_decided', 'budget.appeal_filed']);
    // In English too.
    const english = new TestClient(h.app);
    await english.post('/language', { locale: 'en', return: `${base}/wnioski/${dismissedId}` });
    const en = await english.get(`${base}/wnioski/${dismissedId}`);
    assertIncludes(pageText(en.body), 'Appeal dismissed — the decision is final');
  });

  test('the demo: the running edition has proposals on its ballot and a rejected one with a dismissed appeal', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Pokazowa');
    const resident = await makeUser(h.db, { municipality: m, roles: ['resident'] });
    const officer = await makeUser(h.db, { municipality: m, roles: ['grants_officer'] });
    const director = await makeUser(h.db, { municipality: m, roles: ['director'] });
    const seeded = await h.db.ownerTx(async (sql) => {
      const s = await seedBudgetFixtures(sql, m.id);
      await seedBudgetProposalFixtures(sql, m.id, s.open.edition, { resident: resident.id, officer: officer.id, director: director.id });
      return s;
    });
    const list = pageText((await new TestClient(h.app).get(`/${m.slug}/budzet/${seeded.open.edition}/wnioski`)).body);
    assertIncludes(list, 'Skatepark przy stadionie miejskim');
    assertIncludes(list, 'Kryty basen przy ul. Mireckiego');
    assertIncludes(list, 'odrzucony, odwołanie nieuwzględnione');
    const [basen] = await h.db.ownerTx((sql) => sql.query<{ id: string }>(`SELECT id FROM budget_proposals WHERE edition_id = $1 AND title LIKE 'Kryty basen%'`, [seeded.open.edition]));
    const page = pageText((await new TestClient(h.app).get(`/${m.slug}/budzet/wnioski/${basen!.id}`)).body);
    assertIncludes(page, 'wielokrotnie przekracza kwotę puli');
    assertIncludes(page, 'Rozstrzygnięcie jest ostateczne');
  });
});
