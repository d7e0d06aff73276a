/**
 * `node --import tsx bench/writes.ts [-- --duration 10 --connections 50 --rsvp-connections 200 --pool 10 --size metro]`
 * The write path alone on PostgreSQL (`npm run bench` runs the same scenarios among the others): the bare
 * route (reference), the generic authenticated page (session + one query + audit entry), a coordinator's
 * case list, answering invitations; each with its round trips for one request (counted on the pg client)
 * and the plans of the statements, written to bench/results/writes-<date>.json.
 */
import Fastify from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countRoundTrips, type RoundTrips } from './round-trips';
import { startProfiler, summarise, type CpuProfile, type ProfileSummary } from './cpu-profile';
import { cpuBetween, openCpuMeter, type CpuReading } from './cpu-time';
import { buildApp } from '../src/app';
import { modules } from '../src/modules';
import { loadConfig } from '../src/platform/config';
import { createMailer } from '../src/platform/mail/mailer';
import { isSize } from './catalogue';
import { runCaseList } from './casework';
import { benchTotpSecret, coordinatorEmail, type CaseworkSize } from './centre';
import { cancelQueries, openBenchPostgres } from './database';
import { genericPageModule, runGenericPage } from './generic-page';
import { townAt } from './generator';
import { BENCH_APP_SECRET, invitationTokenOf, linkKeyOf } from './meetings';
import { GENERATED_PASSWORD } from './people';
import { runRsvp } from './rsvp';
import { loadWindow, recordingDatabase, runHttp, settle, type RecordedTx, type ScenarioResult } from './scenarios';
import { logIn } from './session';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    'rsvp-connections': { type: 'string', default: '200' },
    size: { type: 'string', default: 'metro' },
    pool: { type: 'string', default: '10' },
    label: { type: 'string', default: '' },
    /** Profile the app's own JavaScript during each scenario (bench/cpu-profile.ts): where a request's CPU goes. */
    profile: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/wsp_bench' },
  },
});
const [duration, connections, rsvpConnections, poolSize] = [values.duration, values.connections, values['rsvp-connections'], values.pool].map(Number) as [number, number, number, number];
const size = values.size;
if (!isSize(size)) throw new Error(`unknown size ${size}`);
const url = values['database-url'];
const loadAverage = os.loadavg();
const opened = await openBenchPostgres(url, poolSize, size, 42);
const recorder = recordingDatabase(opened.db);
const slug = townAt(0).slug;
const [municipality] = await opened.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM municipalities WHERE slug = $1', [slug]));
const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', TRUST_PROXY: 'loopback' });
const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db: recorder.db });
const { app } = await buildApp({ config, db: recorder.db, mailer, appSecret: BENCH_APP_SECRET, logger: false, workerAutostart: false, modules: [...modules, genericPageModule] });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ status: 'ok' }));
const scenarios: ScenarioResult[] = [];
const roundTrips: Record<string, RoundTrips> = {};
const explain: Record<string, string[]> = {};
const failures: string[] = [];
const interrupt = () => cancelQueries(url);
const profiles: Record<string, ProfileSummary & { busyMsPerRequest: number }> = {};
/** CPU ms a request in each scenario's measured window (the load client's logins left out): the app's process, the database's backends. */
const cpu: Record<string, { appMsPerRequest: number; dbMsPerRequest: number; appMs: number; dbMs: number; requests: number }> = {};
const resultsDir = path.join(import.meta.dirname, 'results');
const meter = await openCpuMeter(url);

/**
 * Runs a scenario and measures the CPU its requests cost between the load client's 'start' (after its
 * logins) and its exit; with --profile also where the app's share went (bench/cpu-profile.ts; the
 * .cpuprofile for DevTools goes to the system's temporary folder).
 */
async function measured<T extends { scenario: ScenarioResult }>(name: string, run: () => Promise<T>): Promise<T> {
  let opened: Promise<{ reading: CpuReading; stop?: () => Promise<CpuProfile> }> | undefined;
  let closed: Promise<{ reading: CpuReading; profile?: CpuProfile }> | undefined;
  const onStart = () => {
    opened = (async () => {
      const stop = values.profile ? await startProfiler() : undefined;
      return { reading: await meter.read(), stop };
    })();
  };
  const onEnd = () => {
    closed = (async () => {
      const o = await opened!;
      const reading = await meter.read();
      return { reading, profile: await o.stop?.() };
    })();
  };
  loadWindow.once('start', onStart);
  loadWindow.once('end', onEnd);
  try {
    const result = await run();
    if (!opened || !closed) throw new Error(`${name}: the load client never opened its window`);
    const [o, c] = [await opened, await closed];
    const requests = Math.max(1, result.scenario.requests + result.scenario.unfinished);
    const spent = cpuBetween(o.reading, c.reading);
    const per = (ms: number) => Math.round((ms / requests) * 100) / 100;
    cpu[name] = { ...spent, requests, appMsPerRequest: per(spent.appMs), dbMsPerRequest: per(spent.dbMs) };
    if (c.profile) {
      fs.writeFileSync(path.join(os.tmpdir(), `writes-${name}${values.label ? `-${values.label}` : ''}.cpuprofile`), JSON.stringify(c.profile));
      const summary = summarise(c.profile);
      profiles[name] = { ...summary, busyMsPerRequest: per(summary.totalMs - summary.idleMs) };
    }
    return result;
  } finally {
    loadWindow.off('start', onStart);
    loadWindow.off('end', onEnd);
  }
}

