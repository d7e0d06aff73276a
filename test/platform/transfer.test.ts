import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { backupDatabase, moveDatabase, restoreDatabase, TransferRefused } from '../../src/platform/db/transfer';
import { openPostgres } from '../../src/platform/db/postgres';
import type { Database } from '../../src/platform/db/types';
import { seedDemo } from '../../src/seed/demo';
import { createDatabase, dropDatabase, openTestDb, type OpenedDb } from '../support/engines';
import { assertEmpty, assertSameData, emptyPglite, manifestOf, rewriteBackup } from './transfer-support';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-transfer-'));
const backupFile = path.join(dir, 'demo.wsp.gz');
const interrupt = (afterBatches: number) => {
  let batches = 0;
  return {
    afterBatch: () => {
      if (++batches === afterBatches) throw new Error('przerwane w połowie');
    },
  };
};

const documentHashes = (db: Database) =>
  db.ownerTx((sql) => sql.query<{ id: string; sha256: string; stored: string | null }>(
    "SELECT id, sha256, encode(sha256(content), 'hex') AS stored FROM resident_documents ORDER BY id",
  ));

/** The demo seed writes no audit entries; a few, as requests would have written them. */
const addAuditEntries = (db: Database) =>
  db.ownerTx((sql) =>
    sql.query(
      `INSERT INTO audit_log (municipality_id, actor_label, action, subject_type, subject_id, details)
       SELECT m.id, 'Koordynatorka', 'case.read', 'case', gen_random_uuid()::text, jsonb_build_object('n', n, 'powód', 'sprawdzenie — „cudzysłów”')
         FROM municipalities m, generate_series(1, 25) n`,
    ),
  );

