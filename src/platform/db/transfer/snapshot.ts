import type { Database, Sql } from '../types';
import { fixSessionSettings, ident, readSequences, tableChecksum, tablesInDependencyOrder, type SequenceValue, type TableShape } from './catalog';

export const FORMAT = 'wspolnota-backup';
export const FORMAT_VERSION = 1;

export interface TableSummary extends TableShape {
  rows: number;
  checksum: string;
}

/** What a snapshot holds, before its rows: the first line of a backup file. */
export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  engine: Database['engine'];
  serverVersion: string;
  migrations: { name: string; checksum: string }[];
  tables: TableSummary[];
  sequences: SequenceValue[];
}

/** A consistent view of a database: its manifest, and each table's rows (JSON objects' text) in batches. */
export interface Snapshot {
  manifest: Manifest;
  /** Must be called for the tables in the manifest's order, each once. */
  batches(table: TableSummary): AsyncIterable<string[]>;
}

const BATCH_BYTES = 4 * 1024 * 1024;
const FIRST_BATCH = 500;
const MAX_BATCH = 10_000;

/** Rows of about BATCH_BYTES a batch: thousands of short rows, a few documents (up to 5 MB each). */
export function nextBatchSize(count: number, bytes: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor((count * BATCH_BYTES) / Math.max(1, bytes))));
}

/**
 * Reads `db` as its tables' owner (row-level security does not hide rows from the owner) in one
 * REPEATABLE READ, READ ONLY transaction: every count, checksum and row comes from the same moment,
 * while the application goes on writing (PostgreSQL; PGlite has one process, so its server is stopped).
 */
export async function readSnapshot<T>(db: Database, fn: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  return db.ownerTx(async (sql) => {
    await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await fixSessionSettings(sql);
    const manifest = await readManifest(sql, db.engine);
    let cursor = 0;
    return fn({
      manifest,
      batches: (table) => tableBatches(sql, table, `transfer_${++cursor}`),
    });
  });
}

async function readManifest(sql: Sql, engine: Database['engine']): Promise<Manifest> {
  const [{ server_version: serverVersion }] = (await sql.query<{ server_version: string }>('SHOW server_version')) as [{ server_version: string }];
  const tables: TableSummary[] = [];
  for (const shape of await tablesInDependencyOrder(sql)) tables.push({ ...shape, ...(await tableChecksum(sql, shape)) });
  const hasMigrations = tables.some((t) => t.name === 'schema_migrations');
  const migrations = hasMigrations ? await sql.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name') : [];
  // Read after the snapshot began: never below a value its rows used (a sequence is not transactional).
  const sequences = await readSequences(sql);
  return { format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), engine, serverVersion, migrations, tables, sequences };
}

async function* tableBatches(sql: Sql, table: TableShape, cursor: string): AsyncIterable<string[]> {
  const cols = table.columns.map(ident).join(', ');
  await sql.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT to_json(r)::text AS row FROM (SELECT ${cols} FROM ${ident(table.name)}) r`);
  try {
    for (let size = FIRST_BATCH; ; ) {
      const rows = await sql.query<{ row: string }>(`FETCH ${size} FROM ${cursor}`);
      if (rows.length === 0) return;
      const batch = rows.map((r) => r.row);
      yield batch;
      if (rows.length < size) return;
      size = nextBatchSize(batch.length, batch.reduce((n, r) => n + r.length, 0));
    }
  } finally {
    await sql.query(`CLOSE ${cursor}`);
  }
}
