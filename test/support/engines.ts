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
 * A fresh, migrated database of its own for each test file: PGlite starts from the migrated
 * template that `npm test` prepares (WSP_PGLITE_TEMPLATE); PostgreSQL gets a new database.
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
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const db = openPostgres(dbUrl.toString(), 5);
  await migrate(db);
  return {
    db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
