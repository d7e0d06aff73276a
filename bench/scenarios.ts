import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { verifyPassword } from '../src/platform/auth/passwords';
import type { Database, DbContext, QueryOptions, Sql, TxOptions } from '../src/platform/db/types';
import type { LoadResult, LoadSpec } from './load-client';
import type { LoginSpec } from './login-client';
import { LOAD_START, latencySummary, sampleRss, type LatencySummary } from './stats';

/** 'start' when a load client's measured window opens, 'end' when the client has exited (bench/writes.ts profiles in between). */
export const loadWindow = new EventEmitter();

const ROOT = path.resolve(import.meta.dirname, '..');

export interface ScenarioResult extends LatencySummary {
  name: string;
  description: string;
  rps: number;
  requests: number;
  /** Started but not finished when the measured window closed. */
  unfinished: number;
  errors: number;
  non2xx: number;
  rssPeakMb: number;
  rssMeanMb: number;
}

/**
 * Runs a load generator (`client`, a script printing one JSON object) in a child process with `spec` on
 * its standard input, while sampling this (the server's) RSS; returns what it printed.
 */
export async function runClient<T>(name: string, spec: { connections: number; duration: number }, client: string): Promise<{ out: T; rss: { peakMb: number; meanMb: number } }> {
  process.stderr.write(`  ${name}: ${spec.connections} connections, ${spec.duration} s …\n`);
  const stop = sampleRss();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, client)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(JSON.stringify(spec));
    // Decoded as UTF-8 streams, not chunk by chunk: a chunk may end inside a character ("ł" split in two
    // made the RSVP check see an answer it never sent).
    child.stderr.setEncoding('utf8');
    child.stdout.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (text.includes(LOAD_START)) loadWindow.emit('start');
      process.stderr.write(text.replace(`${LOAD_START}\n`, ''));
    });
    let text = '';
    child.stdout.on('data', (d: string) => (text += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), (spec.duration + 300) * 1000); // logins first: slow on a loaded machine
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      loadWindow.emit('end');
      if (code === 0) resolve(text);
      else reject(new Error(`load client for ${name} exited with ${code}`));
    });
  });
  return { out: JSON.parse(out) as T, rss: stop() };
}

/** A load generator's figures as a scenario's result. */
export function scenarioOf(name: string, description: string, r: LoadResult, rss: { peakMb: number; meanMb: number }): ScenarioResult {
  return {
    name, description, rps: r.rps, requests: r.requests, unfinished: r.unfinished, errors: r.errors + r.timeouts, non2xx: r.non2xx,
    p50: r.p50, p95: r.p95, p99: r.p99, mean: r.mean, rssPeakMb: rss.peakMb, rssMeanMb: rss.meanMb,
  };
}

/**
 * Drives the server with a load generator in a child process — autocannon on `paths` (load-client.ts),
 * or logins (login-client.ts) — while sampling this (the server's) RSS.
 */
export async function runHttp(name: string, description: string, spec: LoadSpec | LoginSpec, client = 'bench/load-client.ts'): Promise<ScenarioResult> {
  const { out, rss } = await runClient<LoadResult>(name, spec, client);
  return scenarioOf(name, description, out, rss);
}

/**
 * After a scenario the server may still be working on requests whose clients have gone (a slow page
 * under load): cancel their queries and wait (at most `limitMs`) until no transaction is open, so that
 * the next scenario starts on an idle server.
 */
export async function settle(inflight: () => number, interrupt: () => Promise<void>, limitMs = 120_000): Promise<void> {
  const started = performance.now();
  while (inflight() > 0 && performance.now() - started < limitMs) {
    await interrupt();
    await new Promise((r) => setTimeout(r, 100));
  }
  if (inflight() > 0) process.stderr.write(`  warning: ${inflight()} transactions still open after ${limitMs / 1000} s\n`);
}

/** One database transaction as the app ran it: its RLS context and its statements. */
export interface RecordedTx {
  ctx: DbContext;
  statements: { text: string; params: readonly unknown[] }[];
}

/**
 * Wraps a database so that, while `recording` is on, every transaction the app opens is captured with
 * its statements (and still run). The benchmark records what one search page asks of the database.
 */
