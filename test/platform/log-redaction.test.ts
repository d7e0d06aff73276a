import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { loggableUrl } from '../../src/platform/http/log-redaction';
import { TestClient } from '../support/client';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { appLoggingAt, describeEachEngine, devMail, linkIn } from '../support/harness';
import { totpCode } from '../../src/platform/auth/totp';
import { assertExcludes } from '../support/assertions';

const STRONG = 'Kompas-Zielony-Korale-88';
const token = () => crypto.randomBytes(32).toString('base64url');

test('review 1 #10: token path segments and query parameters off the allow-list are redacted in logged URLs', () => {
  const t = token();
  assert.equal(loggableUrl(`/confirm/${t}`, { token: t }), '/confirm/[redacted]');
  assert.equal(loggableUrl(`/gmina/rsvp/${t}/meeting.ics`, { municipality: 'gmina', token: t }), '/gmina/rsvp/[redacted]/meeting.ics');
  // No route matched (a mistyped link): a token-shaped run is redacted all the same; ids stay.
  assert.equal(loggableUrl(`/gmina/rsvpp/${t}`), '/gmina/rsvpp/[redacted]');
  const id = crypto.randomUUID();
  assert.equal(loggableUrl(`/gmina/cases/${id}?page=2&q=Kowalska&actor=anna%40example.pl&status=open`), `/gmina/cases/${id}?page=2&q=[redacted]&actor=[redacted]&status=open`);
  assert.equal(loggableUrl('/x?jan.kowalski%40example.pl'), '/x?[redacted]');
});

describeEachEngine('review 1 #10: the request log holds no tokens, names or e-mail addresses', (h) => {
  test('review 1 #10: a journey (register, confirm link, reset link, RSVP, calendar feed, search by surname, audit filter by e-mail) leaves none in the log', async () => {
    const { built, lines } = await appLoggingAt(h);
    try {
      const m = await makeMunicipality(h.db, 'Gmina Dzienników');
      const email = `zofia.zdzblo-${uniq()}@example.pl`;
      const c = new TestClient(built.app);
      await c.get('/register');
      assert.equal((await c.post('/register', { display_name: 'Zofia Źdźbło', email, password: STRONG, password_confirm: STRONG })).statusCode, 200);
      await built.worker.drain();
      const confirm = linkIn((await devMail(h.db, email))[0]!.body_text);
      assert.equal((await c.get(confirm)).statusCode, 200);
      assert.equal((await c.post('/password/forgot', { email })).statusCode, 200);
      await built.worker.drain();
      const reset = linkIn((await devMail(h.db, email))[0]!.body_text);
      assert.match(reset, /^\/password\/reset\//);
      assert.equal((await c.get(reset)).statusCode, 200);

      // RSVP, its calendar file, and a calendar feed: the token routes answer whether or not the token is known.
      const [rsvp, feed] = [token(), token()];
      await c.get(`/${m.slug}/rsvp/${rsvp}`);
      await c.get(`/${m.slug}/rsvp/${rsvp}/meeting.ics`);
      await c.get(`/api/${m.slug}/rsvp/${rsvp}`);
      await c.get(`/${m.slug}/calendar/${feed}`);

      // Searches by a surname and an audit filter by e-mail, as staff who may.
      const auditor = await makeUser(h.db, { municipality: m, roles: ['auditor', 'coordinator'], totp: true });
      const staff = new TestClient(built.app);
      await staff.post('/login', { email: auditor.email, password: auditor.password });
      await staff.post('/login/mfa', { code: totpCode(auditor.totpSecret!) });
      assert.equal((await staff.get(`/${m.slug}/audit?actor=${encodeURIComponent(email)}&page=2`)).statusCode, 200);
      await staff.get(`/${m.slug}/cases?q=Wi%C5%9Bniewska`);
      await c.get(`/${m.slug}/services?q=Wi%C5%9Bniewska&area=centrum`);

      const log = lines.join('');
      assert.match(log, /"url":"\/confirm\/\[redacted\]"/, 'the requests were logged, redacted');
      assert.match(log, /"url":"\/[^"]+\/audit\?actor=\[redacted\]&page=2"/, 'allowed query parameters are kept');
      for (const secret of [confirm.split('/').pop()!, reset.split('/').pop()!, rsvp, feed, email, encodeURIComponent(email), 'Wi%C5%9Bniewska', 'Wiśniewska']) {
        assertExcludes(log, secret, `the log holds ${secret}`);
      }
    } finally {
      await built.app.close();
    }
  });
});
