import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine, type Harness } from '../support/harness';
import { fieldError, pageText } from '../support/pages';
import { assertIncludes } from '../support/assertions';
import { assertTaggedPdf } from '../support/pdf-structure';
import { pdfText } from '../support/pdf-text';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo';
import { draft, offerForm, organisation, person, publishedCall, setCloses } from './commissioning-helpers';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** An awarded offer (28 000 zł of the 30 000 asked) of a resolved call, its organisation's member and staff. */
async function funded(h: Harness) {
  const m = await makeMunicipality(h.db, 'Gmina Umów');
  const officer = await person(h, m, ['grants_officer']);
  const member = await person(h, m, ['ngo_member']);
  const stranger = await person(h, m, ['ngo_member']);
  // A grants officer who is also a member of the offeror: may read, never decide.
  const both = await person(h, m, ['grants_officer', 'ngo_member']);
  const org = await organisation(h, m, 'Stowarzyszenie „Lniana Nić”', [member.user.id, both.user.id]);
  await organisation(h, m, 'Fundacja Obca', [stranger.user.id]);
  const callId = await publishedCall(officer.c, m);
  const offerId = await draft(member.c, m, callId, org);
  assert.equal((await member.c.post(`/${m.slug}/grants/offers/${offerId}`, offerForm(1))).statusCode, 303);
  assert.equal((await member.c.post(`/${m.slug}/grants/offers/${offerId}/submit`, { confirmed: 'yes', version: '2' })).statusCode, 303);
  assert.equal((await officer.c.post(`/${m.slug}/grants/offers/${offerId}/decision`, { kind: 'awarded', amount: '28 000', reasons: 'Oferta uzyskała 85 pkt.' })).statusCode, 303);
  await setCloses(h, m, callId, '-1 minute');
  assert.equal((await officer.c.post(`/${m.slug}/grants/calls/${callId}/results`, {})).statusCode, 303);
  return { m, officer, member, stranger, both, org, callId, offerId };
}

const agreementVersion = async (h: Harness, m: MunicipalityRow, id: string) =>
  (await ownerQuery<{ version: number; status: string; number: string }>(h, 'SELECT version, status, number FROM commissioning_agreements WHERE municipality_id = $1 AND id = $2', [m.id, id]))[0]!;

/** The updated budget's form: grant lines 23 000 + 5 000 = 28 000 (the amount awarded), own 6 000 of 34 000. */
const updated = (version: number, over: Record<string, string> = {}) =>
  ({ ...offerForm(version), cost_0_total: '28 000', cost_0_grant: '23 000', reasons: 'Dotacja niższa o 2 000 zł: mniej godzin zajęć.', ...over });

