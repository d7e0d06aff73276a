import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine, type Harness } from '../support/harness';
import { CONFLICT, fieldError, inputValue, pageText } from '../support/pages';
import { draft, offerForm, organisation, person, publishedCall, setCloses } from './commissioning-helpers';

/** An offer started, saved and submitted by a member of the organisation; its id. */
async function submitted(c: TestClient, m: MunicipalityRow, callId: string, org: string, over: Record<string, string> = {}): Promise<string> {
  const id = await draft(c, m, callId, org);
  assert.equal((await c.post(`/${m.slug}/grants/offers/${id}`, offerForm(1, over))).statusCode, 303);
  assert.equal((await c.post(`/${m.slug}/grants/offers/${id}/submit`, { confirmed: 'yes', version: '2' })).statusCode, 303);
  return id;
}

const status = async (h: Harness, m: MunicipalityRow, id: string) =>
  (await ownerQuery<{ status: string }>(h, 'SELECT status FROM commissioning_offers WHERE municipality_id = $1 AND id = $2', [m.id, id]))[0]!.status;

/** Scores for the helper's call (criteria weighted 40, 30, 30). */
const scores = (version: number, action: string, s: [number, number, number], why: string) => ({
  version: String(version), action,
  score_0: String(s[0]), justification_0: `${why} — realizacja`,
  score_1: String(s[1]), justification_1: `${why} — koszty`,
  score_2: String(s[2]), justification_2: `${why} — wkład`,
});

