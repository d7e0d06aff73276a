import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import type { Database } from '../src/platform/db/types';
import { nodeEntry } from '../test/support/compiled';
import { createDatabase, dropDatabase, fillPgliteFromTemplate } from '../test/support/engines';
import type { ProbeOptions } from './types';

/**
 * The real server (`node --import tsx src/main.ts`, as `npm start` runs it; under `npm test` its compiled
 * file, test/support/compiled.ts) as a child process, on its own data: a fresh DATA_DIR in the system
 * temp folder (PGlite) or a fresh PostgreSQL database.
 * It can be started again on the same data after SIGKILL or SIGTERM.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 60_000;
const OUTPUT_KEPT = 64 * 1024;

/** Settings the child must not inherit from the probe's environment. */
const NOT_INHERITED = new Set([
  'DATABASE_URL', 'TEST_DATABASE_URL', 'WSP_PGLITE_TEMPLATE', 'PUBLIC_URL', 'APP_SECRET', 'SMTP_URL', 'SEED_DEMO', 'PORT', 'HOST',
  'DATA_DIR', 'LOG_LEVEL', 'NODE_ENV', 'TRUST_PROXY', 'DATABASE_POOL_SIZE', 'NODE_OPTIONS', 'NODE_TEST_CONTEXT', 'DEV_MAILBOX',
  'MIGRATION_DATABASE_URL',
]);

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LaunchedServer {
  pid: number;
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  exited: Promise<Exit>;
  /** Waits until /readyz answers 200 and returns the milliseconds since spawn; fails if the process exits first. */
  ready(): Promise<number>;
  /** The last 64 KiB of what the process printed. */
  output(): string;
  /** SIGKILL: no chance to flush, close or release anything. */
  kill(): Promise<Exit>;
  /** SIGTERM: the clean shutdown; fails if the process is not gone within `limitMs`. */
  stop(limitMs?: number): Promise<Exit>;
}

export interface RunningServer extends LaunchedServer {
  /** Milliseconds from spawn until /readyz answered 200. */
  readyMs: number;
}

export interface ServerHome {
  engine: ProbeOptions['engine'];
  dataDir: string;
  port: number;
  /** Spawns the server on this data (without waiting for it); `env` adds settings to this start (another PORT: a second instance). */
  launch(env?: Record<string, string>): LaunchedServer;
  /** Spawns the server on this data and waits until /readyz answers 200. */
  start(): Promise<RunningServer>;
  /** PGlite's lock file (holds the pid of the process that has the database open). */
  lockFile: string;
  /** A direct connection to the database, as the table owner sees it (PGlite only while no server runs). */
  open(): Promise<Database>;
  /** Kills a server still running and removes the data (folder and database). */
  cleanup(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Fresh data for one probe. `env` adds settings (e.g. LOG_LEVEL) to every start. */
export async function createServerHome(opts: Pick<ProbeOptions, 'engine' | 'databaseUrl'>, env: Record<string, string> = {}): Promise<ServerHome> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-probe-'));
  const port = await freePort();
  const dbName = `wsp_probe_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (opts.engine === 'postgres') {
    if (!opts.databaseUrl) throw new Error('PostgreSQL needs a database URL');
    // Under `npm test`, a copy of the migrated template (WSP_POSTGRES_TEMPLATE): the server's migrator only checks.
    databaseUrl = await createDatabase(opts.databaseUrl, dbName, process.env.WSP_POSTGRES_TEMPLATE);
  }
  const appSecret = crypto.randomBytes(32).toString('hex');
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDir);
  let current: ChildProcess | undefined;

  const launch = (launchEnv: Record<string, string> = {}): LaunchedServer => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.has(k)));
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, nodeEntry('src/main.ts'), {
      cwd: ROOT,
      env: {
        ...inherited,
        // The demo municipality's accounts log the probes in; production refuses to start with them
        // (their password is published), so the server runs as a trial installation does.
        NODE_ENV: 'development',
        SEED_DEMO: 'true',
        APP_SECRET: appSecret,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        ...env,
        ...launchEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    current = child;
    // Should the probe itself end abruptly (a test's time limit), the server must not outlive it.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.off('exit', orphan));
    let out = '';
    const keep = (d: Buffer) => {
      out += d.toString();
      if (out.length > 2 * OUTPUT_KEPT) out = out.slice(-OUTPUT_KEPT);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const exited = new Promise<Exit>((resolve) => {
      child.on('exit', (code, signal) => resolve({ code, signal }));
      child.on('error', (err) => {
        keep(Buffer.from(`spawn failed: ${err.message}\n`));
        resolve({ code: -1, signal: null });
      });
    });
    const output = () => out.slice(-OUTPUT_KEPT);
    const base = `http://127.0.0.1:${launchEnv.PORT ?? env.PORT ?? port}`;
    const signal = async (sig: NodeJS.Signals, limitMs: number): Promise<Exit> => {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the server did not exit within ${limitMs} ms of ${sig}:\n${output()}`)), limitMs);
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    };
    return {
      pid: child.pid!,
      base,
      exited,
      output,
      ready: () => waitReady(base, exited, spawnedAt, output),
      kill: () => signal('SIGKILL', 10_000),
      stop: (limitMs = 20_000) => signal('SIGTERM', limitMs),
    };
  };

  const start = async (): Promise<RunningServer> => {
    // Under `npm test`, a PGlite server's folder starts as a copy of the migrated template (before
    // the first start, outside its time to ready): it then seeds the demo without initdb and migrations.
    if (opts.engine === 'pglite' && !fs.existsSync(path.join(dataDir, 'pgdata'))) await fillPgliteFromTemplate(path.join(dataDir, 'pgdata'));
    const server = launch();
    try {
      return { ...server, readyMs: await server.ready() };
    } catch (err) {
      await server.kill();
      throw err;
    }
  };

  return {
    engine: opts.engine,
    dataDir,
    port,
    lockFile: path.join(dataDir, 'pgdata', 'wspolnota.lock'),
    launch,
    start,
    open: async () => (databaseUrl ? openPostgres(databaseUrl, 2) : openPglite({ dataDir: path.join(dataDir, 'pgdata') })),
    async cleanup() {
      if (current && current.exitCode === null && current.signalCode === null) {
        const gone = new Promise((resolve) => current!.once('exit', resolve));
        current.kill('SIGKILL');
        await gone;
      }
      if (databaseUrl) await dropDatabase(opts.databaseUrl!, dbName);
      removeDir();
      process.off('exit', removeDir);
    },
  };
}

async function waitReady(base: string, exited: Promise<Exit>, spawnedAt: number, output: () => string): Promise<number> {
  let exit: Exit | undefined;
  void exited.then((e) => (exit = e));
  while (performance.now() - spawnedAt < READY_TIMEOUT_MS) {
    if (exit) throw new Error(`the server exited (code ${exit.code}, signal ${exit.signal}) before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return Math.round(performance.now() - spawnedAt);
      await res.arrayBuffer();
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}
