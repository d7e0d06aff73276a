import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/platform/config';
import { TestClient } from '../support/client';
import { makeUser, uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';

const PROXY = '10.254.0.1';
const REAL = '198.51.100.77';

test('review 1 #5: TRUST_PROXY takes proxy addresses/CIDRs; `true` (trust every hop) and a hop count (Fastify trusts no one for it) are refused', () => {
  const trust = (v: string) => loadConfig({ TRUST_PROXY: v }).trustProxy;
  assert.equal(trust('false'), false);
  assert.equal(loadConfig({}).trustProxy, false);
  assert.throws(() => trust('1'), (err: unknown) => err instanceof ConfigError && /liczba pośredników nie wystarcza/.test(err.message));
  assert.deepEqual(trust('10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback'), ['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
  assert.throws(() => trust('true'), (err: unknown) => err instanceof ConfigError && /TRUST_PROXY: `true` ufa każdemu/.test(err.message));
  for (const bad of ['10.0.0.300', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', '-1']) assert.throws(() => trust(bad), ConfigError, bad);
});

describeEachEngine(
  'review 1 #5: behind a trusted proxy a forged X-Forwarded-For is not the client',
  (h) => {
    test('review 1 #5: the per-address rate limit and the audit entry use the address the proxy saw, not the forged one', async () => {
      // The proxy appends the address it saw; whatever the client wrote comes before it.
      const via = (forged: string) => ({ 'x-forwarded-for': `${forged}, ${REAL}` });
      const user = await makeUser(h.db);
      const c = new TestClient(h.app, { remoteAddress: PROXY });
      const failed = await c.post('/login', { email: user.email, password: 'nie-to-haslo' }, { headers: via('203.0.113.5') });
      assert.ok(failed.statusCode >= 400 && failed.statusCode < 500, failed.body.slice(0, 300));
      const [entry] = await h.db.ownerTx((sql) =>
        sql.query<{ ip: string }>("SELECT ip FROM platform_audit_log WHERE action = 'auth.login_failed' AND actor_user_id = $1", [user.id]),
      );
      assert.equal(entry?.ip, REAL);

      // Registration allows 10 a minute per address: a new forged address each time does not reset it.
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await c.post('/register', { email: `x-${uniq()}@example.pl` }, { headers: via(`203.0.113.${10 + i}`) });
        statuses.push(res.statusCode);
      }
      assert.equal(statuses.at(-1), 429, statuses.join(' '));
      assert.ok(statuses.slice(0, 10).every((s) => s !== 429), statuses.join(' '));
      // Another real client behind the same proxy is not held back by the first one's limit.
      const other = await new TestClient(h.app, { remoteAddress: PROXY }).post('/register', { email: `y-${uniq()}@example.pl` }, { headers: { 'x-forwarded-for': '198.51.100.78' } });
      assert.notEqual(other.statusCode, 429);
    });
  },
  { env: { TRUST_PROXY: PROXY } },
);
