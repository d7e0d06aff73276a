import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { NO_CONTEXT } from '../../src/platform/db/types';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { describeEachEngine, linkIn, type Harness } from '../support/harness';
import { assertExcludes, assertIncludes } from '../support/assertions';

// ---------------------------------------------------------------------------------------------
// A real SMTP server on a random local port: mail goes through nodemailer and the wire.
// ---------------------------------------------------------------------------------------------

interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

const received: ReceivedMail[] = [];
let smtp: SMTPServer | undefined;
let smtpPort = 0;

/** Decodes quoted-printable bytes as UTF-8. */
function quotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : quotedPrintable(data.replace(/_/g, ' ')),
    );
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const cte = header('content-transfer-encoding').toLowerCase();
  const text = cte === 'quoted-printable' ? quotedPrintable(body) : cte === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { to, subject: decodeHeader(header('subject')), text: text.replace(/\r\n/g, '\n') };
}

const mailTo = (address: string) => received.filter((m) => m.to.includes(address));

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address.toLowerCase())));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const STRONG = 'Zimowy-Sad-Latarnia-31';
const MSG = {
  registerDone: 'Sprawdź skrzynkę e-mail',
  invalidCredentials: 'Nieprawidłowy adres e-mail lub hasło.',
  notVerified: 'Najpierw potwierdź adres e-mail — link wysłaliśmy w wiadomości. Możesz wysłać go ponownie.',
  locked: /Zbyt wiele nieudanych prób z tego adresu\. Spróbuj ponownie za \d+ s albo zresetuj hasło\./,
  weak: 'To hasło łatwo odgadnąć (jest popularne, pochodzi z wycieku lub ma oczywisty wzór). Wybierz inne.',
  tooShort: 'Tekst jest za krótki (co najmniej 12 znaków).',
  mismatch: 'Hasła nie są takie same.',
  badEmail: 'Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl.',
  tokenUsed: 'Ten link został już użyty.',
  tokenInvalid: 'Ten link jest nieprawidłowy.',
  tokenExpired: 'Ten link wygasł. Poproś o nowy.',
  resetSent: 'Jeśli konto z tym adresem istnieje, wysłaliśmy link do ustawienia nowego hasła. Link jest ważny 1 godzinę.',
  resetDone: 'Hasło zostało zmienione. Zaloguj się nowym hasłem. Pozostałe sesje zostały wylogowane.',
} as const;

/** Page bodies differ only in per-request noise: CSRF tokens (and the typed address, when given). */
function normalise(body: string, ...replace: string[]): string {
  let out = body.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
  for (const r of replace) out = out.split(r).join('{EMAIL}');
  return out;
}