export function recordingDatabase(db: Database): { db: Database; inflight(): number; record<T>(fn: () => Promise<T>): Promise<RecordedTx[]> } {
  let log: RecordedTx[] | null = null;
  let inflight = 0;
  const counted = <T>(p: Promise<T>) => {
    inflight++;
    return p.finally(() => inflight--);
  };
  const wrapped: Database = {
    engine: db.engine,
    ownerTx: (fn) => db.ownerTx(fn),
    close: () => db.close(),
    tx: (ctx, fn, options) => counted(recorded(ctx, fn, options)),
  };
  function recorded<T>(ctx: DbContext, fn: (sql: Sql) => Promise<T>, options?: TxOptions): Promise<T> {
    if (!log) return db.tx(ctx, fn, options);
    const entry: RecordedTx = { ctx, statements: [] };
    log.push(entry);
    return db.tx(ctx, (sql) =>
      fn({
        query: <R extends object>(text: string, params?: readonly unknown[], queryOptions?: QueryOptions) => {
          entry.statements.push({ text, params: params ?? [] });
          return sql.query<R>(text, params, queryOptions);
        },
        ...(sql.atCommit ? {
          atCommit: (text: string, params: readonly unknown[]) => {
            entry.statements.push({ text, params });
            sql.atCommit!(text, params);
          },
        } : {}),
      }),
    options);
  }
  return {
    db: wrapped,
    inflight: () => inflight,
    async record(fn) {
      log = [];
      try {
        await fn();
        return log;
      } finally {
        log = null;
      }
    },
  };
}

/**
 * The search without HTTP: `workers` concurrent loops replay the recorded transactions of search
 * pages (same statements, same parameters, same RLS context) through the database pool for `seconds`
 * (after a one-second warm-up). Only what completes in time counts; then `interrupt` cancels the rest.
 */
export async function runRawSql(
  db: Database, pages: RecordedTx[][], workers: number, seconds: number, interrupt: () => Promise<void>,
): Promise<ScenarioResult> {
  process.stderr.write(`  raw SQL: ${workers} workers, ${seconds} s …\n`);
  const replay = async (page: RecordedTx[]) => {
    for (const tx of page) {
      await db.tx(tx.ctx, async (sql) => {
        for (const s of tx.statements) await sql.query(s.text, s.params);
      });
    }
  };
  const times: number[] = [];
  let errors = 0;
  let begun = 0;
  let measuring = false;
  let until = performance.now() + 1000;
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < until; i++) {
      const t0 = performance.now();
      const counts = measuring;
      if (counts) begun++;
      try {
        await replay(pages[i % pages.length]!);
        if (counts && performance.now() <= until) times.push(performance.now() - t0);
      } catch {
        if (counts && performance.now() <= until) errors++;
      }
    }
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  const bounded = async () => {
    let finished = false;
    const done = Promise.all(Array.from({ length: workers }, (_, w) => loop(w))).then(() => (finished = true));
    await sleep(until - performance.now());
    while (!finished) {
      await interrupt();
      await Promise.race([done, sleep(200)]);
    }
  };
  await bounded();
  measuring = true;
  until = performance.now() + seconds * 1000;
  const stop = sampleRss();
  const started = performance.now();
  await bounded();
  const rss = stop();
  const statements = pages[0]!.reduce((n, tx) => n + tx.statements.length, 0);
  return {
    name: 'raw-sql',
    description: `the search page's database work replayed directly (${pages[0]!.length} transactions, ${statements} statements per page)`,
    rps: times.length / ((until - started) / 1000), requests: times.length, unfinished: begun - times.length - errors, errors, non2xx: 0, ...latencySummary(times),
    rssPeakMb: rss.peakMb, rssMeanMb: rss.meanMb,
  };
}

/** The reference for logins: `workers` concurrent loops verifying the password against its argon2id hash, nothing else. */
export async function runArgon2(hash: string, password: string, workers: number, seconds: number): Promise<ScenarioResult> {
  process.stderr.write(`  argon2id verify: ${workers} workers, ${seconds} s …\n`);
  const times: number[] = [];
  let errors = 0;
  const stop = sampleRss();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await verifyPassword(hash, password);
        if (performance.now() > until) break;
        if (ok) times.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const rss = stop();
  return {
    name: 'argon2id', description: 'password verification alone (argon2id, the login\'s reference)',
    rps: times.length / ((performance.now() - started) / 1000), requests: times.length, unfinished: 0, errors, non2xx: 0,
    ...latencySummary(times), rssPeakMb: rss.peakMb, rssMeanMb: rss.meanMb,
  };
}
