import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolationProbe } from '../../probe/isolation';
import { testEngines } from '../support/engines';

const seed = Number(process.env.PROBE_SEED ?? 20261123);

for (const engine of testEngines()) {
  test(`tenant isolation: every route of A, as anonymous and as every role of B [${engine}]`, { timeout: 300_000 }, async () => {
    const report = await isolationProbe({ full: false, engine, databaseUrl: process.env.TEST_DATABASE_URL, seed, log: () => undefined });
    assert.deepEqual(report.failures, [], `${report.failures.length} failures (seed ${seed}):\n${report.failures.slice(0, 40).join('\n')}`);

    const { routes, registered, identities, calls } = report.figures as Record<string, number>;
    assert.ok(registered! > 100, `the app registers its routes (${registered})`);
    // No exclusions: every registered route is called.
    assert.equal(routes, registered, 'every registered route was called');
    assert.ok(identities! >= 11, `anonymous and the 10 roles of B (${identities})`);
    // Each route by each of the 11 outsiders (POST /logout only by the anonymous one), then B's address with A's ids, then the controls.
    assert.ok(calls! >= registered! * 11, `${calls} calls`);
  });
}
