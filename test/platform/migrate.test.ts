import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { migrate, readMigrations, type Migration } from '../../src/platform/db/migrate';
import { uniq } from '../support/factories';
import { describeEachEngine } from '../support/harness';

const checksum = (sql: string) => crypto.createHash('sha256').update(sql).digest('hex');
const extra = (name: string, sql: string): Migration => ({ name, sql, checksum: checksum(sql) });

describeEachEngine('migrations', (h) => {
  const applied = () =>
    h.db.ownerTx((sql) => sql.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name'));
  const tableExists = async (name: string) => {
    const [row] = await h.db.ownerTx((sql) => sql.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name]));
    return row!.t !== null;
  };

  test('every migration file is recorded with its checksum, and running again applies nothing', async () => {
    const files = readMigrations();
    assert.ok(files.length > 0);
    const recorded = await applied();
    for (const m of files) {
      assert.deepEqual(recorded.find((r) => r.name === m.name), { name: m.name, checksum: m.checksum }, m.name);
    }
    assert.deepEqual(await migrate(h.db), []);
    assert.deepEqual(await migrate(h.db), []);
    assert.deepEqual(await applied(), recorded, 'nothing re-recorded');
  });

  test('a new migration is applied once, then never again', async () => {
    const table = `migrate_probe_${uniq()}`;
    const list = [...readMigrations(), extra(`9000_probe_${uniq()}.sql`, `CREATE TABLE ${table} (id int PRIMARY KEY); INSERT INTO ${table} VALUES (1);`)];
    assert.deepEqual(await migrate(h.db, list), [list.at(-1)!.name]);
    assert.ok(await tableExists(table));
    // Running it a second time would fail on CREATE TABLE (and insert a duplicate): it must be skipped.
    assert.deepEqual(await migrate(h.db, list), []);
    const [row] = await h.db.ownerTx((sql) => sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`));
    assert.equal(row!.n, 1);
  });

  test('instances migrating at the same time apply a migration exactly once', async () => {
    const table = `migrate_race_${uniq()}`;
    const list = [...readMigrations(), extra(`9001_race_${uniq()}.sql`, `CREATE TABLE ${table} (id int);`)];
    const results = await Promise.all([migrate(h.db, list), migrate(h.db, list), migrate(h.db, list)]);
    assert.deepEqual(results.flat(), [list.at(-1)!.name]);
    assert.ok(await tableExists(table));
  });

  test('an applied migration whose content changed is refused, and nothing of it runs', async () => {
    const table = `migrate_tampered_${uniq()}`;
    const original = readMigrations();
    const first = original[0]!;
    const changedSql = `${first.sql}\nCREATE TABLE ${table} (id int);\n`;
    const modified = [{ ...first, sql: changedSql, checksum: checksum(changedSql) }, ...original.slice(1)];
    await assert.rejects(migrate(h.db, modified), (err: Error) => {
      assert.match(err.message, new RegExp(`Migracja ${first.name} zmieniła się po zastosowaniu`));
      return true;
    });
    assert.equal(await tableExists(table), false, 'the changed SQL was not run');

    // A checksum that no longer matches is refused even if the SQL looks the same.
    const wrongChecksum = [{ ...first, checksum: '0'.repeat(64) }, ...original.slice(1)];
    await assert.rejects(migrate(h.db, wrongChecksum), /zmieniła się po zastosowaniu/);

    // Migrations after the changed one are not applied either.
    const later = extra(`9002_after_tampered_${uniq()}.sql`, `CREATE TABLE ${table}_later (id int);`);
    await assert.rejects(migrate(h.db, [...modified, later]), /zmieniła się/);
    assert.equal(await tableExists(`${table}_later`), false);
    assert.ok(!(await applied()).some((r) => r.name === later.name));

    // The recorded checksum is unchanged, and the original files still migrate cleanly.
    assert.equal((await applied()).find((r) => r.name === first.name)?.checksum, first.checksum);
    assert.deepEqual(await migrate(h.db, original), []);
  });

  test('a failing migration is rolled back and not recorded', async () => {
    const table = `migrate_broken_${uniq()}`;
    const broken = extra(`9003_broken_${uniq()}.sql`, `CREATE TABLE ${table} (id int); SELECT 1 / 0;`);
    await assert.rejects(migrate(h.db, [...readMigrations(), broken]), /division by zero/);
    assert.equal(await tableExists(table), false);
    assert.ok(!(await applied()).some((r) => r.name === broken.name));
  });
});
