import path from 'node:path';
import type { Config } from '../config';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './types';

/**
 * PostgreSQL when DATABASE_URL is set (migrations as MIGRATION_DATABASE_URL's owner when given),
 * otherwise the embedded PGlite in DATA_DIR/pgdata, whose only user is a superuser: there the app
 * switches to wspolnota_app per transaction, as on PostgreSQL with one URL.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'> & Partial<Pick<Config, 'migrationDatabaseUrl'>>): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolSize, config.migrationDatabaseUrl ?? config.databaseUrl);
  return openPglite({ dataDir: path.join(config.dataDir, 'pgdata') });
}
