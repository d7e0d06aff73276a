/**
 * Copying a whole installation between databases of either engine: a move (one database into another,
 * empty one), a backup (a snapshot into a file) and a restore (a file into an empty database), each
 * verified by row counts and checksums (ADR 0023).
 */
import type { Database } from '../types';
import { openBackupFile, writeBackupFile } from './format';
import { loadSnapshot, type LoadOptions, type LoadResult } from './load';
import { readSnapshot, type Manifest } from './snapshot';

export { TransferRefused, type LoadOptions, type LoadResult } from './load';
export type { Manifest } from './snapshot';

export function moveDatabase(source: Database, target: Database, opts: LoadOptions = {}): Promise<LoadResult> {
  return readSnapshot(source, (snapshot) => loadSnapshot(target, snapshot, opts));
}

export function backupDatabase(source: Database, file: string): Promise<{ manifest: Manifest; bytes: number; rows: number }> {
  return readSnapshot(source, async (snapshot) => ({ manifest: snapshot.manifest, ...(await writeBackupFile(file, snapshot)) }));
}

export function restoreDatabase(file: string, target: Database, opts: LoadOptions = {}): Promise<LoadResult & { manifest: Manifest }> {
  return openBackupFile(file, async (snapshot) => ({ manifest: snapshot.manifest, ...(await loadSnapshot(target, snapshot, opts)) }));
}
