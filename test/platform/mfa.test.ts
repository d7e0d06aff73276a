import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_CONTEXT } from '../../src/platform/db/types';
import { SecretBox, totpCode } from '../../src/platform/auth/totp';
import { TestClient } from '../support/client';
import { TEST_APP_SECRET, makeMunicipality, makeUser } from '../support/factories';
import { describeEachEngine, type Harness } from '../support/harness';

const TOTP_INVALID = 'Kod jest nieprawidłowy lub wygasł. Wpisz aktualny kod z aplikacji.';
const STAFF_NOTICE = 'Jako pracownik musisz włączyć logowanie dwuetapowe, zanim otworzysz strony z danymi osobowymi.';

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
    assert.ok(setup.body.includes(STAFF_NOTICE));
    const shown = /<code class="secret">([^<]+)<\/code>/.exec(setup.body)?.[1];
    assert.ok(shown, 'the secret is shown for manual entry');
    assert.match(shown, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'in groups of four');
    const secret = shown.replace(/\s+/g, '');
    assert.equal(secret.length, 32, '160-bit secret in base32');
    const sealed = /<input type="hidden" name="secret_sealed" value="([^"]+)"/.exec(setup.body)?.[1];
    assert.ok(sealed, 'the sealed secret travels in a hidden field');
    assert.ok(!sealed.includes(secret), 'the hidden field is encrypted');
    assert.match(setup.body, new RegExp(`<input type="hidden" name="next" value="${audit}"`));
    assert.match(setup.body, /<img class="qr" src="data:image\/svg\+xml;base64,/);

    const wrong = await c.post('/account/mfa', { secret_sealed: sealed, code: wrongCode(secret), next: audit });
    assert.equal(wrong.statusCode, 422);
    assert.ok(wrong.body.includes(TOTP_INVALID));
    assert.equal((await totpState(staff.id)).totp_enabled_at, null);
    assert.equal((await c.get(audit)).statusCode, 303, 'still not enrolled');

    // A forged sealed secret (one the server did not seal) is a form error, not a crash.
    const forged = await c.post('/account/mfa', { secret_sealed: 'AAAA.BBBB.CCCC', code: totpCode(secret), next: audit });
    assert.equal(forged.statusCode, 422);
    assert.ok(forged.body.includes(TOTP_INVALID));
    const otherKey = new SecretBox('another-secret-another-secret-another-secret-0').seal(secret);
    assert.equal((await c.post('/account/mfa', { secret_sealed: otherKey, code: totpCode(secret), next: audit })).statusCode, 422);
    assert.equal((await totpState(staff.id)).totp_enabled_at, null);

    const enrolledAt = Date.now();
    const enrolCode = totpCode(secret, enrolledAt);
    const ok = await c.post('/account/mfa', { secret_sealed: sealed, code: enrolCode, next: audit });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, audit);

    const state = await totpState(staff.id);
    assert.ok(state.totp_enabled_at instanceof Date);
    assert.ok(state.totp_secret_enc && !state.totp_secret_enc.includes(secret), 'the secret is encrypted at rest');
    assert.equal(new SecretBox(TEST_APP_SECRET).open(state.totp_secret_enc), secret);
    assert.ok(Number(state.totp_last_step) > 0, 'the enrolment code is spent');
    assert.deepEqual(await sessionsOf(staff.id), [{ mfa_verified: true }]);

    const page = await c.get(audit);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Logowanie dwuetapowe zostało włączone.'), 'flash after enrolment');
    assert.ok(page.body.includes('Dziennik zdarzeń'));
    assert.equal((await c.get('/account/mfa')).headers.location, '/account', 'no second enrolment');
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
    assert.ok(!setup.body.includes(STAFF_NOTICE));
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
    assert.ok(page.body.includes('Wpisz kod z aplikacji uwierzytelniającej.'));
    assert.ok(!page.body.includes('Wyloguj się'), 'the header does not show a logged-in person');

    const wrong = await c.post('/login/mfa', { code: wrongCode(secret), next: '/account' });
    assert.equal(wrong.statusCode, 422);
    assert.ok(wrong.body.includes(TOTP_INVALID));
    assert.equal((await c.get('/account')).statusCode, 303);
    assert.deepEqual(await sessionsOf(user.id), [{ mfa_verified: false }]);

    const ok = await c.post('/login/mfa', { code: totpCode(secret), next: '/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    assert.deepEqual(await sessionsOf(user.id), [{ mfa_verified: true }]);
    const home = await c.get('/account');
    assert.equal(home.statusCode, 200);
    assert.ok(home.body.includes(`E-mail: ${user.email}`));
    assert.ok(home.body.includes('Logowanie dwuetapowe jest włączone od'));
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
    assert.ok(replay.body.includes(TOTP_INVALID));
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
    assert.ok(post.body.includes('Zaloguj się, aby zobaczyć tę stronę.'));

    const user = await makeUser(h.db, { totp: true });
    const c = client();
    assert.equal((await login(c, user.email, user.password)).statusCode, 303);
    const bad = wrongCode(user.totpSecret!);
    for (let i = 1; i <= 10; i++) assert.equal((await c.post('/login/mfa', { code: bad, next: '/account' })).statusCode, 422, `attempt ${i}`);
    const limited = await c.post('/login/mfa', { code: totpCode(user.totpSecret!), next: '/account' });
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.body.includes('Zbyt wiele żądań. Odczekaj chwilę i spróbuj ponownie.'));
    assert.deepEqual(await sessionsOf(user.id), [{ mfa_verified: false }], 'a right code past the limit is not even checked');
  });
});
