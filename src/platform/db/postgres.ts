import pg from 'pg';
import { inlineParams } from './literals';
import { createHash } from 'node:crypto';
import { CONTEXT_SQL, contextParams, type Database, type DbContext, type OwnerSql, type QueryOptions, type TxOptions } from './types';

// Keep bigint counts as numbers and calendar dates as 'YYYY-MM-DD' strings, the same as on PGlite.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

/**
 * A prepared statement's name: its text's hash, so one text is one server-side statement per connection
 * (node-postgres prepares it on the connection's first use, then sends only Bind/Execute). The texts
 * asking for it are fixed in code, so the set stays small; past the cap the statement is simply not prepared.
 */
const preparedNames = new Map<string, string>();
function preparedName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < 500) {
    name = `w_${createHash('sha1').update(text).digest('base64url')}`;
    preparedNames.set(text, name);
  }
  return name;
}

function newPool(url: string, max: number): pg.Pool {
  // Pipelined: a statement is sent as soon as it is asked for, without waiting for the replies before it
  // (each is still answered in order, each extended-protocol statement with its own Sync).
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, pipeline: true } as pg.PoolConfig);
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

  // Round trips, not the statements' own work, were most of a short request's time: BEGIN goes with the
  // RLS context in one simple-protocol message, sent together with the transaction's first statement
  // (pipelined, one round trip), and the writes queued with atCommit (audit entries) go with COMMIT in
  // another. synchronous_commit stays on: an acknowledged write is on disk.
  async function inTransaction<T>(from: pg.Pool, ctx: DbContext | null, fn: (sql: OwnerSql) => Promise<T>, options?: TxOptions): Promise<T> {
    const client = await from.connect();
    // BEGIN with the RLS context and the statements asked for in the same turn of the event loop (the first
    // statement, or several asked together) leave in one write: one system call and one wake-up of the
    // backend instead of one each. node-postgres corks each extended-protocol statement on its own; this
    // holds the socket corked until the turn's synchronous work is done (corks nest).
    const stream = (client as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
    if (stream?.cork && stream.uncork) {
      stream.cork();
      process.nextTick(() => stream.uncork!());
    }
    const atCommit: string[] = [];
    const start = `${options?.readOnly ? 'BEGIN READ ONLY' : 'BEGIN'}${ctx ? `; ${inlineParams(CONTEXT_SQL, contextParams(ctx))}` : ''}`;
    // Not awaited here: the first statement follows it on the wire and waits for both replies.
    let begun: Promise<unknown> | null = client.query(start);
    begun.catch(() => undefined); // awaited below; a failure here fails the statements after it too
    const afterBegin = async <R>(sent: Promise<R>): Promise<R> => {
      if (!begun) return sent;
      const b = begun;
      begun = null;
      return (await Promise.all([b, sent]))[1];
    };
    const sql: OwnerSql = {
      query: async <R extends object>(text: string, params?: readonly unknown[], queryOptions?: QueryOptions) => {
        const name = queryOptions?.prepare ? preparedName(text) : undefined;
        return (await afterBegin(client.query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] }))).rows as R[];
      },
      script: async (text: string) => {
        await afterBegin(client.query(text));
      },
      atCommit: (text, params) => {
        atCommit.push(inlineParams(text, params));
      },
    };
    let result: T;
    try {
      result = await fn(sql);
      const commit = client.query(atCommit.length ? `${atCommit.join(';\n')};\nCOMMIT` : 'COMMIT');
      if (options?.readOnly && atCommit.length === 0) {
        // Nothing written: the answer need not wait for COMMIT's reply, only the connection does.
        void afterBegin(commit).then(() => client.release(), (err: Error) => client.release(err));
        return result;
      }
      await afterBegin(commit);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw err;
    }
    client.release();
    return result;
  }

  return {
    engine: 'postgres',
    tx: (ctx: DbContext, fn, options) => inTransaction(pool, ctx, fn, options),
    ownerTx: (fn) => inTransaction(ownersPool(), null, fn),
    listen: (channels, onMessage, onLost) => listenOn(url, channels, onMessage, onLost),
    poolStats: () => ({ max: poolSize, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await pool.end();
      if (ownerPool && ownerPool !== pool) await ownerPool.end();
    },
  };
}

/** A client outside the pool: LISTEN holds its connection for as long as the process runs. */
async function listenOn(url: string, channels: readonly string[], onMessage: (channel: string, payload: string) => void, onLost: (err: Error) => void): Promise<{ close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  let closing = false;
  let lost = false;
  const lose = (err: Error) => {
    if (closing || lost) return;
    lost = true;
    onLost(err);
  };
  client.on('error', lose);
  client.on('end', () => lose(new Error('the listening connection ended')));
  client.on('notification', (n) => onMessage(n.channel, n.payload ?? ''));
  try {
    await client.connect();
    for (const channel of channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  } catch (err) {
    closing = true;
    await client.end().catch(() => undefined);
    throw err;
  }
  return {
    close: async () => {
      closing = true;
      await client.end().catch(() => undefined);
    },
  };
}
