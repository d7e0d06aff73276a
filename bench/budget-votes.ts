/**
 * `npx tsx bench/budget-votes.ts [-- --voters 20000 --connections 100 --duplicates 0.05 --results-ballots 400000 --database-url postgres://…]`
 * (`npm run bench:budget`). The participatory budget's vote under load (issue 18), on a fresh database (PGlite in
 * memory unless --database-url names an empty PostgreSQL database):
 *   - an edition (the small hand-made election of test/fixtures/budget) with voting open, and --voters residents
 *     with sessions made in the database (logins would measure argon2, not votes), each with a valid PESEL;
 *   - the voters in a child process (this file with --client: its own event loop), --connections at a time, each
 *     voter as a person votes: the ballot page (its CSRF token), then the confirmed ballot; --duplicates of them
 *     send the confirmed ballot twice at the same moment (a double click, two tabs);
 *   - the reference in the same run: the same client code against a bare Fastify route;
 *   - the check: ballots stored = voters told "counted", none counted twice, every duplicate refused;
 *   - live results with --results-ballots stored ballots: the results page's time (median of 5).
 * Targets (issue 18): ≥ 2 000 durable votes/s, duplicates never counted, results for 400 000 votes ≤ 200 ms.
 * Writes bench/results/budget-votes.json.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { buildApp } from '../src/app';
import { importPbFile } from '../src/modules/budget';
import { loadConfig } from '../src/platform/config';
import { migrate } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import { createMailer } from '../src/platform/mail/mailer';
import { newToken } from '../src/platform/auth/tokens';
import { pesel } from '../test/modules/budget-helpers';
import { Jar } from './session';
import { latencySummary } from './stats';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '100' },
    duplicates: { type: 'string', default: '0.05' },
    'results-ballots': { type: 'string', default: '400000' },
    'bare-seconds': { type: 'string', default: '5' },
    'database-url': { type: 'string' },
    /** Internal: run as the voters' process with this JSON spec (a file), print one JSON result. */
    client: { type: 'string' },
  },
});

interface VoterSpec {
  base: string;
  bare: string;
  ballotPath: string;
  project: string;
  voters: { token: string; pesel: string; twice: boolean }[];
  connections: number;
  bareSeconds: number;
}
interface VoterResult {
  bareRequests: number;
  bareMs: number;
  votesMs: number;
  counted: number;
  refusedDuplicates: number;
  /** Statuses of answers that were neither a counted vote nor a duplicate's refusal (409). */
  other: Record<string, number>;
  postLatencies: number[];
  flowLatencies: number[];
}

/** A PESEL of someone born in the 1980s; distinct for every i below 36 500 000. */
function peselOf(i: number): string {
  const day = new Date(Date.UTC(1980, 0, 1) + (i % 3650) * 86_400_000).toISOString();
  return pesel(`${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`, String(Math.floor(i / 3650)).padStart(4, '0'));
}

async function runVoters(spec: VoterSpec): Promise<VoterResult> {
  const result: VoterResult = { bareRequests: 0, bareMs: 0, votesMs: 0, counted: 0, refusedDuplicates: 0, other: {}, postLatencies: [], flowLatencies: [] };
  const note = (status: number) => (result.other[status] = (result.other[status] ?? 0) + 1);
  // The reference: the same loop of fetches against a bare route.
  const bareEnd = performance.now() + spec.bareSeconds * 1000;
  const bareStart = performance.now();
  await Promise.all(Array.from({ length: spec.connections }, async () => {
    while (performance.now() < bareEnd) {
      await (await fetch(spec.bare)).arrayBuffer();
      result.bareRequests += 1;
    }
  }));
  result.bareMs = performance.now() - bareStart;

  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: spec.connections }, async () => {
    for (let i = next++; i < spec.voters.length; i = next++) {
      const voter = spec.voters[i]!;
      const address = `10.${20 + Math.floor(i / 62_500)}.${Math.floor(i / 250) % 250}.${i % 250}`;
      const flowStart = performance.now();
      const jar = new Jar();
      const page = await fetch(`${spec.base}${spec.ballotPath}`, { headers: { cookie: `sid=${voter.token}`, 'x-forwarded-for': address } });
      jar.take(page);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const post = async () => {
        const t = performance.now();
        const res = await fetch(`${spec.base}${spec.ballotPath}`, {
          method: 'POST',
          headers: { cookie: [`sid=${voter.token}`, jar.header()].filter(Boolean).join('; '), accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
          body: new URLSearchParams({ _csrf: csrf, projects: spec.project, pesel: voter.pesel, confirmed: 'yes' }),
        });
        await res.arrayBuffer();
        result.postLatencies.push(performance.now() - t);
        return res.status;
      };
      const statuses = await Promise.all(voter.twice ? [post(), post()] : [post()]);
      result.flowLatencies.push(performance.now() - flowStart);
      for (const s of statuses) {
        if (s === 201) result.counted += 1;
        else if (s === 409 && voter.twice) result.refusedDuplicates += 1;
        else note(s);
      }
    }
  }));
  result.votesMs = performance.now() - started;
  return result;
}

