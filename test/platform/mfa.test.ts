import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_CONTEXT } from '../../src/platform/db/types';
import { users } from '../../src/platform/auth/repository';
import { SecretBox, newTotpSecret, totpCode } from '../../src/platform/auth/totp';
import { TestClient } from '../support/client';
import { TEST_APP_SECRET, makeMunicipality, makeUser, type TestUser } from '../support/factories';
import { describeEachEngine, devMail, type Harness } from '../support/harness';
import { assertExcludes, assertIncludes } from '../support/assertions';

const TOTP_INVALID = 'Kod jest nieprawidłowy lub wygasł. Wpisz aktualny kod z aplikacji.';
const STAFF_NOTICE = 'Jako pracownik musisz włączyć logowanie dwuetapowe, zanim otworzysz strony z danymi osobowymi.';

/** The recovery codes a page shows (once, after enrolment or regeneration). */
function recoveryCodesIn(body: string): string[] {
  return [...body.matchAll(/<li><code class="recovery-code">([^<]+)<\/code><\/li>/g)].map((m) => m[1]!);
}

/** A six-digit code that is valid in none of the steps the server accepts (now, and one either side). */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((d) => totpCode(secret, now + d)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

describeEachEngine('two-factor authentication', (h: Harness) => {
  const client = () => new TestClient(h.app);
  const login = (c: TestClient, email: string, password: string, next = '/account') => c.post('/login', { email, password, next });
  const totpState = (userId: string) =>
    h.db.tx(NO_CONTEXT, async (sql) => {
      const [row] = await sql.query<{ totp_secret_enc: string | null; totp_enabled_at: Date | null; totp_last_step: string | null }>(
        'SELECT totp_secret_enc, totp_enabled_at, totp_last_step FROM users WHERE id = $1',
        [userId],
      );
      return row!;
    });
  const sessionsOf = (userId: string) =>
    h.db.tx(NO_CONTEXT, (sql) => sql.query<{ mfa_verified: boolean }>('SELECT mfa_verified FROM sessions WHERE user_id = $1', [userId]));

  test('staff without 2FA are sent to enrol; a wrong code is refused, a right one enrols and opens the page', async () => {
    const m = await makeMunicipality(h.db);
    const staff = await makeUser(h.db, { municipality: m, roles: ['auditor'] });
    const c = client();
    assert.equal((await login(c, staff.email, staff.password)).statusCode, 303);

    const audit = `/${m.slug}/audit`;
    const blocked = await c.get(audit);
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, `/account/mfa?next=${encodeURIComponent(audit)}`);
    // The CSV export (same permission) is refused too, and JSON callers get the stable code.
    const json = await c.get(`${audit}.csv`, { accept: 'application/json' });
    assert.equal(json.statusCode, 403);
    assert.equal((json.json() as { error: { code: string } }).error.code, 'auth.mfa_required');

    const setup = await c.get(blocked.headers.location!);
    assert.equal(setup.statusCode, 200);
    assertIncludes(setup.body, STAFF_NOTICE);
    const shown = /<code class="secret">([^<]+)<\/code>/.exec(setup.body)?.[1];
    assert.ok(shown, 'the secret is shown for manual entry');
    assert.match(shown, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'in groups of four');
    const secret = shown.replace(/\s+/g, '');
    assert.equal(secret.length, 32, '160-bit secret in base32');
    const sealed = /<input type="hidden" name="secret_sealed" value="([^"]+)"/.exec(setup.body)?.[1];
    assert.ok(sealed, 'the sealed secret travels in a hidden field');
    assertExcludes(sealed, secret, 'the hidden field is encrypted');
    assert.match(setup.body, new RegExp(`<input type="hidden" name="next" value="${audit}"`));
    assert.match(setup.body, /<img class="qr" src="data:image\/svg\+xml;base64,/);

    const wrong = await c.post('/account/mfa', { secret_sealed: sealed, code: wrongCode(secret), next: audit });
    assert.equal(wrong.statusCode, 422);
    assertIncludes(wrong.body, TOTP_INVALID);
    assert.equal((await totpState(staff.id)).totp_enabled_at, null);
    assert.equal((await c.get(audit)).statusCode, 303, 'still not enrolled');

    // A forged sealed secret (one the server did not seal) is a form error, not a crash.
    const forged = await c.post('/account/mfa', { secret_sealed: 'AAAA.BBBB.CCCC', code: totpCode(secret), next: audit });
    assert.equal(forged.statusCode, 422);
    assertIncludes(forged.body, TOTP_INVALID);
    const otherKey = new SecretBox('another-secret-another-secret-another-secret-0').seal(secret);
    assert.equal((await c.post('/account/mfa', { secret_sealed: otherKey, code: totpCode(secret), next: audit })).statusCode, 422);
    assert.equal((await totpState(staff.id)).totp_enabled_at, null);

    const enrolledAt = Date.now();
    const enrolCode = totpCode(secret, enrolledAt);
    const ok = await c.post('/account/mfa', { secret_sealed: sealed, code: enrolCode, next: audit });
    assert.equal(ok.statusCode, 200);
    assertIncludes(ok.body, 'Logowanie dwuetapowe zostało włączone.');
    assert.equal(recoveryCodesIn(ok.body).length, 10, 'the recovery codes are shown');
    assertIncludes(ok.body, `href="${audit}"`, 'a link leads on to where the person was going');

    const state = await totpState(staff.id);
    assert.ok(state.totp_enabled_at instanceof Date);
    assert.ok(state.totp_secret_enc, 'the secret is stored');
    assertExcludes(state.totp_secret_enc, secret, 'the secret is encrypted at rest');
    assert.equal(new SecretBox(TEST_APP_SECRET).open(state.totp_secret_enc), secret);
    assert.ok(Number(state.totp_last_step) > 0, 'the enrolment code is spent');
    assert.deepEqual(await sessionsOf(staff.id), [{ mfa_verified: true }]);

    const page = await c.get(audit);
    assert.equal(page.statusCode, 200);
    assertIncludes(page.body, 'Dziennik zdarzeń');
    assertIncludes((await c.get('/account/mfa')).body, 'name="current_password"', 'a second enrolment asks for the password');
    assert.equal(((await c.get('/api/me')).json() as { mfaEnabled: boolean }).mfaEnabled, true);

    // From now on a password alone no longer opens the account: the next code (a later step) is needed.
    const again = client();
    const first = await login(again, staff.email, staff.password, audit);
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, `/login/mfa?next=${encodeURIComponent(audit)}`);
    assert.equal((await again.get(audit)).statusCode, 303);
    assert.equal((await again.post('/login/mfa', { code: enrolCode, next: audit })).statusCode, 422, 'the enrolment code cannot be replayed');
    const second = await again.post('/login/mfa', { code: totpCode(secret, enrolledAt + 30_000), next: audit });
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, audit);
    assert.equal((await again.get(audit)).statusCode, 200);
  });

  test('a residents-only account is not pushed to enrol', async () => {
    const m = await makeMunicipality(h.db);
    const resident = await makeUser(h.db, { municipality: m, roles: ['resident'] });
    const c = client();
    assert.equal((await login(c, resident.email, resident.password)).statusCode, 303);
    assert.equal((await c.get(`/${m.slug}`)).statusCode, 200);
    // No permission at all: forbidden rather than "enrol first".
    const audit = await c.get(`/${m.slug}/audit`);
    assert.equal(audit.statusCode, 403);
    const setup = await c.get('/account/mfa');
    assert.equal(setup.statusCode, 200);
    assertExcludes(setup.body, STAFF_NOTICE);
  });

  test('with 2FA enrolled, the password opens only the second step; the code completes the log-in', async () => {
    const user = await makeUser(h.db, { totp: true });
    const secret = user.totpSecret!;
    const c = client();

    const res = await login(c, user.email, user.password);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login/mfa?next=%2Faccount');
    assert.ok(c.hasCookie('sid'), 'a pending session exists');
    assert.deepEqual(await sessionsOf(user.id), [{ mfa_verified: false }]);

    const account = await c.get('/account');
    assert.equal(account.statusCode, 303, 'not logged in yet');
    assert.equal(account.headers.location, '/login?next=%2Faccount');
    const api = await c.get('/api/me');
    assert.equal(api.statusCode, 401);
    assert.equal((api.json() as { error: { code: string } }).error.code, 'auth.required');
    const mfaSetup = await c.get('/account/mfa');
    assert.equal(mfaSetup.statusCode, 303, 'a pending session cannot reach the enrolment page either');

    const page = await c.get('/login/mfa?next=%2Faccount');
    assert.equal(page.statusCode, 200);
    assertIncludes(page.body, 'Wpisz kod z aplikacji uwierzytelniającej.');
    assertExcludes(page.body, 'Wyloguj się', 'the header does not show a logged-in person');

    const wrong = await c.post('/login/mfa', { code: wrongCode(secret), next: '/account' });
    assert.equal(wrong.statusCode, 422);
    assertIncludes(wrong.body, TOTP_INVALID);
    assert.equal((await c.get('/account')).statusCode, 303);
    assert.deepEqual(await sessionsOf(user.id), [{ mfa_verified: false }]);

    const ok = await c.post('/login/mfa', { code: totpCode(secret), next: '/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    assert.deepEqual(await sessionsOf(user.id), [{ mfa_verified: true }]);
    const home = await c.get('/account');
    assert.equal(home.statusCode, 200);
    assertIncludes(home.body, `E-mail: ${user.email}`);
    assertIncludes(home.body, 'Logowanie dwuetapowe jest włączone od');
    // Once enrolled, the section is named for what it is, not "turn it on".
    assert.match(home.body, /<h2>Logowanie dwuetapowe<\/h2>/);
    assertExcludes(home.body, 'Włącz logowanie dwuetapowe');
  });

  test('a code cannot be replayed on a second log-in', async () => {
    const user = await makeUser(h.db, { totp: true });
    const code = totpCode(user.totpSecret!);

    const a = client();
    assert.equal((await login(a, user.email, user.password)).statusCode, 303);
    assert.equal((await a.post('/login/mfa', { code, next: '/account' })).statusCode, 303);
    assert.equal((await a.get('/account')).statusCode, 200);

    const b = client();
    assert.equal((await login(b, user.email, user.password)).headers.location, '/login/mfa?next=%2Faccount');
    const replay = await b.post('/login/mfa', { code, next: '/account' });
    assert.equal(replay.statusCode, 422);
    assertIncludes(replay.body, TOTP_INVALID);
    const blocked = await b.get('/account');
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, '/login?next=%2Faccount');
    const verified = (await sessionsOf(user.id)).map((s) => s.mfa_verified).sort();
    assert.deepEqual(verified, [false, true], 'only the first session completed the second step');
  });

  test('the second step needs a pending session and is rate-limited', async () => {
    const anon = client();
    const noSession = await anon.get('/login/mfa');
    assert.equal(noSession.statusCode, 303);
    assert.match(String(noSession.headers.location), /^\/login\?next=/);
    const post = await anon.post('/login/mfa', { code: '123456', next: '/account' });
    assert.equal(post.statusCode, 401);
    assertIncludes(post.body, 'Zaloguj się, aby zobaczyć tę stronę.');

    const user = await makeUser(h.db, { totp: true });
    const c = client();
    assert.equal((await login(c, user.email, user.password)).statusCode, 303);
    const bad = wrongCode(user.totpSecret!);
    for (let i = 1; i <= 10; i++) {
      // The account's own delay (review 1 #4) is lifted each time: this is about the per-address limit.
      await h.db.ownerTx((sql) => sql.query('UPDATE users SET mfa_blocked_until = NULL WHERE id = $1', [user.id]));
      assert.equal((await c.post('/login/mfa', { code: bad, next: '/account' })).statusCode, 422, `attempt ${i}`);
    }
    await h.db.ownerTx((sql) => sql.query('UPDATE users SET mfa_blocked_until = NULL WHERE id = $1', [user.id]));
    const limited = await c.post('/login/mfa', { code: totpCode(user.totpSecret!), next: '/account' });
    assert.equal(limited.statusCode, 429);
    assertIncludes(limited.body, 'Zbyt wiele żądań. Odczekaj chwilę i spróbuj ponownie.');
    assert.deepEqual(await sessionsOf(user.id), [{ mfa_verified: false }], 'a right code past the limit is not even checked');
  });
  const loginWithCode = async (c: TestClient, user: TestUser, at = Date.now()) => {
    assert.equal((await login(c, user.email, user.password)).statusCode, 303);
    const res = await c.post('/login/mfa', { code: totpCode(user.totpSecret!, at), next: '/account' });
    assert.equal(res.statusCode, 303, 'logged in with a code');
  };
  /** Enrols through the page; returns the secret shown and the recovery codes of the answer. */
  const enrol = async (c: TestClient, extra: Record<string, string> = {}) => {
    const setup = await c.get('/account/mfa');
    assert.equal(setup.statusCode, 200);
    const secret = /<code class="secret">([^<]+)<\/code>/.exec(setup.body)![1]!.replace(/\s+/g, '');
    const sealed = /name="secret_sealed" value="([^"]+)"/.exec(setup.body)![1]!;
    const res = await c.post('/account/mfa', { secret_sealed: sealed, code: totpCode(secret), next: '/account', ...extra });
    return { secret, sealed, res, codes: recoveryCodesIn(res.body) };
  };
  const auditCount = async (userId: string, action: string) =>
    Number((await h.db.ownerTx((sql) => sql.query<{ n: string }>('SELECT count(*) AS n FROM platform_audit_log WHERE actor_user_id = $1 AND action = $2', [userId, action])))[0]!.n);

  test('review 1 #2: a session that never gave a code asks for one once the account has 2FA, and enrolling ends the other sessions', async () => {
    const user = await makeUser(h.db);
    const early = client();
    assert.equal((await login(early, user.email, user.password)).statusCode, 303);
    assert.equal((await early.get('/account')).statusCode, 200);

    // 2FA switched on outside this session (without ending it): the session gave no code, so it asks for one.
    const secret = newTotpSecret();
    await h.db.tx(NO_CONTEXT, (sql) => users.enableTotp(sql, user.id, new SecretBox(TEST_APP_SECRET).seal(secret), 0));
    const asked = await early.get('/account');
    assert.equal(asked.statusCode, 303);
    assert.equal(asked.headers.location, '/login?next=%2Faccount');
    assert.equal((await early.get('/login/mfa')).statusCode, 200);
    assert.equal((await early.post('/login/mfa', { code: totpCode(secret), next: '/account' })).statusCode, 303);
    assert.equal((await early.get('/account')).statusCode, 200);

    // Enrolling through the page ends every other session of the account, pending or not.
    const other = await makeUser(h.db);
    const elsewhere = client();
    const here = client();
    assert.equal((await login(elsewhere, other.email, other.password)).statusCode, 303);
    assert.equal((await login(here, other.email, other.password)).statusCode, 303);
    const { res } = await enrol(here);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(await sessionsOf(other.id), [{ mfa_verified: true }], 'only the enrolling session is left');
    const kicked = await elsewhere.get('/account');
    assert.equal(kicked.statusCode, 303);
    assert.equal(kicked.headers.location, '/login?next=%2Faccount');
    assert.equal((await here.get('/account')).statusCode, 200);
  });

  test('review 1 #3: replacing the authenticator needs the password and a current code; the owner is mailed, other sessions end', async () => {
    const user = await makeUser(h.db, { totp: true });
    const now = Date.now();
    const c = client();
    await loginWithCode(c, user, now);
    const other = client();
    assert.equal((await login(other, user.email, user.password)).statusCode, 303);
    const before = (await totpState(user.id)).totp_secret_enc;

    // What the review did: a logged-in session posts a fresh secret with its code. Refused now.
    const setup = await c.get('/account/mfa');
    assert.equal(setup.statusCode, 200);
    assertIncludes(setup.body, 'name="current_password"');
    assertIncludes(setup.body, 'name="current_code"');
    const secret = /<code class="secret">([^<]+)<\/code>/.exec(setup.body)![1]!.replace(/\s+/g, '');
    const sealed = /name="secret_sealed" value="([^"]+)"/.exec(setup.body)![1]!;
    const bare = await c.post('/account/mfa', { secret_sealed: sealed, code: totpCode(secret), next: '/account' });
    assert.equal(bare.statusCode, 422);
    assert.match(bare.body, /id="f-current_password-error"/);
    assert.match(bare.body, /id="f-current_code-error"/);
    assert.equal((await totpState(user.id)).totp_secret_enc, before, 'the secret is not replaced');

    const wrongPassword = await c.post('/account/mfa', { secret_sealed: sealed, code: totpCode(secret), current_password: 'Zle-Haslo-Zle-Haslo-1', current_code: totpCode(user.totpSecret!, now + 30_000), next: '/account' });
    assert.equal(wrongPassword.statusCode, 422);
    assert.match(wrongPassword.body, /id="f-current_password-error"/);
    assert.equal((await totpState(user.id)).totp_secret_enc, before);

    const ok = await c.post('/account/mfa', { secret_sealed: sealed, code: totpCode(secret), current_password: user.password, current_code: totpCode(user.totpSecret!, now + 30_000), next: '/account' });
    assert.equal(ok.statusCode, 200);
    assert.equal(recoveryCodesIn(ok.body).length, 10);
    assert.equal(new SecretBox(TEST_APP_SECRET).open((await totpState(user.id)).totp_secret_enc!), secret, 'the new secret is in force');
    assert.deepEqual(await sessionsOf(user.id), [{ mfa_verified: true }], 'the other session ended');
    assert.equal((await other.get('/login/mfa')).statusCode, 303);
    await h.worker.drain();
    assert.ok((await devMail(h.db, user.email)).some((m) => m.subject === 'Zmieniono logowanie dwuetapowe w serwisie Wspólnota'));
    assert.equal(await auditCount(user.id, 'auth.mfa_replaced'), 1);
  });

  test('review 1 #3: ten single-use recovery codes, stored hashed, open the log-in instead of a code; regenerating voids the old ones', async () => {
    const user = await makeUser(h.db);
    const c = client();
    assert.equal((await login(c, user.email, user.password)).statusCode, 303);
    const { res, codes } = await enrol(c);
    assert.equal(res.statusCode, 200);
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    const stored = await h.db.ownerTx((sql) => sql.query<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [user.id]));
    assert.equal(stored.length, 10);
    for (const r of stored) {
      assert.match(r.code_hash, /^[0-9a-f]{64}$/, 'hashed at rest');
      for (const code of codes) assertExcludes(r.code_hash, code, 'hashed at rest');
    }
    assert.deepEqual(recoveryCodesIn((await c.get('/account')).body), [], 'shown once');

    const d = client();
    assert.equal((await login(d, user.email, user.password)).statusCode, 303);
    const used = await d.post('/login/mfa', { code: codes[0]!.toUpperCase().replace(/-/g, ' '), next: '/account' });
    assert.equal(used.statusCode, 303, 'a recovery code (any case, spaces or dashes) opens the log-in');
    assert.equal((await d.get('/account')).statusCode, 200);
    assert.equal(await auditCount(user.id, 'auth.recovery_code_used'), 1);
    const e = client();
    assert.equal((await login(e, user.email, user.password)).statusCode, 303);
    assert.equal((await e.post('/login/mfa', { code: codes[0]!, next: '/account' })).statusCode, 422, 'single use');

    const form = await c.get('/account/mfa/recovery-codes');
    assert.equal(form.statusCode, 200);
    assert.deepEqual(recoveryCodesIn(form.body), []);
    assert.equal((await c.post('/account/mfa/recovery-codes', { current_password: user.password, current_code: '' })).statusCode, 422);
    const fresh = await c.post('/account/mfa/recovery-codes', { current_password: user.password, current_code: codes[1]! });
    assert.equal(fresh.statusCode, 200);
    const newCodes = recoveryCodesIn(fresh.body);
    assert.equal(newCodes.length, 10);
    assert.equal((await e.post('/login/mfa', { code: codes[2]!, next: '/account' })).statusCode, 422, 'the old codes are void');
    assert.equal((await e.post('/login/mfa', { code: newCodes[0]!, next: '/account' })).statusCode, 303);
  });

  test('review 1 #3: turning 2FA off needs the password and a code; the owner is mailed', async () => {
    const user = await makeUser(h.db, { totp: true });
    const now = Date.now();
    const c = client();
    await loginWithCode(c, user, now);
    assert.equal((await c.get('/account/mfa/remove')).statusCode, 200);
    const bare = await c.post('/account/mfa/remove', {});
    assert.equal(bare.statusCode, 422);
    assert.match(bare.body, /id="f-current_password-error"/);
    const wrong = await c.post('/account/mfa/remove', { current_password: user.password, current_code: wrongCode(user.totpSecret!) });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="f-current_code-error"/);
    assert.ok((await totpState(user.id)).totp_enabled_at instanceof Date, 'still on');

    const ok = await c.post('/account/mfa/remove', { current_password: user.password, current_code: totpCode(user.totpSecret!, now + 30_000) });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    const state = await totpState(user.id);
    assert.equal(state.totp_enabled_at, null);
    assert.equal(state.totp_secret_enc, null);
    await h.worker.drain();
    assert.ok((await devMail(h.db, user.email)).some((m) => m.subject === 'Wyłączono logowanie dwuetapowe w serwisie Wspólnota'));
  });

  test('review 1 #4: wrong codes count per account across sessions and addresses; after five even the right one waits, every failure audited', async () => {
    const user = await makeUser(h.db, { totp: true });
    const bad = wrongCode(user.totpSecret!);
    const clients = [client(), client(), client()];
    for (const c of clients) assert.equal((await login(c, user.email, user.password)).statusCode, 303);
    for (let i = 0; i < 5; i++) assert.equal((await clients[i % 3]!.post('/login/mfa', { code: bad, next: '/account' })).statusCode, 422, `failure ${i + 1}`);
    assert.equal(await auditCount(user.id, 'auth.mfa_failed'), 5, 'each failure is audited although the request fails');
    await h.worker.drain();
    assert.ok((await devMail(h.db, user.email)).some((m) => m.subject === 'Błędne kody logowania do konta w serwisie Wspólnota'), 'the owner is told');

    const waiting = await clients[2]!.post('/login/mfa', { code: totpCode(user.totpSecret!), next: '/account' });
    assert.equal(waiting.statusCode, 429);
    assert.ok(Number(waiting.headers['retry-after']) >= 1);
    assert.match(waiting.body, /Spróbuj ponownie za \d+ s/);
    assert.ok((await sessionsOf(user.id)).every((s) => !s.mfa_verified), 'the right code was not taken');
    assert.equal(await auditCount(user.id, 'auth.mfa_throttled'), 1);

    // Once the delay is over, the right code works and the count starts again.
    await h.db.ownerTx((sql) => sql.query("UPDATE users SET mfa_blocked_until = now() - interval '1 second' WHERE id = $1", [user.id]));
    assert.equal((await clients[2]!.post('/login/mfa', { code: totpCode(user.totpSecret!), next: '/account' })).statusCode, 303);
    const [row] = await h.db.ownerTx((sql) => sql.query<{ mfa_failures: number }>('SELECT mfa_failures FROM users WHERE id = $1', [user.id]));
    assert.equal(row!.mfa_failures, 0);
  });

  test('review 1 #4: the twentieth wrong code in one session ends it', async () => {
    const user = await makeUser(h.db, { totp: true });
    const c = client();
    assert.equal((await login(c, user.email, user.password)).statusCode, 303);
    await h.db.ownerTx((sql) => sql.query('UPDATE sessions SET mfa_failures = 19 WHERE user_id = $1', [user.id]));
    const last = await c.post('/login/mfa', { code: wrongCode(user.totpSecret!), next: '/account' });
    assert.equal(last.statusCode, 401);
    assertIncludes(last.body, 'Zbyt wiele błędnych kodów');
    assert.deepEqual(await sessionsOf(user.id), [], 'the session is gone');
    assert.equal(c.hasCookie('sid'), false);
  });
});
