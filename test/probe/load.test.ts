import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProbe } from '../../probe/load';
import { openPglite } from '../../src/platform/db/pglite';
import { testEngines } from '../support/engines';

/** The small load probe (50 people for 10 s on the real server) on each engine: not one failed request. */
for (const engine of testEngines()) {
  test(`load probe (small): 50 people, no errors on ${engine}`, { timeout: 150_000 }, async () => {
    const seed = Date.now() % 1_000_000;
    const report = await loadProbe({ full: false, engine, databaseUrl: process.env.TEST_DATABASE_URL, seed, log: () => undefined });
    const f = report.figures;
    console.log(`load probe on ${engine}: ${JSON.stringify(f)}`);
    assert.ok(report.ok, `seed ${seed}:\n${report.failures.join('\n')}`);
    assert.equal(f.errors, 0);
    assert.equal(f.users, 50);
    assert.ok(Number(f.requests) >= 200, `requests: ${f.requests}`);
    assert.ok(Number(f.acknowledged_writes_checked) >= 3, `acknowledged writes checked: ${f.acknowledged_writes_checked}`);
  });
}

// What the full load probe found on PGlite: transactions queued for it ran back to back in one turn of
// the event loop, and under load new connections waited to be accepted for 30 s and more.
test('PGlite: the event loop turns between queued transactions (new connections get accepted)', async () => {
  const db = await openPglite({});
  try {
    let finished = 0;
    const queued = Array.from({ length: 30 }, () =>
      db.ownerTx(async (sql) => {
        await sql.query('SELECT 1');
        await sql.query('SELECT 2');
        finished++;
      }),
    );
    const perTurn: number[] = [];
    let last = 0;
    const turn = () => {
      perTurn.push(finished - last);
      last = finished;
      if (finished < queued.length) setImmediate(turn);
    };
    setImmediate(turn);
    await Promise.all(queued);
    assert.ok(perTurn.length >= 10, `the event loop turned ${perTurn.length} times while 30 transactions ran`);
    assert.ok(Math.max(...perTurn) <= 2, `transactions per turn: ${perTurn.join(' ')}`);
  } finally {
    await db.close();
  }
});
