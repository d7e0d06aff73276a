import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../paths';
import type { Database } from './types';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

export interface Migration {
  name: string;
  checksum: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const LOCK_KEY = 727274;

/**
 * Forward-only migrations: each file runs once, in name order, in its own transaction, as the owner,
 * under an advisory lock so that instances starting together do not race.
 * An applied file that has changed since is an error, never silently re-run.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  // One read tells an up-to-date database (every start but the first after an upgrade): no transaction per file.
  const known = await db.ownerTx(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await sql.script(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    return new Map((await sql.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).map((r) => [r.name, r.checksum]));
  });
  const applied: string[] = [];
  for (const m of migrations) {
    const checksum = known.get(m.name);
    if (checksum !== undefined && checksum !== m.checksum) {
      throw new Error(`Migracja ${m.name} zmieniła się po zastosowaniu. Migracje są tylko do przodu: dodaj nowy plik.`);
    }
    if (checksum !== undefined) continue;
    await db.ownerTx(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [row] = await sql.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE name = $1', [m.name]);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(`Migracja ${m.name} zmieniła się po zastosowaniu. Migracje są tylko do przodu: dodaj nowy plik.`);
        }
        return;
      }
      await sql.script(m.sql);
      await sql.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      applied.push(m.name);
    });
  }
  return applied;
}
