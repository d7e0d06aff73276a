import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { migrate } from '../../src/platform/db/migrate';
import { openPglite } from '../../src/platform/db/pglite';
import { openPostgres } from '../../src/platform/db/postgres';
import { municipalities } from '../../src/platform/tenancy/repository';
import { nodeEntry } from '../support/compiled';
import { createDatabase, dropDatabase, fillPgliteFromTemplate } from '../support/engines';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-transfer-cli-'));
const sourceDir = path.join(tmp, 'source');
const restoredDir = path.join(tmp, 'restored');
const file = path.join(tmp, 'kopia.wsp.gz');

const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'APP_SECRET', 'NODE_OPTIONS', 'NODE_TEST_CONTEXT'].includes(k)),
);

/** The operator CLI exactly as `npm run cli -- …` runs it, on the embedded database in `dataDir`. */
function cli(dataDir: string, ...args: string[]) {
  const res = spawnSync(process.execPath, [...nodeEntry('src/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...inherited, DATA_DIR: dataDir, NODE_ENV: 'development' },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

async function municipalitySlugs(dataDir: string): Promise<string[]> {
  const db = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
  try {
    return (await db.ownerTx((sql) => municipalities.list(sql))).map((m) => m.slug);
  } finally {
    await db.close();
  }
}

describe('cli backup, restore and move', () => {
  before(async () => {
    // Starts migrated from npm test's template when there is one (no initdb, no migrations).
    await fillPgliteFromTemplate(path.join(sourceDir, 'pgdata'));
    const db = await openPglite({ dataDir: path.join(sourceDir, 'pgdata') });
    await migrate(db);
    await db.ownerTx((sql) => municipalities.insert(sql, { slug: 'mszczonow', name: 'Gmina Mszczonów', teryt: '1438043', cusName: 'CUS w Mszczonowie' }));
    await db.close();
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('backs up a PGlite installation and restores it into an empty one; refuses to restore over data', async () => {
    const backup = cli(sourceDir, 'backup', file);
    assert.equal(backup.code, 0, backup.err);
    assert.match(backup.out, /Kopia: .*kopia\.wsp\.gz — \d+ tabel, \d+ wierszy/);
    assert.match(backup.out, /APP_SECRET \(plik .*app-secret\)/);
    assert.equal(cli(sourceDir, 'backup', file).code, 2, 'an existing file is not overwritten');

    const restore = cli(restoredDir, 'restore', file);
    assert.equal(restore.code, 0, restore.err);
    assert.match(restore.out, /Sprawdzono: \d+ tabel, \d+ wierszy — liczby wierszy i sumy kontrolne zgodne/);
    assert.deepEqual(await municipalitySlugs(restoredDir), ['mszczonow']);

    const again = cli(restoredDir, 'restore', file);
    assert.equal(again.code, 2);
    assert.match(again.err, /Baza docelowa nie jest pusta/);
  });

  test('moves the PGlite installation to PostgreSQL', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async () => {
    const server = process.env.TEST_DATABASE_URL!;
    const name = `wsp_move_cli_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const url = await createDatabase(server, name);
    try {
      const move = cli(sourceDir, 'move', '--to', url);
      assert.equal(move.code, 0, move.err);
      assert.match(move.out, /Sprawdzono: .*wierszy\/s/s);
      const db = openPostgres(url, 1);
      try {
        assert.deepEqual((await db.ownerTx((sql) => municipalities.list(sql))).map((m) => m.slug), ['mszczonow']);
      } finally {
        await db.close();
      }
      assert.equal(cli(sourceDir, 'move').code, 2, '--to is required');
    } finally {
      await dropDatabase(server, name);
    }
  });
});
