import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../support/client';
import { ownerQuery } from '../support/db';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine, devMail } from '../support/harness';
import { CONFLICT, fieldError, pageText } from '../support/pages';
import { assertIncludes } from '../support/assertions';
import { callForm, draft, inDays, offerForm, organisation, person, publishedCall, setCloses } from './commissioning-helpers';

const code = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string } }).error.code;

describeEachEngine('commissioning: calls, offers with their sums and limits, submission, decisions', (h) => {
  test('calls: only commissioning.manage; 21 days after publication, in Polish; optimistic versions; published as an announcement', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Konkursów');
    const anonymous = new TestClient(h.app);
    assert.equal((await anonymous.get(`/${m.slug}/grants/calls/new`)).statusCode, 303);
    for (const roles of [['resident'], ['ngo_member'], ['coordinator']] as const) {
      const { c } = await person(h, m, [...roles]);
      assert.equal((await c.post(`/${m.slug}/grants/calls/new`, callForm())).statusCode, 403, roles.join());
    }
    const { c: officer } = await person(h, m, ['grants_officer']);
    const short = await officer.post(`/${m.slug}/grants/calls/new`, callForm({ closes_on: inDays(20), grant_ceiling: '200 000', criteria: 'bez wagi', total_amount: 'sto' }));
    assert.equal(short.statusCode, 422);
    assert.equal(fieldError(short.body, 'closes_on'), 'Termin składania ofert musi przypadać co najmniej 21 dni po ogłoszeniu konkursu (art. 13 ust. 1 ustawy).');
    assert.equal(fieldError(short.body, 'criteria'), 'Każde kryterium w osobnym wierszu: nazwa, średnik i waga od 1 do 100.');
    assert.equal(fieldError(short.body, 'total_amount'), 'Wpisz kwotę w złotych, np. 12 500 albo 12 500,50.');
    const over = await officer.post(`/${m.slug}/grants/calls/new`, callForm({ grant_ceiling: '200 000' }));
    assert.equal(fieldError(over.body, 'grant_ceiling'), 'Najwyższa dotacja nie może być większa niż cała kwota konkursu.');
    assert.equal((await officer.post(`/${m.slug}/grants/calls/new`, callForm({ closes_on: inDays(22) }))).statusCode, 303, '22 days is enough');

    const created = await officer.post(`/${m.slug}/grants/calls/new`, callForm());
    const id = /calls\/([0-9a-f-]{36})\/offers/.exec(created.headers.location!)![1]!;
    assert.equal((await anonymous.get(`/${m.slug}/grants/calls/${id}`)).statusCode, 404, 'a draft is staff-only');
    const edited = await officer.post(`/${m.slug}/grants/calls/${id}/edit`, { ...callForm({ title: 'Aktywni seniorzy 2027' }), version: '1' });
    assert.equal(edited.statusCode, 303);
    const stale = await officer.post(`/${m.slug}/grants/calls/${id}/edit`, { ...callForm({ title: 'Inna nazwa' }), version: '1' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    await ownerQuery(h, "UPDATE commissioning_calls SET offers_close_at = now() + interval '20 days' WHERE municipality_id = $1 AND id = $2", [m.id, id]);
    const late = await officer.post(`/${m.slug}/grants/calls/${id}/publish`, { version: '2' });
    assert.equal(late.statusCode, 422, 'publishing re-checks the 21 days from now');
    await ownerQuery(h, "UPDATE commissioning_calls SET offers_close_at = now() + interval '30 days' WHERE municipality_id = $1 AND id = $2", [m.id, id]);
    assert.equal((await officer.post(`/${m.slug}/grants/calls/${id}/publish`, { version: '2' })).statusCode, 303);
    const [notice] = await ownerQuery<{ title: string }>(h, "SELECT v.title FROM announcements a JOIN announcement_versions v ON v.municipality_id = a.municipality_id AND v.announcement_id = a.id WHERE a.municipality_id = $1 AND a.source_module = 'commissioning' AND a.source_id = $2", [m.id, id]);
    assert.match(notice!.title, /Aktywni seniorzy 2027/);
    const page = pageText((await anonymous.get(`/${m.slug}/grants/calls/${id}`)).body);
    assertIncludes(page, 'Aktywni seniorzy 2027');
    assertIncludes(page, 'przyjmuje oferty');
    assertIncludes(page, '40 000,00 zł');
  });

  test('offers: the registry’s members only, sums on every save, problems listed before submission, one immutable version with hash and server time', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Ofert');
    const { c: officer } = await person(h, m, ['grants_officer']);
    const callId = await publishedCall(officer, m);
    const { c: member, user } = await person(h, m, ['ngo_member']);
    const { c: stranger, user: strangerUser } = await person(h, m, ['ngo_member']);
    const org = await organisation(h, m, 'Stowarzyszenie Seniorów „Złota Jesień”', [user.id]);
    await organisation(h, m, 'Fundacja Obca', [strangerUser.id]);
    const partner = await organisation(h, m, 'Koło Przyjaciół', []);
    const { c: resident } = await person(h, m, ['resident']);
    const refused = await stranger.post(`/${m.slug}/grants/calls/${callId}/offers/new`, { organisation_id: org });
    assert.equal(refused.statusCode, 422, 'not a member of that organisation');
    const id = await draft(member, m, callId, org);

    // A line that does not sum, a grant above the ceiling, own contribution below 10 %.
    const bad = offerForm(1, { cost_0_total: '31 000', cost_0_grant: '45 000', cost_0_own_financial: '0', cost_1_own_in_kind: '', cost_1_volunteer: '', partner_0_organisation: partner, partner_0_share: '30' });
    assert.equal((await member.post(`/${m.slug}/grants/offers/${id}`, bad)).statusCode, 303, 'a draft is saved with its problems');
    const page = pageText((await member.get(`/${m.slug}/grants/offers/${id}`)).body);
    assertIncludes(page, 'Wnioskowana dotacja 50 000,00 zł');
    assertIncludes(page, 'Pozycja 1: źródła finansowania dają razem 45 000,00 zł, a koszt pozycji to 31 000,00 zł.');
    assertIncludes(page, 'Wnioskowana dotacja (50 000,00 zł) przekracza najwyższą dotację w konkursie (40 000,00 zł).');
    assertIncludes(page, 'Wkład własny to 0% kosztów, a konkurs wymaga co najmniej 10%.');
    const check = pageText((await member.get(`/${m.slug}/grants/offers/${id}/submit`)).body);
    assertIncludes(check, 'Przed złożeniem popraw:');
    const early = await member.post(`/${m.slug}/grants/offers/${id}/submit`, { confirmed: 'yes', version: '2' });
    assert.equal(early.statusCode, 422);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM commissioning_offer_versions WHERE municipality_id = $1 AND offer_id = $2', [m.id, id])).length, 0);
    const badMoney = await member.post(`/${m.slug}/grants/offers/${id}`, offerForm(2, { cost_0_grant: 'dużo' }));
    assert.equal(fieldError(badMoney.body, 'cost_0_grant'), 'Wpisz kwotę w złotych, np. 12 500 albo 12 500,50.');

    // Attackers: another organisation's member, a resident, anonymous — nothing of the offer.
    for (const [who, c] of [['stranger', stranger], ['resident', resident]] as const) {
      const r = await c.get(`/${m.slug}/grants/offers/${id}`);
      assert.equal(r.statusCode, 404, who);
      assert.ok(!r.body.includes('Aktywny senior'), who);
      assert.equal((await c.post(`/${m.slug}/grants/offers/${id}`, offerForm(2))).statusCode, 404, who);
      assert.equal((await c.post(`/${m.slug}/grants/offers/${id}/submit`, { confirmed: 'yes', version: '2' })).statusCode, 404, who);
    }
    assert.equal((await new TestClient(h.app).get(`/${m.slug}/grants/offers/${id}`)).statusCode, 303, 'anonymous: to the log-in');

    assert.equal((await member.post(`/${m.slug}/grants/offers/${id}`, offerForm(2, { partner_0_organisation: partner, partner_0_share: '30' }))).statusCode, 303);
    const good = pageText((await member.get(`/${m.slug}/grants/offers/${id}/submit`)).body);
    assertIncludes(good, 'Oferta spełnia warunki konkursu');
    assertIncludes(good, '16,66%');
    // Concurrent submits of one offer: exactly one version.
    const answers = await Promise.all([1, 2, 3, 4].map(() => member.post(`/${m.slug}/grants/offers/${id}/submit`, { confirmed: 'yes', version: '3' })));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 409, 409, 409]);
    const rows = await ownerQuery<{ number: number; sha256: string; content: unknown; submitted_at: Date }>(h, 'SELECT number, sha256, content, submitted_at FROM commissioning_offer_versions WHERE municipality_id = $1 AND offer_id = $2', [m.id, id]);
    assert.equal(rows.length, 1);
    const content = rows[0]!.content as { partners: { name: string }[]; sums: { grant: number } };
    assert.equal(content.sums.grant, 3_000_000);
    assert.equal(content.partners[0]!.name, 'Koło Przyjaciół');
    assert.match(rows[0]!.sha256, /^[0-9a-f]{64}$/);
    const confirmation = pageText((await member.get(`/${m.slug}/grants/offers/${id}/submitted`)).body);
    assertIncludes(confirmation, rows[0]!.sha256);
    const seconds = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'long', timeStyle: 'medium' }).format(rows[0]!.submitted_at);
    assertIncludes(confirmation, seconds);
    await h.worker.drain();
    const mail = await devMail(h.db, user.email);
    assert.ok(mail.some((x) => x.subject === 'Potwierdzenie złożenia oferty: Aktywny senior 2027' && x.body_text.includes(rows[0]!.sha256)));
    assert.equal((await member.post(`/${m.slug}/grants/offers/${id}`, offerForm(4))).statusCode, 409, 'a submitted offer cannot change');
    assert.equal((await officer.get(`/${m.slug}/grants/offers/${id}`)).statusCode, 200, 'staff read it');
    assert.equal((await stranger.get(`/${m.slug}/grants/offers/${id}/submitted`)).statusCode, 404);

    // The application's role cannot change or remove a submitted version.
    for (const statement of ["UPDATE commissioning_offer_versions SET sha256 = repeat('0', 64)", 'DELETE FROM commissioning_offer_versions']) {
      await assert.rejects(h.db.tx({ municipalityId: m.id, userId: user.id }, (sql) => sql.query(statement)), /permission denied/, statement);
    }
  });

  test('the deadline to the second by the server clock', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Terminów');
    const { c: officer } = await person(h, m, ['grants_officer']);
    const callId = await publishedCall(officer, m);
    const { c: member, user } = await person(h, m, ['ngo_member']);
    const org = await organisation(h, m, 'Stowarzyszenie Na Czas', [user.id]);
    const second = await organisation(h, m, 'Stowarzyszenie Spóźnione', [user.id]);
    const onTime = await draft(member, m, callId, org);
    const late = await draft(member, m, callId, second);
    for (const id of [onTime, late]) assert.equal((await member.post(`/${m.slug}/grants/offers/${id}`, offerForm(1))).statusCode, 303);
    await setCloses(h, m, callId, '3 seconds');
    assert.equal((await member.post(`/${m.slug}/grants/offers/${onTime}/submit`, { confirmed: 'yes', version: '2' })).statusCode, 303, 'just before the closing instant');
    await setCloses(h, m, callId, '-1 second');
    const refused = await member.postJson(`/${m.slug}/grants/offers/${late}/submit`, { confirmed: 'yes', version: '2' });
    assert.deepEqual([refused.statusCode, code(refused)], [409, 'commissioning.closed']);
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM commissioning_offer_versions WHERE municipality_id = $1 AND offer_id = $2', [m.id, late])).length, 0);
    const page = await member.post(`/${m.slug}/grants/offers/${late}/submit`, { confirmed: 'yes', version: '2' });
    assertIncludes(pageText(page.body), 'Termin składania ofert w tym konkursie minął');
  });
});
