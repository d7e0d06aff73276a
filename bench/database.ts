import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import type { Database } from '../src/platform/db/types';
import type { SizeName } from './catalogue';
import { generate } from './generator';
import { readMarker } from './load';

export interface BenchDatabase {
  db: Database;
  /** Set when the catalogue was generated in this run (not reused). */
  generated: { rows: number; seconds: number } | null;
}

async function admin(url: string, statement: string, params: unknown[] = []): Promise<number> {
  const server = new URL(url);
  server.pathname = '/postgres';
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  try {
    return (await c.query(statement, params)).rowCount ?? 0;
  } finally {
    await c.end();
  }
}

async function isCurrent(db: Database, want: { size: string; seed: number }): Promise<boolean> {
  try {
    await migrate(db);
  } catch {
    return false; // changed migrations: start again from a fresh database
  }
  const marker = await readMarker(db);
  return marker?.size === want.size && marker.seed === want.seed && marker.municipalities === 1;
}

async function fill(db: Database, size: SizeName, seed: number): Promise<BenchDatabase> {
  await migrate(db);
  process.stderr.write(`Generating the ${size} catalogue (seed ${seed}) …\n`);
  const result = await generate(db, { size, seed, municipalities: 1 });
  return { db, generated: { rows: result.rows, seconds: Math.round(result.ms / 100) / 10 } };
}

/**
 * The benchmark's database (`url`'s database name, e.g. wsp_bench): reused when it already holds this
 * size and seed (its marker table says so), otherwise dropped, recreated and generated.
 */
export async function openBenchPostgres(url: string, poolSize: number, size: SizeName, seed: number): Promise<BenchDatabase> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsupported database name: ${name}`);
  if (await admin(url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])) {
    const db = openPostgres(url, poolSize);
    if (await isCurrent(db, { size, seed })) return { db, generated: null };
    await db.close();
    await admin(url, `DROP DATABASE ${name} WITH (FORCE)`);
  }
  await admin(url, `CREATE DATABASE ${name}`);
  return fill(openPostgres(url, poolSize), size, seed);
}

/** Cancels every running query on the benchmark's database (work left over from clients that have gone). */
export async function cancelQueries(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await admin(url, "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()", [name]);
}

/** The same on the embedded PGlite, kept in the system's temporary folder between runs. */
export async function openBenchPglite(size: SizeName, seed: number): Promise<BenchDatabase & { dataDir: string }> {
  const dataDir = path.join(os.tmpdir(), `wsp-bench-pglite-${size}-${seed}`);
  if (fs.existsSync(dataDir)) {
    const db = await openPglite({ dataDir });
    if (await isCurrent(db, { size, seed })) return { db, generated: null, dataDir };
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { ...(await fill(await openPglite({ dataDir }), size, seed)), dataDir };
}
