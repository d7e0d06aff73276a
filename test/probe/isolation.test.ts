import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolationProbe } from '../../probe/isolation';
import { testEngines } from '../support/engines';

// A fresh seed each run (printed, and named in the failure) draws which of B's people call each route,
// so that runs together call every route as every role; PROBE_SEED=<seed> replays one.
const seed = Number(process.env.PROBE_SEED ?? Date.now() % 1_000_000);

for (const engine of testEngines()) {
  test(`tenant isolation: every route of A, as anonymous and as drawn roles of B [${engine}]`, { timeout: 300_000 }, async (t) => {
    t.diagnostic(`seed ${seed} (replay: PROBE_SEED=${seed} npm test -- test/probe/isolation; every role on every route: npm run probe -- isolation)`);
    const report = await isolationProbe({ full: false, engine, databaseUrl: process.env.TEST_DATABASE_URL, seed, log: () => undefined });
    t.diagnostic(JSON.stringify(report.figures));
    assert.deepEqual(report.failures, [], `${report.failures.length} failures (seed ${seed}; replay: PROBE_SEED=${seed} npm test -- test/probe/isolation):\n${report.failures.slice(0, 40).join('\n')}`);

    const { routes, registered, identities, calls } = report.figures as Record<string, number>;
    assert.ok(registered! > 100, `the app registers its routes (${registered})`);
    // No exclusions: every registered route is called.
    assert.equal(routes, registered, 'every registered route was called');
    // Drawn per route, anonymous and the 10 roles of B all call some routes.
    assert.ok(identities! >= 11, `anonymous and the 10 roles of B (${identities})`);
    // Each route by the anonymous visitor, by one of B's people the guard lets in and by one it refuses
    // (POST /logout only by the anonymous one), then B's address with A's ids, then the controls.
    assert.ok(calls! >= registered! * 2, `${calls} calls`);
  });
}
