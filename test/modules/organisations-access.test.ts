import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser } from '../support/factories';
import { describeEachEngine, devMail, linkIn } from '../support/harness';
import { logIn } from '../support/session';
import { auditActions, ownerQuery } from '../support/db';
import { CONFLICT, inputValue, pageText } from '../support/pages';
import { person, staff } from '../support/people';
import { organisationForm, organisationRow, register, seededMunicipality, verify } from './organisations-helpers';
import { assertConfirmed } from './confirm-a-helpers';

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
/** The invitation an organisation's administrator is offered to accept. */
const offered = (body: string) => /federation-invitations\/accept"[\s\S]*?name="invitation" value="([0-9a-f-]{36})"/.exec(body)?.[1];

describeEachEngine('organisations: tenants, rights, concurrent edits, federations', (h) => {
  test("another municipality's staff can neither see nor verify a registration", async () => {
    const a = await makeMunicipality(h.db, 'Gmina A');
    const b = await makeMunicipality(h.db, 'Gmina B');
    const { c } = await person(h);
    const id = await register(h, c, a);
    const { c: outsider } = await staff(h, b, ['community_organiser', 'director', 'administrator']);

    const queueB = await outsider.get(`/${b.slug}/organisations/queue`);
    assert.equal(queueB.statusCode, 200);
    assertExcludes(queueB.body, 'Tkaczki', "B's queue has none of A's registrations");
    assert.equal((await outsider.get(`/${a.slug}/organisations/queue`)).statusCode, 403);
    assert.equal((await outsider.get(`/${a.slug}/organisations/${id}/review`)).statusCode, 403);
    assert.equal((await outsider.postJson(`/${a.slug}/organisations/${id}/verify`, { version: '1' })).statusCode, 403);
    assert.equal((await outsider.get(`/${a.slug}/organisations/export.csv`)).statusCode, 403);
    // Through B's own addresses, A's registration does not exist.
    assert.equal((await outsider.get(`/${b.slug}/organisations/${id}/review`)).statusCode, 404);
    const viaB = await outsider.postJson(`/${b.slug}/organisations/${id}/verify`, { version: '1' });
    assert.deepEqual([viaB.statusCode, code(viaB)], [404, 'not_found']);
    assert.equal((await outsider.get(`/${b.slug}/organisations/${id}/edit`)).statusCode, 404);
    assert.equal((await organisationRow(h, a, { id })).status, 'pending', 'nothing changed');
    assert.deepEqual((await auditActions(h, a, id)).map((e) => e.action), ['organisation.registered']);
  });

  test("review 1 #16a: leaders' contacts on organisations.manage pages need the staff member's TOTP", async () => {
    const m = await makeMunicipality(h.db, 'Gmina Kontaktów');
    const { c: owner } = await person(h);
    const id = await register(h, owner, m);
    const organiser = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['community_organiser'] }));
    for (const path of ['queue', `${id}/review`, 'export.csv', `${id}/edit`]) {
      const res = await organiser.get(`/${m.slug}/organisations/${path}`);
      assert.notEqual(res.statusCode, 200, path);
      assertExcludes(res.body, 'Biuro@Tkaczki.example'.toLowerCase(), `${path} shows no contacts`);
      assertExcludes(res.body, '46 855 11 22', `${path} shows no contacts`);
    }
    const json = await organiser.postJson(`/${m.slug}/organisations/${id}/verify`, { version: '1' });
    assert.deepEqual([json.statusCode, code(json)], [403, 'auth.mfa_required']);
    const { c: enrolled } = await staff(h, m);
    assert.equal((await enrolled.get(`/${m.slug}/organisations/${id}/review`)).statusCode, 200, 'with TOTP the review opens');
  });

  test('only staff decide; a registration is edited by its registrant (or staff), a verified one by its administrators', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Uprawnień');
    const { c: owner } = await person(h);
    const { c: resident } = await person(h, m, ['resident', 'coordinator']);
    const id = await register(h, owner, m);
    assert.equal((await resident.postJson(`/${m.slug}/organisations/${id}/verify`, { version: '1' })).statusCode, 403);
    assert.equal((await resident.get(`/${m.slug}/organisations/queue`)).statusCode, 403);
    assert.equal((await resident.get(`/${m.slug}/organisations/${id}/edit`)).statusCode, 404, "someone else's registration is not theirs to see");
    assert.equal((await resident.postJson(`/${m.slug}/organisations/${id}/edit`, organisationForm({ version: '1' }))).statusCode, 404);
    assert.equal((await resident.get(`/${m.slug}/organisations/${id}/members`)).statusCode, 404);
    assert.equal((await owner.get(`/${m.slug}/organisations/${id}/members`)).statusCode, 403, 'no members before verification');

    const { c: director } = await staff(h, m, ['director']);
    const staffEdit = await director.post(`/${m.slug}/organisations/${id}/edit`, organisationForm({ phone: '46 855 99 99', version: '1' }));
    assert.equal(staffEdit.statusCode, 303, 'staff may correct a registration');
    assert.equal((await organisationRow(h, m, { id })).status, 'pending');
    assert.equal((await verify(h, director, m, id)).statusCode, 303);
    assert.equal((await owner.get(`/${m.slug}/organisations/${id}/edit`)).statusCode, 200, 'the registrant now administers it');

    // Anonymous visitors are sent to log in.
    const anonymous = new TestClient(h.app);
    for (const path of ['register', 'mine', `${id}/edit`, `${id}/members`, 'queue']) {
      const res = await anonymous.get(`/${m.slug}/organisations/${path}`);
      assert.equal(res.statusCode, 303, path);
      assert.match(res.headers.location ?? '', /^\/login\?next=/);
    }
  });

  test('two edits of one version: the second gets 409 with both versions shown, and nothing of the first is lost', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Konfliktów');
    const { c: owner } = await person(h);
    const { c: organiser } = await staff(h, m);
    const id = await register(h, owner, m);
    await verify(h, organiser, m, id);
    const { version } = await organisationRow(h, m, { id });
    const page = await owner.get(`/${m.slug}/organisations/${id}/edit`);
    assert.equal(inputValue(page.body, 'version'), String(version));

    const first = await organiser.post(`/${m.slug}/organisations/${id}/edit`, organisationForm({ description: 'Opis poprawiony przez organizatora.', version: String(version) }));
    assert.equal(first.statusCode, 303);
    const second = await owner.post(`/${m.slug}/organisations/${id}/edit`, organisationForm({ members_count: '55', phone: '46 000 00 01', version: String(version) }));
    assert.equal(second.statusCode, 409);
    const text = pageText(second.body);
    assertIncludes(text, CONFLICT);
    assert.match(text, /Twoje niezapisane zmiany .* Opis działalności Warsztaty tkackie .* Opis poprawiony przez organizatora\. Liczba członków 55 40 Telefon 46 000 00 01 46 855 11 22/);
    assertIncludes(text, `Zapisana wersja ${version + 1}`);
    assert.equal(inputValue(second.body, 'version'), String(version + 1), 'the form now carries the saved version');
    assert.equal(inputValue(second.body, 'members_count'), '40', 'and the saved values');
    const [row] = await ownerQuery<{ description: string; members_count: number }>(h, 'SELECT description, members_count FROM organisations WHERE id = $1', [id]);
    assert.deepEqual(row, { description: 'Opis poprawiony przez organizatora.', members_count: 40 });

    const json = await owner.postJson(`/${m.slug}/organisations/${id}/edit`, organisationForm({ version: String(version) }));
    assert.deepEqual([json.statusCode, code(json)], [409, 'conflict.stale']);

    // Saves racing on the same version: exactly one wins.
    const current = String((await organisationRow(h, m, { id })).version);
    const race = await Promise.all([
      owner.post(`/${m.slug}/organisations/${id}/edit`, organisationForm({ members_count: '41', version: current })),
      organiser.post(`/${m.slug}/organisations/${id}/edit`, organisationForm({ members_count: '42', version: current })),
    ]);
    assert.deepEqual(race.map((r) => r.statusCode).sort(), [303, 409]);
    assert.equal((await organisationRow(h, m, { id })).version, Number(current) + 1);
  });

  test('a decision on a registration changed meanwhile is refused with 409; a reason typed is kept', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Decyzji');
    const { c: owner } = await person(h);
    const { c: organiser } = await staff(h, m);
    const id = await register(h, owner, m);
    await organiser.get(`/${m.slug}/organisations/${id}/review`);
    assert.equal((await owner.post(`/${m.slug}/organisations/${id}/edit`, organisationForm({ name: 'Stowarzyszenie „Tkaczki”', version: '1' }))).statusCode, 303);
    const stale = await organiser.post(`/${m.slug}/organisations/${id}/reject`, { version: '1', reason: 'Proszę dodać opis.', confirmed: 'yes' });
    assert.equal(stale.statusCode, 409);
    assertIncludes(pageText(stale.body), CONFLICT);
    assertIncludes(stale.body, 'Odrzucić zgłoszenie: Stowarzyszenie „Tkaczki”?', 'the confirmation shows the registration as it is now');
    assert.equal(inputValue(stale.body, 'version'), '2', 'on the saved version');
    assertIncludes(stale.body, '>Proszę dodać opis.</textarea>');
    assert.equal((await organisationRow(h, m, { id })).status, 'pending');
    assert.equal((await verify(h, organiser, m, id)).statusCode, 303);
    const twice = await organiser.postJson(`/${m.slug}/organisations/${id}/verify`, { version: String((await organisationRow(h, m, { id })).version) });
    assert.deepEqual([twice.statusCode, code(twice)], [409, 'conflict.stale'], 'a decided registration is not decided again');
  });

  test('a federation lists its member organisations, kept by staff or its administrator; members see their federations', async () => {
    const { user: rep } = await person(h);
    const m = await seededMunicipality(h, 'Gmina Federacji', rep.id);
    const repClient = await logIn(h, rep);
    const federation = (await organisationRow(h, m, { name: 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”' })).id;
    const club = (await organisationRow(h, m, { name: 'Uczniowski Klub Sportowy „Lniane Orły”' })).id;
    const waiting = (await organisationRow(h, m, { name: 'Fundacja „Akademia Młodych Liderów”' })).id;

    const page = await repClient.get(`/${m.slug}/organisations/${federation}/federation`);
    assert.equal(page.statusCode, 200);
    assert.match(pageText(page.body), /Organizacje członkowskie: Federacja .*Fundacja „Dom przy Lnianej” 14 czerwca 2019/);
    assertIncludes(page.body, `<option value="${club}">`, 'the club can join');
    assertExcludes(page.body, `<option value="${waiting}">`, 'a registration waiting for verification cannot');

    const { user: clubAdmin, c: clubClient } = await person(h, m, ['ngo_member']);
    await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'admin') RETURNING user_id", [m.id, club, clubAdmin.id]);
    const added = await repClient.post(`/${m.slug}/organisations/${federation}/federation`, { member_id: club, since: '2025-02-01' });
    assert.equal(added.statusCode, 303);
    const invitation = offered((await clubClient.get(`/${m.slug}/organisations/${club}/federation-invitations`)).body);
    assert.ok(invitation, "the club's administrator is offered the invitation");
    assert.equal((await clubClient.post(`/${m.slug}/organisations/${club}/federation-invitations/accept`, { invitation })).statusCode, 303);
    const clubProfile = pageText((await repClient.get(`/${m.slug}/organisations/${club}`)).body);
    assert.match(clubProfile, /Należy do federacji Federacja Organizacji Pozarządowych „DZIAŁAJ\.MY” — członek od 1 lutego 2025/);
    const again = await repClient.postJson(`/${m.slug}/organisations/${federation}/federation`, { member_id: club, since: '' });
    assert.equal(again.statusCode, 422);
    const bad = await repClient.post(`/${m.slug}/organisations/${federation}/federation`, { member_id: waiting, since: '2025-02-30' });
    assert.equal(bad.statusCode, 422);
    assert.match(pageText(bad.body), /Wybierz z listy zweryfikowaną organizację gminy|Wpisz datę/);

    // Someone who does not administer the federation may not change it; staff may.
    const { c: stranger } = await person(h, m, ['resident']);
    assert.equal((await stranger.get(`/${m.slug}/organisations/${federation}/federation/${club}/remove`)).statusCode, 404);
    assert.equal((await stranger.post(`/${m.slug}/organisations/${federation}/federation/${club}/remove`, { confirmed: 'yes' })).statusCode, 404);
    const { c: organiser } = await staff(h, m);
    const linked = async () => (await ownerQuery(h, 'SELECT 1 FROM federation_members WHERE federation_id = $1 AND member_id = $2', [federation, club])).length;
    await assertConfirmed(organiser, `/${m.slug}/organisations/${federation}/federation/${club}/remove`, {},
      ['Usunąć Uczniowski Klub Sportowy „Lniane Orły” z federacji', 'wróci do federacji tylko przez nowe zaproszenie'],
      async () => assert.equal(await linked(), 1, 'still a member without the confirmation'));
    assertIncludes(pageText((await repClient.get(`/${m.slug}/organisations/${club}`)).body), 'Nie należy do żadnej federacji z rejestru gminy.');
    assert.equal((await repClient.get(`/${m.slug}/organisations/${club}/federation`)).statusCode, 404, 'a club is not a federation');
    assert.deepEqual((await auditActions(h, m, federation)).map((e) => e.action), [
      'organisation.federation_member_invited', 'organisation.federation_member_added', 'organisation.federation_member_removed',
    ]);
  });

  test("review 1 #16b: a federation only invites an organisation; it is a member once its administrator accepts, and not if they decline", async () => {
    const { user: rep } = await person(h);
    const m = await seededMunicipality(h, 'Gmina Zgody', rep.id);
    const repClient = await logIn(h, rep);
    const federation = (await organisationRow(h, m, { name: 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”' })).id;
    const club = (await organisationRow(h, m, { name: 'Uczniowski Klub Sportowy „Lniane Orły”' })).id;
    const { user: clubAdmin, c: clubClient } = await person(h, m, ['ngo_member']);
    const { user: clubMember, c: memberClient } = await person(h, m, ['ngo_member']);
    await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'admin'), ($1, $2, $4, 'member') RETURNING user_id", [
      m.id, club, clubAdmin.id, clubMember.id,
    ]);
    const members = async () => (await ownerQuery<{ member_id: string }>(h, 'SELECT member_id FROM federation_members WHERE federation_id = $1 AND member_id = $2', [federation, club])).length;
    const invite = () => repClient.post(`/${m.slug}/organisations/${federation}/federation`, { member_id: club, since: '2025-03-01' });

    assert.equal((await invite()).statusCode, 303);
    assert.equal(await members(), 0, 'not a member before it accepts');
    assertIncludes(pageText((await repClient.get(`/${m.slug}/organisations/${club}`)).body), 'Nie należy do żadnej federacji z rejestru gminy.');
    assert.equal((await invite()).statusCode, 422, 'one open invitation at a time');
    await h.worker.drain();
    const [mail] = await devMail(h.db, clubAdmin.email);
    assert.ok(mail && mail.subject.startsWith('Zaproszenie do federacji'), "the club's administrator is mailed");
    const page = linkIn(mail.body_text);
    const id = offered((await clubClient.get(page)).body);
    assert.ok(id);

    // Neither a plain member of the club nor the federation (nor staff) answers for it.
    assert.equal((await memberClient.post(`${page}/accept`, { invitation: id })).statusCode, 403);
    assert.equal((await repClient.post(`${page}/accept`, { invitation: id })).statusCode, 404);
    const { c: organiser } = await staff(h, m);
    assertIncludes([403, 404], (await organiser.post(`${page}/accept`, { invitation: id })).statusCode);
    assert.equal(await members(), 0);

    await assertConfirmed(clubClient, `${page}/${id}/decline`, {}, ['Odrzucić zaproszenie do federacji', 'Federacja może zaprosić organizację ponownie'],
      async () => assert.ok(offered((await clubClient.get(page)).body), 'still open without the confirmation'));
    assert.equal(await members(), 0, 'declined: still not a member');
    assert.equal((await clubClient.post(`${page}/accept`, { invitation: id })).statusCode, 404, 'answered once');

    assert.equal((await invite()).statusCode, 303, 'invited again');
    const again = offered((await clubClient.get(page)).body);
    assert.equal((await clubClient.post(`${page}/accept`, { invitation: again! })).statusCode, 303);
    assert.equal(await members(), 1, 'a member once accepted');
    assert.match(pageText((await repClient.get(`/${m.slug}/organisations/${club}`)).body), /Należy do federacji Federacja Organizacji Pozarządowych „DZIAŁAJ\.MY” — członek od 1 marca 2025/);
  });
});
