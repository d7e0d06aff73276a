import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { createServerHome } from '../../probe/server';
import { renderThreads } from '../../src/platform/export/render-pool';

/** One GET on a connection of its own (the cluster's primary hands each new connection to the next worker). */
const getAlone = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    http.get(url, { agent: false, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });

test('the render pool shares the cores among WORKERS processes: about cores − 1 threads in all, at least one each', () => {
  assert.equal(renderThreads(16, undefined), 15);
  assert.equal(renderThreads(16, '1'), 15);
  assert.equal(renderThreads(16, '4'), 3);
  assert.equal(renderThreads(16, '16'), 1);
  assert.equal(renderThreads(2, '8'), 1);
  assert.equal(renderThreads(1, undefined), 1);
});

/** `WORKERS=N npm start` (Node cluster, ADR 0024): refused on PGlite; on PostgreSQL N processes, each listening for changes, stopped together. */
test('WORKERS=2 on PGlite refuses to start and names what to set', { timeout: 60_000 }, async () => {
  const home = await createServerHome({ engine: 'pglite' });
  try {
    const server = home.launch({ WORKERS: '2' });
    const exit = await server.exited;
    assert.equal(exit.code, 1, server.output());
    assert.match(server.output(), /WORKERS=2 wymaga serwera PostgreSQL \(DATABASE_URL\)/);
  } finally {
    await home.cleanup();
  }
});

test('WORKERS=2 on PostgreSQL: two processes serve one port, each with its listener, one banner, /metrics of both; SIGTERM stops both', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL', timeout: 420_000 }, async () => {
  const home = await createServerHome({ engine: 'postgres', databaseUrl: process.env.TEST_DATABASE_URL });
  const db = await home.open();
  const listeners = async () => {
    const [row] = await db.ownerTx((sql) => sql.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'"));
    return row!.n;
  };
  try {
    const server = home.launch({ WORKERS: '2', METRICS_TOKEN: 'metryki-proby-0123456789' });
    // A primary and then two workers each load the code: slower than one server's ready() allows on a busy machine.
    for (let i = 0; i < 1800 && (await fetch(`${server.base}/readyz`).then((r) => r.status, () => 0)) !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 1800 && !server.output().includes('Procesów serwera: 2'); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(server.output(), /Procesów serwera: 2 \(WORKERS\)/);
    assert.equal(await listeners(), 2, 'one listening connection per worker');
    for (let i = 0; i < 20; i++) assert.equal((await getAlone(`${server.base}/zyrardow/services`)).status, 200);
    assert.equal(server.output().match(/Wspólnota działa/g)?.length, 1, `the banner once:\n${server.output()}`);
    // Twenty connections went to the two workers in turn: whichever answers the scrape counts all twenty.
    for (let i = 0; i < 2; i++) {
      const scrape = await getAlone(`${server.base}/metrics`, { authorization: 'Bearer metryki-proby-0123456789' });
      assert.equal(scrape.status, 200, scrape.body);
      const count = /wspolnota_http_request_duration_seconds_count\{method="GET",route="\/:municipality\/services",status="2xx"\} (\d+)/.exec(scrape.body);
      assert.equal(count?.[1], '20', scrape.body.split('\n').filter((l) => l.includes('duration_seconds_count')).join('\n'));
      assert.match(scrape.body, /wspolnota_db_pool_connections\{state="max"\} \d+/);
    }
    const exit = await server.stop();
    assert.equal(exit.code, 0, server.output());
    assert.equal(await listeners(), 0, 'both workers gone');
  } finally {
    await db.close();
    await home.cleanup();
  }
});
