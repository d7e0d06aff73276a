import fs from 'node:fs';
import { after, before, describe } from 'node:test';
import { buildApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/platform/config';
import type { Database, Engine } from '../../src/platform/db/types';
import type { AppModule } from '../../src/platform/module';
import { createMailer, type Mailer } from '../../src/platform/mail/mailer';
import { TestClient } from './client';
import { sourceFile } from './compiled';
import { openTestDb, testEngines, type OpenedDb } from './engines';
import { TEST_APP_SECRET } from './factories';

export interface Harness {
  engine: Engine;
  db: Database;
  app: App['app'];
  worker: App['worker'];
  scheduler: App['scheduler'];
  routes: App['routes'];
  config: Config;
  mailer: Mailer;
  client(): TestClient;
}

export interface HarnessOptions {
  /** Extra environment for loadConfig, e.g. SMTP_URL. */
  env?: Record<string, string>;
  /** The modules the app runs (every module of the app by default). */
  modules?: readonly AppModule[];
}

/**
 * Runs `fn` once per engine (PGlite, and PostgreSQL when TEST_DATABASE_URL is set) against the real
 * app on a fresh database of its own. The job worker does not poll: tests call `worker.drain()`.
 */
export function describeEachEngine(name: string, fn: (h: Harness) => void, opts: HarnessOptions | (() => HarnessOptions) = {}): void {
  describeOn(testEngines(), name, fn, opts);
}

/**
 * Browser tests judge the pages (axe-core, the keyboard, reflow), which no engine changes: they run
 * once, on PostgreSQL when TEST_DATABASE_URL is set and on PGlite otherwise. What the pages read and
 * write is tested on both engines by the module tests (ADR 0006).
 */
export function describeInBrowser(name: string, fn: (h: Harness) => void, opts: HarnessOptions | (() => HarnessOptions) = {}): void {
  describeOn(testEngines().slice(-1), name, fn, opts);
}

function describeOn(engines: Engine[], name: string, fn: (h: Harness) => void, opts: HarnessOptions | (() => HarnessOptions)): void {
  for (const engine of engines) {
    describe(`${name} [${engine}]`, () => {
      const h = { engine } as Harness;
      let opened: OpenedDb | undefined;
      let started = 0;
      before(async () => {
        started = performance.now();
        const o = typeof opts === 'function' ? opts() : opts;
        opened = await openTestDb(engine);
        h.db = opened.db;
        h.config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', ...o.env });
        h.mailer = createMailer({ smtpUrl: h.config.smtpUrl, from: h.config.mailFrom, db: h.db });
        const built = await buildApp({ config: h.config, db: h.db, mailer: h.mailer, appSecret: TEST_APP_SECRET, workerAutostart: false, modules: o.modules });
        h.app = built.app;
        h.worker = built.worker;
        h.scheduler = built.scheduler;
        h.routes = built.routes;
        h.client = () => new TestClient(built.app);
      });
      after(async () => {
        await h.app?.close();
        h.mailer?.close();
        await opened?.close();
        recordSuiteTime(engine, performance.now() - started);
      });
      fn(h);
    });
  }
}

/** One line per suite for `npm test`'s timing table (scripts/test.ts): which file spent how long on which engine. */
function recordSuiteTime(engine: Engine, ms: number): void {
  const log = process.env.WSP_TEST_TIMINGS;
  if (!log || !process.argv[1]) return;
  // The source's path (test/x.test.ts) also when npm test runs the compiled file (.cache/test-js/test/x.test.js).
  const file = sourceFile(process.argv[1]);
  fs.appendFileSync(log, `${JSON.stringify({ file, engine, ms: Math.round(ms) })}\n`);
}

/** A second app on the harness's database that logs everything (trace level) into `lines`: for what the request log holds. Close it. */
export async function appLoggingAt(h: Harness): Promise<{ built: App; lines: string[] }> {
  const lines: string[] = [];
  const built = await buildApp({
    config: h.config,
    db: h.db,
    mailer: h.mailer,
    appSecret: TEST_APP_SECRET,
    workerAutostart: false,
    logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
  });
  return { built, lines };
}

/** Mail that landed in the development mailbox (no SMTP configured), newest first. */
export async function devMail(db: Database, to: string): Promise<{ subject: string; body_text: string }[]> {
  return db.tx({ municipalityId: null, userId: null }, (sql) =>
    sql.query('SELECT subject, body_text FROM dev_mailbox WHERE to_address = $1 ORDER BY id DESC', [to]),
  );
}

export function linkIn(text: string): string {
  const m = /https?:\/\/[^\s]+/.exec(text);
  if (!m) throw new Error(`no link in: ${text}`);
  return new URL(m[0]).pathname;
}
