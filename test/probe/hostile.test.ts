import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostileInputProbe } from '../../probe/hostile';
import { testEngines } from '../support/engines';

// A fresh seed each run (printed, and named in the failure) so that runs together cover more than one
// sample; PROBE_SEED=<seed> replays one.
const seed = Number(process.env.PROBE_SEED ?? Date.now() % 1_000_000);

// Hostile input judges how the app answers what it is sent, the same on either engine (PGlite is
// PostgreSQL): the small version runs once, on PostgreSQL when TEST_DATABASE_URL is set (ADR 0006);
// `npm run probe -- hostile` runs it in full on either.
for (const engine of testEngines().slice(-1)) {
  // The limit grows with the routes (about 600 now, each sent 8 or more inputs): 10 minutes leaves room on a loaded machine.
  test(`hostile input: every form, query string and route parameter [${engine}]`, { timeout: 600_000 }, async (t) => {
    t.diagnostic(`seed ${seed} (replay: PROBE_SEED=${seed} npm test -- test/probe/hostile)`);
    const report = await hostileInputProbe({ full: false, engine, databaseUrl: process.env.TEST_DATABASE_URL, seed, log: () => undefined });
    t.diagnostic(JSON.stringify(report.figures));
    assert.deepEqual(report.failures, [], `${report.failures.length} failures (seed ${seed}; replay: PROBE_SEED=${seed} npm test -- test/probe/hostile):\n${report.failures.slice(0, 40).join('\n')}`);

    const { routes, registered, inputs } = report.figures as Record<string, number>;
    assert.ok(registered! > 60, `the app registers its routes (${registered} without HEAD)`);
    // Excluded: HEAD routes only (Fastify answers them with the GET handler, which is probed).
    assert.equal(routes, registered, 'every route but HEAD got hostile input');
    // Per POST route two inputs a field (markup, then SQL or a generated one) and six more; 4 per GET
    // route; 2 per route parameter (the municipality's too): well over 8 a route on average.
    assert.ok(inputs! >= registered! * 8, `${inputs} inputs`);
  });
}
