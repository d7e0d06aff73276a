/**
 * `npm run bench [-- --duration 10 --connections 50 --rsvp-connections 200 --size metro --pglite --pool 10 --skip-startup]`
 * Generates the data once (PostgreSQL database wsp_bench, or PGlite with --pglite), starts the real
 * app in-process on 127.0.0.1, drives it with autocannon from a child process, replays the search's SQL
 * directly, pages through coordinators' case lists and residents' queue places (and checks what came back
 * against the database), answers meeting invitations from many clients and checks every answer was stored once,
 * measures the embedded database's cold and warm start, and writes bench/results/. Exits with 1 when
 * a check fails (after writing the results).
 */
import Fastify from 'fastify';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app';
import { modules as appModules } from '../src/modules';
import { genericPageModule, runGenericPage } from './generic-page';
import { loadConfig } from '../src/platform/config';
import { createMailer } from '../src/platform/mail/mailer';
import { isSize, SIZES } from './catalogue';
import { runCaseList, runQueuePosition } from './casework';
import { cancelQueries, openBenchPglite, openBenchPostgres } from './database';
import { explainQueuePosition } from './explain';
import { townAt } from './generator';
import { BENCH_APP_SECRET, linkKeyOf } from './meetings';
import { distinctSearches } from './questions';
import { ratios, writeResults, type BenchReport } from './report';
import { GENERATED_PASSWORD, RESIDENTS, residentEmail } from './people';
import { runRsvp, type RsvpCheck } from './rsvp';
import { rateLimitedApps } from './rate-limit';
import { recordingDatabase, runArgon2, runHttp, runRawSql, settle, type ScenarioResult } from './scenarios';
import { measureStartup } from './startup';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    'rsvp-connections': { type: 'string', default: '200' },
    // metro: the catalogue of city (20 000 services) with the registry of a large city (5 000 organisations, ≈ 60 000 invitations).
    size: { type: 'string', default: 'metro' },
    seed: { type: 'string', default: '42' },
    pool: { type: 'string', default: '10' },
    pglite: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/wsp_bench' },
    'skip-startup': { type: 'boolean', default: false },
  },
});
const [duration, connections, rsvpConnections, seed, poolSize] = [values.duration, values.connections, values['rsvp-connections'], values.seed, values.pool]
  .map(Number) as [number, number, number, number, number];
const size = values.size;
if (!isSize(size) || !(duration > 0 && duration <= 120) || !(connections >= 1 && connections <= 1000) || !(rsvpConnections >= 1 && rsvpConnections <= 1000) ||
  !Number.isInteger(seed) || !(poolSize >= 1)) {
  console.error(`Usage: npm run bench -- [--duration 1–120] [--connections N] [--rsvp-connections N] [--size ${Object.keys(SIZES).join('|')}] [--seed 42] [--pool 10] [--pglite] [--skip-startup]`);
  process.exit(2);
}

const loadAverage = os.loadavg();
const opened = values.pglite ? await openBenchPglite(size, seed) : await openBenchPostgres(values['database-url'], poolSize, size, seed);
const recorder = recordingDatabase(opened.db);
const slug = townAt(0).slug;
const [municipality] = await opened.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM municipalities WHERE slug = $1', [slug]));
const serviceIds = await opened.db.ownerTx((sql) =>
  sql.query<{ id: string }>("SELECT id FROM services WHERE municipality_id = $1 AND status = 'active' ORDER BY id LIMIT 20", [municipality!.id]),
);

