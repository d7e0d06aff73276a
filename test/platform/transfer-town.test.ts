import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate } from '../../bench/generator';
import { MARKER_TABLE } from '../../bench/load';
import { backupDatabase, moveDatabase, restoreDatabase } from '../../src/platform/db/transfer';
import { openPostgres } from '../../src/platform/db/postgres';
import { createDatabase, dropDatabase, openTestDb, type OpenedDb } from '../support/engines';
import { assertSameData, emptyPglite } from './transfer-support';

/** A generated town (the generator's smallest size, two municipalities): thousands of rows in every module. */
describe('backup, restore and move of a generated town', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-transfer-town-'));
  let source: OpenedDb;
  let rows = 0;
  before(async () => {
    source = await openTestDb('pglite');
    rows = (await generate(source.db, { size: 'demo', seed: 11, municipalities: 2, appSecret: 'transfer-test-app-secret-0123456789abc', now: new Date('2026-11-20T12:00:00Z'), quiet: true })).rows;
  });
  after(async () => {
    await source?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('[pglite → file → pglite] every table verified; the generator\'s own marker table is left out and reported', async () => {
    const file = path.join(dir, 'town.wsp.gz');
    const backup = await backupDatabase(source.db, file);
    assert.ok(backup.rows >= rows, `${backup.rows} rows in the file, ${rows} generated`);
    const target = await emptyPglite();
    try {
      const result = await restoreDatabase(file, target);
      assert.deepEqual(result.skipped, [MARKER_TABLE]);
      await assertSameData(source.db, target, [MARKER_TABLE]);
    } finally {
      await target.close();
    }
  });

  test('[pglite → postgres] the move', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async () => {
    const server = process.env.TEST_DATABASE_URL!;
    const name = `wsp_move_town_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const target = openPostgres(await createDatabase(server, name), 1);
    try {
      const result = await moveDatabase(source.db, target);
      assert.deepEqual(result.skipped, [MARKER_TABLE]);
      await assertSameData(source.db, target, [MARKER_TABLE]);
    } finally {
      await target.close();
      await dropDatabase(server, name);
    }
  });
});
