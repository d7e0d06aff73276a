import pg from 'pg';
import { CONTEXT_SQL, contextParams, type Database, type DbContext, type OwnerSql } from './types';

// Keep bigint counts as numbers and calendar dates as 'YYYY-MM-DD' strings, the same as on PGlite.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

function newPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on('error', () => {
    /* an idle client died (e.g. server restart); the pool replaces it */
  });
  return pool;
}

/**
 * `url` serves requests; `ownerUrl` (MIGRATION_DATABASE_URL), when it names another login, runs
 * migrations and operator commands. Then the app's login is only a member of wspolnota_app: SQL
 * slipped into a request (`RESET ROLE`, `SET ROLE owner`) can reach nothing the app role cannot.
 * One URL for both behaves as before (the demo, the tests): the owner connects and switches role.
 */
export function openPostgres(url: string, poolSize: number, ownerUrl: string = url): Database {
  const pool = newPool(url, poolSize);
  // The owner's pool is small and opened on first use: a running app needs it only for operator commands.
  let ownerPool: pg.Pool | undefined = ownerUrl === url ? pool : undefined;
  const ownersPool = () => (ownerPool ??= newPool(ownerUrl, 2));

  async function inTransaction<T>(from: pg.Pool, setup: ((c: pg.PoolClient) => Promise<unknown>) | null, fn: (sql: OwnerSql) => Promise<T>): Promise<T> {
    const client = await from.connect();
    const sql: OwnerSql = {
      query: async <R extends object>(text: string, params?: readonly unknown[]) =>
        (await client.query(text, params as unknown[])).rows as R[],
      script: async (text: string) => {
        await client.query(text);
      },
    };
    try {
      await client.query('BEGIN');
      if (setup) await setup(client);
      const result = await fn(sql);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  return {
    engine: 'postgres',
    tx: (ctx: DbContext, fn) => inTransaction(pool, (c) => c.query(CONTEXT_SQL, contextParams(ctx)), fn),
    ownerTx: (fn) => inTransaction(ownersPool(), null, fn),
    close: async () => {
      await pool.end();
      if (ownerPool && ownerPool !== pool) await ownerPool.end();
    },
  };
}
