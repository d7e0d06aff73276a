import type { Database } from '../src/platform/db/types';
import type { ApiClientResult, ApiSpec } from './api-client';
import { benchTotpSecret, CASEWORK, coordinatorEmail, type CaseworkSize } from './centre';
import { GENERATED_PASSWORD } from './people';
import { runClient, scenarioOf, type ScenarioResult } from './scenarios';

/** What the check after a casework scenario found. */
export interface CaseworkCheck {
  accounts: number;
  logins: number;
  loginSeconds: number;
  /** cases: ids returned (all coordinators), of them not the coordinator's own or not open; first pages equal to the database's. */
  returned: number;
  foreign: number;
  notOpen: number;
  firstPages: number;
  firstPagesEqual: number;
  /** queue: residents checked, places compared, places (or statuses, or lists) that differ from the database's. */
  residents: number;
  places: number;
  mismatches: number;
  malformed: number;
  failures: string[];
  passed: boolean;
}

const empty = (): CaseworkCheck => ({
  accounts: 0, logins: 0, loginSeconds: 0, returned: 0, foreign: 0, notOpen: 0, firstPages: 0, firstPagesEqual: 0, residents: 0, places: 0, mismatches: 0,
  malformed: 0, failures: [], passed: false,
});

type Load = { url: string; municipalityId: string; slug: string; connections: number; duration: number };

function finish(check: CaseworkCheck, out: ApiClientResult): CaseworkCheck {
  if (out.loginFailures.length) check.failures.push(`${check.accounts - out.logins} logins failed (${out.loginFailures.join('; ')})`);
  if (out.malformed) check.failures.push(`${out.malformed} answers without the promised JSON`);
  if (out.requests === 0) check.failures.push('no request answered in the window');
  return { ...check, logins: out.logins, loginSeconds: Math.round(out.loginSeconds * 10) / 10, malformed: out.malformed, passed: check.failures.length === 0 };
}

/**
 * A coordinator's case list: every generated coordinator logs in (password and TOTP), then `connections`
 * clients page through their own open cases (GET /api/:m/cases, ?after= the last id, 5 pages a walk).
 * Afterwards every case returned must be an open case of that coordinator, and each first page exactly
 * the database's 50 newest of them.
 */
export async function runCaseList(db: Database, size: CaseworkSize, load: Load): Promise<{ scenario: ScenarioResult; check: CaseworkCheck }> {
  const emails = Array.from({ length: CASEWORK[size].coordinators }, (_, k) => coordinatorEmail(load.slug, k));
  const spec: ApiSpec = {
    url: load.url, slug: load.slug, mode: 'cases', accounts: emails.map((email) => ({ email, totpSecret: benchTotpSecret(email) })), password: GENERATED_PASSWORD,
    connections: load.connections, duration: load.duration, pages: 5,
  };
  const { out, rss } = await runClient<ApiClientResult>('cases', spec, 'bench/api-client.ts');
  const check = { ...empty(), accounts: emails.length };
  const owners = new Map((await db.ownerTx((sql) => sql.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE email = ANY($1::text[])', [emails]))).map((u) => [u.email, u.id]));
  for (const [email, ids] of Object.entries(out.seen)) {
    const rows = await db.ownerTx((sql) => sql.query<{ id: string; coordinator_id: string; status: string }>(
      'SELECT id, coordinator_id, status FROM cases WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [load.municipalityId, ids]));
    check.returned += ids.length;
    check.foreign += ids.length - rows.filter((r) => r.coordinator_id === owners.get(email)).length;
    check.notOpen += rows.filter((r) => r.status !== 'open').length;
  }
  for (const [email, ids] of Object.entries(out.firstPages)) {
    const newest = await db.ownerTx((sql) => sql.query<{ id: string }>(
      "SELECT id FROM cases WHERE municipality_id = $1 AND coordinator_id = $2 AND status = 'open' ORDER BY opened_at DESC, id DESC LIMIT 50", [load.municipalityId, owners.get(email)]));
    check.firstPages++;
    if (newest.map((r) => r.id).join() === ids.join()) check.firstPagesEqual++;
  }
  if (check.foreign) check.failures.push(`${check.foreign} cases of other coordinators returned`);
  if (check.notOpen) check.failures.push(`${check.notOpen} cases not open returned`);
  if (check.firstPagesEqual < check.firstPages) check.failures.push(`${check.firstPages - check.firstPagesEqual} first pages differ from the database's newest 50`);
  return { scenario: scenarioOf('cases', `a coordinator's case list (GET /api/:m/cases, 50 a page, 5 pages by ?after=), ${emails.length} coordinators logged in with TOTP`, out, rss), check: finish(check, out) };
}

/**
 * A resident's queue position: `residents` residents with a waiting application log in and ask for their
 * applications with places (GET /api/:m/applications/mine) again and again. Afterwards every list must be
 * exactly the resident's applications in the database, each with its stored status and place.
 */
export async function runQueuePosition(db: Database, residents: number, load: Load): Promise<{ scenario: ScenarioResult; check: CaseworkCheck }> {
  const emails = (await db.ownerTx((sql) => sql.query<{ email: string }>(
    `SELECT DISTINCT u.email FROM applications a JOIN users u ON u.id = a.applicant_id
     WHERE a.municipality_id = $1 AND a.status = 'waiting' ORDER BY u.email LIMIT $2`, [load.municipalityId, residents]))).map((r) => r.email);
  const spec: ApiSpec = {
    url: load.url, slug: load.slug, mode: 'queue', accounts: emails.map((email) => ({ email })), password: GENERATED_PASSWORD,
    connections: load.connections, duration: load.duration, pages: 1,
  };
  const { out, rss } = await runClient<ApiClientResult>('queue', spec, 'bench/api-client.ts');
  const check = { ...empty(), accounts: emails.length };
  const stored = await db.ownerTx((sql) => sql.query<{ email: string; id: string; status: string; queue_position: number | null }>(
    `SELECT u.email, a.id, a.status, a.queue_position FROM applications a JOIN users u ON u.id = a.applicant_id
     WHERE a.municipality_id = $1 AND u.email = ANY($2::text[])`, [load.municipalityId, Object.keys(out.places)]));
  for (const [email, list] of Object.entries(out.places)) {
    const own = new Map(stored.filter((s) => s.email === email).map((s) => [s.id, s]));
    check.residents++;
    if (own.size !== list.length) check.mismatches++;
    for (const p of list) {
      const s = own.get(p.id);
      check.places += p.queue_position === null ? 0 : 1;
      if (!s || s.status !== p.status || s.queue_position !== p.queue_position) check.mismatches++;
    }
  }
  if (check.mismatches) check.failures.push(`${check.mismatches} lists or places differ from the database`);
  return { scenario: scenarioOf('queue', `a resident's applications with queue places (GET /api/:m/applications/mine), ${emails.length} residents with a waiting application`, out, rss), check: finish(check, out) };
}
