/**
 * The migrated databases every test file starts from, made once per set of migrations: running the
 * migrations takes longer than copying their result, and every test file needs a database of its own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate, readMigrations } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';

function migrationsHash(): string {
  return crypto.createHash('sha256').update(readMigrations().map((m) => m.checksum).join()).digest('hex').slice(0, 16);
}

/** A dump of a migrated PGlite data directory in .cache/; the tests load it (WSP_PGLITE_TEMPLATE). */
export async function pgliteTemplate(root: string): Promise<string> {
  const file = path.join(root, '.cache', `pglite-template-${migrationsHash()}.tar`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  const db = await openPglite({});
  await migrate(db);
  const blob = await db.dump();
  await db.close();
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(partial, file);
  console.log(`PGlite template prepared in ${Date.now() - started} ms`);
  return file;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function urlOf(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A migrated database on the server of `url`, named after the migrations (WSP_POSTGRES_TEMPLATE).
 * It is built under a temporary name and renamed when complete, so that two runs at once neither
 * see a half-migrated template nor fail: the loser of the rename drops its copy.
 */
export async function postgresTemplate(url: string): Promise<string> {
  const name = `wsp_template_${migrationsHash()}`;
  const exists = await withClient(url, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (exists) return name;
  const started = Date.now();
  const building = `${name}_${process.pid}`;
  await withClient(url, (c) => c.query(`CREATE DATABASE ${building}`));
  const db = openPostgres(urlOf(url, building), 2);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  await withClient(url, async (c) => {
    try {
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42P04') throw err;
      await c.query(`DROP DATABASE ${building} WITH (FORCE)`);
    }
  });
  console.log(`PostgreSQL template ${name} prepared in ${Date.now() - started} ms`);
  return name;
}
