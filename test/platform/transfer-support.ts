import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { openPglite } from '../../src/platform/db/pglite';
import { relationsInSchema } from '../../src/platform/db/transfer/catalog';
import { readSnapshot, type Manifest } from '../../src/platform/db/transfer/snapshot';
import type { Database } from '../../src/platform/db/types';

let emptyDump: Blob | undefined;

/** A new, empty embedded database: the first made by initdb, the next ones loaded from its dump (much faster). */
export async function emptyPglite(): Promise<Database & { dump(): Promise<Blob> }> {
  if (emptyDump) return openPglite({ loadDataDir: emptyDump });
  const db = await openPglite({});
  emptyDump = await db.dump();
  return db;
}

export async function manifestOf(db: Database): Promise<Manifest> {
  return readSnapshot(db, async (s) => s.manifest);
}

/** The two databases hold the same tables, rows (counts and checksums), migrations and sequence values. */
export async function assertSameData(source: Database, target: Database, skipped: string[] = []): Promise<void> {
  const [a, b] = await Promise.all([manifestOf(source), manifestOf(target)]);
  const summary = (m: Manifest) => m.tables.filter((t) => !skipped.includes(t.name)).map((t) => `${t.name} ${t.rows} ${t.checksum}`);
  assert.deepEqual(summary(b), summary(a));
  assert.deepEqual(b.migrations, a.migrations);
  assert.deepEqual(b.sequences, a.sequences);
}

export async function assertEmpty(db: Database): Promise<void> {
  assert.deepEqual(await db.ownerTx((sql) => relationsInSchema(sql)), []);
}

/** Rewrites a backup file's lines (gunzip, edit, gzip) — a damaged or forged copy. */
export function rewriteBackup(from: string, to: string, edit: (lines: string[]) => string[]): void {
  const lines = zlib.gunzipSync(fs.readFileSync(from)).toString('utf8').split('\n');
  fs.writeFileSync(to, zlib.gzipSync(edit(lines).join('\n')));
}
