import assert from 'node:assert/strict';
import { test } from 'node:test';
import { residentReadsProbe } from '../../probe/resident-reads';
import { testEngines } from '../support/engines';

for (const engine of testEngines()) {
  test(`every route that shows a resident's data to someone else audits the read [${engine}]`, { timeout: 150_000 }, async () => {
    const report = await residentReadsProbe({ full: false, engine, databaseUrl: process.env.TEST_DATABASE_URL, seed: 1, log: () => undefined });
    assert.deepEqual(report.failures, [], `${report.failures.length} failures:\n${report.failures.slice(0, 40).join('\n')}`);
    const { routes, people, showing } = report.figures as Record<string, number>;
    assert.ok(routes! > 50, `the municipality's GET routes were walked (${routes})`);
    assert.ok(people! >= 10, `by a person of every role (${people})`);
    // The walk must meet residents' data somewhere, or it proves nothing.
    assert.ok(showing! >= 5, `responses showing residents' data (${showing})`);
  });
}
