import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crashProbe } from '../../probe/crash';
import { checkWrites, type CreateAttempt, type StoredService, type UpdateAttempt } from '../../probe/crash-check';
import { testEngines } from '../support/engines';

/** The small crash probe (3 SIGKILL cycles of the real server) on each engine, and its check on made-up data. */

const stored = (name: string, id: string, over: Partial<StoredService> = {}): StoredService => ({
  id, name, summary: 'wersja 1', version: 1, history: 1, history_versions: 1, places: 1, ...over,
});

describe('crash probe: the check of what the database holds', () => {
  const creates: CreateAttempt[] = [
    { name: 'Próba trwałości 1-1-1', outcome: 'acked', id: 'a1' },
    { name: 'Próba trwałości 1-1-2', outcome: 'unknown' },
    { name: 'Próba trwałości 1-1-3', outcome: 'refused' },
  ];
  const updates: UpdateAttempt[] = [
    { serviceId: 'a1', summary: 'wersja 2', outcome: 'acked' },
    { serviceId: 'a1', summary: 'wersja 3', outcome: 'unknown' },
  ];
  const good = [stored('Próba trwałości 1-1-1', 'a1', { summary: 'wersja 2', version: 2, history: 2, history_versions: 2 })];

  test('passes what a crash may leave: acknowledged saves, an unanswered one stored once or not at all', () => {
    assert.deepEqual(checkWrites(creates, updates, good), []);
    assert.deepEqual(checkWrites(creates, updates, [...good, stored('Próba trwałości 1-1-2', 'u1')]), []);
    assert.deepEqual(checkWrites(creates, updates, [{ ...good[0]!, summary: 'wersja 3', version: 3, history: 3, history_versions: 3 }]), []);
  });

  test('notices a lost, duplicated, invented, refused-but-stored or half-written save', () => {
    const cases: [string, StoredService[], RegExp][] = [
      ['lost', [], /acknowledged service "Próba trwałości 1-1-1" \(a1\) is missing/],
      ['twice', [...good, stored('Próba trwałości 1-1-1', 'a2')], /is stored 2 times/],
      ['unanswered twice', [...good, stored('Próba trwałości 1-1-2', 'u1'), stored('Próba trwałości 1-1-2', 'u2')], /"Próba trwałości 1-1-2" \(unknown\) is stored 2 times/],
      ['never sent', [...good, stored('Próba trwałości 9-9-9', 'x')], /was never sent/],
      ['refused', [...good, stored('Próba trwałości 1-1-3', 'r')], /refused service .* was stored/],
      ['lost update', [{ ...good[0]!, summary: 'wersja 1', version: 1 }], /acknowledged update "wersja 2" is lost/],
      ['no history', [{ ...good[0]!, history: 1, history_versions: 1 }], /at version 2 with 1 history entries/],
      ['no place', [{ ...good[0]!, places: 0 }], /has 0 places/],
    ];
    for (const [what, rows, expected] of cases) {
      const failures = checkWrites(creates, updates, rows);
      assert.ok(failures.some((f) => expected.test(f)), `${what}: ${JSON.stringify(failures)}`);
    }
  });
});

for (const engine of testEngines()) {
  test(`crash probe (small): every acknowledged save survives SIGKILL on ${engine}`, { timeout: 240_000 }, async () => {
    const seed = Date.now() % 1_000_000;
    const report = await crashProbe({ full: false, engine, databaseUrl: process.env.TEST_DATABASE_URL, seed, log: () => undefined });
    const f = report.figures;
    console.log(`crash probe on ${engine}: ${JSON.stringify(f)}`);
    assert.ok(report.ok, `seed ${seed}:\n${report.failures.join('\n')}`);
    assert.ok(Number(f.cycles) >= 3, `cycles: ${f.cycles}`);
    assert.ok(Number(f.acknowledged_writes_checked) >= 10, `acknowledged writes checked: ${f.acknowledged_writes_checked}`);
    assert.ok(Number(f.backup_rows) > 0 && Number(f.acknowledged_before_backup_checked_in_restore) >= 1, `backup: ${f.backup_rows} rows, ${f.acknowledged_before_backup_checked_in_restore} saves checked after restoring it`);
    if (engine === 'pglite') assert.ok(Number(f.stale_locks_taken_over) >= 2, `stale locks taken over: ${f.stale_locks_taken_over}`);
  });
}