describeEachEngine(
  'auth',
  (h: Harness) => {
    const client = () => new TestClient(h.app);

    const userRow = (email: string) =>
      h.db.tx(NO_CONTEXT, async (sql) => {
        const [row] = await sql.query<{ id: string; display_name: string; password_hash: string; email_verified_at: Date | null; locale: string }>(
          'SELECT id, display_name, password_hash, email_verified_at, locale FROM users WHERE email = $1',
          [email],
        );
        return row;
      });
    const sessionCount = (userId: string) =>
      h.db.tx(NO_CONTEXT, async (sql) => Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM sessions WHERE user_id = $1', [userId]))[0]!.n));

    const login = (c: TestClient, email: string, password: string) => c.post('/login', { email, password, next: '/account' });

    /** Asks for a reset link and returns its path, as delivered by SMTP. */
    async function resetLink(email: string): Promise<string> {
      const before = mailTo(email).length;
      const res = await client().post('/password/forgot', { email });
      assert.equal(res.statusCode, 200);
      await h.worker.drain();
      const mails = mailTo(email);
      assert.equal(mails.length, before + 1, 'one reset mail delivered');
      const mail = mails.at(-1)!;
      assert.equal(mail.subject, 'Ustaw nowe hasło w serwisie Wspólnota');
      const path = linkIn(mail.text);
      assert.match(path, /^\/password\/reset\/[A-Za-z0-9_-]{43}$/);
      return path;
    }

    test('register → confirmation mail over SMTP → confirm → log in → /account → log out', async () => {
      const c = client();
      const email = `nowa-${uniq()}@example.pl`;

      const form = await c.get('/register');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<form method="post" action="\/register"/);

      const reg = await c.post('/register', { display_name: 'Zofia Źdźbło', email: `  ${email.toUpperCase()} `, password: STRONG, password_confirm: STRONG });
      assert.equal(reg.statusCode, 200);
      assert.match(reg.body, new RegExp(MSG.registerDone));
      assertIncludes(reg.body, `Jeśli adres ${email} jest poprawny, wysłaliśmy na niego link potwierdzający.`);

      const row = await userRow(email);
      assert.ok(row, 'the account exists, under the normalised (lower-case) address');
      assert.equal(row.display_name, 'Zofia Źdźbło');
      assert.equal(row.email_verified_at, null);
      assert.notEqual(row.password_hash, STRONG);
      assert.match(row.password_hash, /^\$argon2id\$/);

      // Nothing is sent until the worker runs: the mail sits in the outbox.
      assert.equal(mailTo(email).length, 0);
      await h.worker.drain();
      const mails = mailTo(email);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.subject, 'Potwierdź adres e-mail w serwisie Wspólnota');
      assert.match(mails[0]!.text, /aby potwierdzić adres e-mail i aktywować konto, otwórz link:/);
      assert.match(mails[0]!.text, /http:\/\/localhost:3000\/confirm\//);
      const confirmPath = linkIn(mails[0]!.text);
      assert.match(confirmPath, /^\/confirm\/[A-Za-z0-9_-]{43}$/);

      // Logging in before confirming is refused.
      const early = await login(c, email, STRONG);
      assert.equal(early.statusCode, 403);
      assertIncludes(early.body, MSG.notVerified);
      assert.equal(c.hasCookie('sid'), false);

      // GET only shows a button (link scanners spend nothing).
      const page = await c.get(confirmPath);
      assert.equal(page.statusCode, 200);
      assertIncludes(page.body, 'Potwierdzam adres e-mail');
      assertIncludes(page.body, `action="${confirmPath}"`);
      assert.equal((await userRow(email))!.email_verified_at, null, 'GET does not confirm');

      const confirmed = await c.post(confirmPath);
      assert.equal(confirmed.statusCode, 200);
      assertIncludes(confirmed.body, 'Adres e-mail został potwierdzony. Możesz się zalogować.');
      assert.ok((await userRow(email))!.email_verified_at instanceof Date);

      const again = await c.post(confirmPath);
      assert.equal(again.statusCode, 410);
      assertIncludes(again.body, MSG.tokenUsed);

      const ok = await login(c, email, STRONG);
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/account');
      assert.ok(c.hasCookie('sid'));
      const sid = ok.cookies.find((k) => k.name === 'sid')!;
      assert.equal(sid.httpOnly, true);
      assert.equal(sid.sameSite, 'Lax');
      assert.equal(await sessionCount(row.id), 1);

      const account = await c.get('/account');
      assert.equal(account.statusCode, 200);
      assertIncludes(account.body, `E-mail: ${email}`);
      assertIncludes(account.body, 'Zalogowano.', 'the flash message is shown once');
      assertIncludes(account.body, 'Wyloguj się');
      const second = await c.get('/account');
      assertExcludes(second.body, 'Zalogowano.');

      const out = await c.post('/logout');
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/');
      assert.equal(c.hasCookie('sid'), false);
      assert.equal(await sessionCount(row.id), 0, 'the session is deleted on the server');
      const home = await c.get('/');
      assert.equal(home.statusCode, 200);
      assertIncludes(home.body, '<p class="flash" role="status">Wylogowano. Do zobaczenia!</p>', 'the log-out is confirmed');
      assertIncludes(home.body, 'Zaloguj się');
      assertExcludes((await c.get('/')).body, 'Wylogowano.', 'the flash is shown once');

      const gone = await c.get('/account');
      assert.equal(gone.statusCode, 303);
      assert.equal(gone.headers.location, '/login?next=%2Faccount');
    });

    test('registering a taken address answers exactly like a new one and mails the owner instead', async () => {
      const owner = await makeUser(h.db);
      const ownerBefore = await userRow(owner.email);
      const fresh = `inna-${uniq()}@example.pl`;

      const a = await client().post('/register', { display_name: 'Intruz', email: owner.email, password: STRONG, password_confirm: STRONG });
      const b = await client().post('/register', { display_name: 'Intruz', email: fresh, password: STRONG, password_confirm: STRONG });
      assert.equal(a.statusCode, 200);
      assert.equal(a.statusCode, b.statusCode);
      assert.equal(normalise(a.body, owner.email), normalise(b.body, fresh));
      assert.deepEqual(
        a.cookies.map((k) => k.name).sort(),
        b.cookies.map((k) => k.name).sort(),
      );

      const ownerAfter = await userRow(owner.email);
      assert.deepEqual(ownerAfter, ownerBefore, 'the existing account is untouched (name, password, verification)');
      const n = await h.db.tx(NO_CONTEXT, (sql) => sql.query<{ n: string }>('SELECT count(*) AS n FROM users WHERE email = $1', [owner.email]));
      assert.equal(Number(n[0]!.n), 1);

      await h.worker.drain();
      const toOwner = mailTo(owner.email);
      assert.equal(toOwner.length, 1);
      assert.equal(toOwner[0]!.subject, 'Próba założenia konta w serwisie Wspólnota');
      assertExcludes(toOwner[0]!.text, '/confirm/', 'no confirmation link for a taken address');
      const link = linkIn(toOwner[0]!.text);
      assert.match(link, /^\/password\/reset\//);
      assert.equal((await client().get(link)).statusCode, 200, 'the reset link in the "exists" mail works');

      const toFresh = mailTo(fresh);
      assert.equal(toFresh.length, 1);
      assert.equal(toFresh[0]!.subject, 'Potwierdź adres e-mail w serwisie Wspólnota');
    });

    for (const weak of ['password1234', 'qwertyuiop12']) {
      test(`a guessable password (${weak}) is refused with a field error, typed values kept`, async () => {
        const email = `slabe-${uniq()}@example.pl`;
        const res = await client().post('/register', { display_name: 'Jan Słaby', email, password: weak, password_confirm: weak });
        assert.equal(res.statusCode, 422);
        assertIncludes(res.body, MSG.weak);
        assert.match(res.body, /<input id="f-password" name="password" type="password" value(?:="")? [^>]*aria-invalid="true"/);
        assertIncludes(res.body, `value="${email}"`, 'the e-mail is kept');
        assertIncludes(res.body, 'value="Jan Słaby"', 'the name is kept');
        assertExcludes(res.body, weak, 'the password is never echoed');
        assert.equal(await userRow(email), undefined, 'no account was created');
      });
    }

    test('a too-short password, a mismatch and an invalid e-mail each get their field error', async () => {
      const email = `krotkie-${uniq()}@example.pl`;
      const short = await client().post('/register', { display_name: 'Ola', email, password: 'Kr0tk!e', password_confirm: 'Kr0tk!e' });
      assert.equal(short.statusCode, 422);
      assertIncludes(short.body, MSG.tooShort);
      assertIncludes(short.body, `value="${email}"`);
      assertExcludes(short.body, 'Kr0tk!e');

      const other = `${STRONG}-inne`;
      const mismatch = await client().post('/register', { display_name: 'Ola', email, password: STRONG, password_confirm: other });
      assert.equal(mismatch.statusCode, 422);
      assertIncludes(mismatch.body, MSG.mismatch);
      assert.match(mismatch.body, /id="f-password_confirm-error"/);
      assertIncludes(mismatch.body, 'value="Ola"');
      assertExcludes(mismatch.body, STRONG);

      const bad = await client().post('/register', { display_name: 'Ola Nowak', email: 'to-nie-jest-adres', password: STRONG, password_confirm: STRONG });
      assert.equal(bad.statusCode, 422);
      assertIncludes(bad.body, MSG.badEmail);
      assert.match(bad.body, /<input id="f-email" name="email" type="email" value="to-nie-jest-adres"[^>]*aria-invalid="true"/);
      assertIncludes(bad.body, 'value="Ola Nowak"');
      assertExcludes(bad.body, STRONG);

      assert.equal(await userRow(email), undefined);
      const none = await h.db.tx(NO_CONTEXT, (sql) => sql.query('SELECT 1 FROM users WHERE email = $1', ['to-nie-jest-adres']));
      assert.equal(none.length, 0);
    });

    test('a wrong password and an unknown address get the same answer', async () => {
      const user = await makeUser(h.db);
      const unknown = `nikt-${uniq()}@example.pl`;
      const wrong = await login(client(), user.email, 'Zle-Haslo-Zle-Haslo-1');
      const nobody = await login(client(), unknown, 'Zle-Haslo-Zle-Haslo-1');
      assert.equal(wrong.statusCode, 401);
      assert.equal(nobody.statusCode, 401);
      assertIncludes(wrong.body, MSG.invalidCredentials);
      assert.equal(normalise(wrong.body, user.email), normalise(nobody.body, unknown));
      assertExcludes(wrong.body, 'Zle-Haslo');
      assertIncludes(wrong.body, `value="${user.email}"`, 'the address is kept in the form');
      assert.equal(await sessionCount(user.id), 0);
    });

    test('an unconfirmed account learns so only after the right password', async () => {
      const user = await makeUser(h.db, { verified: false });
      const c = client();
      const wrong = await login(c, user.email, 'Zle-Haslo-Zle-Haslo-1');
      assert.equal(wrong.statusCode, 401);
      assertIncludes(wrong.body, MSG.invalidCredentials);
      assertExcludes(wrong.body, MSG.notVerified);

      const right = await login(c, user.email, user.password);
      assert.equal(right.statusCode, 403);
      assertIncludes(right.body, MSG.notVerified);
      assertIncludes(right.body, 'action="/login/resend"', 'offers to resend the link');
      assert.equal(c.hasCookie('sid'), false);
      assert.equal(await sessionCount(user.id), 0);

      const resend = await c.post('/login/resend', { email: user.email });
      assert.equal(resend.statusCode, 200);
      await h.worker.drain();
      const mails = mailTo(user.email);
      assert.equal(mails.length, 1);
      assert.match(linkIn(mails[0]!.text), /^\/confirm\//);
    });

    test('review 1 #13: wrong passwords slow down only their source, with growing delays; the owner still logs in elsewhere and is mailed', async () => {
      const user = await makeUser(h.db);
      const c = client();
      for (let i = 1; i <= 5; i++) {
        const res = await login(c, user.email, `Zle-Haslo-Numer-${i}`);
        assert.equal(res.statusCode, 401, `failure ${i}`);
        assertIncludes(res.body, MSG.invalidCredentials);
      }
      const blocked = await login(c, user.email, user.password);
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.body, MSG.locked);
      const firstWait = Number(blocked.headers['retry-after']);
      assert.ok(firstWait >= 1 && firstWait <= 30, `Retry-After ${firstWait}`);
      assert.equal(c.hasCookie('sid'), false);
      assert.equal(await sessionCount(user.id), 0);

      // Not a lock on the account: the owner, from another address, logs in.
      const owner = client();
      assert.equal((await login(owner, user.email, user.password)).statusCode, 303);
      await h.worker.drain();
      assert.ok(mailTo(user.email).some((m) => m.subject === 'Nieudane próby logowania do konta w serwisie Wspólnota'), 'the owner is told');

      // After the wait, the next failure from the same source waits longer.
      await h.db.ownerTx((sql) => sql.query("UPDATE login_source_throttle SET blocked_until = now() - interval '1 second' WHERE email = $1", [user.email]));
      assert.equal((await login(c, user.email, 'Zle-Haslo-Numer-6')).statusCode, 401);
      const longer = await login(c, user.email, user.password);
      assert.equal(longer.statusCode, 429);
      assert.ok(Number(longer.headers['retry-after']) > 30, 'the delay grows');

      // An unknown address is slowed down the same way (no enumeration).
      const unknown = `nikt-${uniq()}@example.pl`;
      const u = client();
      for (let i = 1; i <= 5; i++) assert.equal((await login(u, unknown, `Zle-Haslo-Numer-${i}`)).statusCode, 401);
      const lockedUnknown = await login(u, unknown, 'Zle-Haslo-Numer-6');
      assert.equal(lockedUnknown.statusCode, 429);
      assert.match(lockedUnknown.body, MSG.locked);
    });

    test('review 1 #14: a reset request does the same work for known and unknown addresses: queued, answered at once', async () => {
      const user = await makeUser(h.db);
      const unknown = `nikt-${uniq()}@example.pl`;
      const queued = () => h.db.ownerTx((sql) => sql.query<{ queue: string; to: string | null }>("SELECT queue, payload->>'to' AS to FROM jobs WHERE done_at IS NULL AND (payload->>'to' = $1 OR payload->>'email' IN ($1, $2))", [user.email, unknown]));
      await h.worker.drain();
      const known = await client().post('/password/forgot', { email: user.email });
      const nobody = await client().post('/password/forgot', { email: unknown });
      assert.equal(known.statusCode, 200);
      assert.equal(normalise(known.body), normalise(nobody.body));
      const jobs = await queued();
      assert.deepEqual(jobs.map((j) => j.queue).sort(), ['auth.password_reset', 'auth.password_reset'], 'one job each, and no mail written in the request');
      await h.worker.drain();
      assert.equal(mailTo(user.email).length, 1);
      assert.equal(mailTo(unknown).length, 0);
    });

    test('review 1: changing the password on /account needs the current one, ends the other sessions and mails the owner', async () => {
      const user = await makeUser(h.db);
      const c = client();
      const other = client();
      assert.equal((await login(c, user.email, user.password)).statusCode, 303);
      assert.equal((await login(other, user.email, user.password)).statusCode, 303);
      assertIncludes((await c.get('/account')).body, 'href="/account/password"');
      const form = await c.get('/account/password');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="current_password" type="password"/);

      const wrong = await c.post('/account/password', { current_password: 'Zle-Haslo-Zle-Haslo-1', password: STRONG, password_confirm: STRONG });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /id="f-current_password-error"/);
      const weak = await c.post('/account/password', { current_password: user.password, password: 'password1234', password_confirm: 'password1234' });
      assert.equal(weak.statusCode, 422);
      assertIncludes(weak.body, MSG.weak);
      assertExcludes(weak.body, user.password, 'no password is echoed');

      const done = await c.post('/account/password', { current_password: user.password, password: STRONG, password_confirm: STRONG });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/account');
      assert.equal(await sessionCount(user.id), 1, 'the other session ended');
      assert.equal((await other.get('/account')).statusCode, 303);
      assert.equal((await c.get('/account')).statusCode, 200, 'this one goes on');
      assert.equal((await login(client(), user.email, STRONG)).statusCode, 303);
      await h.worker.drain();
      assert.ok(mailTo(user.email).some((m) => m.subject === 'Hasło do konta w serwisie Wspólnota zostało zmienione'));
    });

    test('a reset request for an unknown address answers the same and sends nothing', async () => {
      const user = await makeUser(h.db);
      const unknown = `nikt-${uniq()}@example.pl`;
      const known = await client().post('/password/forgot', { email: user.email });
      const nobody = await client().post('/password/forgot', { email: unknown });
      assert.equal(known.statusCode, 200);
      assert.equal(nobody.statusCode, 200);
      assertIncludes(known.body, MSG.resetSent);
      assert.equal(normalise(known.body), normalise(nobody.body));

      const queued = await h.db.ownerTx((sql) => sql.query("SELECT 1 FROM jobs WHERE payload->>'to' = $1", [unknown]));
      assert.equal(queued.length, 0);
      await h.worker.drain();
      assert.equal(mailTo(unknown).length, 0);
      assert.equal(mailTo(user.email).length, 1);
    });

    test('a reset link sets a new password once, ends every other session, and cannot be reused', async () => {
      const user = await makeUser(h.db);
      const other = client();
      assert.equal((await login(other, user.email, user.password)).statusCode, 303);
      assert.equal((await other.get('/account')).statusCode, 200);

      const path = await resetLink(user.email);
      const c = client();
      const page = await c.get(path);
      assert.equal(page.statusCode, 200);
      assertIncludes(page.body, 'Ustaw nowe hasło');

      // A weak password is refused and does not spend the link.
      const weak = await c.post(path, { password: 'password1234', password_confirm: 'password1234' });
      assert.equal(weak.statusCode, 422);
      assertIncludes(weak.body, MSG.weak);

      const done = await c.post(path, { password: STRONG, password_confirm: STRONG });
      assert.equal(done.statusCode, 200);
      assertIncludes(done.body, MSG.resetDone);
      assert.equal(await sessionCount(user.id), 0, 'every session of the account ended');

      const kicked = await other.get('/account');
      assert.equal(kicked.statusCode, 303);
      assert.equal(kicked.headers.location, '/login?next=%2Faccount');

      assert.equal((await login(client(), user.email, user.password)).statusCode, 401, 'the old password no longer works');
      assert.equal((await login(client(), user.email, STRONG)).statusCode, 303, 'the new one does');

      const reopen = await client().get(path);
      assert.equal(reopen.statusCode, 410);
      assertIncludes(reopen.body, MSG.tokenUsed);
      const reuse = await client().post(path, { password: 'Inny-Wiatrak-Pochmurny-52', password_confirm: 'Inny-Wiatrak-Pochmurny-52' });
      assert.equal(reuse.statusCode, 410);
      assertIncludes(reuse.body, MSG.tokenUsed);
      assert.equal((await login(client(), user.email, 'Inny-Wiatrak-Pochmurny-52')).statusCode, 401, 'the reused link changed nothing');
    });

    test('a newer reset link voids the older one', async () => {
      const user = await makeUser(h.db);
      const first = await resetLink(user.email);
      const second = await resetLink(user.email);
      assert.notEqual(first, second);
      assert.equal((await client().get(first)).statusCode, 410);
      assert.equal((await client().get(second)).statusCode, 200);
    });

    test('an invalid reset token answers 400, an expired one 410', async () => {
      const invalid = await client().get('/password/reset/to-nie-jest-token');
      assert.equal(invalid.statusCode, 400);
      assertIncludes(invalid.body, MSG.tokenInvalid);
      const invalidPost = await client().post('/password/reset/to-nie-jest-token', { password: STRONG, password_confirm: STRONG });
      assert.equal(invalidPost.statusCode, 400);

      const user = await makeUser(h.db);
      const path = await resetLink(user.email);
      await h.db.ownerTx((sql) => sql.query("UPDATE user_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [user.id]));
      const expired = await client().get(path);
      assert.equal(expired.statusCode, 410);
      assertIncludes(expired.body, MSG.tokenExpired);
      const expiredPost = await client().post(path, { password: STRONG, password_confirm: STRONG });
      assert.equal(expiredPost.statusCode, 410);
      assertIncludes(expiredPost.body, MSG.tokenExpired);
      assert.equal((await login(client(), user.email, STRONG)).statusCode, 401, 'the password did not change');
      assert.equal((await login(client(), user.email, user.password)).statusCode, 303);
    });

    test('/api/me: JSON 401 for anonymous callers, the account as JSON when logged in', async () => {
      const c = client();
      const anon = await c.get('/api/me');
      assert.equal(anon.statusCode, 401);
      assert.match(String(anon.headers['content-type']), /^application\/json/);
      assert.deepEqual(anon.json(), { error: { code: 'auth.required', message: 'Zaloguj się, aby zobaczyć tę stronę.' } });

      const m = await makeMunicipality(h.db);
      const user = await makeUser(h.db, { municipality: m, roles: ['resident'] });
      assert.equal((await login(c, user.email, user.password)).statusCode, 303);
      const me = await c.get('/api/me');
      assert.equal(me.statusCode, 200);
      assert.match(String(me.headers['content-type']), /^application\/json/);
      const body = me.json() as Record<string, unknown>;
      assert.deepEqual(body, {
        id: user.id,
        email: user.email,
        displayName: body.displayName,
        locale: 'pl',
        mfaEnabled: false,
        memberships: [{ municipality: m.slug, roles: ['resident'] }],
      });
      assert.equal(typeof body.displayName, 'string');
      assertExcludes(JSON.stringify(body), 'argon2', 'no password hash');

      await c.post('/logout');
      assert.equal((await c.get('/api/me')).statusCode, 401);
    });

    test('the language switch persists in a cookie and on the account', async () => {
      // Anonymous: a cookie only.
      const anon = client();
      assert.match((await anon.get('/')).body, /<html lang="pl">/);
      const sw = await anon.post('/language', { locale: 'en', return: '/login' });
      assert.equal(sw.statusCode, 303);
      assert.equal(sw.headers.location, '/login');
      const cookie = sw.cookies.find((k) => k.name === 'lang');
      assert.equal(cookie?.value, 'en');
      assert.ok(Number(cookie?.maxAge) > 30 * 24 * 3600, 'the choice is remembered');
      const en = await anon.get('/login');
      assert.match(en.body, /<html lang="en">/);
      assertIncludes(en.body, 'Log in');

      // Logged in: the account remembers it, so another browser gets English too.
      const user = await makeUser(h.db);
      const c = client();
      assert.equal((await login(c, user.email, user.password)).statusCode, 303);
      const toEn = await c.post('/language', { locale: 'en', return: '/account' });
      assert.equal(toEn.statusCode, 303);
      assert.equal(toEn.headers.location, '/account');
      assert.equal((await userRow(user.email))!.locale, 'en');
      const account = await c.get('/account');
      assert.match(account.body, /<html lang="en">/);
      assertIncludes(account.body, 'My account');

      const elsewhere = client();
      assert.equal((await login(elsewhere, user.email, user.password)).statusCode, 303);
      assert.equal(elsewhere.hasCookie('lang'), true);
      assert.match((await elsewhere.get('/account')).body, /<html lang="en">/);

      const back = await c.post('/language', { locale: 'pl', return: '/account' });
      assert.equal(back.statusCode, 303);
      assert.equal((await userRow(user.email))!.locale, 'pl');
      assert.match((await c.get('/account')).body, /<html lang="pl">/);

      // An unknown language, or an off-site return address, is refused.
      const bad = await c.post('/language', { locale: 'de', return: '/account' });
      assert.equal(bad.statusCode, 422);
      assert.equal((await userRow(user.email))!.locale, 'pl');
      const offsite = await c.post('/language', { locale: 'en', return: '//evil.example/' });
      assert.equal(offsite.statusCode, 303);
      assert.equal(offsite.headers.location, '/');
    });
  },
  () => ({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } }),
);

