import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIMIT_MS = 300_000;

export interface StartupResult {
  /** `node -e ''`: what any Node process costs on this machine now (median of three). */
  referenceMs: number;
  /** The built release (`node dist/main.js`), PGlite in a fresh DATA_DIR: initdb, migrations, demo seed, until /readyz answers 200. */
  coldMs: number;
  /** The built release again on the same DATA_DIR. */
  warmMs: number;
  /** From source through tsx (`npm run dev`'s way, and `npm start`'s before the built release) on the same DATA_DIR. */
  sourceWarmMs: number;
  /** The built release on an empty PostgreSQL database (migrations, demo seed), then again; null without a server. */
  postgres: { coldMs: number; warmMs: number } | null;
  dataDirMb: number;
  /** CPU time the server process had used when /readyz first answered 200 (Linux; null elsewhere): what a start costs whatever the machine's load. */
  cpuMs: { cold: number | null; warm: number | null; sourceWarm: number | null; postgresWarm: number | null };
}

/** utime + stime of a running process in ms, from /proc (clock ticks of 10 ms, Linux's USER_HZ). */
function cpuOf(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const cpuOfLast: { ms: number | null } = { ms: null };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function dirBytes(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    const full = path.join(dir, e.name);
    return n + (e.isDirectory() ? dirBytes(full) : e.isFile() ? fs.statSync(full).size : 0);
  }, 0);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

const BUILT = ['dist/main.js'];
const SOURCE = ['--import', 'tsx', 'src/main.ts'];

/** Spawns the server (`args` after node) until /readyz answers 200; the milliseconds from spawn. */
async function startOnce(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'development', SEED_DEMO: 'true', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv, stdio: 'ignore' });
  try {
    while (performance.now() - started < LIMIT_MS) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) {
        cpuOfLast.ms = cpuOf(child.pid);
        return performance.now() - started;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the server was not ready within ${LIMIT_MS / 1000} s`);
  } finally {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited(child);
    clearTimeout(killer);
  }
}

async function reference(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await exited(spawn(process.execPath, ['-e', ''], { stdio: 'ignore' }));
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

async function onPostgres(url: string): Promise<{ coldMs: number; warmMs: number; warmCpuMs: number | null }> {
  const name = `wsp_bench_start_${process.pid}`;
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-bench-start-pg-'));
  try {
    const env = { DATABASE_URL: dbUrl.toString(), DATA_DIR: dataDir };
    process.stderr.write('  PostgreSQL: cold start (empty database) …\n');
    const coldMs = await startOnce(BUILT, env);
    process.stderr.write('  PostgreSQL: warm start …\n');
    const warmMs = await startOnce(BUILT, env);
    return { coldMs: Math.round(coldMs), warmMs: Math.round(warmMs), warmCpuMs: cpuOfLast.ms };
  } finally {
    await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Start times of the built release (built first when dist/ is stale), from source for comparison, and `node -e ''` as the reference. */
export async function measureStartup(postgresUrl?: string): Promise<StartupResult> {
  const { build, isStale } = (await import(path.join(ROOT, 'scripts/build.mjs'))) as { build(): Promise<number>; isStale(): boolean };
  if (isStale()) await build();
  const referenceMs = await reference();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-bench-start-'));
  try {
    process.stderr.write('  cold start (fresh DATA_DIR) …\n');
    const coldMs = await startOnce(BUILT, { DATA_DIR: dataDir });
    const cold = cpuOfLast.ms;
    process.stderr.write('  warm start (same DATA_DIR) …\n');
    const warmMs = await startOnce(BUILT, { DATA_DIR: dataDir });
    const warm = cpuOfLast.ms;
    process.stderr.write('  warm start from source (tsx) …\n');
    const sourceWarmMs = await startOnce(SOURCE, { DATA_DIR: dataDir });
    const sourceWarm = cpuOfLast.ms;
    const pgRun = postgresUrl ? await onPostgres(postgresUrl) : null;
    const postgres = pgRun && { coldMs: pgRun.coldMs, warmMs: pgRun.warmMs };
    return {
      cpuMs: { cold, warm, sourceWarm, postgresWarm: pgRun?.warmCpuMs ?? null },
      referenceMs: Math.round(referenceMs), coldMs: Math.round(coldMs), warmMs: Math.round(warmMs), sourceWarmMs: Math.round(sourceWarmMs), postgres,
      dataDirMb: Math.round((dirBytes(dataDir) / 1048576) * 10) / 10,
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  // `tsx bench/startup.ts [postgres://…]`: the start times alone.
  process.stdout.write(`${JSON.stringify(await measureStartup(process.argv[2]), null, 2)}\n`);
}
