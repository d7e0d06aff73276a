/**
 * The shared fixture of the probes: the real app in-process on a fresh database, two municipalities
 * A and B, a logged-in person for every role in each, real records in both, and the means to tell
 * whether anything of A changed (a snapshot of every tenant table's rows of A).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { buildApp, type App } from '../src/app';
import { ROLES, STAFF_ROLES, type Role } from '../src/platform/auth/roles';
import { totpCode } from '../src/platform/auth/totp';
import { loadConfig } from '../src/platform/config';
import { migrate } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import type { Database } from '../src/platform/db/types';
import { createMailer } from '../src/platform/mail/mailer';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { TestClient } from '../test/support/client';
import { createDatabase, dropDatabase } from '../test/support/engines';
import { TEST_APP_SECRET, makeMunicipality, makeUser, uniq, type TestUser } from '../test/support/factories';
import { seedMunicipality, seedThroughApp, type Seeded } from './world-seed';
import type { ProbeOptions } from './types';

export interface Person {
  role: Role;
  user: TestUser;
  client: TestClient;
  /** The person's display name, as pages show it. */
  name: string;
}

export interface World {
  db: Database;
  app: App['app'];
  routes: App['routes'];
  a: MunicipalityRow;
  b: MunicipalityRow;
  /** A person for every role, logged in (with TOTP for staff). */
  peopleA: Map<Role, Person>;
  peopleB: Map<Role, Person>;
  seededA: Seeded;
  seededB: Seeded;
  /** A's data that no one outside A's staff may see, and A's public catalogue. */
  markers: { private: string[]; public: string[] };
  /** Links in the mail the app sent while the world was made (invitations). */
  mailedLinks: string[];
  /** What the app logged for each server error, oldest first. */
  serverErrors: string[];
  /** A new anonymous client holding a CSRF token. */
  anonymous(): Promise<TestClient>;
  /** A new client of A's staff that has passed the password step and not yet the TOTP one. */
  passwordStepOnly(): Promise<TestClient>;
  /** For every tenant table (and A's members' accounts): how many rows of A, and the newest transaction that wrote one. */
  snapshot(opts?: { audit?: boolean }): Promise<Snapshot>;
  close(): Promise<void>;
}

export type Snapshot = Map<string, string>;

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));
}

