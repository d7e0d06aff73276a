import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import fs from 'node:fs';
import path from 'node:path';
import { CONTEXT_SQL, contextParams, type Database, type DbContext, type OwnerSql } from './types';

const parsers = { 20: (v: string) => Number(v), 1082: (v: string) => v };

export interface PgliteOptions {
  /** A folder on disk; omit for an in-memory database (tests). */
  dataDir?: string;
  /** A tarball from `dumpDataDir()` to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
}

export async function openPglite(opts: PgliteOptions): Promise<Database & { dump(): Promise<Blob> }> {
  let release = () => undefined as void;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    release = takeLock(opts.dataDir);
  }
  let db: PGlite;
  try {
    // The extensions the migrations create (Debian's postgresql-contrib has them on a server).
    db = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, parsers, extensions: { unaccent, pg_trgm, btree_gist } });
  } catch (err) {
    release();
    throw err;
  }

  // atCommit's writes run at the end, as on PostgreSQL: code that read one back too early fails here too.
  const inTx = async <T>(tx: Transaction, fn: (sql: OwnerSql) => Promise<T>): Promise<T> => {
    const atCommit: { text: string; params: readonly unknown[] }[] = [];
    const result = await fn({
      query: async <R extends object>(text: string, params?: readonly unknown[]) =>
        (await tx.query<R>(text, params?.map(wellFormed))).rows,
      script: async (text: string) => {
        await tx.exec(text);
      },
      atCommit: (text, params) => {
        atCommit.push({ text, params });
      },
    });
    for (const s of atCommit) await tx.query(s.text, s.params.map(wellFormed));
    return result;
  };

  // PGlite runs in this thread, and transactions waiting for it would otherwise run back to back in
  // one turn of the event loop, during which Node reads no socket and accepts one new connection at
  // most: under load, new visitors waited in the listen queue for tens of seconds. One transaction per
  // turn (PGlite runs one at a time anyway) keeps the server accepting and reading between them.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = turn.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(run);
    turn = result.catch(() => undefined);
    return result;
  };

  return {
    engine: 'pglite',
    tx: (ctx: DbContext, fn, options) =>
      inTurn(() =>
        db.transaction(async (tx) => {
          if (options?.readOnly) await tx.exec('SET TRANSACTION READ ONLY');
          await tx.query(CONTEXT_SQL, contextParams(ctx));
          return inTx(tx, fn);
        }),
      ),
    ownerTx: (fn) => inTurn(() => db.transaction((tx) => inTx(tx, fn))),
    dump: () => db.dumpDataDir('none'),
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A lone UTF-16 surrogate (JSON input may carry one: "\ud800") after a multi-byte character reaches
 * PGlite as invalid UTF-8 and the statement fails; node-postgres sends U+FFFD for it, and so do we.
 */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  return Array.isArray(value) ? value.map(wellFormed) : value;
}

/**
 * PGlite is a single-process database: a second process opening the same folder would corrupt it.
 * A lock file with our pid refuses that with a clear message; a stale lock (dead pid) is taken over.
 */
function takeLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'wspolnota.lock');
  try {
    const pid = Number(fs.readFileSync(lockPath, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Baza danych w ${dataDir} jest już otwarta przez proces ${pid}. Zatrzymaj go (np. serwer) i spróbuj ponownie.`,
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(lockPath, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
