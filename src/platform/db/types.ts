/** What a repository needs: run one parameterised statement, get typed rows. */
export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
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
  tx<T>(ctx: DbContext, fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** A transaction as the table owner: migrations and platform-operator commands only. */
  ownerTx<T>(fn: (sql: OwnerSql) => Promise<T>): Promise<T>;
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