describeEachEngine('commissioning: the committee and withdrawing an offer', (h) => {
  test('appointing: staff only; a nominee of a bidding organisation refused by name; the others appointed', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Komisji');
    const { c: officer, user: officerUser } = await person(h, m, ['grants_officer']);
    const callId = await publishedCall(officer, m);
    const { c: bidder, user: bidderUser } = await person(h, m, ['ngo_member']);
    const { user: colleague } = await person(h, m, ['ngo_member']);
    const { user: nominee } = await person(h, m, ['ngo_member']);
    const bidding = await organisation(h, m, 'Stowarzyszenie „Lniana Nić”', [bidderUser.id, colleague.id]);
    const neutral = await organisation(h, m, 'Fundacja „Spokojna Przystań”', [nominee.id]);
    await submitted(bidder, m, callId, bidding);

    for (const roles of [['resident'], ['ngo_member']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.post(`/${m.slug}/grants/calls/${callId}/committee`, { kind: 'nominee', nominee: `${neutral}:${nominee.id}` })).statusCode, 403);
      assert.equal((await c.get(`/${m.slug}/grants/calls/${callId}/committee`)).statusCode, 403);
    }
    const refused = await officer.post(`/${m.slug}/grants/calls/${callId}/committee`, { kind: 'nominee', nominee: `${bidding}:${colleague.id}` });
    assert.equal(refused.statusCode, 422);
    assert.equal(fieldError(refused.body, 'nominee'), 'Tej osoby nie można powołać: należy do organizacji, która złożyła ofertę w tym konkursie (Stowarzyszenie „Lniana Nić”).');
    assert.equal((await officer.post(`/${m.slug}/grants/calls/${callId}/committee`, { kind: 'staff', staff_user: officerUser.id, chair: '1' })).statusCode, 303);
    assert.equal((await officer.post(`/${m.slug}/grants/calls/${callId}/committee`, { kind: 'nominee', nominee: `${neutral}:${nominee.id}` })).statusCode, 303);
    const again = await officer.post(`/${m.slug}/grants/calls/${callId}/committee`, { kind: 'nominee', nominee: `${neutral}:${nominee.id}` });
    assert.equal(fieldError(again.body, 'nominee'), 'Ta osoba jest już członkiem komisji.');
    const notStaff = await officer.post(`/${m.slug}/grants/calls/${callId}/committee`, { kind: 'staff', staff_user: bidderUser.id });
    assert.equal(fieldError(notStaff.body, 'staff_user'), 'Wybierz pracownika gminy z listy.');
    const rows = await ownerQuery<{ user_id: string; kind: string; chair: boolean }>(h, 'SELECT user_id, kind, chair FROM commissioning_committee_members WHERE municipality_id = $1 AND call_id = $2 ORDER BY kind', [m.id, callId]);
    assert.deepEqual(rows.map((r) => [r.user_id, r.kind, r.chair]), [[nominee.id, 'nominee', false], [officerUser.id, 'staff', true]]);
    const page = pageText((await officer.get(`/${m.slug}/grants/calls/${callId}/committee`)).body);
    assertIncludes(page, 'osoba wskazana przez organizację: Fundacja „Spokojna Przystań”');
  });

  test('declarations before the contents, a conflict blocks, sheets hidden until submitted, the consensus 409 keeps what was typed, outsiders refused', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Oceny');
    const { c: officer, user: officerUser } = await person(h, m, ['grants_officer']);
    const { c: second, user: secondUser } = await person(h, m, ['grants_officer']);
    const callId = await publishedCall(officer, m);
    const { c: bidderA, user: a } = await person(h, m, ['ngo_member']);
    const { c: bidderB, user: b } = await person(h, m, ['ngo_member']);
    const { c: nominee, user: nomineeUser } = await person(h, m, ['ngo_member']);
    const { c: outsider, user: outsiderUser } = await person(h, m, ['ngo_member']);
    const orgA = await organisation(h, m, 'Stowarzyszenie „Aktywni 60+”', [a.id]);
    const orgB = await organisation(h, m, 'Fundacja „Ogród Sąsiedzki”', [b.id]);
    const neutral = await organisation(h, m, 'Federacja „Razem”', [nomineeUser.id]);
    await organisation(h, m, 'Klub „Niezależni”', [outsiderUser.id]);
    const offerA = await submitted(bidderA, m, callId, orgA, { task_description: 'Zajęcia z nordic walking nad Pisią dla 100 seniorów.' });
    const offerB = await submitted(bidderB, m, callId, orgB, { title: 'Ogród dla seniorów', task_description: 'Grządki podwyższone przy ul. Mireckiego.' });
    const appointments: Record<string, string>[] = [{ kind: 'staff', staff_user: officerUser.id, chair: '1' }, { kind: 'staff', staff_user: secondUser.id }, { kind: 'nominee', nominee: `${neutral}:${nomineeUser.id}` }];
    for (const body of appointments) {
      assert.equal((await officer.post(`/${m.slug}/grants/calls/${callId}/committee`, body)).statusCode, 303);
    }
    const early = await nominee.postJson(`/${m.slug}/grants/offers/${offerA}/declaration`, { conflict: 'no' });
    assert.equal(early.statusCode, 409, 'the committee works after the closing time');
    await setCloses(h, m, callId, '-1 minute');
    assertIncludes(pageText((await nominee.get(`/${m.slug}`)).body), '2 oferty czekają na Twoje oświadczenie lub ocenę w komisji');
    assertExcludes(pageText((await outsider.get(`/${m.slug}`)).body), 'w komisji', 'no card for someone on no committee');

    // Before declaring: the offer's name and offeror, never its contents.
    const declarationPage = await nominee.get(`/${m.slug}/grants/offers/${offerA}/declaration`);
    assert.equal(declarationPage.statusCode, 200);
    assertIncludes(pageText(declarationPage.body), 'Stowarzyszenie „Aktywni 60+”');
    assertExcludes(pageText(declarationPage.body), 'nordic walking');
    const undeclared = await nominee.get(`/${m.slug}/grants/offers/${offerA}/assessment`);
    assert.equal(undeclared.statusCode, 409);
    assertIncludes(pageText(undeclared.body), 'Najpierw złóż oświadczenie o braku konfliktu interesów');
    assertExcludes(pageText(undeclared.body), 'nordic walking');

    // A conflict: the offer stays shut to that member, and scoring it is refused.
    const noReason = await nominee.post(`/${m.slug}/grants/offers/${offerB}/declaration`, { conflict: 'yes' });
    assert.equal(fieldError(noReason.body, 'explanation'), 'Napisz krótko, na czym polega konflikt interesów.');
    assert.equal((await nominee.post(`/${m.slug}/grants/offers/${offerB}/declaration`, { conflict: 'yes', explanation: 'Moja siostra jest w zarządzie fundacji.' })).statusCode, 303);
    const shut = await nominee.get(`/${m.slug}/grants/offers/${offerB}/assessment`);
    assert.equal(shut.statusCode, 403);
    assertIncludes(pageText(shut.body), 'Zgłoszono konflikt interesów przy tej ofercie — nie możesz jej otworzyć ani ocenić.');
    assertExcludes(pageText(shut.body), 'Grządki');
    const scoreConflicted = await nominee.postJson(`/${m.slug}/grants/offers/${offerB}/sheet`, scores(0, 'submit', [30, 20, 20], 'x'));
    assert.equal(scoreConflicted.statusCode, 403);
    assert.equal((JSON.parse(scoreConflicted.body) as { error: { code: string } }).error.code, 'commissioning.conflicted');
    assert.equal((await nominee.postJson(`/${m.slug}/grants/offers/${offerB}/declaration`, { conflict: 'no' })).statusCode, 409, 'a declaration never changes');
    const [recorded] = await ownerQuery<{ conflict: boolean; declared_at: Date }>(h, 'SELECT conflict, declared_at FROM commissioning_conflict_declarations WHERE municipality_id = $1 AND offer_id = $2 AND user_id = $3', [m.id, offerB, nomineeUser.id]);
    assert.equal(recorded!.conflict, true);
    assert.ok(Math.abs(new Date(recorded!.declared_at).getTime() - Date.now()) < 60_000, 'recorded with its time');

    // Formal assessment first (the chair), then the individual sheets.
    for (const c of [nominee, officer, second]) assert.equal((await c.post(`/${m.slug}/grants/offers/${offerA}/declaration`, { conflict: 'no' })).statusCode, 303);
    assert.equal((await nominee.postJson(`/${m.slug}/grants/offers/${offerA}/sheet`, scores(0, 'save', [30, 20, 20], 'x'))).statusCode, 409, 'formal assessment first');
    assert.equal((await nominee.postJson(`/${m.slug}/grants/offers/${offerA}/formal`, { version: '0', formal: 'ok' })).statusCode, 403, 'the chair or staff only');
    assert.equal((await officer.post(`/${m.slug}/grants/offers/${offerA}/formal`, { version: '0', formal: 'ok' })).statusCode, 303);

    const range = await nominee.post(`/${m.slug}/grants/offers/${offerA}/sheet`, scores(0, 'save', [41, 20, 20], 'x'));
    assert.equal(range.statusCode, 422);
    assert.equal(fieldError(range.body, 'score_0'), 'Kryterium „Możliwość realizacji”: wpisz liczbę całkowitą punktów od 0 do 40.');
    assert.equal((await nominee.post(`/${m.slug}/grants/offers/${offerA}/sheet`, scores(0, 'save', [35, 25, 20], 'Zdanie nominata'))).statusCode, 303);
    assertIncludes(pageText((await nominee.get(`/${m.slug}`)).body), '1 oferta czeka na Twoje oświadczenie lub ocenę w komisji', 'a saved sheet is not a submitted one');
    assert.equal((await second.post(`/${m.slug}/grants/offers/${offerA}/sheet`, scores(0, 'submit', [30, 22, 24], 'Zdanie drugiego urzędnika'))).statusCode, 303);
    const secondView = pageText((await second.get(`/${m.slug}/grants/offers/${offerA}/assessment`)).body);
    assertIncludes(secondView, 'nordic walking');
    assertExcludes(secondView, 'Zdanie nominata', 'a sheet not submitted is its author’s alone');
    const nomineeBefore = pageText((await nominee.get(`/${m.slug}/grants/offers/${offerA}/assessment`)).body);
    assertExcludes(nomineeBefore, 'Zdanie drugiego urzędnika', 'hidden until the member submits');
    assertIncludes(nomineeBefore, 'Karty pozostałych członków zobaczysz po złożeniu własnej.');
    assert.equal((await nominee.post(`/${m.slug}/grants/offers/${offerA}/sheet`, scores(1, 'submit', [35, 25, 20], 'Zdanie nominata'))).statusCode, 303);
    assertIncludes(pageText((await nominee.get(`/${m.slug}/grants/offers/${offerA}/assessment`)).body), 'Zdanie drugiego urzędnika — koszty');
    const doneStart = pageText((await nominee.get(`/${m.slug}`)).body);
    assertExcludes(doneStart, '1 oferta czeka na Twoje oświadczenie', 'declared and scored: nothing waits');
    assertExcludes(doneStart, '2 oferty czekają na Twoje oświadczenie');
    assert.equal((await nominee.postJson(`/${m.slug}/grants/offers/${offerA}/sheet`, scores(2, 'save', [0, 0, 0], 'y'))).statusCode, 409, 'a submitted sheet never changes');

    // The consensus: two edits on version 1 at once — the second is refused with what was typed kept.
    assert.equal((await officer.post(`/${m.slug}/grants/offers/${offerA}/consensus`, { ...scores(1, '', [33, 24, 22], 'Ustalenie przewodniczącej'), remarks: 'Jednogłośnie.' })).statusCode, 303);
    const stale = await second.post(`/${m.slug}/grants/offers/${offerA}/consensus`, { ...scores(1, '', [30, 20, 20], 'Moja propozycja'), remarks: 'Inaczej.' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assert.equal(inputValue(stale.body, 'score_0'), '30', 'the typed value stays in the form');
    assertIncludes(stale.body, 'Moja propozycja — realizacja');
    assert.equal(inputValue(stale.body, 'version'), '2');
    const [saved] = await ownerQuery<{ total: number; version: number }>(h, 'SELECT total, version FROM commissioning_consensus WHERE municipality_id = $1 AND offer_id = $2', [m.id, offerA]);
    assert.deepEqual([saved!.total, saved!.version], [79, 2]);
    const manage = pageText((await officer.get(`/${m.slug}/grants/calls/${callId}/offers`)).body);
    assertIncludes(manage, 'Wspólna ocena (pkt)');
    assertIncludes(manage, '79');

    // Outsiders: a resident, a member of another organisation, the offeror's member, an organisation's member not on the committee.
    const { c: resident } = await person(h, m, ['resident']);
    for (const c of [resident, outsider, bidderB]) {
      assert.equal((await c.get(`/${m.slug}/grants/calls/${callId}/assessment`)).statusCode, 404);
      assert.equal((await c.get(`/${m.slug}/grants/offers/${offerA}/assessment`)).statusCode, 404);
      assert.equal((await c.get(`/${m.slug}/grants/offers/${offerA}/declaration`)).statusCode, 404);
      assert.equal((await c.post(`/${m.slug}/grants/offers/${offerA}/declaration`, { conflict: 'no' })).statusCode, 404);
      assert.equal((await c.post(`/${m.slug}/grants/offers/${offerA}/sheet`, scores(0, 'submit', [1, 1, 1], 'z'))).statusCode, 404);
      assert.equal((await c.post(`/${m.slug}/grants/offers/${offerA}/consensus`, scores(2, '', [1, 1, 1], 'z'))).statusCode, 404);
    }
    assert.equal((await bidderA.get(`/${m.slug}/grants/offers/${offerA}/assessment`)).statusCode, 404, 'the offeror sees its offer, not the committee’s sheets');
    const board = pageText((await nominee.get(`/${m.slug}/grants/calls/${callId}/assessment`)).body);
    assertIncludes(board, 'wyłączenie z oceny tej oferty');
    assertIncludes(pageText((await nominee.get(`/${m.slug}/grants/committee`)).body), 'Aktywizacja seniorów w 2027 roku');
  });

  test('withdrawing: the offeror’s member until the closing instant; the versions stay; a new offer can start; after it refused', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Wycofań');
    const { c: officer } = await person(h, m, ['grants_officer']);
    const callId = await publishedCall(officer, m);
    const { c: member, user } = await person(h, m, ['ngo_member']);
    const { c: other, user: otherUser } = await person(h, m, ['ngo_member']);
    const org = await organisation(h, m, 'Stowarzyszenie „Lniana Nić”', [user.id]);
    await organisation(h, m, 'Fundacja „Inna”', [otherUser.id]);
    const first = await submitted(member, m, callId, org);
    assertIncludes(pageText((await member.get(`/${m.slug}/grants/offers/${first}`)).body), 'Wycofaj ofertę');
    assert.equal((await other.post(`/${m.slug}/grants/offers/${first}/withdraw`, { confirmed: 'yes' })).statusCode, 404, 'another organisation’s member');
    assert.equal((await officer.post(`/${m.slug}/grants/offers/${first}/withdraw`, { confirmed: 'yes' })).statusCode, 403, 'staff do not withdraw offers');
    assert.equal((await member.post(`/${m.slug}/grants/offers/${first}/withdraw`, {})).statusCode, 422, 'the confirmation page first');
    assert.equal(await status(h, m, first), 'submitted');
    assert.equal((await member.get(`/${m.slug}/grants/offers/${first}/withdraw`)).statusCode, 200);
    assert.equal((await member.post(`/${m.slug}/grants/offers/${first}/withdraw`, { confirmed: 'yes' })).statusCode, 303);
    assert.equal(await status(h, m, first), 'withdrawn');
    const kept = await ownerQuery<{ n: number }>(h, 'SELECT count(*)::int AS n FROM commissioning_offer_versions WHERE municipality_id = $1 AND offer_id = $2', [m.id, first]);
    assert.equal(kept[0]!.n, 1, 'the submitted version stays');
    assert.equal((await member.postJson(`/${m.slug}/grants/offers/${first}/withdraw`, { confirmed: 'yes' })).statusCode, 409, 'withdrawn already');

    const second = await submitted(member, m, callId, org, { title: 'Aktywny senior 2027 — poprawiona' });
    assert.notEqual(second, first, 'a new offer after the withdrawal');
    await setCloses(h, m, callId, '-1 second');
    const late = await member.post(`/${m.slug}/grants/offers/${second}/withdraw`, { confirmed: 'yes' });
    assert.equal(late.statusCode, 409);
    assertIncludes(pageText(late.body), 'Termin składania ofert w tym konkursie minął');
    assert.equal(await status(h, m, second), 'submitted');
    assertExcludes(pageText((await member.get(`/${m.slug}/grants/offers/${second}`)).body), 'Wycofaj ofertę');
  });
});