// Behind a proxy as in production: the login scenario comes from many addresses (X-Forwarded-For).
const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', TRUST_PROXY: 'loopback' });
const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db: recorder.db });
// The secret the data was generated with: invitations' answer links are derived from it (bench/meetings.ts).
const appSecret = BENCH_APP_SECRET;
// With the generic authenticated page (session + one query + audit entry; bench/generic-page.ts).
const { app } = await buildApp({ config, db: recorder.db, mailer, appSecret, logger: false, workerAutostart: false, modules: [...appModules, genericPageModule] });
// The same app with the search cache off: every search does its database work (search-uncached).
const uncachedConfig = { ...config, searchCacheSeconds: 0 };
const { app: uncachedApp } = await buildApp({ config: uncachedConfig, db: recorder.db, mailer, appSecret, logger: false, workerAutostart: false });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ status: 'ok' }));
const limited = await rateLimitedApps(opened.db);
const scenarios: ScenarioResult[] = [];
const searchAlone: BenchReport['searchAlone'] = [];
let rsvpCheck: RsvpCheck | undefined;
let casework: BenchReport['casework'] | undefined;
try {
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const uncachedUrl = await uncachedApp.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const searches = [
    'q=opiekuncze+seniorzy', 'q=asystent+rodziny', 'q=warsztaty&area=culture', 'q=pomoc+psychologiczna&free=1',
    'q=nordic+walking&group=seniors', 'q=mieszkanie+treningowe&step_free=1',
  ].map((q) => `/${slug}/services?${q}`);
  const services = serviceIds.map((s) => `/${slug}/services/${s.id}`);
  // Varied questions (autocannon prepares every request for every connection: keep the list short).
  const distinct = distinctSearches(slug, 2_000);

  // Every path must answer 200 before it is measured (this also warms up). Then each search page
  // alone, timed, with its database work recorded for the raw SQL scenario.
  const get = async (p: string) => {
    const res = await app.inject({ method: 'GET', url: p });
    if (res.statusCode !== 200) throw new Error(`GET ${p} answered ${res.statusCode}`);
  };
  // The searches are not warmed up: their first request is the one recorded, before the search cache knows it.
  for (const p of ['/', `/${slug}/check`, ...services]) await get(p);
  const recorded = [];
  for (const p of searches) {
    const started = performance.now();
    recorded.push(await recorder.record(() => get(p)));
    searchAlone.push({ path: p, ms: Math.round(performance.now() - started) });
  }

  process.stderr.write(`Benchmark: ${config.publicUrl} → ${appUrl} (${opened.db.engine}, ${SIZES[size].services} services)\n`);
  const load = { connections, duration };
  // PGlite runs one statement at a time and cannot cancel: there the leftover work is waited for.
  const interrupt = values.pglite ? async () => undefined : () => cancelQueries(values['database-url']);
  const http = async (name: string, description: string, url: string, paths: string[]) => {
    scenarios.push(await runHttp(name, description, { url, paths, ...load }));
    await settle(recorder.inflight, interrupt);
  };
  await http('bare', 'a bare Fastify route returning small JSON (reference)', bareUrl, ['/bare']);
  await http('rate-limit-memory', 'a bare route under @fastify/rate-limit, counters in memory (one process; reference of the next)', await limited.memory.listen({ host: '127.0.0.1', port: 0 }), ['/limited']);
  await http('rate-limit-database', 'the same route, counters shared in the database (rate_limit_hits, one upsert a request)', await limited.database.listen({ host: '127.0.0.1', port: 0 }), ['/limited']);
  await http('home', 'home page GET /', appUrl, ['/']);
  await http('search', `catalogue search page, ${searches.length} queries and filters in turn (answered from the search cache after the first)`, appUrl, searches);
  await http('search-uncached', `catalogue search page, ${distinct.length} varied questions in turn, search cache off (SEARCH_CACHE_SECONDS=0)`, uncachedUrl, distinct);
  await http('service', `service page, ${services.length} services in turn`, appUrl, services);
  await http('check', 'eligibility form GET /:m/check', appUrl, [`/${slug}/check`]);
  scenarios.push(await runRawSql(recorder.db, recorded, connections, duration, interrupt));
  const residents = Array.from({ length: Math.min(RESIDENTS[size], 5000) }, (_, n) => residentEmail(slug, n));
  scenarios.push(
    await runHttp('login', `log in (POST /login) as ${residents.length} generated residents in turn, each from its own address`, {
      url: appUrl, emails: residents, password: GENERATED_PASSWORD, ...load,
    }, 'bench/login-client.ts'),
  );
  await settle(recorder.inflight, interrupt);
  const [account] = await opened.db.ownerTx((sql) => sql.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', [residents[0]]));
  scenarios.push(await runArgon2(account!.password_hash, GENERATED_PASSWORD, connections, duration));
  // The casework of a city: a coordinator's case list (staff log in with TOTP) and a resident's queue position.
  const target = { url: appUrl, municipalityId: municipality!.id, slug, ...load };
  const generic = await runGenericPage(opened.db, size, target);
  scenarios.push(generic.scenario);
  if (generic.failures.length) {
    process.stderr.write(`generic check FAILED: ${generic.failures.join('; ')}\n`);
    process.exitCode = 1;
  }
  await settle(recorder.inflight, interrupt);
  // The same coordinators just used this 30-second step's TOTP code, and a code is taken once (totp_last_step): the next step.
  await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 250));
  const cases = await runCaseList(opened.db, size, target);
  scenarios.push(cases.scenario);
  await settle(recorder.inflight, interrupt);
  const queue = await runQueuePosition(opened.db, 500, target);
  scenarios.push(queue.scenario);
  await settle(recorder.inflight, interrupt);
  casework = { cases: cases.check, queue: queue.check, explain: await explainQueuePosition(opened.db, recorder.record, appUrl, slug, municipality!.id) };
  // Last: it writes (answers, audit entries), which the read scenarios above should not see.
  const rsvp = await runRsvp(opened.db, {
    url: appUrl, municipalityId: municipality!.id, slug, linkKey: linkKeyOf(appSecret), connections: rsvpConnections, duration, perConnection: 100, seed,
  });
  scenarios.push(rsvp.scenario);
  rsvpCheck = rsvp.check;
  await settle(recorder.inflight, interrupt);
} finally {
  await app.close();
  await uncachedApp.close();
  await bare.close();
  await limited.memory.close();
  await limited.database.close();
  mailer.close();
  await opened.db.close();
}

const startup = values['skip-startup'] ? null : await measureStartup(values.pglite ? undefined : values['database-url']);
const report: BenchReport = {
  date: new Date().toISOString(),
  size,
  seed,
  engine: opened.db.engine,
  services: SIZES[size].services,
  connections,
  durationSeconds: duration,
  poolSize: values.pglite ? 1 : poolSize,
  machine: { cpus: os.cpus().length, node: process.version, loadAverage },
  generation: opened.generated,
  scenarios,
  searchAlone,
  ratios: ratios(scenarios),
  rsvp: rsvpCheck ?? null,
  casework: casework ?? null,
  startup,
};
const written = writeResults(report);
process.stdout.write(`\n${written.text}\nWritten: ${written.json}, ${written.md}\n`);
if (rsvpCheck && !rsvpCheck.passed) {
  process.stderr.write(`RSVP check FAILED: ${rsvpCheck.failures.join('; ')}\n`);
  process.exitCode = 1;
}
for (const [name, check] of Object.entries({ cases: casework?.cases, queue: casework?.queue })) {
  if (check && !check.passed) {
    process.stderr.write(`${name} check FAILED: ${check.failures.join('; ')}\n`);
    process.exitCode = 1;
  }
}
