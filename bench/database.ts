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
import { BENCH_APP_SECRET, INVITED_PER_MEETING, invitationTokenOf, linkKeyOf, MEETINGS } from './meetings';

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

async function isCurrent(db: Database, want: { size: SizeName; seed: number }): Promise<boolean> {
  const marker = await readMarker(db);
  try {
    await migrate(db);
  } catch (err) {
    // Changed migrations: start again from a fresh database — but not a generated one of this size and seed
    // by surprise (metro takes a quarter of an hour, and a migration still being written in the working tree
    // is enough to fail here): that needs BENCH_REGENERATE=1.
    if (marker?.size === want.size && marker.seed === want.seed && process.env.BENCH_REGENERATE !== '1') {
      throw new Error(`The benchmark's database holds the generated ${want.size} data, but the migrations do not apply to it (${(err as Error).message}); run with BENCH_REGENERATE=1 to drop and generate it again.`, { cause: err });
    }
    return false;
  }
  if (!(marker?.size === want.size && marker.seed === want.seed && marker.municipalities === 1)) return false;
  // The invitations' answer links must be the ones the benchmark's app makes (BENCH_APP_SECRET), and
  // enough meetings must still be ahead (their times are relative to the day the data was generated).
  const [row] = await db.ownerTx((sql) =>
    sql.query<{ id: string | null; token_hash: string | null; upcoming: number }>(
      `SELECT (SELECT id FROM meeting_invitations ORDER BY id LIMIT 1) AS id, (SELECT token_hash FROM meeting_invitations ORDER BY id LIMIT 1) AS token_hash,
         (SELECT count(*)::int FROM meeting_invitations i JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
          WHERE m.status = 'planned' AND m.starts_at > now() + interval '1 day') AS upcoming`,
    ),
  );
  // About 60 % of the invitations are generated ahead; below a quarter, the data is made again.
  const wanted = (MEETINGS[want.size] * INVITED_PER_MEETING[want.size]) / 4;
  return !!row?.id && invitationTokenOf(linkKeyOf(BENCH_APP_SECRET), row.id).hash === row.token_hash && row.upcoming >= wanted;
}

async function fill(db: Database, size: SizeName, seed: number): Promise<BenchDatabase> {
  await migrate(db);
  process.stderr.write(`Generating the ${size} catalogue (seed ${seed}) …\n`);
  const result = await generate(db, { size, seed, municipalities: 1, appSecret: BENCH_APP_SECRET });
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
