import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instancesProbe } from '../../probe/instances';

/**
 * The small instances probe: two servers on one PostgreSQL behind the probe's balancer, 30 people for
 * 8 s, one server killed: every acknowledged save stored once, the other's search cache told within
 * a second, one reminder per invitee. PostgreSQL only (PGlite belongs to one process).
 */
test('instances probe (small): two instances on one PostgreSQL, one killed', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL', timeout: 180_000 }, async () => {
  const seed = Date.now() % 1_000_000;
  const report = await instancesProbe({ full: false, engine: 'postgres', databaseUrl: process.env.TEST_DATABASE_URL, seed, log: () => undefined });
  const f = report.figures;
  console.log(`instances probe: ${JSON.stringify(f)}`);
  assert.ok(report.ok, `seed ${seed}:\n${report.failures.join('\n')}`);
  assert.equal(f.instances, 2);
  assert.ok(Number(f.acknowledged_writes_checked) >= 3, `acknowledged writes checked: ${f.acknowledged_writes_checked}`);
  assert.ok(String(f.invalidation_seen_ms).length > 0, 'the change was looked for on the other instance');
  assert.match(String(f.reminded), /^(\d+) of \1,/, 'every invitee reminded');
});