if (values.client) {
  // Exit once the pipe has taken the whole result (a large write to a pipe is asynchronous).
  process.stdout.write(JSON.stringify(await runVoters(JSON.parse(fs.readFileSync(values.client, 'utf8')) as VoterSpec)), () => process.exit(0));
  await new Promise(() => {});
}

function votersProcess(spec: VoterSpec): Promise<VoterResult> {
  const file = path.join(os.tmpdir(), `budget-votes-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--client', file], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.rmSync(file, { force: true });
      if (code === 0) resolve(JSON.parse(out) as VoterResult);
      else reject(new Error(`voters process exited with ${code}`));
    });
  });
}

const [voterCount, connections, duplicateShare, resultsBallots, bareSeconds] = [values.voters, values.connections, values.duplicates, values['results-ballots'], values['bare-seconds']].map(Number) as [number, number, number, number, number];

const url = values['database-url'];
const db = url ? openPostgres(url, 20) : await openPglite({});
await migrate(db);
const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', TRUST_PROXY: 'loopback' });
const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db });
const { app } = await buildApp({ config, db, mailer, appSecret: 'bench-secret-bench-secret-bench-secret-0123456789', logger: false, workerAutostart: false });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ status: 'ok' }));
const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });

// The municipality, the edition (voting open since yesterday, until tomorrow) and the voters with their sessions.
const slug = 'bench-budzet';
const setupStart = performance.now();
await db.ownerTx((sql) => sql.query("INSERT INTO municipalities (slug, name, teryt, cus_name) VALUES ($1, 'Gmina Urnowa', '1438199', 'Centrum Usług Społecznych w Urnowie')", [slug]));
const imported = await importPbFile(db, slug, fs.readFileSync(path.join(import.meta.dirname, '../test/fixtures/budget/small.pb'), 'utf8'));
const editionId = imported.editionId;
const tokens = Array.from({ length: voterCount }, () => newToken());
const { municipalityId, poolId, project } = await db.ownerTx(async (sql) => {
  const [m] = await sql.query<{ id: string }>('SELECT id FROM municipalities WHERE slug = $1', [slug]);
  await sql.query(
    `INSERT INTO budget_phases (municipality_id, edition_id, phase, starts_at, ends_at) VALUES ($1, $2, 'voting', now() - interval '1 day', now() + interval '1 day')
     ON CONFLICT (municipality_id, edition_id, phase) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`,
    [m!.id, editionId],
  );
  const [pool] = await sql.query<{ id: string }>('SELECT id FROM budget_pools WHERE municipality_id = $1 AND edition_id = $2 LIMIT 1', [m!.id, editionId]);
  const [p] = await sql.query<{ id: string }>("SELECT id FROM budget_projects WHERE municipality_id = $1 AND pool_id = $2 AND status = 'on_ballot' ORDER BY id LIMIT 1", [m!.id, pool!.id]);
  for (let i = 0; i < voterCount; i += 5000) {
    const hashes = tokens.slice(i, i + 5000).map((t) => t.hash);
    await sql.query(
      `WITH u AS (
         INSERT INTO users (email, display_name, password_hash, locale, email_verified_at)
         SELECT 'glosujacy' || ($2::int + k) || '@bench.example', 'Mieszkaniec ' || ($2::int + k), 'bench-no-login', 'pl', now()
         FROM generate_series(1, $3::int) AS k RETURNING id, email),
       n AS (SELECT id, row_number() OVER (ORDER BY email) AS k FROM u),
       ms AS (INSERT INTO memberships (municipality_id, user_id, roles) SELECT $1, id, ARRAY['resident'] FROM n)
       INSERT INTO sessions (token_hash, user_id, expires_at) SELECT h.hash, n.id, now() + interval '1 day'
       FROM unnest($4::text[]) WITH ORDINALITY AS h(hash, k) JOIN n ON n.k = h.k`,
      [m!.id, i, hashes.length, hashes],
    );
  }
  return { municipalityId: m!.id, poolId: pool!.id, project: p!.id };
});
const setupMs = performance.now() - setupStart;
const onlineBefore = await db.ownerTx(async (sql) => (await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM budget_ballots WHERE municipality_id = $1 AND channel = 'online'", [municipalityId]))[0]!.n);

process.stderr.write(`  ${voterCount} voters ready in ${Math.round(setupMs)} ms; voting with ${connections} at a time …\n`);
const loadBefore = os.loadavg();
const voters = tokens.map((t, i) => ({ token: t.token, pesel: peselOf(i), twice: i % Math.max(1, Math.round(1 / duplicateShare)) === 0 }));
const out = await votersProcess({ base, bare: `${bareBase}/bare`, ballotPath: `/${slug}/budzet/${editionId}/glosuj/${poolId}`, project, voters, connections, bareSeconds });

const stored = await db.ownerTx(async (sql) => {
  const [b] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM budget_ballots WHERE municipality_id = $1 AND channel = 'online'", [municipalityId]);
  const [v] = await sql.query<{ accounts: number; pesels: number }>(
    "SELECT count(*) FILTER (WHERE voter_key LIKE 'account:%')::int AS accounts, count(*) FILTER (WHERE voter_key LIKE 'pesel:%')::int AS pesels FROM budget_voters WHERE municipality_id = $1 AND edition_id = $2",
    [municipalityId, editionId],
  );
  return { ballots: b!.n - onlineBefore, ...v! };
});
const twice = voters.filter((v) => v.twice).length;
const checks = [
  { name: 'every voter counted once', ok: out.counted === voterCount && stored.ballots === voterCount, detail: `${out.counted} told counted, ${stored.ballots} stored, ${voterCount} voters` },
  { name: 'no duplicate counted', ok: out.refusedDuplicates === twice && stored.ballots === out.counted, detail: `${twice} sent twice, ${out.refusedDuplicates} refused (409)` },
  { name: 'each voter recorded once by account and once by PESEL', ok: stored.accounts === voterCount && stored.pesels === voterCount, detail: `${stored.accounts} accounts, ${stored.pesels} PESEL keys` },
  { name: 'no other answer', ok: Object.keys(out.other).length === 0, detail: JSON.stringify(out.other) },
];

// Results: the stored ballots topped up to --results-ballots, voting closed (the public sees results only then), the
// results page timed — computed from the ballots on each request, no batch job (median of 5 after one warm-up).
let resultsMs: number | null = null;
if (resultsBallots > 0) {
  await db.ownerTx((sql) => sql.query("UPDATE budget_phases SET ends_at = now() - interval '1 second' WHERE municipality_id = $1 AND edition_id = $2 AND phase = 'voting'", [municipalityId, editionId]));
  await db.ownerTx((sql) =>
    sql.query(
      `INSERT INTO budget_ballots (municipality_id, edition_id, pool_id, channel, projects)
       SELECT $1, $2, $3, 'paper', ARRAY(SELECT id FROM budget_projects p WHERE p.municipality_id = $1 AND p.pool_id = $3 AND p.status = 'on_ballot' ORDER BY md5(p.id::text || k::text) LIMIT 1 + k % 3)
       FROM generate_series(1, greatest(0, $4::int - (SELECT count(*)::int FROM budget_ballots WHERE municipality_id = $1 AND edition_id = $2))) AS k`,
      [municipalityId, editionId, poolId, resultsBallots],
    ),
  );
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/${slug}/budzet/${editionId}/wyniki`);
    await res.arrayBuffer();
    if (res.status !== 200) checks.push({ name: 'results page', ok: false, detail: `status ${res.status}` });
    if (i > 0) times.push(performance.now() - t);
  }
  resultsMs = latencySummary(times).p50;
}

const result = {
  date: new Date().toISOString(),
  engine: url ? 'postgres' : 'pglite',
  machine: { cpus: os.cpus().length, loadBefore: loadBefore.map((l) => Math.round(l * 10) / 10), loadAfter: os.loadavg().map((l) => Math.round(l * 10) / 10) },
  voters: voterCount,
  connections,
  bare: { requestsPerSecond: Math.round(out.bareRequests / (out.bareMs / 1000)) },
  votes: {
    perSecond: Math.round(out.counted / (out.votesMs / 1000)),
    ratioToBare: Math.round((out.counted / (out.votesMs / 1000) / (out.bareRequests / (out.bareMs / 1000))) * 1000) / 1000,
    postP50: latencySummary(out.postLatencies).p50,
    postP99: latencySummary(out.postLatencies).p99,
    flowP99: latencySummary(out.flowLatencies).p99,
    sentTwice: twice,
  },
  resultsMs,
  resultsBallots,
  checks,
};
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', `budget-votes-${result.engine}.json`), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await app.close();
await bare.close();
await db.close();
process.exit(checks.every((c) => c.ok) ? 0 : 1);
