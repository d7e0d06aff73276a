/**
 * `node --import tsx bench/request-cpu.ts [--size town --connections 10 --duration 5 --repeat 3 --profile]`
 * What one request of the write path costs in CPU — the app's process and the database's backends —
 * rather than in wall time, which on a shared machine grows with everyone's load. The app runs in-process
 * on the benchmark's PostgreSQL (as bench/writes.ts); autocannon in a child process sends, in turn:
 * `bare` (a minimal Fastify instance's route in the same process: the reference), `healthz` (a bare route of the app: its global hooks, no session, no database), `generic` (session +
 * one query + audit entry), `cases` (a coordinator's first page), `rsvp` (an answer by token). Prints the
 * median over `repeat` rounds of CPU ms a request; with --profile, where the app's time went (cpu-profile.ts).
 */
import Fastify from 'fastify';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app';
import { modules } from '../src/modules';
import { loadConfig } from '../src/platform/config';
import { createMailer } from '../src/platform/mail/mailer';
import { isSize } from './catalogue';
import { benchTotpSecret, coordinatorEmail } from './centre';
import { startProfiler, summarise, type CpuProfile } from './cpu-profile';
import { cpuBetween, openCpuMeter } from './cpu-time';
import { openBenchPostgres } from './database';
import { genericPageModule } from './generic-page';
import { townAt } from './generator';
import type { LoadResult, LoadSpec } from './load-client';
import { BENCH_APP_SECRET, invitationTokenOf, linkKeyOf } from './meetings';
import { GENERATED_PASSWORD } from './people';
import { loadWindow, runClient } from './scenarios';
import { logIn } from './session';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'town' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    repeat: { type: 'string', default: '3' },
    only: { type: 'string', default: '' },
    profile: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/wsp_bench' },
  },
});
const size = values.size;
if (!isSize(size)) throw new Error(`unknown size ${size}`);
const url = values['database-url'];
const [connections, duration, repeat] = [values.connections, values.duration, values.repeat].map(Number) as [number, number, number];
const opened = await openBenchPostgres(url, 10, size, 42);
const db = opened.db;
const slug = townAt(0).slug;
const [municipality] = await db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM municipalities WHERE slug = $1', [slug]));
const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', TRUST_PROXY: 'loopback' });
const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db });
const { app } = await buildApp({ config, db, mailer, appSecret: BENCH_APP_SECRET, logger: false, workerAutostart: false, modules: [...modules, genericPageModule] });
const meter = await openCpuMeter(url);
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ status: 'ok' }));

try {
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const email = coordinatorEmail(slug, 0);
  const cookie = await logIn(appUrl, { email, password: GENERATED_PASSWORD, totpSecret: benchTotpSecret(email) }, '10.41.0.1');
  const invitations = await db.ownerTx((sql) => sql.query<{ id: string }>(
    `SELECT i.id FROM meeting_invitations i JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
     WHERE i.municipality_id = $1 AND m.status = 'planned' AND m.starts_at > now() + interval '1 day' ORDER BY i.id DESC LIMIT 200`, [municipality!.id]));
  const json = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };
  const scenarios: Record<string, LoadSpec['requests']> = {
    bare: [{ method: 'GET', path: '/bare' }],
    healthz: [{ method: 'GET', path: '/healthz' }],
    generic: [{ method: 'GET', path: `/api/${slug}/bench/profile`, headers: { ...json, cookie } }],
    cases: [{ method: 'GET', path: `/api/${slug}/cases`, headers: { ...json, cookie } }],
    rsvp: invitations.map((i, k) => ({
      method: 'POST' as const, path: `/api/${slug}/rsvp/${invitationTokenOf(linkKeyOf(BENCH_APP_SECRET), i.id).token}`,
      headers: { ...json, 'content-type': 'application/json' }, body: JSON.stringify({ response: k % 3 ? 'yes' : 'maybe', people_count: String(1 + (k % 4)), accessibility_needs: '' }),
    })),
  };
  // The app's own background CPU (timers, GC, the pool) when nothing is asked: ms a second.
  const idle0 = await meter.read();
  const idleStarted = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idle = cpuBetween(idle0, await meter.read()).appMs / ((performance.now() - idleStarted) / 1000);
  const names = values.only ? values.only.split(',') : Object.keys(scenarios);
  const results: Record<string, { app: number[]; db: number[]; rps: number[]; profile?: ReturnType<typeof summarise> }> = {};
  for (let round = 0; round < repeat; round++) {
    for (const name of names) {
      let start: Promise<{ reading: Awaited<ReturnType<typeof meter.read>>; stop?: () => Promise<CpuProfile> }> | undefined;
      let end: Promise<Awaited<ReturnType<typeof meter.read>>> | undefined;
      let stopProfile: Promise<CpuProfile | undefined> | undefined;
      const profiling = values.profile && round === repeat - 1;
      loadWindow.once('start', () => {
        start = (async () => ({ stop: profiling ? await startProfiler() : undefined, reading: await meter.read() }))();
      });
      loadWindow.once('end', () => {
        end = meter.read();
        stopProfile = start!.then((s) => s.stop?.());
      });
      const spec: LoadSpec = { url: name === 'bare' ? bareUrl : appUrl, paths: [], requests: scenarios[name], connections, duration };
      const { out } = await runClient<LoadResult>(name, spec, 'bench/load-client.ts');
      if (out.non2xx || out.errors) throw new Error(`${name}: ${out.non2xx} non-2xx, ${out.errors} errors`);
      const spent = cpuBetween((await start!).reading, await end!);
      const requests = out.requests + out.unfinished;
      const r = (results[name] ??= { app: [], db: [], rps: [] });
      r.app.push(spent.appMs / requests);
      r.db.push(spent.dbMs / requests);
      r.rps.push(out.rps);
      const profile = await stopProfile;
      if (profile) r.profile = summarise(profile, 30);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${connections} connections, ${duration} s × ${repeat}; the app idle: ${idle.toFixed(1)} CPU ms a second\n`);
  for (const [name, r] of Object.entries(results)) {
    process.stdout.write(`${name.padEnd(8)} app ${f(median(r.app))} ms  db ${f(median(r.db))} ms a request (app ${r.app.map(f).join(' ')})  ${Math.round(median(r.rps))} req/s\n`);
    if (r.profile) {
      const busy = r.profile.totalMs - r.profile.idleMs;
      process.stdout.write(`  places: ${r.profile.byPlace.slice(0, 14).map((p) => `${p.place} ${Math.round(p.share * 100)}%`).join(', ')}\n`);
      process.stdout.write(`  self:  ${r.profile.topSelf.slice(0, 22).map((p) => `${p.fn} ${Math.round((p.ms / busy) * 100)}%`).join('\n         ')}\n`);
      process.stdout.write(`  total: ${r.profile.topTotal.slice(0, 30).map((p) => `${p.fn} ${Math.round((p.ms / busy) * 100)}%`).join('\n         ')}\n`);
    }
  }
} finally {
  await app.close();
  await bare.close();
  mailer.close();
  await meter.close();
  await db.close();
}
