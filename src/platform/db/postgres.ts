import pg from 'pg';
import { CONTEXT_SQL, contextParams, type Database, type DbContext, type OwnerSql } from './types';

// Keep bigint counts as numbers and calendar dates as 'YYYY-MM-DD' strings, the same as on PGlite.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  pool.on('error', () => {
    /* an idle client died (e.g. server restart); the pool replaces it */
  });

  async function inTransaction<T>(setup: ((c: pg.PoolClient) => Promise<unknown>) | null, fn: (sql: OwnerSql) => Promise<T>): Promise<T> {
    const client = await pool.connect();
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
    tx: (ctx: DbContext, fn) => inTransaction((c) => c.query(CONTEXT_SQL, contextParams(ctx)), fn),
    ownerTx: (fn) => inTransaction(null, fn),
    close: () => pool.end(),
  };
}
