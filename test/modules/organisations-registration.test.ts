import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { TestClient } from '../support/client';
import { makeMunicipality, uniq } from '../support/factories';
import { describeEachEngine, devMail, linkIn } from '../support/harness';
import { auditActions, ownerQuery } from '../support/db';
import { fieldError, inputValue, pageText } from '../support/pages';
import { person, staff } from '../support/people';
import { organisationForm, organisationRow, register, verify, OTHER_IDS } from './organisations-helpers';
import { assertConfirmed } from './confirm-a-helpers';

describeEachEngine('organisations: registration, verification, members', (h) => {
  test('register → queue → reject with a reason → correct → verify → the registrant administers it and invites a member', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Rejestrowa');
    const { user: registrant, c } = await person(h);
    const { c: organiser } = await staff(h, m);

    // The form, then a registration with mistakes: every one reported, everything typed kept.
    const blank = await c.get(`/${m.slug}/organisations/register`);
    assert.equal(blank.statusCode, 200);
    assertIncludes(blank.body, '<h1>Zarejestruj organizację lub grupę nieformalną</h1>');
    const wrong = await c.post(`/${m.slug}/organisations/register`, organisationForm({ nip: '123-456-32-19', regon: '12345', spheres: [], krs: '', kind: 'foundation', founded_year: '3000' }));
    assert.equal(wrong.statusCode, 422);
    assert.match(fieldError(wrong.body, 'nip'), /błędną cyfrę kontrolną/);
    assert.match(fieldError(wrong.body, 'regon'), /9 albo 14 cyfr/);
    assert.match(fieldError(wrong.body, 'krs'), /Podaj numer KRS/);
    assert.match(fieldError(wrong.body, 'spheres'), /co najmniej jedną sferę/);
    assert.match(fieldError(wrong.body, 'founded_year'), /nie później niż w tym roku/);
    assert.match(pageText(wrong.body), /Formularz zawiera 5 błędów/);
    assert.equal(inputValue(wrong.body, 'nip'), '123-456-32-19', 'what was typed comes back');
    assert.equal(inputValue(wrong.body, 'street'), 'ul. Dittricha 3');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM organisations WHERE municipality_id = $1', [m.id])).length, 0, 'nothing saved');

    const id = await register(h, c, m);
    let row = await organisationRow(h, m, { id });
    assert.equal(row.status, 'pending');
    assert.deepEqual([row.krs, row.nip, row.regon, row.email], ['0000123456', '1234563218', '123456785', 'biuro@tkaczki.example'], 'numbers stored as digits');
    assert.deepEqual(row.social_links, ['https://www.facebook.com/tkaczki.example']);
    const mine = await c.get(`/${m.slug}/organisations/mine`);
    assert.match(pageText(mine.body), /Zgłoszenie wysłane\..*Stowarzyszenie „Tkaczki z Osady” stowarzyszenie czeka na weryfikację zgłaszający/);

    // Not public while it waits.
    const anonymous = new TestClient(h.app);
    assertExcludes((await anonymous.get(`/${m.slug}/organisations`)).body, 'Tkaczki');
    assert.equal((await anonymous.get(`/${m.slug}/organisations/${id}`)).statusCode, 404);

    // The organiser's queue and the review page.
    const queue = await organiser.get(`/${m.slug}/organisations/queue`);
    assert.equal(queue.statusCode, 200);
    assert.match(pageText(queue.body), /Czekają na weryfikację \(1\).*Stowarzyszenie „Tkaczki z Osady”/);
    assertIncludes(queue.body, `<a href="/${m.slug}/organisations/queue" aria-current="page">Weryfikacja organizacji</a>`, 'the staff navigation item');
    const review = await organiser.get(`/${m.slug}/organisations/${id}/review`);
    assert.match(pageText(review.body), new RegExp(`Zgłaszający: Osoba [^ ]+ \\(${registrant.email.replace('.', '\\.')}\\)`));

    // A rejection needs a reason; the registrant sees it (page and mail).
    const noReason = await organiser.post(`/${m.slug}/organisations/${id}/reject`, { version: '1', reason: '  ', confirmed: 'yes' });
    assert.equal(noReason.statusCode, 422);
    assert.match(fieldError(noReason.body, 'reason'), /Napisz, co trzeba poprawić/);
    const reason = 'Numer KRS należy do innej organizacji — sprawdź go w rejestrze.';
    assert.match(review.body, new RegExp(`href="/${m.slug}/organisations/${id}/reject"`), 'the review links to the confirmation');
    await assertConfirmed(organiser, `/${m.slug}/organisations/${id}/reject`, { version: '1', reason },
      ['Odrzucić zgłoszenie: Stowarzyszenie „Tkaczki z Osady”?', 'Zgłaszający dostanie wiadomość e-mail z powodem', 'może poprawić dane i wysłać zgłoszenie ponownie'],
      async () => assert.equal((await organisationRow(h, m, { id })).status, 'pending', 'not rejected without the confirmation'));
    row = await organisationRow(h, m, { id });
    assert.deepEqual([row.status, row.rejection_reason, row.version], ['rejected', reason, 2]);
    await h.worker.drain();
    const rejectionMail = (await devMail(h.db, registrant.email))[0]!;
    assert.match(rejectionMail.subject, /wymaga poprawek/);
    assertIncludes(rejectionMail.body_text, reason);
    assertIncludes(pageText((await c.get(`/${m.slug}/organisations/mine`)).body), `Powód: ${reason}`);

    // The registrant corrects and sends it again.
    const edit = await c.get(`/${m.slug}/organisations/${id}/edit`);
    assertIncludes(pageText(edit.body), reason);
    assert.equal(inputValue(edit.body, 'version'), '2');
    assertIncludes(edit.body, 'Zapisz poprawki i wyślij ponownie');
    const corrected = await c.post(`/${m.slug}/organisations/${id}/edit`, organisationForm({ krs: '0009900301', version: '2' }));
    assert.equal(corrected.statusCode, 303, corrected.body.slice(0, 2000));
    row = await organisationRow(h, m, { id });
    assert.deepEqual([row.status, row.krs, row.version], ['pending', '0009900301', 3]);
    assert.match(pageText((await organiser.get(`/${m.slug}/organisations/queue`)).body), /Tkaczki z Osady” stowarzyszenie .* poprawione po odrzuceniu/);

    // Verified: public, and its registrant is its administrator (and an organisation representative here).
    assert.equal((await verify(h, organiser, m, id)).statusCode, 303);
    row = await organisationRow(h, m, { id });
    assert.deepEqual([row.status, row.rejection_reason], ['verified', '']);
    const [admin] = await ownerQuery<{ role: string }>(h, 'SELECT role FROM organisation_members WHERE municipality_id = $1 AND organisation_id = $2 AND user_id = $3', [m.id, id, registrant.id]);
    assert.equal(admin?.role, 'admin');
    const [membership] = await ownerQuery<{ roles: string[] }>(h, 'SELECT roles FROM memberships WHERE municipality_id = $1 AND user_id = $2', [m.id, registrant.id]);
    assert.deepEqual(membership?.roles, ['ngo_member']);
    await h.worker.drain();
    assert.match((await devMail(h.db, registrant.email))[0]!.subject, /jest zweryfikowana/);
    assert.equal((await anonymous.get(`/${m.slug}/organisations/${id}`)).statusCode, 200);

    // The administrator invites a member; the mail's link joins them once logged in with that address.
    const invitee = `czlonkini-${uniq()}@example.pl`;
    assert.equal((await c.get(`/${m.slug}/organisations/${id}/members`)).statusCode, 200);
    const invited = await c.post(`/${m.slug}/organisations/${id}/invitations`, { email: invitee.toUpperCase() });
    assert.equal(invited.statusCode, 303);
    await h.worker.drain();
    const [invitation] = await devMail(h.db, invitee);
    assert.ok(invitation, 'the invitation went through the outbox to the development mailbox');
    assert.match(invitation.subject, /Zaproszenie do organizacji Stowarzyszenie „Tkaczki z Osady”/);
    const link = linkIn(invitation.body_text);
    assert.match(link, new RegExp(`^/${m.slug}/organisation-invitations/[^/]+$`));
    const asAnonymous = await new TestClient(h.app).get(link);
    assertIncludes(asAnonymous.body, `/login?next=${encodeURIComponent(link)}`);

    const { user: member, c: mc } = await person(h, undefined, [], invitee);
    assertIncludes((await mc.get(link)).body, 'Dołączam do organizacji');
    const joined = await mc.post(link);
    assert.equal(joined.statusCode, 303);
    assert.match(pageText((await mc.get(`/${m.slug}/organisations/mine`)).body), /Należysz teraz do organizacji.*Tkaczki z Osady” stowarzyszenie zweryfikowana członek/);
    assert.equal((await mc.get(link)).statusCode, 410, 'an invitation is used once');
    assert.equal((await mc.get(`/${m.slug}/organisations/${id}/members`)).statusCode, 403, 'a member does not administer');

    // The same address again is a specific error; so is an address with an invitation waiting.
    const again = await c.postJson(`/${m.slug}/organisations/${id}/invitations`, { email: invitee });
    assert.equal(again.statusCode, 422);
    assert.equal((again.json() as { error: { fields: { email: { code: string } } } }).error.fields.email.code, 'organisation_member_exists');
    const page = await c.post(`/${m.slug}/organisations/${id}/invitations`, { email: invitee });
    assert.match(fieldError(page.body, 'email'), /już należy do organizacji/);
    const other = `ktos-${uniq()}@example.pl`;
    assert.equal((await c.post(`/${m.slug}/organisations/${id}/invitations`, { email: other })).statusCode, 303);
    assert.match(fieldError((await c.post(`/${m.slug}/organisations/${id}/invitations`, { email: other })).body, 'email'), /czeka na przyjęcie/);
    const members = await c.get(`/${m.slug}/organisations/${id}/members`);
    assert.match(pageText(members.body), new RegExp(`2 osoby .*${member.email.replace('.', '\\.')}.*członek.*Zaproszenia oczekujące ${other.replace('.', '\\.')}`));

    // Revoking the waiting invitation: the list links to its confirmation page.
    const invitationId = new RegExp(`href="/${m.slug}/organisations/${id}/invitations/([0-9a-f-]{36})/revoke"`).exec(members.body)?.[1];
    assert.ok(invitationId, 'the list links to the revocation');
    const waiting = async () => (await ownerQuery(h, 'SELECT 1 FROM organisation_invitations WHERE id = $1 AND revoked_at IS NULL', [invitationId])).length;
    await assertConfirmed(c, `/${m.slug}/organisations/${id}/invitations/${invitationId}/revoke`, {}, [`Odwołać zaproszenie dla ${other}?`, 'Link z zaproszenia przestanie działać', 'Nie można tego cofnąć'],
      async () => assert.equal(await waiting(), 1, 'still waiting without the confirmation'));
    assert.equal(await waiting(), 0);

    assert.deepEqual((await auditActions(h, m, id)).map((a) => a.action), [
      'organisation.registered', 'organisation.rejected', 'organisation.resubmitted', 'organisation.verified', 'organisation.member_invited',
      'organisation.invitation_accepted', 'organisation.member_invited', 'organisation.invitation_revoked',
    ]);
    assert.equal((await auditActions(h, m, id))[1]!.reason, reason);
  });

  test('one person belongs to several organisations; an invitation is for its own address only', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Wielu Organizacji');
    const { c: organiser } = await staff(h, m, ['director']);
    const { c: first } = await person(h);
    const { c: second } = await person(h);
    const a = await register(h, first, m);
    const b = await register(h, second, m, { name: 'Klub Seniora „Pod Kasztanem”', ...OTHER_IDS[0] });
    await verify(h, organiser, m, a);
    await verify(h, organiser, m, b);
    const email = `wszedzie-${uniq()}@example.pl`;
    for (const [c, id] of [[first, a], [second, b]] as const) assert.equal((await c.post(`/${m.slug}/organisations/${id}/invitations`, { email })).statusCode, 303);
    await h.worker.drain();
    const links = (await devMail(h.db, email)).map((mail) => linkIn(mail.body_text));
    assert.equal(links.length, 2);

    const { c: stranger } = await person(h);
    assert.equal((await stranger.post(links[0]!)).statusCode, 403, 'another account cannot use the link');
    const { c: joiner } = await person(h, undefined, [], email);
    for (const link of links) assert.equal((await joiner.post(link)).statusCode, 303);
    const mine = pageText((await joiner.get(`/${m.slug}/organisations/mine`)).body);
    assert.match(mine, /Klub Seniora „Pod Kasztanem”.*członek/);
    assert.match(mine, /Stowarzyszenie „Tkaczki z Osady”.*członek/);
    assert.equal((await joiner.get(`/${m.slug}/organisation-invitations/nie-ma-takiego`)).statusCode, 400);
  });

  test("review 2 #10: an organisation's administrator or the centre's staff remove a member after a confirmation page; access ends at once; the last administrator stays", async () => {
    const m = await makeMunicipality(h.db, 'Gmina Usuwania');
    const { c: organiser } = await staff(h, m);
    const { user: admin, c: ac } = await person(h);
    const id = await register(h, ac, m);
    assert.equal((await verify(h, organiser, m, id)).statusCode, 303);
    const join = async (email: string) => {
      const p = await person(h, m, ['ngo_member'], email);
      await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'member') RETURNING user_id", [m.id, id, p.user.id]);
      return p;
    };
    const { user: member, c: mc } = await join(`byla-${uniq()}@example.pl`);
    const inbox = `/${m.slug}/organisations/${id}/referrals`;
    assert.equal((await mc.get(inbox)).statusCode, 200, 'a member reads the referral inbox');
    assert.equal((await mc.get(`/${m.slug}/organisations/${id}/members/${admin.id}/remove`)).statusCode, 403, 'a member removes nobody');
    assert.equal((await mc.postJson(`/${m.slug}/organisations/${id}/members/${admin.id}/remove`, { confirmed: 'yes' })).statusCode, 403);

    const list = await ac.get(`/${m.slug}/organisations/${id}/members`);
    const removeUrl = `/${m.slug}/organisations/${id}/members/${member.id}/remove`;
    assertIncludes(list.body, `href="${removeUrl}"`, 'the list links to the removal');
    const confirm = await ac.get(removeUrl);
    assert.equal(confirm.statusCode, 200);
    assertIncludes(confirm.body, member.email, 'a confirmation page first');
    assertIncludes(confirm.body, 'Usuń z organizacji', 'a confirmation page first');
    assert.equal((await mc.get(inbox)).statusCode, 200, 'opening the page removes nobody');
    const removed = await assertConfirmed(ac, removeUrl, {}, ['Osoba od razu traci dostęp do spraw organizacji', 'Może wrócić tylko przez nowe zaproszenie', 'osoba może wrócić tylko przez nowe zaproszenie'],
      async () => assert.equal((await mc.get(inbox)).statusCode, 200, 'a forced POST without the confirmation removes nobody'));
    assert.equal(removed.headers.location, `/${m.slug}/organisations/${id}/members`);
    assertIncludes([403, 404], (await mc.get(inbox)).statusCode, 'the removed member loses the inbox at once');
    assert.equal((await ownerQuery(h, 'SELECT 1 FROM organisation_members WHERE organisation_id = $1 AND user_id = $2', [id, member.id])).length, 0);
    assert.equal((await ac.post(removeUrl, { confirmed: 'yes' })).statusCode, 404, 'removed once');

    // The centre's staff (organisations.manage) see the people and remove them too.
    const { user: second } = await join(`druga-${uniq()}@example.pl`);
    assert.equal((await organiser.get(`/${m.slug}/organisations/${id}/members`)).statusCode, 200);
    assert.equal((await organiser.post(`/${m.slug}/organisations/${id}/members/${second.id}/remove`, { confirmed: 'yes' })).statusCode, 303);

    // The last administrator cannot be removed, by themselves or by staff.
    const last = await ac.postJson(`/${m.slug}/organisations/${id}/members/${admin.id}/remove`, { confirmed: 'yes' });
    assert.deepEqual([last.statusCode, (last.json() as { error: { code: string } }).error.code], [409, 'organisation.last_admin']);
    assert.equal((await organiser.postJson(`/${m.slug}/organisations/${id}/members/${admin.id}/remove`, { confirmed: 'yes' })).statusCode, 409);
    assert.equal((await ac.get(`/${m.slug}/organisations/${id}/members`)).statusCode, 200, 'still its administrator');
    const removals = (await auditActions(h, m, id)).filter((a) => a.action === 'organisation.member_removed');
    assert.equal(removals.length, 2);
  });

  test('an informal group names a leader instead of registry numbers; numbers already in the registry are refused', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Grup');
    const { c } = await person(h);
    const group = { name: 'Sąsiedzi z Rudy', kind: 'informal_group', krs: '', nip: '', regon: '' };
    const noLeader = await c.post(`/${m.slug}/organisations/register`, organisationForm({ ...group, nip: '1234563218' }));
    assert.equal(noLeader.statusCode, 422);
    assert.match(fieldError(noLeader.body, 'leader_name'), /podaj imię i nazwisko jej lidera/);
    assert.match(fieldError(noLeader.body, 'nip'), /nie ma numerów w rejestrach/);
    await register(h, c, m, { ...group, leader_name: 'Jan Testowy' });
    const saved = await ownerQuery<{ leader_name: string; krs: string | null }>(h, 'SELECT leader_name, krs FROM organisations WHERE municipality_id = $1', [m.id]);
    assert.deepEqual(saved, [{ leader_name: 'Jan Testowy', krs: null }]);

    // A leader typed for an association is not kept; the association's numbers are then taken here.
    await register(h, c, m, { leader_name: 'Ktoś' });
    const taken = await c.post(`/${m.slug}/organisations/register`, organisationForm({ name: 'Inna nazwa', krs: '0000123456', nip: OTHER_IDS[0]!.nip, regon: '123456785' }));
    assert.equal(taken.statusCode, 422);
    assert.match(fieldError(taken.body, 'krs'), /numerem KRS jest już w rejestrze gminy/);
    assert.match(fieldError(taken.body, 'regon'), /REGON-em jest już w rejestrze gminy/);
    assert.equal(fieldError(taken.body, 'nip'), '');
    const [assoc] = await ownerQuery<{ leader_name: string }>(h, "SELECT leader_name FROM organisations WHERE municipality_id = $1 AND kind = 'association'", [m.id]);
    assert.equal(assoc?.leader_name, '');

    // The same numbers are free in another municipality.
    const other = await makeMunicipality(h.db, 'Gmina Sąsiednia');
    await register(h, c, other);
  });
});
