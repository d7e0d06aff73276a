import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { NO_CONTEXT } from '../../src/platform/db/types';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { describeEachEngine, type Harness } from '../support/harness';
import { assertIncludes } from '../support/assertions';

const BODY_LIMIT = 2048;
const STRONG = 'Zimowy-Sad-Latarnia-31';
const MSG = {
  csrf: 'Formularz wygasł lub został wysłany z innej strony. Odśwież stronę i spróbuj ponownie — nic nie zostało zapisane.',
  tooLarge: 'Przesłane dane są za duże.',
  unsupported: 'Nieobsługiwany format przesłanych danych.',
  malformed: 'Żądanie ma nieprawidłowy format.',
  notFound: 'Nie znaleziono takiej strony.',
  nul: 'Przesłane dane zawierają niedozwolony znak (NUL). Usuń go i spróbuj ponownie.',
  validation: 'Popraw błędy w formularzu.',
  internal: 'Coś poszło nie tak po naszej stronie. Spróbuj ponownie za chwilę. Wpisane dane nie zostały utracone — możesz wrócić do formularza.',
} as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** An error answer tells what went wrong in Polish and nothing about the inside of the server. */
function assertNoLeak(res: LightMyRequestResponse): void {
  for (const pattern of [/\bat \S+ \(/, /\.tsx?:\d+/, /node_modules/, /\bError:/, /FST_[A-Z_]+/, /ERR_[A-Z_]+/, /permission denied/i, /stack/i]) {
    assert.doesNotMatch(res.body, pattern, `the ${res.statusCode} body leaks ${pattern}`);
  }
}

function assertJsonError(res: LightMyRequestResponse, status: number, code: string, message: string): void {
  assert.equal(res.statusCode, status);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.deepEqual(res.json(), { error: { code, message } });
  assertNoLeak(res);
}

function assertErrorPage(res: LightMyRequestResponse, status: number, message: string): void {
  assert.equal(res.statusCode, status);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.match(res.body, /<html lang="pl">/);
  assertIncludes(res.body, `<p class="lead">${message}</p>`, `the page says: ${message}`);
  assertIncludes(res.body, `Identyfikator zgłoszenia: ${res.headers['x-request-id']}`, 'the page shows the request id');
  assertNoLeak(res);
}

describeEachEngine(
  'HTTP errors',
  (h: Harness) => {
    const client = () => new TestClient(h.app);
    const userExists = async (email: string) =>
      (await h.db.tx(NO_CONTEXT, (sql) => sql.query('SELECT 1 FROM users WHERE email = $1', [email]))).length > 0;
    const registration = (email: string) => ({ display_name: 'Basia', email, password: STRONG, password_confirm: STRONG });

    test('a form posted without a valid CSRF token is refused and saves nothing', async () => {
      const c = client();
      await c.get('/register');
      const token = c.csrfToken;
      assert.ok(token);

      const missing = `bez-tokenu-${uniq()}@example.pl`;
      assertErrorPage(await c.post('/register', registration(missing), { csrf: false }), 403, MSG.csrf);
      assert.equal(await userExists(missing), false);

      const forged = `falszywy-${uniq()}@example.pl`;
      c.csrfToken = 'x'.repeat(token.length);
      assertErrorPage(await c.post('/register', registration(forged)), 403, MSG.csrf);
      assert.equal(await userExists(forged), false);

      // A token from another browser does not fit this browser's secret.
      const other = client();
      await other.get('/register');
      c.csrfToken = other.csrfToken;
      const foreign = `obcy-${uniq()}@example.pl`;
      assertErrorPage(await c.post('/register', registration(foreign)), 403, MSG.csrf);
      assert.equal(await userExists(foreign), false);

      // No CSRF cookie at all (a cross-site post from a fresh browser).
      const fresh = client();
      const cold = `zimny-${uniq()}@example.pl`;
      assertErrorPage(await fresh.post('/register', registration(cold), { csrf: false }), 403, MSG.csrf);
      assert.equal(await userExists(cold), false);

      const json = await c.request({ method: 'POST', url: '/register', payload: JSON.stringify(registration(`json-${uniq()}@example.pl`)), headers: JSON_HEADERS });
      assertJsonError(json, 403, 'csrf.invalid', MSG.csrf);

      // Control: the same form with this browser's own token goes through.
      c.csrfToken = token;
      const good = `dobry-${uniq()}@example.pl`;
      assert.equal((await c.post('/register', registration(good))).statusCode, 200);
      assert.equal(await userExists(good), true);
    });

    test('logging out needs the CSRF token too (no forced log-out)', async () => {
      const user = await makeUser(h.db);
      const c = client();
      assert.equal((await c.post('/login', { email: user.email, password: user.password })).statusCode, 303);
      assertErrorPage(await c.post('/logout', {}, { csrf: false }), 403, MSG.csrf);
      assert.equal((await c.get('/account')).statusCode, 200, 'still logged in');
    });

    test(`a body over BODY_LIMIT_BYTES (${BODY_LIMIT}) answers 413`, async () => {
      const c = client();
      await c.get('/register');
      const big = 'x'.repeat(10 * 1024);

      assertJsonError(
        await c.request({ method: 'POST', url: '/login', payload: JSON.stringify({ email: 'a@example.pl', password: big }), headers: JSON_HEADERS }),
        413,
        'request.too_large',
        MSG.tooLarge,
      );
      assertJsonError(
        await c.request({ method: 'POST', url: '/api/me', payload: JSON.stringify({ a: big }), headers: { 'content-type': 'application/json' } }),
        413,
        'request.too_large',
        MSG.tooLarge,
      );

      const email = `duzy-${uniq()}@example.pl`;
      const form = new URLSearchParams({ ...registration(email), display_name: big, _csrf: c.csrfToken }).toString();
      assertErrorPage(
        await c.request({ method: 'POST', url: '/register', payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        413,
        MSG.tooLarge,
      );
      assert.equal(await userExists(email), false);

      // The limit is the configured one, not Fastify's 1 MiB default: just over it fails, just under it is read.
      const just = (n: number) => new URLSearchParams({ email: 'a@example.pl', password: 'p'.repeat(n), _csrf: c.csrfToken }).toString();
      const over = just(BODY_LIMIT);
      assert.ok(Buffer.byteLength(over) > BODY_LIMIT);
      assert.equal((await c.request({ method: 'POST', url: '/login', payload: over, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode, 413);
      const under = just(200);
      assert.equal((await c.request({ method: 'POST', url: '/login', payload: under, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode, 401);
    });

    test('an unsupported content type answers 415', async () => {
      const c = client();
      const xml = '<login><email>a@example.pl</email></login>';
      assertErrorPage(await c.request({ method: 'POST', url: '/login', payload: xml, headers: { 'content-type': 'text/xml' } }), 415, MSG.unsupported);
      assertJsonError(
        await c.request({ method: 'POST', url: '/login', payload: xml, headers: { 'content-type': 'text/xml', accept: 'application/json' } }),
        415,
        'request.unsupported_media_type',
        MSG.unsupported,
      );
    });

    test('malformed JSON answers 400 request.malformed', async () => {
      const c = client();
      assertJsonError(await c.request({ method: 'POST', url: '/login', payload: '{"email": "a@example.pl", ', headers: JSON_HEADERS }), 400, 'request.malformed', MSG.malformed);
      assertJsonError(await c.request({ method: 'POST', url: '/register', payload: '', headers: JSON_HEADERS }), 400, 'request.malformed', MSG.malformed);
      assertErrorPage(
        await c.request({ method: 'POST', url: '/login', payload: '{"email": ', headers: { 'content-type': 'application/json' } }),
        400,
        MSG.malformed,
      );
    });

    test('a malformed URL or an over-long path parameter answers 400 in our own shape', async () => {
      const c = client();
      assertErrorPage(await c.get('/%E0%A4%A'), 400, MSG.malformed);
      assertJsonError(await c.get('/api/%E0%A4%A'), 400, 'request.malformed', MSG.malformed);
      assertErrorPage(await c.get(`/password/reset/${'a'.repeat(500)}`), 400, MSG.malformed);
    });

    test('an unknown path answers 404 with a Polish page (or JSON under /api/)', async () => {
      const c = client();
      const page = await c.get('/nie/ma/takiej/strony');
      assertErrorPage(page, 404, MSG.notFound);
      assertIncludes(page.body, 'Wróć na stronę główną');
      assertJsonError(await c.get('/api/nie-ma'), 404, 'not_found', MSG.notFound);
      assertJsonError(await c.get('/nie/ma', { accept: 'application/json' }), 404, 'not_found', MSG.notFound);

      // In English when the visitor chose English.
      await c.post('/language', { locale: 'en', return: '/' });
      const en = await c.get('/nie/ma/takiej/strony');
      assert.equal(en.statusCode, 404);
      assert.match(en.body, /<html lang="en">/);
      assertIncludes(en.body, 'Page not found.');
    });

    test('an unknown municipality answers 404, even where a log-in would otherwise be asked for', async () => {
      const c = client();
      assertErrorPage(await c.get(`/gmina-${uniq()}`), 404, MSG.notFound);
      assertErrorPage(await c.get(`/gmina-${uniq()}/audit`), 404, MSG.notFound);
      // Paths that cannot be a municipality's address at all (NUL is refused at the edge, ADR 0015).
      assertErrorPage(await c.get('/Gmina%00Zla'), 400, MSG.nul);
      assertErrorPage(await c.get('/gmina%20ze%20spacja'), 404, MSG.notFound);

      const m = await makeMunicipality(h.db);
      const known = await c.get(`/${m.slug}`);
      assert.equal(known.statusCode, 200);
      assertIncludes(known.body, m.cus_name);

      const user = await makeUser(h.db);
      assert.equal((await c.post('/login', { email: user.email, password: user.password })).statusCode, 303);
      assertErrorPage(await c.post(`/gmina-${uniq()}/join`), 404, MSG.notFound);
    });

    test('JSON callers get { error: { code, message, fields } } for a validation failure', async () => {
      const c = client();
      await c.get('/register');
      const send = (body: Record<string, string>) =>
        c.request({ method: 'POST', url: '/register', payload: JSON.stringify({ ...body, _csrf: c.csrfToken }), headers: JSON_HEADERS });

      const res = await send({ display_name: '', email: 'to-nie-adres', password: 'cokolwiek', password_confirm: 'cokolwiek' });
      assert.equal(res.statusCode, 422);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.deepEqual(res.json(), {
        error: {
          code: 'validation.failed',
          message: MSG.validation,
          fields: {
            display_name: { code: 'required', message: 'To pole jest wymagane.' },
            email: { code: 'email', message: 'Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl.' },
          },
        },
      });
      assertNoLeak(res);

      const mismatch = await send({ display_name: 'Ala', email: `ala-${uniq()}@example.pl`, password: STRONG, password_confirm: `${STRONG}!` });
      assert.equal(mismatch.statusCode, 422);
      assert.deepEqual((mismatch.json() as { error: { fields: unknown } }).error.fields, {
        password_confirm: { code: 'password_mismatch', message: 'Hasła nie są takie same.' },
      });

      const email = `ala-${uniq()}@example.pl`;
      const weak = await send({ display_name: 'Ala', email, password: 'password1234', password_confirm: 'password1234' });
      assert.equal(weak.statusCode, 422);
      assert.deepEqual((weak.json() as { error: { fields: unknown } }).error.fields, {
        password: { code: 'password_weak', message: 'To hasło łatwo odgadnąć (jest popularne, pochodzi z wycieku lub ma oczywisty wzór). Wybierz inne.' },
      });
      assert.equal(await userExists(email), false);

      const short = await send({ display_name: 'Ala', email, password: 'Krotkie-1', password_confirm: 'Krotkie-1' });
      assert.deepEqual((short.json() as { error: { fields: unknown } }).error.fields, {
        password: { code: 'too_short', message: 'Tekst jest za krótki (co najmniej 12 znaków).' },
      });

      // A login failure is not a validation failure: it has a code and a message, and no fields.
      assertJsonError(
        await c.request({ method: 'POST', url: '/login', payload: JSON.stringify({ email, password: STRONG, _csrf: c.csrfToken }), headers: JSON_HEADERS }),
        401,
        'auth.invalid_credentials',
        'Nieprawidłowy adres e-mail lub hasło.',
      );
    });

    test('text the database cannot store is refused at the edge (ADR 0015), not a crash', async () => {
      const c = client();
      const email = `nul-${uniq()}@example.pl`;
      const res = await c.post('/register', { ...registration(email), display_name: 'Ba\u0000sia' });
      assertErrorPage(res, 400, MSG.nul);
      assert.equal(await userExists(email), false);
    });

    test('a redirect target that cannot be a same-site path falls back instead of failing', async () => {
      const user = await makeUser(h.db);
      const c = client();
      for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '/konto-żółte', '/a b']) {
        await c.post('/logout');
        const res = await c.post('/login', { email: user.email, password: user.password, next });
        assert.equal(res.statusCode, 303, `next=${next}`);
        assert.equal(res.headers.location, '/', `next=${next}: the landing of someone of no municipality`);
      }
      assert.equal((await c.post('/language', { locale: 'pl', return: '/a\u0000b' })).statusCode, 400, 'NUL is refused at the edge (ADR 0015)');
      for (const back of ['/ścieżka', '//evil.example']) {
        const res = await c.post('/language', { locale: 'pl', return: back });
        assert.equal(res.statusCode, 303, `return=${back}`);
        assert.equal(res.headers.location, '/');
      }
      const ok = await c.post('/language', { locale: 'pl', return: '/account?tab=1' });
      assert.equal(ok.headers.location, '/account?tab=1');
    });

    test('an internal failure answers 500 with a Polish message and no details', async () => {
      const c = client();
      await h.db.ownerTx((sql) => sql.query('REVOKE SELECT ON municipalities FROM wspolnota_app'));
      try {
        assertErrorPage(await c.get('/'), 500, MSG.internal);
        assertJsonError(await c.get('/', { accept: 'application/json' }), 500, 'internal', MSG.internal);
      } finally {
        await h.db.ownerTx((sql) => sql.query('GRANT SELECT ON municipalities TO wspolnota_app'));
      }
      assert.equal((await c.get('/')).statusCode, 200);
    });

    test('every response carries a unique x-request-id', async () => {
      const user = await makeUser(h.db);
      const c = client();
      await c.get('/login');
      const responses: [string, LightMyRequestResponse][] = [
        ['page', await c.get('/')],
        ['health', await c.get('/healthz')],
        ['ready', await c.get('/readyz')],
        ['static', await c.get('/static/site.css')],
        ['missing static', await c.get('/static/nie-ma.css')],
        ['redirect', await c.get('/account')],
        ['login', await c.post('/login', { email: user.email, password: user.password })],
        ['json', await c.get('/api/me')],
        ['404', await c.get('/nie-ma/tego')],
        ['403 csrf', await c.post('/logout', {}, { csrf: false })],
        ['413', await c.request({ method: 'POST', url: '/login', payload: 'a='.padEnd(5000, 'x'), headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
        ['415', await c.request({ method: 'POST', url: '/login', payload: '<a/>', headers: { 'content-type': 'text/xml' } })],
        ['400 json', await c.request({ method: 'POST', url: '/login', payload: '{', headers: { 'content-type': 'application/json' } })],
        ['400 url', await c.get('/%E0%A4%A')],
        ['422', await c.post('/language', { locale: 'de' })],
      ];
      const ids = new Set<string>();
      for (const [name, res] of responses) {
        const id = res.headers['x-request-id'];
        assert.equal(typeof id, 'string', `${name} (${res.statusCode}) has x-request-id`);
        assert.match(String(id), UUID, name);
        ids.add(String(id));
      }
      assert.equal(ids.size, responses.length, 'each request has its own id');
      // The id a client may send is not trusted.
      const spoofed = await c.request({ method: 'GET', url: '/', headers: { 'x-request-id': 'spoofed' } });
      assert.match(String(spoofed.headers['x-request-id']), UUID);
    });

    test('security headers are set on pages, errors and JSON', async () => {
      const c = client();
      for (const res of [await c.get('/'), await c.get('/nie-ma'), await c.get('/api/me'), await c.get('/login')]) {
        const csp = String(res.headers['content-security-policy'] ?? '');
        assertIncludes(csp, "default-src 'self'", `CSP on ${res.statusCode}: ${csp}`);
        assertIncludes(csp, "script-src 'self'");
        assertIncludes(csp, "form-action 'self'");
        assertIncludes(csp, "frame-ancestors 'self'");
        assertIncludes(csp, "img-src 'self' data:");
        assert.doesNotMatch(/script-src[^;]*/.exec(csp)?.[0] ?? '', /unsafe/, 'no inline or eval scripts');
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
        assert.equal(res.headers['referrer-policy'], 'no-referrer');
        assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS on plain http');
      }
      const page = await c.get('/login');
      assert.equal(page.headers['cache-control'], 'private, no-cache', "an anonymous form page stays in the visitor's own browser only and is checked again before reuse");
    });
  },
  { env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) } },
);