describeEachEngine("the demo's committees", (h) => {
  test('the resolved call: three members, declarations with a conflict, sheets and the consensus; the open call: a committee appointed', async () => {
    assert.equal(await seedDemo(h.db), true);
    const calls = await h.db.ownerTx((sql) => sql.query<{ id: string; status: string; members: number; chairs: number }>(
      `SELECT c.id, c.status, count(cm.user_id)::int AS members, count(*) FILTER (WHERE cm.chair)::int AS chairs FROM commissioning_calls c
       LEFT JOIN commissioning_committee_members cm ON cm.municipality_id = c.municipality_id AND cm.call_id = c.id GROUP BY c.id, c.status ORDER BY c.status`, []));
    assert.deepEqual(calls.map((c) => [c.status, c.members, c.chairs]), [['published', 2, 1], ['resolved', 3, 1]]);
    const resolved = calls.find((c) => c.status === 'resolved')!.id;
    const officer = new TestClient(h.app);
    assert.equal((await officer.post('/login', { email: 'dotacje@zyrardow.example', password: DEMO_PASSWORD, next: '/account' })).statusCode, 303);
    const manage = pageText((await officer.get(`/zyrardow/grants/calls/${resolved}/offers`)).body);
    assertIncludes(manage, 'Wspólna ocena (pkt)');
    const [utw] = await h.db.ownerTx((sql) => sql.query<{ id: string }>("SELECT o.id FROM commissioning_offers o JOIN organisations g ON g.municipality_id = o.municipality_id AND g.id = o.organisation_id WHERE o.call_id = $1 AND g.name LIKE '%Trzeciego Wieku%'", [resolved]));
    const page = pageText((await officer.get(`/zyrardow/grants/offers/${utw!.id}/assessment`)).body);
    assertIncludes(page, 'Wspólna ocena (wersja 2) — razem 86 pkt');
    assertIncludes(page, 'Karta: Marta Zielińska');
    const representative = new TestClient(h.app);
    assert.equal((await representative.post('/login', { email: 'organizacja@zyrardow.example', password: DEMO_PASSWORD, next: '/account' })).statusCode, 303);
    const board = pageText((await representative.get(`/zyrardow/grants/calls/${resolved}/assessment`)).body);
    assertIncludes(board, 'zgłoszono konflikt interesów');
    assertIncludes(board, 'brak konfliktu interesów');
  });
});
