import type { Database, DbContext } from '../platform/db/types';

export interface DatabaseFacts {
  version: string;
  versionNum: number;
  /** Whether the migrations ever ran here (schema_migrations exists). */
  migrated: boolean;
  /** The login of DATABASE_URL (the session user) and what it may do; null before the first migration. */
  login: { name: string; superuser: boolean; bypassRls: boolean } | null;
  /** The login of DATABASE_URL is not a member of wspolnota_app, so no request can run (`SET ROLE` refused). */
  notAppMember: boolean;
  /** Who owns the tables (the migrations' role). */
  tableOwner: string | null;
  appliedMigrations: { name: string; checksum: string }[];
}

const APP: DbContext = { municipalityId: null, userId: null };
const WORKER: DbContext = { municipalityId: null, userId: null, jobsWorker: true };

/** Read-only facts about the database the app would serve from: nothing is created or migrated. */
export async function databaseFacts(db: Database): Promise<DatabaseFacts> {
  const owner = await db.ownerTx(async (sql) => {
    const [row] = await sql.query<{ version: string; versionNum: number; migrated: boolean; tableOwner: string | null }>(
      `SELECT version() AS version, current_setting('server_version_num')::int AS "versionNum",
              to_regclass('public.schema_migrations') IS NOT NULL AS migrated,
              (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'municipalities') AS "tableOwner"`,
    );
    const applied = row!.migrated ? await sql.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name') : [];
    return { ...row!, appliedMigrations: applied };
  });
  // The app's login as a request sees it (the application role exists once the first migration ran).
  let notAppMember = false;
  const login = owner.tableOwner === null ? null : (await db.tx(APP, (sql) =>
    sql.query<{ name: string; superuser: boolean; bypassRls: boolean }>(
      `SELECT session_user AS name, coalesce(r.rolsuper, false) AS superuser, coalesce(r.rolbypassrls, false) AS "bypassRls"
         FROM (SELECT 1) one LEFT JOIN pg_roles r ON r.rolname = session_user`,
    )).catch((err: unknown) => {
      if (!isSetRoleDenied(err)) throw err;
      notAppMember = true;
      return [];
    }))[0] ?? null;
  return { ...owner, login, notAppMember };
}

/** Whether the app's login may act as wspolnota_app (false: `SET ROLE` refused; any other error is thrown). */
export async function appRoleWorks(db: Database): Promise<boolean> {
  return db.tx(APP, (sql) => sql.query('SELECT 1')).then(() => true, (err: unknown) => {
    if (isSetRoleDenied(err)) return false;
    throw err;
  });
}

/** PostgreSQL's refusal of `SET ROLE wspolnota_app` to a login that is not a member of it. */
export function isSetRoleDenied(err: unknown): boolean {
  return err instanceof Error && /permission denied to set role "wspolnota_app"/.test(err.message);
}

/** Payloads of jobs still to run (sealed ones carry `sealed`), at most `limit` of them. */
export async function pendingPayloads(db: Database, limit = 1000): Promise<{ queue: string; payload: Record<string, unknown> }[]> {
  return db.tx(WORKER, (sql) =>
    sql.query<{ queue: string; payload: Record<string, unknown> }>(
      'SELECT queue, payload FROM jobs WHERE done_at IS NULL AND failed_at IS NULL ORDER BY id LIMIT $1',
      [limit],
    ),
  );
}