describe('backup and restore of the demo [pglite → pglite]', () => {
  let source: OpenedDb;
  before(async () => {
    source = await openTestDb('pglite');
    await seedDemo(source.db);
    await addAuditEntries(source.db);
    await backupDatabase(source.db, backupFile);
  });
  after(async () => {
    await source?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('restores every row, stored file, audit entry and sequence value, verified, with triggers and keys back on', async () => {
    const target = await emptyPglite();
    try {
      const result = await restoreDatabase(backupFile, target);
      const manifest = await manifestOf(source.db);
      assert.equal(result.rows, manifest.tables.reduce((n, t) => n + t.rows, 0));
      assert.ok(manifest.tables.find((t) => t.name === 'audit_log')!.rows > 0);
      await assertSameData(source.db, target);
      // Uploaded documents live in the database (bytea): the same bytes, matching their recorded hash.
      const docs = await documentHashes(target);
      assert.ok(docs.length > 0);
      assert.deepEqual(docs, await documentHashes(source.db));
      for (const d of docs) if (d.stored) assert.equal(d.stored, d.sha256);
      // The audit log is append-only again, its keys hold, and new entries continue after the old ones.
      await assert.rejects(target.ownerTx((sql) => sql.query("UPDATE audit_log SET reason = 'x'")), /append-only/);
      await assert.rejects(target.ownerTx((sql) => sql.query('INSERT INTO units (municipality_id, name) VALUES (gen_random_uuid(), $1)', ['Bez gminy'])), /foreign key/);
      const [next] = await target.ownerTx((sql) =>
        sql.query<{ fresh: number; max: number }>(
          `WITH m AS (SELECT municipality_id, max(id) AS max FROM audit_log GROUP BY 1 LIMIT 1)
           INSERT INTO audit_log (municipality_id, action) SELECT municipality_id, 'test.after_restore' FROM m RETURNING id AS fresh, (SELECT max FROM m) AS max`,
        ),
      );
      assert.ok(next!.fresh > next!.max);
    } finally {
      await target.close();
    }
  });

  test('refuses a target that is not empty, naming what it holds, and changes nothing', async () => {
    const target = await openTestDb('pglite');
    try {
      const before = await manifestOf(target.db);
      await assert.rejects(restoreDatabase(backupFile, target.db), (err: Error) => {
        assert.ok(err instanceof TransferRefused);
        assert.match(err.message, /nie jest pusta.*migracji \(ostatnia: \d{4}_/s);
        return true;
      });
      assert.deepEqual(await manifestOf(target.db).then((m) => m.tables), before.tables);
    } finally {
      await target.close();
    }
  });

  test('an interrupted restore leaves the target empty', async () => {
    const target = await emptyPglite();
    try {
      await assert.rejects(restoreDatabase(backupFile, target, interrupt(20)), /przerwane w połowie/);
      await assertEmpty(target);
    } finally {
      await target.close();
    }
  });

  test('a changed row in the file fails the checksum and leaves the target empty', async () => {
    const forged = path.join(dir, 'forged.wsp.gz');
    rewriteBackup(backupFile, forged, (lines) => {
      const start = lines.findIndex((l) => l.startsWith('{"table":"units"'));
      lines[start + 1] = lines[start + 1]!.replace(/"phone":"[^"]*"/, '"phone":"46 000 00 00"');
      return lines;
    });
    const target = await emptyPglite();
    try {
      await assert.rejects(restoreDatabase(forged, target), /units: suma kontrolna/);
      await assertEmpty(target);
    } finally {
      await target.close();
    }
  });

  test('refuses a cut-off file, a file from a newer release and a file that is not a backup', async () => {
    const cut = path.join(dir, 'cut.wsp.gz');
    rewriteBackup(backupFile, cut, (lines) => lines.slice(0, -3));
    const newer = path.join(dir, 'newer.wsp.gz');
    rewriteBackup(backupFile, newer, ([first, ...rest]) => {
      const manifest = JSON.parse(first!);
      manifest.migrations.push({ name: '9999_from_the_future.sql', checksum: 'x' });
      return [JSON.stringify(manifest), ...rest];
    });
    const other = path.join(dir, 'other.gz');
    rewriteBackup(backupFile, other, () => ['{"hello":"world"}']);
    const target = await emptyPglite();
    try {
      await assert.rejects(restoreDatabase(cut, target), /niepełny/);
      await assertEmpty(target);
      await assert.rejects(restoreDatabase(newer, target), /9999_from_the_future\.sql, której ta wersja nie zna/);
      await assert.rejects(restoreDatabase(other, target), /nie jest kopią Wspólnoty/);
      await assertEmpty(target);
    } finally {
      await target.close();
    }
  });
});

describe('move of the demo [pglite → postgres]', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, () => {
  const server = process.env.TEST_DATABASE_URL!;
  const name = `wsp_move_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  let source: OpenedDb;
  let target: Database;
  before(async () => {
    source = await openTestDb('pglite');
    await seedDemo(source.db);
    await addAuditEntries(source.db);
    target = openPostgres(await createDatabase(server, name), 1);
  });
  after(async () => {
    await target?.close();
    await source?.close();
    await dropDatabase(server, name);
  });

  test('an interrupted move leaves the PostgreSQL database empty; then the move copies everything, verified', async () => {
    await assert.rejects(moveDatabase(source.db, target, interrupt(30)), /przerwane w połowie/);
    await assertEmpty(target);

    const result = await moveDatabase(source.db, target);
    assert.deepEqual(result.skipped, []);
    // Checksums computed by PGlite and by the PostgreSQL server agree, table by table.
    await assertSameData(source.db, target);
    assert.deepEqual(await documentHashes(target), await documentHashes(source.db));
  });

  test('refuses the now non-empty database and changes nothing', async () => {
    const before = await manifestOf(target);
    await assert.rejects(moveDatabase(source.db, target), /Baza docelowa nie jest pusta.*Nic nie zmieniono/s);
    assert.deepEqual((await manifestOf(target)).tables, before.tables);
  });
});