/** EXPLAIN ANALYZE of a recorded request's reads, in its RLS context as the app role; writes are planned only (never run twice). */
async function plans(txs: RecordedTx[]): Promise<string[]> {
  const out: string[] = [];
  for (const tx of txs) {
    for (const s of tx.statements) {
      if (/set_config/.test(s.text)) continue;
      const write = /^\s*(INSERT|UPDATE|DELETE)/i.test(s.text);
      const rows = await opened.db.tx(tx.ctx, (sql) => sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (${write ? 'COSTS OFF' : 'ANALYZE, BUFFERS, COSTS OFF'}) ${s.text}`, s.params));
      out.push(`${s.text.replace(/\s+/g, ' ').slice(0, 120)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  return out;
}

try {
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const load = { connections, duration };
  const target = { url: appUrl, municipalityId: municipality!.id, slug, ...load };

  // One request of each alone: its round trips and its statements' plans.
  const email = coordinatorEmail(slug, 0);
  const cookie = await logIn(appUrl, { email, password: GENERATED_PASSWORD, totpSecret: benchTotpSecret(email) }, '10.40.0.1');
  const get = (p: string) => fetch(`${appUrl}${p}`, { headers: { cookie, accept: 'application/json' } }).then(async (r) => {
    if (r.status !== 200) throw new Error(`GET ${p} answered ${r.status}`);
    return r.text();
  });
  const [invitation] = await opened.db.ownerTx((sql) => sql.query<{ id: string }>(
    `SELECT i.id FROM meeting_invitations i JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
     WHERE i.municipality_id = $1 AND m.status = 'planned' AND m.starts_at > now() + interval '1 day' ORDER BY i.id DESC LIMIT 1`, [municipality!.id]));
  const answer = () => fetch(`${appUrl}/api/${slug}/rsvp/${invitationTokenOf(linkKeyOf(BENCH_APP_SECRET), invitation!.id).token}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response: 'yes', people_count: '2', accessibility_needs: '' }),
  }).then((r) => { if (r.status !== 200) throw new Error(`rsvp answered ${r.status}`); });
  const probes: Record<string, () => Promise<unknown>> = {
    generic: () => get(`/api/${slug}/bench/profile`), cases: () => get(`/api/${slug}/cases`), rsvp: answer,
  };
  for (const [name, probe] of Object.entries(probes)) {
    await probe(); // warm: the municipality known, the session touched
    roundTrips[name] = await countRoundTrips(probe);
    explain[name] = await plans(await recorder.record(probe));
  }

  const http = async (name: string, description: string, u: string, paths: string[]) => {
    scenarios.push((await measured(name, async () => ({ scenario: await runHttp(name, description, { url: u, paths, ...load }) }))).scenario);
    await settle(recorder.inflight, interrupt);
  };
  await http('bare', 'a bare Fastify route returning small JSON (reference)', bareUrl, ['/bare']);
  const generic = await measured('generic', () => runGenericPage(opened.db, size as CaseworkSize, target));
  scenarios.push(generic.scenario);
  failures.push(...generic.failures);
  await settle(recorder.inflight, interrupt);
  const cases = await measured('cases', () => runCaseList(opened.db, size as CaseworkSize, target));
  scenarios.push(cases.scenario);
  failures.push(...cases.check.failures);
  await settle(recorder.inflight, interrupt);
  const rsvp = await measured('rsvp', () => runRsvp(opened.db, { url: appUrl, municipalityId: municipality!.id, slug, linkKey: linkKeyOf(BENCH_APP_SECRET), connections: rsvpConnections, duration, perConnection: 100, seed: 42 }));
  scenarios.push(rsvp.scenario);
  failures.push(...rsvp.check.failures);
  const bareRps = scenarios[0]!.rps;
  const report = {
    date: new Date().toISOString(), label: values.label, size, poolSize, connections, rsvpConnections, durationSeconds: duration,
    machine: { cpus: os.cpus().length, loadAverage },
    scenarios: scenarios.map((s) => ({ ...s, toBare: Math.round((s.rps / bareRps) * 1000) / 1000 })),
    roundTrips, rsvpCheck: rsvp.check, explain, failures, cpu, ...(values.profile ? { profiles } : {}),
  };
  const file = path.join(resultsDir, `writes-${report.date.slice(0, 16).replace(/:/g, '')}${values.label ? `-${values.label}` : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  for (const s of report.scenarios) {
    process.stdout.write(`${s.name.padEnd(8)} ${Math.round(s.rps).toString().padStart(6)} req/s  p50 ${s.p50} p99 ${s.p99} ms  ${s.toBare}× bare  non2xx ${s.non2xx} errors ${s.errors}\n`);
  }
  for (const [k, v] of Object.entries(roundTrips)) process.stdout.write(`round trips ${k}: ${v.count}\n`);
  for (const [k, c] of Object.entries(cpu)) process.stdout.write(`cpu ${k}: app ${c.appMsPerRequest} ms, database ${c.dbMsPerRequest} ms a request (${c.requests} requests)\n`);
  for (const [k, p] of Object.entries(profiles)) {
    process.stdout.write(`profile ${k}: ${p.busyMsPerRequest} ms of the app's CPU a request; ${p.byPlace.slice(0, 8).map((x) => `${x.place} ${Math.round(x.share * 100)}%`).join(', ')}\n`);
  }
  process.stdout.write(`failures: ${failures.join('; ') || 'none'}\nWritten: ${file}\n`);
} finally {
  await app.close();
  await bare.close();
  mailer.close();
  await meter.close();
  await opened.db.close();
}