describeEachEngine('commissioning: agreements, annexes and reports', (h) => {
  test('an agreement from the funded offer, the updated budget checked and accepted, versions, the PDF for signature, signing, an annex; who may do what', async () => {
    const w = await funded(h);
    const { m } = w;
    const g = `/${m.slug}/grants`;
    assert.equal((await w.member.c.post(`${g}/offers/${w.offerId}/agreement`, {})).statusCode, 403, 'only staff create agreements');
    const created = await w.officer.c.post(`${g}/offers/${w.offerId}/agreement`, {});
    assert.equal(created.statusCode, 303);
    const id = /agreements\/([0-9a-f-]{36})/.exec(created.headers.location ?? '')![1]!;
    assert.equal((await w.officer.c.post(`${g}/offers/${w.offerId}/agreement`, {})).headers.location, created.headers.location, 'one agreement per offer');
    const a = `${g}/agreements/${id}`;

    // Readers: the offeror's members, staff, the call's committee; anyone else sees nothing.
    const page = pageText((await w.member.c.get(a)).body);
    for (const part of ['Stowarzyszenie „Lniana Nić”', 'Gmina Umów', '28 000,00 zł', 'wnioskowano 30 000,00 zł', 'Wersja 1 — z oferty', 'projekt — uzgadnianie warunków']) assertIncludes(page, part);
    assert.equal((await w.stranger.c.get(a)).statusCode, 404);
    assert.equal((await (await person(h, m, ['resident'])).c.get(a)).statusCode, 404);
    assert.notEqual((await new TestClient(h.app).get(a)).statusCode, 200);
    const evaluator = await person(h, m, ['evaluator']);
    await ownerQuery(h, "INSERT INTO commissioning_committee_members (municipality_id, call_id, user_id, kind) VALUES ($1, $2, $3, 'staff')", [m.id, w.callId, evaluator.user.id]);
    assert.equal((await evaluator.c.get(a)).statusCode, 200, 'the committee reads it');
    assert.equal((await evaluator.c.post(`${a}/change`, updated(1))).statusCode, 403, 'but does not write');

    // Not ready while the grant lines add up to what was asked, not what was awarded.
    const early = await w.officer.c.post(`${a}/state`, { version: '1', move: 'ready' });
    assert.equal(early.statusCode, 422);
    assertIncludes(pageText(early.body), 'Warunki umowy nie są kompletne: pozycje z dotacji muszą dać przyznaną kwotę, a wkład własny spełniać warunek konkursu.');

    // The updated budget: the offer's arithmetic, the grant to the grosz, the call's own contribution.
    const form = pageText((await w.member.c.get(`${a}/change`)).body);
    assertIncludes(form, 'Pozycje z dotacji muszą razem dać 28 000,00 zł');
    const wrongSum = await w.member.c.post(`${a}/change`, { ...updated(1), cost_0_grant: '25 000' });
    assert.equal(wrongSum.statusCode, 422);
    assert.match(pageText(wrongSum.body), /Pozycje z dotacji dają razem 30\s000,00 zł, a przyznana dotacja to 28\s000,00 zł/);
    const badLine = await w.member.c.post(`${a}/change`, updated(1, { cost_0_grant: '22 000', cost_1_grant: '6 000' }));
    assert.equal(fieldError(badLine.body, 'cost_0_total'), 'Pozycja 1: źródła finansowania dają razem 27\u00a0000,00 zł, a koszt pozycji to 28\u00a0000,00 zł.');
    const lowOwn = await w.member.c.post(`${a}/change`, updated(1, { cost_0_total: '23 000', cost_0_own_financial: '0', cost_1_own_in_kind: '0', cost_1_volunteer: '0', cost_1_total: '5 000' }));
    assert.match(pageText(lowOwn.body), /Wkład własny to 0% kosztów, a konkurs wymaga co najmniej 10%/);
    const noReasons = await w.member.c.post(`${a}/change`, updated(1, { reasons: '' }));
    assert.equal(fieldError(noReasons.body, 'reasons'), 'To pole jest wymagane.');
    assert.equal((await w.stranger.c.post(`${a}/change`, updated(1))).statusCode, 404, 'another organisation’s member');
    assert.equal((await w.member.c.post(`${a}/change`, updated(1))).statusCode, 303);
    assert.equal((await w.member.c.post(`${a}/change`, updated(2))).statusCode, 409, 'one request at a time');

    // Staff answer — not a member of the offeror, and only at the version they saw.
    assert.equal((await w.member.c.post(`${a}/change/decision`, { version: '2', decision: 'accept' })).statusCode, 403);
    assert.equal((await w.both.c.post(`${a}/change/decision`, { version: '2', decision: 'accept' })).statusCode, 403, 'the same person cannot ask and answer');
    const refuseBare = await w.officer.c.post(`${a}/change/decision`, { version: '2', decision: 'refuse', answer: '' });
    assert.equal(fieldError(refuseBare.body, 'answer'), 'To pole jest wymagane.');
    const other = await person(h, m, ['grants_officer']);
    assert.equal((await w.officer.c.post(`${a}/change/decision`, { version: '2', decision: 'accept' })).statusCode, 303);
    const stale = await other.c.post(`${a}/change/decision`, { version: '2', decision: 'refuse', answer: 'Nie.' });
    assert.equal(stale.statusCode, 409, 'a concurrent answer on a stale version');
    const [answer] = await ownerQuery<{ status: string }>(h, 'SELECT status FROM commissioning_change_requests WHERE municipality_id = $1', [m.id]);
    assert.equal(answer!.status, 'accepted', 'nothing of the first answer lost');

    const now = pageText((await w.member.c.get(a)).body);
    assertIncludes(now, 'Obowiązujące warunki: Wersja 2 — zaktualizowany harmonogram i kosztorys');
    assertIncludes(now, 'Wynagrodzenie instruktorów: 28 000,00 zł');
    const first = pageText((await w.member.c.get(`${a}?version=1`)).body);
    assertIncludes(first, 'Wcześniejsze warunki: Wersja 1 — z oferty');
    assertIncludes(first, 'Wynagrodzenie instruktorów: 30 000,00 zł');
    assert.equal((await w.member.c.get(`${a}?version=9`)).statusCode, 404);

    let v = (await agreementVersion(h, m, id)).version;
    assert.equal((await w.officer.c.post(`${a}/state`, { version: String(v), move: 'ready' })).statusCode, 303);
    const number = (await agreementVersion(h, m, id)).number;
    const pdf = await w.member.c.get(`${a}/agreement.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assertTaggedPdf(pdf.rawPayload, { title: `Umowa nr ${number} o realizację zadania publicznego`, lang: 'pl-PL', types: ['H2'] });
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const part of ['Stowarzyszenie „Lniana Nić”', 'Gmina Umów', 'art. 16 ust. 1', 'Aktywny senior 2027', '28 000,00 zł', 'Zleceniodawca', 'Zleceniobiorca', 'Z zaktualizowanym harmonogramem']) assertIncludes(text, part, `PDF has ${part}`);
    assert.equal((await w.stranger.c.get(`${a}/agreement.pdf`)).statusCode, 404);

    v = (await agreementVersion(h, m, id)).version;
    const future = await w.officer.c.post(`${a}/state`, { version: String(v), move: 'signed', signed_on: '2099-01-01' });
    assert.equal(fieldError(future.body, 'signed_on'), 'Data podpisania nie może być późniejsza niż dziś.');
    assert.equal((await w.officer.c.post(`${a}/state`, { version: String(v), move: 'signed', signed_on: today() })).statusCode, 303);
    assert.equal((await agreementVersion(h, m, id)).status, 'signed');

    // An annex: the grant stays, the lines move; accepted, it is version 3 ("aneks nr 1") and version 2 stays readable.
    v = (await agreementVersion(h, m, id)).version;
    assert.equal((await w.member.c.post(`${a}/change`, updated(v, { cost_0_grant: '24 000', cost_0_own_financial: '4 000', cost_1_grant: '4 000', cost_1_own_in_kind: '1 500', reasons: 'Sprzęt użyczony przez MOSiR.' }))).statusCode, 303);
    v = (await agreementVersion(h, m, id)).version;
    assert.equal((await w.officer.c.post(`${a}/change/decision`, { version: String(v), decision: 'accept' })).statusCode, 303);
    assertIncludes(pageText((await w.member.c.get(a)).body), 'Obowiązujące warunki: Wersja 3 — aneks nr 1');
    assertIncludes(pageText((await w.member.c.get(`${a}?version=2`)).body), 'Wynagrodzenie instruktorów: 28 000,00 zł (z dotacji 23 000,00 zł');
    const annexPdf = pdfText((await w.officer.c.get(`${a}/agreement.pdf`)).rawPayload).replace(/\s+/g, ' ');
    assertIncludes(annexPdf, 'aneks nr 1');
  });

  test('reports: a missing line or a wrong sum refused field by field with the draft intact, returned with remarks, resubmitted, accepted; start cards warn; settling', async () => {
    const w = await funded(h);
    const { m } = w;
    const g = `/${m.slug}/grants`;
    const id = /agreements\/([0-9a-f-]{36})/.exec((await w.officer.c.post(`${g}/offers/${w.offerId}/agreement`, {})).headers.location ?? '')![1]!;
    const a = `${g}/agreements/${id}`;
    assert.equal((await w.member.c.post(`${a}/reports/new`, { kind: 'final' })).statusCode, 409, 'reports once signed');
    assert.equal((await w.member.c.post(`${a}/change`, updated(1))).statusCode, 303);
    assert.equal((await w.officer.c.post(`${a}/change/decision`, { version: '2', decision: 'accept' })).statusCode, 303);
    assert.equal((await w.officer.c.post(`${a}/state`, { version: '3', move: 'ready' })).statusCode, 303);
    assert.equal((await w.officer.c.post(`${a}/state`, { version: '4', move: 'signed', signed_on: today() })).statusCode, 303);
    // The task ended 31 days ago: the final report is overdue — both start pages say so.
    await ownerQuery(h, "UPDATE commissioning_agreements SET period_to = current_date - 31, period_from = current_date - 200 WHERE municipality_id = $1 AND id = $2", [m.id, id]);
    assertIncludes(pageText((await w.member.c.get(`/${m.slug}`)).body), '1 sprawozdanie końcowe po terminie');
    assertIncludes(pageText((await w.officer.c.get(`/${m.slug}`)).body), '1 umowa bez sprawozdania końcowego po terminie');

    assert.equal((await w.stranger.c.post(`${a}/reports/new`, { kind: 'final' })).statusCode, 404);
    const started = await w.member.c.post(`${a}/reports/new`, { kind: 'final' });
    assert.equal(started.statusCode, 303);
    const r = `${g}/reports/${/reports\/([0-9a-f-]{36})/.exec(started.headers.location ?? '')![1]!}`;
    assertIncludes(pageText((await w.member.c.get(r)).body), '100 uczestników, 300 godzin zajęć.');
    const done = 'Zajęcia dla 104 seniorów od marca do listopada.';
    assert.equal((await w.member.c.post(r, { version: '1', action: 'save', done, results: '', expense_0_total: '28 000', expense_0_grant: '23 000', expense_0_own_financial: '5 000' })).statusCode, 303);

    const missing = await w.member.c.post(r, { version: '2', action: 'submit', done: 'Inny tekst', results: '104 uczestników zamiast 100.', expense_0_total: '28 000', expense_0_grant: '23 000', expense_0_own_financial: '5 000' });
    assert.equal(missing.statusCode, 422);
    assert.equal(fieldError(missing.body, 'expense_1_total'), 'Pozycja 2 („Materiały”): wpisz wydatki albo 0, jeśli ich nie było.');
    const wrong = await w.member.c.post(r, { version: '2', action: 'submit', done, results: '104 uczestników.', expense_0_total: '28 000', expense_0_grant: '23 000', expense_0_own_financial: '4 000', expense_1_total: '6 000', expense_1_grant: '5 000', expense_1_own_in_kind: '500', expense_1_volunteer: '500' });
    assert.equal(fieldError(wrong.body, 'expense_0_total'), 'Pozycja 1: źródła finansowania dają razem 27\u00a0000,00 zł, a koszt pozycji to 28\u00a0000,00 zł.');
    const badMoney = await w.member.c.post(r, { version: '2', action: 'save', done, results: '', expense_0_total: 'dużo' });
    assert.equal(fieldError(badMoney.body, 'expense_0_total'), 'Wpisz kwotę w złotych, np. 12 500 albo 12 500,50.');
    const [kept] = await ownerQuery<{ done: string; status: string; version: number }>(h, 'SELECT done, status, version FROM commissioning_reports WHERE municipality_id = $1', [m.id]);
    assert.deepEqual(kept, { done, status: 'draft', version: 2 }, 'the saved draft is as it was');

    const good = { version: '2', action: 'submit', done, results: '104 uczestników zamiast 100; 310 godzin zajęć.', expense_0_total: '28 000', expense_0_grant: '23 000', expense_0_own_financial: '5 000', expense_1_total: '6 000', expense_1_grant: '5 000', expense_1_own_in_kind: '500', expense_1_volunteer: '500' };
    assert.equal((await w.stranger.c.post(r, good)).statusCode, 404);
    assert.equal((await w.member.c.post(r, good)).statusCode, 303);
    assert.equal((await w.member.c.post(r, { ...good, version: '4' })).statusCode, 409, 'a submitted report does not change');
    assertIncludes(pageText((await w.officer.c.get(`/${m.slug}`)).body), '1 sprawozdanie lub wniosek o zmianę umowy czeka na odpowiedź');

    assert.equal((await w.member.c.post(`${r}/review`, { version: '4', decision: 'accept' })).statusCode, 403);
    assert.equal((await w.both.c.post(`${r}/review`, { version: '4', decision: 'accept' })).statusCode, 403, 'staff who belong to the offeror do not accept its report');
    const bare = await w.officer.c.post(`${r}/review`, { version: '4', decision: 'return', remarks: '' });
    assert.equal(fieldError(bare.body, 'remarks'), 'To pole jest wymagane.');
    assert.equal((await w.officer.c.post(`${r}/review`, { version: '4', decision: 'return', remarks: 'Prosimy dopisać liczbę godzin w każdej grupie.' })).statusCode, 303);
    assertIncludes(pageText((await w.member.c.get(r)).body), 'Prosimy dopisać liczbę godzin w każdej grupie.');
    assert.equal((await w.member.c.post(r, { ...good, version: '5', results: '104 uczestników; grupa A 160 godzin, grupa B 150 godzin.' })).statusCode, 303);
    const subs = await ownerQuery<{ number: number; content: { results: string }; sha256: string }>(h, 'SELECT number, content, sha256 FROM commissioning_report_submissions WHERE municipality_id = $1 ORDER BY number', [m.id]);
    assert.deepEqual(subs.map((s) => s.number), [1, 2]);
    assert.equal(subs[0]!.content.results, '104 uczestników zamiast 100; 310 godzin zajęć.', 'the first submission kept as submitted');
    assert.match(subs[1]!.sha256, /^[0-9a-f]{64}$/);

    let v = (await agreementVersion(h, m, id)).version;
    const early = await w.officer.c.post(`${a}/state`, { version: String(v), move: 'settled' });
    assert.equal(fieldError(early.body, 'move'), 'Umowę można rozliczyć po przyjęciu sprawozdania końcowego.');
    assert.equal((await w.officer.c.post(`${r}/review`, { version: '7', decision: 'accept' })).statusCode, 303);
    assert.ok(!pageText((await w.member.c.get(`/${m.slug}`)).body).includes('po terminie'), 'no warning once the final report is in');
    v = (await agreementVersion(h, m, id)).version;
    assert.equal((await w.officer.c.post(`${a}/state`, { version: String(v), move: 'settled' })).statusCode, 303);
    assert.equal((await agreementVersion(h, m, id)).status, 'settled');
    const json = await w.officer.c.postJson(`${a}/state`, { version: String(v), move: 'terminated', reasons: 'x' });
    assert.equal(json.statusCode, 409);
    assert.equal(JSON.parse(json.body).error.code, 'conflict.stale');
  });
});

describeEachEngine("the demo's agreements", (h) => {
  test('the resolved call: an agreement signed with an updated budget and an annex and its final report accepted; one with a partial report returned with remarks', async () => {
    assert.equal(await seedDemo(h.db), true);
    const rows = await h.db.ownerTx((sql) => sql.query<{ id: string; org: string; status: string; kinds: string[]; reports: string[] }>(
      `SELECT a.id, g.name AS org, a.status,
         (SELECT array_agg(v.kind ORDER BY v.number) FROM commissioning_agreement_versions v WHERE v.municipality_id = a.municipality_id AND v.agreement_id = a.id) AS kinds,
         (SELECT array_agg(r.kind || ':' || r.status ORDER BY r.created_at) FROM commissioning_reports r WHERE r.municipality_id = a.municipality_id AND r.agreement_id = a.id) AS reports
       FROM commissioning_agreements a JOIN commissioning_offers o ON o.municipality_id = a.municipality_id AND o.id = a.offer_id
       JOIN organisations g ON g.municipality_id = o.municipality_id AND g.id = o.organisation_id ORDER BY a.number`, []));
    assert.deepEqual(rows.map((r) => [r.status, r.kinds, r.reports]), [['signed', ['offer', 'update', 'annex'], ['final:accepted']], ['signed', ['offer', 'update'], ['partial:returned']]]);
    const officer = new TestClient(h.app);
    assert.equal((await officer.post('/login', { email: 'dotacje@zyrardow.example', password: DEMO_PASSWORD, next: '/account' })).statusCode, 303);
    const page = pageText((await officer.get(`/zyrardow/grants/agreements/${rows[0]!.id}`)).body);
    assertIncludes(page, 'Obowiązujące warunki: Wersja 3 — aneks nr 1');
    assertIncludes(page, 'Sprawozdanie końcowe · przyjęte');
    // The demo's terms keep the offer's arithmetic: every version's grant lines add up to the grant.
    for (const r of rows) {
      const view = pageText((await officer.get(`/zyrardow/grants/agreements/${r.id}`)).body);
      assert.ok(!view.includes('Dotacja jest niższa od wnioskowanej: oferent składa'), `${r.org}: the updated budget is complete`);
    }
    const returned = await h.db.ownerTx((sql) => sql.query<{ id: string }>("SELECT id FROM commissioning_reports WHERE status = 'returned'", []));
    assertIncludes(pageText((await officer.get(`/zyrardow/grants/reports/${returned[0]!.id}`)).body), 'Prosimy dołączyć zestawienie godzin opieki');
  });
});
