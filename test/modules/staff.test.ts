import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { describeEachEngine, devMail, linkIn } from '../support/harness';
import { logIn } from '../support/session';
import { assertExcludes, assertIncludes } from '../support/assertions';
import { pageText } from '../support/pages';
import { assertConfirmed } from './confirm-a-helpers';

const errorCode = (res: LightMyRequestResponse) => (res.json() as { error: { code: string } }).error.code;
const checked = (body: string, role: string) => new RegExp(`<input[^>]*id="f-roles-${role}"[^>]*\\bchecked\\b`).test(body);

const CONFLICT = 'Ktoś inny zmienił te dane w międzyczasie.';
const OWN_ACCOUNT = 'To Twoje konto: własnych ról nie zmieniasz.';
const CANNOT_ALONE = 'ról administratora, dyrektora i audytora nie można nadać w pojedynkę';

describeEachEngine('staff and invitations', (h) => {
  const rolesOf = async (m: MunicipalityRow, userId: string) => {
    const [row] = await h.db.ownerTx((sql) =>
      sql.query<{ roles: string[]; version: number }>('SELECT roles, version FROM memberships WHERE municipality_id = $1 AND user_id = $2', [m.id, userId]),
    );
    return row;
  };
  const auditActions = async (m: MunicipalityRow, actorId: string) =>
    (
      await h.db.ownerTx((sql) =>
        sql.query<{ action: string; subject_id: string; details: Record<string, unknown> }>(
          'SELECT action, subject_id, details FROM audit_log WHERE municipality_id = $1 AND actor_user_id = $2 ORDER BY id',
          [m.id, actorId],
        ),
      )
    );
  const setup = async () => {
    const m = await makeMunicipality(h.db);
    const admin = await makeUser(h.db, { municipality: m, roles: ['administrator'], totp: true });
    return { m, admin, c: await logIn(h, admin) };
  };
  /** Invites by the form, delivers the mail, and returns the link's path. */
  const invite = async (c: TestClient, m: MunicipalityRow, email: string, roles: string[]) => {
    await c.get(`/${m.slug}/staff`);
    const res = await c.post(`/${m.slug}/staff/invitations`, { email, roles });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    assert.equal(res.headers.location, `/${m.slug}/staff`);
    await h.worker.drain();
    const mail = await devMail(h.db, email);
    assert.equal(mail.length, 1, `one mail to ${email}`);
    return { path: linkIn(mail[0]!.body_text), mail: mail[0]! };
  };

  test('an administrator invites a coordinator, who logs in and accepts', async () => {
    const { m, admin, c } = await setup();
    const email = `nowa-${uniq()}@example.pl`;
    const { path, mail } = await invite(c, m, email, ['coordinator']);
    assert.match(path, new RegExp(`^/${m.slug}/invitations/[^/]+$`));
    assertIncludes(mail.subject, m.name, mail.subject);
    assertIncludes(mail.body_text, 'koordynator usług', 'the mail names the role');

    const list = await c.get(`/${m.slug}/staff`);
    assertIncludes(list.body, email, 'the invitation is listed as pending');

    // The link opened without logging in asks to log in first.
    const anonymous = await new TestClient(h.app).get(path);
    assert.equal(anonymous.statusCode, 200);
    assertIncludes(anonymous.body, `/login?next=${encodeURIComponent(path)}`);

    const invitee = await makeUser(h.db, { email });
    const ic = await logIn(h, invitee);
    const page = await ic.get(path);
    assert.equal(page.statusCode, 200);
    assertIncludes(page.body, 'Przyjmuję zaproszenie');
    assertIncludes(page.body, 'koordynator usług');
    const accepted = await ic.post(path);
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, `/${m.slug}`);
    assert.deepEqual((await rolesOf(m, invitee.id))?.roles, ['coordinator']);
    const me = (await ic.get('/api/me')).json() as { memberships: { municipality: string; roles: string[] }[] };
    assert.deepEqual(me.memberships, [{ municipality: m.slug, roles: ['coordinator'] }]);

    assert.ok((await auditActions(m, admin.id)).some((e) => e.action === 'staff.invited' && e.details.email === email));
    assert.ok((await auditActions(m, invitee.id)).some((e) => e.action === 'staff.invitation_accepted' && e.subject_id === invitee.id));

    // A second use of the link is refused as closed, and changes nothing.
    const again = await ic.postJson(path);
    assert.equal(again.statusCode, 410);
    assert.equal(errorCode(again), 'invitation.closed');
    const againPage = await ic.get(path);
    assert.equal(againPage.statusCode, 410);
    assertIncludes(againPage.body, 'To zaproszenie zostało już przyjęte lub odwołane.');
    assertExcludes((await c.get(`/${m.slug}/staff`)).body, `${email} —`, 'no longer pending');
  });

  test('an invitation cannot be accepted from an account with another e-mail', async () => {
    const { m, c } = await setup();
    const email = `zaproszona-${uniq()}@example.pl`;
    const { path } = await invite(c, m, email, ['coordinator']);
    const stranger = await makeUser(h.db);
    const sc = await logIn(h, stranger);
    await sc.get(path);
    const res = await sc.postJson(path);
    assert.equal(res.statusCode, 403);
    assert.equal(errorCode(res), 'invitation.email_mismatch');
    const page = await sc.post(path);
    assert.equal(page.statusCode, 403);
    assertIncludes(page.body, 'To zaproszenie wysłano na inny adres e-mail.');
    assert.equal(await rolesOf(m, stranger.id), undefined, 'no membership was created');

    // The right person can still accept it afterwards.
    const invitee = await makeUser(h.db, { email });
    const ic = await logIn(h, invitee);
    await ic.get(path);
    assert.equal((await ic.post(path)).statusCode, 303);
    assert.deepEqual((await rolesOf(m, invitee.id))?.roles, ['coordinator']);
  });

  test('a revoked invitation cannot be accepted', async () => {
    const { m, admin, c } = await setup();
    const email = `odwolana-${uniq()}@example.pl`;
    const { path } = await invite(c, m, email, ['analyst']);
    const list = await c.get(`/${m.slug}/staff`);
    const action = new RegExp(`href="(/${m.slug}/staff/invitations/([0-9a-f-]{36})/revoke)"`).exec(list.body);
    assert.ok(action, 'the pending invitation links to the confirmation of its revocation');
    const open = async () => (await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM invitations WHERE id = $1 AND revoked_at IS NULL', [action[2]]))).length;
    const revoked = await assertConfirmed(c, action[1]!, {}, [`Odwołać zaproszenie dla ${email}?`, 'analityk', 'Link z zaproszenia przestanie działać', 'Nie można tego cofnąć'],
      async () => assert.equal(await open(), 1, 'not revoked without the confirmation'));
    assert.equal(revoked.headers.location, `/${m.slug}/staff`);
    const after = await c.get(`/${m.slug}/staff`);
    assertIncludes(after.body, 'Odwołano zaproszenie.', 'flash message');
    assertExcludes(after.body, action[1]!, 'no longer pending');
    assert.ok((await auditActions(m, admin.id)).some((e) => e.action === 'staff.invitation_revoked' && e.subject_id === action[2]));

    // Revoking twice is not found; the invitee finds the link closed.
    assert.equal((await c.post(action[1]!, { confirmed: 'yes' })).statusCode, 404);
    assert.equal((await c.get(action[1]!)).statusCode, 404, 'nor a confirmation page');
    const invitee = await makeUser(h.db, { email });
    const ic = await logIn(h, invitee);
    assert.equal((await ic.get(path)).statusCode, 410);
    const res = await ic.postJson(path);
    assert.equal(res.statusCode, 410);
    assert.equal(errorCode(res), 'invitation.closed');
    assert.equal(await rolesOf(m, invitee.id), undefined);
  });

  test('an invalid e-mail or no roles re-renders the form with field errors and what was typed', async () => {
    const { m, c } = await setup();
    await c.get(`/${m.slug}/staff`);
    const bad = await c.post(`/${m.slug}/staff/invitations`, { email: 'to-nie-jest-email', roles: ['auditor', 'analyst'] });
    assert.equal(bad.statusCode, 422);
    assertIncludes(bad.body, 'Wpisz poprawny adres e-mail', 'field error for the e-mail');
    assert.match(bad.body, /<input[^>]*name="email"[^>]*value="to-nie-jest-email"/);
    assert.ok(checked(bad.body, 'auditor') && checked(bad.body, 'analyst'), 'ticked roles stay ticked');
    assert.ok(!checked(bad.body, 'administrator'));
    assert.match(bad.body, /aria-invalid="true"/);

    const typed = `bez-rol-${uniq()}@example.pl`;
    const none = await c.post(`/${m.slug}/staff/invitations`, { email: typed });
    assert.equal(none.statusCode, 422);
    assertIncludes(none.body, 'Wybierz co najmniej jedną rolę.');
    assert.match(none.body, new RegExp(`<input[^>]*name="email"[^>]*value="${typed}"`));

    const unknownRole = await c.postJson(`/${m.slug}/staff/invitations`, { email: typed, roles: 'superuser' });
    assert.equal(unknownRole.statusCode, 422);
    const fields = (unknownRole.json() as { error: { fields: Record<string, { code: string }> } }).error.fields;
    assert.equal(fields.roles?.code, 'roles');

    const both = await c.postJson(`/${m.slug}/staff/invitations`, { email: 'x' });
    assert.equal(both.statusCode, 422);
    const bothFields = (both.json() as { error: { fields: Record<string, { code: string }> } }).error.fields;
    assert.equal(bothFields.email?.code, 'email');
    assert.equal(bothFields.roles?.code, 'roles');

    await h.worker.drain();
    assert.deepEqual(await devMail(h.db, typed), [], 'nothing was sent');
    const invitations = await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM invitations WHERE municipality_id = $1', [m.id]));
    assert.equal(invitations.length, 0);
  });

  test('concurrent role edits: the second save gets a conflict and is not applied', async () => {
    const { m, c: first } = await setup();
    const otherAdmin = await makeUser(h.db, { municipality: m, roles: ['administrator'], totp: true });
    const second = await logIn(h, otherAdmin);
    const member = await makeUser(h.db, { municipality: m, roles: ['coordinator'] });
    const url = `/${m.slug}/staff/${member.id}`;
    const before = await rolesOf(m, member.id);

    const form1 = await first.get(url);
    const form2 = await second.get(url);
    assert.equal(form1.statusCode, 200);
    const version = (body: string) => /<input type="hidden" name="version" value="(\d+)"/.exec(body)?.[1];
    assert.equal(version(form1.body), String(before!.version));
    assert.equal(version(form2.body), String(before!.version), 'both opened the same version');
    assert.ok(checked(form1.body, 'coordinator'));

    const saved = await first.post(url, { roles: ['coordinator', 'analyst'], version: version(form1.body)! });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/${m.slug}/staff`);

    const stale = await second.post(url, { roles: ['evaluator'], version: version(form2.body)! });
    assert.equal(stale.statusCode, 409);
    assertIncludes(stale.body, CONFLICT, 'the conflict is explained');
    // The form now shows what is saved, with the new version, so a retry is deliberate.
    assert.ok(checked(stale.body, 'analyst') && checked(stale.body, 'coordinator'));
    assert.ok(!checked(stale.body, 'evaluator'));
    assert.equal(version(stale.body), String(before!.version + 1));

    const after = await rolesOf(m, member.id);
    assert.deepEqual([...after!.roles].sort(), ['analyst', 'coordinator']);
    assert.equal(after!.version, before!.version + 1);

    const viaJson = await second.postJson(url, { roles: 'evaluator', version: version(form2.body)! });
    assert.equal(viaJson.statusCode, 409);
    assert.equal(errorCode(viaJson), 'conflict.stale');

    // Retrying with the current version works.
    const retry = await second.post(url, { roles: ['evaluator'], version: version(stale.body)! });
    assert.equal(retry.statusCode, 303);
    assert.deepEqual((await rolesOf(m, member.id))?.roles, ['evaluator']);
  });

  test('saves sent at the same moment with the same version: exactly one wins', async () => {
    const { m, c: first } = await setup();
    const second = await logIn(h, await makeUser(h.db, { municipality: m, roles: ['administrator'], totp: true }));
    const member = await makeUser(h.db, { municipality: m, roles: ['coordinator'] });
    const url = `/${m.slug}/staff/${member.id}`;
    await first.get(url);
    await second.get(url);
    const { version } = (await rolesOf(m, member.id))!;
    const [r1, r2] = await Promise.all([
      first.post(url, { roles: ['analyst'], version: String(version) }),
      second.post(url, { roles: ['evaluator'], version: String(version) }),
    ]);
    assert.deepEqual([r1.statusCode, r2.statusCode].sort(), [303, 409]);
    const after = (await rolesOf(m, member.id))!;
    assert.deepEqual(after.roles, r1.statusCode === 303 ? ['analyst'] : ['evaluator'], 'the winner’s roles, untouched by the loser');
    assert.equal(after.version, version + 1);
  });

  test('two administrators demoting each other at once cannot leave the municipality without one', async () => {
    const { m, admin: one, c: c1 } = await setup();
    const two = await makeUser(h.db, { municipality: m, roles: ['administrator'], totp: true });
    const c2 = await logIn(h, two);
    await c1.get(`/${m.slug}/staff/${two.id}`);
    await c2.get(`/${m.slug}/staff/${one.id}`);
    const v1 = (await rolesOf(m, one.id))!.version;
    const v2 = (await rolesOf(m, two.id))!.version;
    const [r1, r2] = await Promise.all([
      c1.post(`/${m.slug}/staff/${two.id}`, { roles: ['coordinator'], version: String(v2) }),
      c2.post(`/${m.slug}/staff/${one.id}`, { roles: ['coordinator'], version: String(v1) }),
    ]);
    // The loser is refused either as the last administrator's demotion (409) or, if the winner had
    // already committed when its request began, because it is no longer an administrator (403).
    const codes = [r1.statusCode, r2.statusCode].sort();
    assert.equal(codes[0], 303, String(codes));
    assertIncludes([403, 409], codes[1]!, String(codes));
    const admins = await h.db.ownerTx((sql) =>
      sql.query("SELECT user_id FROM memberships WHERE municipality_id = $1 AND 'administrator' = ANY(roles)", [m.id]),
    );
    assert.equal(admins.length, 1);
  });

  test('review 1 #7: nobody changes their own roles — by the form, by JSON, nor by inviting their own address', async () => {
    const { m, admin, c } = await setup();
    await makeUser(h.db, { municipality: m, roles: ['administrator'], totp: true });
    const url = `/${m.slug}/staff/${admin.id}`;
    const form = await c.get(url);
    assert.equal(form.statusCode, 200);
    assertIncludes(form.body, OWN_ACCOUNT, 'the page says so');
    assertExcludes(form.body, 'name="roles"', 'and offers no form');
    const { version } = (await rolesOf(m, admin.id))!;
    const res = await c.post(url, { roles: ['administrator', 'director'], version: String(version) });
    assert.equal(res.statusCode, 403);
    const json = await c.postJson(url, { roles: ['administrator', 'auditor'], version: String(version) });
    assert.deepEqual([json.statusCode, errorCode(json)], [403, 'staff.own_roles']);
    const drop = await c.postJson(url, { roles: 'auditor', version: String(version) });
    assert.deepEqual([drop.statusCode, errorCode(drop)], [403, 'staff.own_roles']);
    assert.deepEqual((await rolesOf(m, admin.id))?.roles, ['administrator']);

    const self = await c.postJson(`/${m.slug}/staff/invitations`, { email: admin.email, roles: 'analyst' });
    assert.equal(self.statusCode, 422);
    assert.equal((self.json() as { error: { fields: Record<string, { code: string }> } }).error.fields.email?.code, 'staff_own_email');
    const invitations = await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM invitations WHERE municipality_id = $1', [m.id]));
    assert.equal(invitations.length, 0);
  });

  test('review 1 #7: director waits for a second administrator, who confirms; every change is mailed to all administrators and audited', async () => {
    const { m, admin: one, c: c1 } = await setup();
    const two = await makeUser(h.db, { municipality: m, roles: ['administrator'], totp: true });
    const c2 = await logIn(h, two);
    const member = await makeUser(h.db, { municipality: m, roles: ['coordinator'] });
    const url = `/${m.slug}/staff/${member.id}`;
    await c1.get(url);
    const { version } = (await rolesOf(m, member.id))!;
    const asked = await c1.post(url, { roles: ['coordinator', 'director'], version: String(version) });
    assert.equal(asked.statusCode, 303);
    assert.deepEqual((await rolesOf(m, member.id))?.roles, ['coordinator'], 'nothing granted yet');
    await h.worker.drain();
    assert.ok((await devMail(h.db, two.email)).some((e) => e.subject.startsWith('Prośba o nadanie ról')), 'the second administrator is asked');

    const page = await c1.get(`/${m.slug}/staff`);
    const id = new RegExp(`/${m.slug}/staff/grants/([0-9a-f-]{36})/decline`).exec(page.body)?.[1];
    assert.ok(id, 'the request is listed');
    assertExcludes(page.body, `/staff/grants/${id}/confirm`, 'the asker is offered no confirmation');
    const own = await c1.postJson(`/${m.slug}/staff/grants/${id}/confirm`);
    assert.deepEqual([own.statusCode, errorCode(own)], [403, 'staff.grant_own']);
    assert.deepEqual((await rolesOf(m, member.id))?.roles, ['coordinator']);
    const byDb = await h.db
      .ownerTx((sql) => sql.query('UPDATE staff_role_grants SET decided_by = requested_by, decided_at = now(), confirmed = true WHERE id = $1', [id]))
      .then(() => 'accepted', () => 'refused');
    assert.equal(byDb, 'refused', 'a CHECK keeps the four eyes');

    await c2.get(`/${m.slug}/staff`);
    const confirmed = await c2.post(`/${m.slug}/staff/grants/${id}/confirm`);
    assert.equal(confirmed.statusCode, 303);
    assert.deepEqual([...(await rolesOf(m, member.id))!.roles].sort(), ['coordinator', 'director']);
    assert.equal((await c2.postJson(`/${m.slug}/staff/grants/${id}/confirm`)).statusCode, 410, 'decided once');

    await h.worker.drain();
    for (const a of [one, two]) {
      const mails = await devMail(h.db, a.email);
      const told = mails.filter((e) => e.subject.startsWith('Zmiana ról w zespole')).map((e) => e.body_text);
      assertIncludes(told.join('\n'), 'dyrektor', `${a.email} is told (subjects: ${mails.map((e) => e.subject).join('; ')})`);
    }
    assert.ok((await auditActions(m, one.id)).some((e) => e.action === 'staff.grant_requested' && e.details.grant === id));
    assert.ok((await auditActions(m, two.id)).some((e) => e.action === 'staff.roles_changed' && e.details.grant === id && e.details.requested_by === one.id));

    // A role that opens nothing more is changed at once, and mailed to the administrators too.
    const v = (await rolesOf(m, member.id))!.version;
    assert.equal((await c1.post(url, { roles: ['director'], version: String(v) })).statusCode, 303);
    assert.deepEqual((await rolesOf(m, member.id))?.roles, ['director']);
    await h.worker.drain();
    assert.equal((await devMail(h.db, two.email)).filter((e) => e.subject.startsWith('Zmiana ról w zespole')).length, 2);
  });

  test('issue 14: declining (or withdrawing) a request for roles goes through its confirmation page', async () => {
    const { m, c: c1 } = await setup();
    const two = await makeUser(h.db, { municipality: m, roles: ['administrator'], totp: true });
    const c2 = await logIn(h, two);
    const member = await makeUser(h.db, { municipality: m, roles: ['coordinator'] });
    await c1.get(`/${m.slug}/staff/${member.id}`);
    const { version } = (await rolesOf(m, member.id))!;
    assert.equal((await c1.post(`/${m.slug}/staff/${member.id}`, { roles: ['coordinator', 'auditor'], version: String(version) })).statusCode, 303);
    const page = await c2.get(`/${m.slug}/staff`);
    const id = new RegExp(`href="/${m.slug}/staff/grants/([0-9a-f-]{36})/decline"`).exec(page.body)?.[1];
    assert.ok(id, 'the request links to the confirmation of its decline');
    const open = async () => (await h.db.ownerTx((sql) => sql.query('SELECT 1 FROM staff_role_grants WHERE id = $1 AND decided_at IS NULL', [id]))).length;
    assert.match(pageText((await c1.get(`/${m.slug}/staff/grants/${id}/decline`)).body), /Wycofać prośbę o nadanie ról/, 'the asker withdraws');
    await assertConfirmed(c2, `/${m.slug}/staff/grants/${id}/decline`, {}, ['Odrzucić prośbę o nadanie ról', 'audytor', 'Role nie zostaną nadane', 'Nie można tego cofnąć'],
      async () => assert.equal(await open(), 1, 'still open without the confirmation'));
    assert.equal(await open(), 0);
    assert.deepEqual((await rolesOf(m, member.id))?.roles, ['coordinator']);
  });

  test('review 1 #7: a single administrator needs a director to confirm by the mailed link, and without one cannot grant alone', async () => {
    const { m, c } = await setup();
    const member = await makeUser(h.db, { municipality: m, roles: ['coordinator'] });
    const url = `/${m.slug}/staff/${member.id}`;
    const form = await c.get(url);
    assertIncludes(form.body, CANNOT_ALONE, 'the page says it cannot be granted alone');
    const v = String((await rolesOf(m, member.id))!.version);
    const alone = await c.postJson(url, { roles: ['coordinator', 'auditor'], version: v });
    assert.deepEqual([alone.statusCode, errorCode(alone)], [409, 'staff.grant_needs_second']);
    const alonePage = await c.post(url, { roles: ['coordinator', 'auditor'], version: v });
    assert.equal(alonePage.statusCode, 409);
    assertIncludes(alonePage.body, 'Roli administratora, dyrektora ani audytora nie nadaje jedna osoba');
    const invited = await c.postJson(`/${m.slug}/staff/invitations`, { email: `audytor-${uniq()}@example.pl`, roles: 'auditor' });
    assert.deepEqual([invited.statusCode, errorCode(invited)], [409, 'staff.grant_needs_second']);
    assert.deepEqual((await rolesOf(m, member.id))?.roles, ['coordinator']);

    const director = await makeUser(h.db, { municipality: m, roles: ['director'], totp: true });
    const email = `audytorka-${uniq()}@example.pl`;
    const asked = await c.postJson(`/${m.slug}/staff/invitations`, { email, roles: 'auditor' });
    assert.equal(asked.statusCode, 202);
    await h.worker.drain();
    assert.deepEqual(await devMail(h.db, email), [], 'no invitation before the confirmation');
    const [mail] = (await devMail(h.db, director.email)).filter((e) => e.subject.startsWith('Prośba o nadanie ról'));
    assert.ok(mail, 'the director is asked by mail');
    const link = linkIn(mail.body_text);
    assert.match(link, new RegExp(`^/${m.slug}/role-grants/`));
    assert.equal((await c.get(link)).statusCode, 403, 'the asking administrator cannot use the link');
    const dc = await logIn(h, director);
    const page = await dc.get(link);
    assert.equal(page.statusCode, 200);
    assertIncludes(page.body, email);
    assert.equal((await dc.post(link, { decision: 'confirm' })).statusCode, 303);
    await h.worker.drain();
    assert.equal((await devMail(h.db, email)).length, 1, 'the invitation is sent once confirmed');
    assert.equal((await dc.post(link, { decision: 'confirm' })).statusCode, 410);
  });

  test('viewing the staff list is recorded in the audit log', async () => {
    const { m, admin, c } = await setup();
    const res = await c.get(`/${m.slug}/staff`);
    assert.equal(res.statusCode, 200);
    assertIncludes(res.body, admin.email, 'the administrator is listed');
    assertIncludes(res.body, '1 osoba');
    const entries = (await auditActions(m, admin.id)).filter((e) => e.action === 'staff.list_viewed');
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.details.people, 1);
    const [row] = await h.db.ownerTx((sql) =>
      sql.query<{ actor_label: string; subject_type: string; request_id: string }>(
        "SELECT actor_label, subject_type, request_id FROM audit_log WHERE municipality_id = $1 AND action = 'staff.list_viewed'",
        [m.id],
      ),
    );
    assert.equal(row!.actor_label, admin.email);
    assert.equal(row!.subject_type, 'staff');
    assert.equal(row!.request_id, res.headers['x-request-id']);
  });
});