async function openDb(opts: ProbeOptions): Promise<{ db: Database; close(): Promise<void> }> {
  if (opts.engine === 'pglite') {
    // `npm test` prepares a migrated template; copying it is much quicker than initdb.
    const template = process.env.WSP_PGLITE_TEMPLATE;
    const db = template && fs.existsSync(template) ? await openPglite({ loadDataDir: new Blob([fs.readFileSync(template)]) }) : await openPglite({});
    await migrate(db);
    return { db, close: () => db.close() };
  }
  if (!opts.databaseUrl) throw new Error('PostgreSQL needs a database URL');
  const url = opts.databaseUrl;
  const name = `wsp_probe_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  // `npm test` prepares a migrated template database too (WSP_POSTGRES_TEMPLATE); the migrator then only checks.
  const db = openPostgres(await createDatabase(url, name, process.env.WSP_POSTGRES_TEMPLATE), 5);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    await dropDatabase(url, name);
    throw err;
  }
  return {
    db,
    async close() {
      await db.close();
      await dropDatabase(url, name);
    },
  };
}

/** Logs a person in the way a browser would: the password step, the TOTP step for staff. */
export async function logIn(app: App['app'], user: TestUser): Promise<TestClient> {
  const c = new TestClient(app);
  const first = await c.post('/login', { email: user.email, password: user.password, next: '/account' });
  if (first.statusCode !== 303) throw new Error(`log-in of ${user.email}: ${first.statusCode}`);
  if (user.totpSecret) {
    const second = await c.post('/login/mfa', { code: totpCode(user.totpSecret), next: '/account' });
    if (second.statusCode !== 303) throw new Error(`TOTP step of ${user.email}: ${second.statusCode}`);
  }
  if ((await c.get('/api/me')).statusCode !== 200) throw new Error(`${user.email} is not logged in`);
  return c;
}

async function people(db: Database, app: App['app'], m: MunicipalityRow): Promise<Map<Role, Person>> {
  const out = new Map<Role, Person>();
  for (const role of ROLES) {
    const user = await makeUser(db, { municipality: m, roles: [role], totp: STAFF_ROLES.includes(role), email: `osoba-${uniq()}-${role}@example.pl` });
    const [row] = await db.ownerTx((sql) => sql.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [user.id]));
    out.set(role, { role, user, client: await logIn(app, user), name: row!.display_name });
  }
  return out;
}

/** `env`: settings beyond the test defaults (e.g. TRUST_PROXY for the escalation probe). */
export async function openWorld(opts: ProbeOptions, env: Record<string, string> = {}): Promise<World> {
  const opened = await openDb(opts);
  const { db } = opened;
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', ...env });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db });
  const serverErrors: string[] = [];
  let built: App | undefined;
  try {
    // Server errors are logged: kept, so that a failure line can say what went wrong.
    const stream = { write: (line: string) => void serverErrors.push(errorOf(line)) };
    built = await buildApp({ config, db, mailer, appSecret: TEST_APP_SECRET, workerAutostart: false, logger: { level: 'error', stream } });
    const { app } = built;
    const a = await makeMunicipality(db, 'Gmina A');
    const b = await makeMunicipality(db, 'Gmina B');
    const peopleA = await people(db, app, a);
    const peopleB = await people(db, app, b);
    const admin = peopleA.get('administrator')!;
    const representative = peopleA.get('ngo_member')!;
    const seededA = await seedMunicipality(db, a, { admin: admin.user, adminLabel: `${admin.name} (${admin.user.email})`, full: true, representative: representative.user });
    const seededB = await seedMunicipality(db, b, { admin: peopleB.get('administrator')!.user, adminLabel: 'B', full: false, representative: peopleB.get('ngo_member')!.user });
    const invitedByApp = await seedThroughApp(db, a, representative, admin);
    seededA.invitees.push(...invitedByApp);
    seededA.privateMarkers.push(...invitedByApp);
    for (const [m, seeded, people] of [[a, seededA, peopleA], [b, seededB, peopleB]] as const) {
      seeded.ids['staff/:userId'] = people.get('coordinator')!.user.id;
      for (const list of ['service_at_locations', 'taxonomies', 'taxonomy_terms']) {
        const res = await app.inject({ method: 'GET', url: `/api/${m.slug}/hsds/${list}` });
        const first = (res.json() as { contents?: { id: string }[] }).contents?.[0];
        if (!first) throw new Error(`no ${list} in the open data of ${m.slug}`);
        seeded.ids[`hsds/${list}/:id`] = first.id;
      }
    }
    // The mail sent (invitation links) is read here and then cleared: the development mailbox page
    // shows all mail to anyone, on purpose, and exists only without SMTP outside production.
    await built.worker.drain();
    const mailedLinks = await db.ownerTx(async (sql) => {
      const rows = await sql.query<{ body_text: string }>('SELECT body_text FROM dev_mailbox');
      await sql.query('DELETE FROM dev_mailbox');
      return rows.flatMap((r) => r.body_text.match(/https?:\/\/\S+/g) ?? []);
    });
    const staffOfA = [...peopleA.values()].flatMap((p) => [p.user.email, p.name]);
    const tables = await tenantTables(db);
    return {
      db,
      app,
      routes: built.routes,
      a,
      b,
      peopleA,
      peopleB,
      seededA,
      seededB,
      serverErrors,
      mailedLinks,
      markers: { private: [...staffOfA, ...seededA.privateMarkers], public: seededA.publicMarkers },
      async anonymous() {
        const c = new TestClient(app);
        await c.get('/login');
        return c;
      },
      async passwordStepOnly() {
        const c = new TestClient(app);
        const { user } = peopleA.get('director')!;
        const res = await c.post('/login', { email: user.email, password: user.password, next: '/account' });
        if (!res.headers.location?.startsWith('/login/mfa')) throw new Error(`password step: ${res.statusCode}`);
        return c;
      },
      snapshot: (o = {}) => snapshot(db, a.id, tables, o.audit ?? true),
      async close() {
        await app.close();
        mailer.close();
        await opened.close();
      },
    };
  } catch (err) {
    await built?.app.close();
    mailer.close();
    await opened.close();
    throw err;
  }
}

function errorOf(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string; stack?: string } };
    const at = entry.err?.stack?.split('\n').find((l) => l.includes('/src/'))?.trim();
    return `${entry.err?.type ?? ''}: ${entry.err?.message ?? entry.msg ?? ''}${at ? ` (${at})` : ''}`;
  } catch {
    return line.slice(0, 300);
  }
}

async function tenantTables(db: Database): Promise<string[]> {
  const rows = await db.ownerTx((sql) =>
    sql.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND c.column_name = 'municipality_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    ),
  );
  if (rows.length < 10) throw new Error(`only ${rows.length} tenant tables found`);
  return rows.map((r) => r.table_name);
}

/**
 * One statement: for each table, the count of A's rows and the newest transaction that wrote one of
 * them (xmin). Any committed insert or update raises the latter, a delete lowers the count; what a
 * refused request wrote and rolled back leaves both alone.
 */
async function snapshot(db: Database, municipalityId: string, tables: string[], withAudit: boolean): Promise<Snapshot> {
  const digest = (from: string, where: string, label: string) =>
    `SELECT '${label}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS h FROM ${from} WHERE ${where}`;
  const parts = tables.filter((t) => withAudit || t !== 'audit_log').map((t) => digest(`"${t}"`, 'municipality_id = $1', t));
  parts.push(digest('municipalities', 'id = $1', 'municipalities'));
  parts.push(digest('users', 'id IN (SELECT user_id FROM memberships WHERE municipality_id = $1)', 'users of A'));
  const rows = await db.ownerTx((sql) => sql.query<{ t: string; h: string }>(parts.join(' UNION ALL '), [municipalityId]));
  return new Map(rows.map((r) => [r.t, r.h]));
}
