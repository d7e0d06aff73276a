import assert from 'node:assert/strict';
import { test } from 'node:test';
import { purgeThrottles } from '../../src/platform/auth/attempts';
import { databaseRateLimitStore } from '../../src/platform/http/rate-limit-store';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { TestClient } from '../support/client';
import { uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';

/** Rate limits and log-in throttles every instance shares (ADR 0024, migration 0021). */
describeEachEngine('shared rate limits and throttles', (h) => {
  const owner = <R extends object>(text: string, params: unknown[] = []) => h.db.ownerTx((sql) => sql.query<R>(text, params));
  const hit = (store: FastifyRateLimitStore, key: string, windowMs = 60_000) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) => store.incr(key, (err, r) => (err ? reject(err) : resolve(r!)), windowMs, 3));
  const routeStore = (url: string) => {
    const Store = databaseRateLimitStore(h.db);
    return new Store({}).child({ routeInfo: { method: 'POST', url }, path: url, prefix: '' } as never);
  };

  test('two stores (two instances) count the same hits of a key on a route; another route counts apart', async () => {
    const key = `ip:${uniq()}`;
    const a = routeStore('/login');
    const b = routeStore('/login');
    assert.equal((await hit(a, key)).current, 1);
    assert.equal((await hit(b, key)).current, 2, 'the other instance sees the first hit');
    const third = await hit(a, key);
    assert.equal(third.current, 3);
    assert.ok(third.ttl > 58_000 && third.ttl <= 60_000, `ttl ${third.ttl}`);
    assert.equal((await hit(routeStore('/register'), key)).current, 1);
  });

  test('a window that ended starts afresh at the next hit', async () => {
    const key = `ip:${uniq()}`;
    const store = routeStore('/password/forgot');
    await hit(store, key, 50);
    await hit(store, key, 50);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal((await hit(store, key, 50)).current, 1);
  });

  test('the 11th log-in in a minute is refused (429): counted in the database on PostgreSQL, in memory on the single-process PGlite', async () => {
    const client = new TestClient(h.app);
    const email = `nikt-${uniq()}@example.pl`;
    const counted = () => owner<{ key: string; hits: number }>("SELECT key, hits FROM rate_limit_hits WHERE key LIKE 'POST /login %' ORDER BY key");
    const before = await counted();
    for (let i = 0; i < 10; i++) await client.post('/login', { email, password: 'zle-haslo' });
    assert.equal((await client.post('/login', { email, password: 'zle-haslo' })).statusCode, 429);
    const after = await counted();
    if (h.engine === 'postgres') assert.equal(Math.max(...after.map((r) => r.hits)), 11, 'every instance on one PostgreSQL sees the same count');
    else assert.deepEqual(after, before, 'PGlite serves one process: its limits stay in memory, the table is untouched');
  });

  test('the daily purge forgets throttles that no longer count and keeps those that do', async () => {
    const tag = uniq();
    await owner(
      `INSERT INTO login_source_throttle (email, source, failures, last_failed_at, blocked_until) VALUES
         ($1, 'old', 6, now() - interval '2 hours', now() - interval '1 hour'),
         ($1, 'blocked', 9, now() - interval '2 hours', now() + interval '10 minutes'),
         ($1, 'recent', 2, now() - interval '10 minutes', NULL)`,
      [`a-${tag}@example.pl`],
    );
    await owner(
      `INSERT INTO login_throttle (email, failures, window_started_at, notified_at) VALUES
         ($1, 5, now() - interval '3 days', now() - interval '3 days'), ($2, 5, now() - interval '3 days', now() - interval '2 hours'), ($3, 1, now(), NULL)`,
      [`old-${tag}@example.pl`, `told-${tag}@example.pl`, `new-${tag}@example.pl`],
    );
    await owner("INSERT INTO rate_limit_hits (key, hits, window_ends) VALUES ($1, 4, now() - interval '1 second'), ($2, 1, now() + interval '1 minute')", [`gone-${tag}`, `live-${tag}`]);

    await purgeThrottles(h.db);

    const sources = await owner<{ source: string }>('SELECT source FROM login_source_throttle WHERE email = $1 ORDER BY source', [`a-${tag}@example.pl`]);
    assert.deepEqual(sources.map((r) => r.source), ['blocked', 'recent']);
    const addresses = await owner<{ email: string }>('SELECT email FROM login_throttle WHERE email LIKE $1 ORDER BY email', [`%-${tag}@example.pl`]);
    assert.deepEqual(addresses.map((r) => r.email), [`new-${tag}@example.pl`, `told-${tag}@example.pl`]);
    const limits = await owner<{ key: string }>('SELECT key FROM rate_limit_hits WHERE key LIKE $1', [`%-${tag}`]);
    assert.deepEqual(limits.map((r) => r.key), [`live-${tag}`]);
  });

  test('the purge is a daily schedule of the platform (one run a day, whichever instance)', async () => {
    await h.scheduler.ensure();
    const [row] = await owner<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE queue = 'auth.purge_throttles' AND done_at IS NULL");
    assert.equal(row?.n, 1);
    await h.scheduler.ensure();
    const [again] = await owner<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE queue = 'auth.purge_throttles' AND done_at IS NULL");
    assert.equal(again?.n, 1, 'a second instance starting adds no second run');
  });
});
