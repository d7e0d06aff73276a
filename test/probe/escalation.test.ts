import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escalationProbe } from '../../probe/escalation';
import { testEngines } from '../support/engines';

for (const engine of testEngines()) {
  test(`nobody widens their own reach: roles, second factor, sessions, proxy headers, glass, need-to-know, four eyes, consent, races [${engine}]`, { timeout: 150_000 }, async () => {
    const report = await escalationProbe({ full: false, engine, databaseUrl: process.env.TEST_DATABASE_URL, seed: Date.now() % 1_000_000, log: () => undefined });
    assert.deepEqual(report.failures, [], `${report.failures.length} failures:\n${report.failures.join('\n')}`);
    assert.equal(report.figures.attacks, 9, 'every attack ran');
  });
}
