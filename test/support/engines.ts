import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { migrate } from '../../src/platform/db/migrate';
import { openPglite } from '../../src/platform/db/pglite';
import { openPostgres } from '../../src/platform/db/postgres';
import type { Database, Engine } from '../../src/platform/db/types';

export interface OpenedDb {
  db: Database;
  close(): Promise<void>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database of its own for each test file, copied from the migrated template that
 * `npm test` prepares (scripts/test-templates.ts): PGlite loads a dump of its data directory
 * (WSP_PGLITE_TEMPLATE); PostgreSQL creates a database from the template database
 * (WSP_POSTGRES_TEMPLATE). Without them (a file run directly) the migrations run; with them they only check.
 */
export async function openTestDb(engine: Engine): Promise<OpenedDb> {
  if (engine === 'pglite') {
    const template = process.env.WSP_PGLITE_TEMPLATE;
    const db = template && fs.existsSync(template)
      ? await openPglite({ loadDataDir: new Blob([fs.readFileSync(template)]) })
      : await openPglite({});
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `wsp_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const db = openPostgres(await createDatabase(url, name, process.env.WSP_POSTGRES_TEMPLATE), 5);
  await migrate(db);
  return {
    db,
    async close() {
      await db.close();
      await dropDatabase(url, name);
    },
  };
}

/**
 * Fills the empty PGlite data folder `pgdata` (as a server or the CLI keeps it: DATA_DIR/pgdata) with
 * the migrated template `npm test` prepared (WSP_PGLITE_TEMPLATE), so that the process opening it
 * next skips initdb and the migrations; without a template (a file run directly) it does nothing.
 */
export async function fillPgliteFromTemplate(pgdata: string): Promise<boolean> {
  const template = process.env.WSP_PGLITE_TEMPLATE;
  if (!template || !fs.existsSync(template)) return false;
  const db = await openPglite({ dataDir: pgdata, loadDataDir: new Blob([fs.readFileSync(template)]) });
  await db.close();
  return true;
}

/** Creates database `name` (a copy of `template` when given) on the server of `url` and returns the URL that reaches it. */
export async function createDatabase(url: string, name: string, template?: string): Promise<string> {
  await adminQuery(url, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return dbUrl.toString();
}

/** Drops database `name` on the server of `url`, closing any connections still open to it. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
