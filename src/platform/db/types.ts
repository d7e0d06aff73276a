/** What a repository needs: run one parameterised statement, get typed rows. */
export interface Sql {
  /**
   * `prepare`: a hot statement whose text is fixed in code (no values in it) is kept prepared on each pooled
   * connection (PostgreSQL; PGlite ignores it): parsed once, and planned once where a generic plan is as good.
   * Statements asked for together (`Promise.all`) run one after the other in the order asked; on PostgreSQL
   * they go out at once (pipelined: one round trip for all), so a statement that does not need the previous
   * one's rows need not wait for them.
   */
  query<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
  /**
   * A write nobody reads back in this transaction (an audit entry): run just before COMMIT, on PostgreSQL
   * in COMMIT's own round trip. Its failure still fails the transaction. Absent where not supported: run it now.
   */
  atCommit?(text: string, params: readonly unknown[]): void;
}

export interface QueryOptions {
  prepare?: boolean;
}

export interface TxOptions {
  /**
   * Only reads (`BEGIN READ ONLY`: a write fails on both engines). On PostgreSQL the result is returned
   * once the last statement has answered; COMMIT goes out without waiting for its reply (nothing was
   * written, nothing waits on the disk) and the connection returns to the pool when it has come.
   */
  readOnly?: boolean;
}

/** The owner may also run multi-statement scripts (migrations). */
export interface OwnerSql extends Sql {
  script(text: string): Promise<void>;
}

/** Whose request this is: sets the row-level security context of a transaction. */
export interface DbContext {
  municipalityId: string | null;
  userId: string | null;
  /** The job worker: sees every municipality's jobs and the platform's (0019); nothing else. */
  jobsWorker?: boolean;
}

export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly engine: Engine;
  /**
   * A transaction run as the application role (which owns no table), with the row-level
   * security context set from `ctx`. All request-serving SQL goes through here.
   */
  tx<T>(ctx: DbContext, fn: (sql: Sql) => Promise<T>, options?: TxOptions): Promise<T>;
  /** A transaction as the table owner: migrations and platform-operator commands only. */
  ownerTx<T>(fn: (sql: OwnerSql) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a connection of its own (PostgreSQL, where several processes share the database; absent on
   * PGlite, which one process owns). `onLost` is called once if that connection drops: anything sent
   * meanwhile may have been missed. Use `platform/db/notify.ts`, which reconnects.
   */
  listen?(channels: readonly string[], onMessage: (channel: string, payload: string) => void, onLost: (err: Error) => void): Promise<{ close(): Promise<void> }>;
  /** The request pool's connections now (PostgreSQL; PGlite has no pool): for /metrics and doctor. */
  poolStats?(): { max: number; total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** The role the application runs as; created by the first migration. */
export const APP_ROLE = 'wspolnota_app';

export const NO_CONTEXT: DbContext = { municipalityId: null, userId: null };

/** One statement sets the role and the RLS context for the rest of the transaction. */
export const CONTEXT_SQL =
  "SELECT set_config('role', $1, true), set_config('app.municipality_id', $2, true), set_config('app.user_id', $3, true), set_config('app.jobs_worker', $4, true)";

export function contextParams(ctx: DbContext): string[] {
  return [APP_ROLE, ctx.municipalityId ?? '', ctx.userId ?? '', ctx.jobsWorker ? 'on' : ''];
}
