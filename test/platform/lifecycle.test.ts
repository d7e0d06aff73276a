import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { nodeEntry } from '../support/compiled';
import { createDatabase, dropDatabase } from '../support/engines';

/**
 * The real `npm start` entry (src/main.ts) as a child process: cold and warm starts, the PGlite
 * lock, and a clean SIGTERM that lets in-flight requests finish.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const READY_TIMEOUT_MS = 30_000;
const SHUTDOWN_LIMIT_MS = 15_000;

/** Settings the child must not inherit from the test run (or the developer's shell). */
const NOT_INHERITED = new Set(['DATABASE_URL', 'TEST_DATABASE_URL', 'WSP_PGLITE_TEMPLATE', 'PUBLIC_URL', 'APP_SECRET', 'SMTP_URL', 'SEED_DEMO', 'DEV_MAILBOX', 'PORT', 'HOST', 'DATA_DIR', 'LOG_LEVEL', 'NODE_ENV']);

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

interface Server {
  child: ChildProcess;
  base: string;
  spawnedAt: number;
  exited: Promise<Exit>;
  output(): string;
}

const children: ChildProcess[] = [];
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-lifecycle-'));
  tempDirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function spawnServer(env: { DATA_DIR: string } & Record<string, string | undefined>): Promise<Server> {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.has(k)));
  const spawnedAt = performance.now();
  // As `npm start` does (package.json): the demo's env file asks for the development mailbox.
  const child = spawn(process.execPath, ['--env-file=scripts/demo.env', ...nodeEntry('src/main.ts')], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  return { child, base: `http://127.0.0.1:${port}`, spawnedAt, exited, output: () => out };
}

/** Polls /readyz until it answers 200; returns the milliseconds from spawn. */
async function waitReady(server: Server): Promise<number> {
  let exit: Exit | undefined;
  void server.exited.then((e) => (exit = e));
  const deadline = server.spawnedAt + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (exit) assert.fail(`server exited (code ${exit.code}) before it was ready:\n${server.output()}`);
    try {
      const res = await fetch(`${server.base}/readyz`);
      if (res.status === 200) return Math.round(performance.now() - server.spawnedAt);
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`not ready within ${READY_TIMEOUT_MS} ms:\n${server.output()}`);
}

async function startServer(env: { DATA_DIR: string; DATABASE_URL?: string }): Promise<{ server: Server; ms: number }> {
  const server = await spawnServer(env);
  return { server, ms: await waitReady(server) };
}

/** Resolves with the exit, or fails after `ms`. */
async function exitWithin(server: Server, ms: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`process did not exit within ${ms} ms:\n${server.output()}`)), ms);
  });
  try {
    return await Promise.race([server.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A browser's session for forms: the CSRF cookie and the token from GET /register. */
async function formSession(base: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/register`);
  assert.equal(res.status, 200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1];
  assert.ok(cookie && token, 'the register page sets a CSRF cookie and token');
  return { cookie, token };
}

const registerBody = (token: string, email: string) =>
  new URLSearchParams({ _csrf: token, display_name: 'Jan Procesowy', email, password: 'Szeroki-Most-Nad-Pilica-31', password_confirm: 'Szeroki-Most-Nad-Pilica-31' }).toString();

async function waitForMail(base: string, email: string, ms = 10_000): Promise<string> {
  const deadline = performance.now() + ms;
  let body = '';
  while (performance.now() < deadline) {
    body = await (await fetch(`${base}/dev/mail`)).text();
    if (body.includes(email)) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`no mail to ${email} in /dev/mail:\n${body.slice(0, 2000)}`);
}

/**
 * A request still in flight when SIGTERM lands: the headers and half of the body go out, the
 * signal is sent, and only then the rest of the body (over a keep-alive connection, as browsers do).
 */
async function slowPost(
  base: string,
  agent: http.Agent,
  url: string,
  cookie: string,
  body: string,
  duringRequest: () => Promise<void>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${url}`, {
      method: 'POST',
      agent,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    duringRequest().then(() => req.end(body.slice(half)), reject);
  });
}

/** SIGTERM with a slow POST and a GET / in flight: both complete, the process exits 0 in time. */
async function stopWhileBusy(server: Server, form: { cookie: string; token: string }): Promise<number> {
  const email = `w-locie-${crypto.randomBytes(3).toString('hex')}@example.pl`;
  let home: Promise<Response> | undefined;
  let signalledAt = 0;
  // The client keeps its connection open after the answer, as browsers do: the server must not wait for it.
  const agent = new http.Agent({ keepAlive: true });
  const slow = slowPost(server.base, agent, '/register', form.cookie, registerBody(form.token, email), async () => {
    await new Promise((r) => setTimeout(r, 150)); // the server has the headers and half the body
    home = fetch(`${server.base}/`);
    await new Promise((r) => setImmediate(r)); // the GET is on its way
    signalledAt = performance.now();
    assert.ok(server.child.kill('SIGTERM'));
    await new Promise((r) => setTimeout(r, 300)); // the server is closing; the body is still arriving
  });
  const [posted, homeRes] = await Promise.all([slow, slow.then(() => home!)]);
  assert.equal(posted.status, 200, `the in-flight POST completes:\n${posted.body.slice(0, 500)}`);
  assert.match(posted.body, /Sprawdź skrzynkę e-mail/);
  assert.equal(homeRes.status, 200, 'the GET sent just before SIGTERM completes');
  assert.match(await homeRes.text(), /<html lang="pl">/);
  try {
    const exit = await exitWithin(server, SHUTDOWN_LIMIT_MS);
    assert.equal(exit.code, 0, `clean exit after SIGTERM:\n${server.output()}`);
    return Math.round(exit.at - signalledAt);
  } finally {
    agent.destroy();
  }
}

after(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('process lifecycle: npm start on PGlite', () => {
  const dataDir = tempDir();
  const lockFile = path.join(dataDir, 'pgdata', 'wspolnota.lock');
  const email = `trwala-${crypto.randomBytes(3).toString('hex')}@example.pl`;
  let first: Server;
  let form: { cookie: string; token: string };

  test('cold start creates, migrates and seeds the database', async () => {
    const { server, ms } = await startServer({ DATA_DIR: dataDir });
    first = server;
    console.log(`cold start (PGlite: create + migrate + seed): ${ms} ms`);
    assert.ok(fs.existsSync(lockFile), 'the running server holds the lock');
    assert.equal((await fetch(`${server.base}/zyrardow`)).status, 200);
    form = await formSession(server.base);
    const res = await fetch(`${server.base}/register`, {
      method: 'POST',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: registerBody(form.token, email),
    });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Sprawdź skrzynkę e-mail/);
    await waitForMail(server.base, email);
  });

  test('a second process on the same DATA_DIR fails fast with a clear message', async () => {
    const second = await spawnServer({ DATA_DIR: dataDir });
    const exit = await exitWithin(second, 15_000);
    const took = Math.round(exit.at - second.spawnedAt);
    assert.notEqual(exit.code, 0);
    assert.match(second.output(), /jest już otwarta przez proces \d+/);
    assert.match(second.output(), new RegExp(`${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(took < 10_000, `refused in ${took} ms`);
    // The first server is untouched and still holds its lock.
    assert.equal((await fetch(`${first.base}/readyz`)).status, 200);
    assert.equal(fs.readFileSync(lockFile, 'utf8'), String(first.child.pid));
  });

  test('SIGTERM lets in-flight requests finish, exits 0 and releases the lock', async () => {
    const ms = await stopWhileBusy(first, form);
    console.log(`shutdown after SIGTERM (PGlite): ${ms} ms`);
    assert.ok(!fs.existsSync(lockFile), 'wspolnota.lock is removed on exit');
  });

  test('warm start reuses the data', async () => {
    const { server, ms } = await startServer({ DATA_DIR: dataDir });
    console.log(`warm start (PGlite, existing data): ${ms} ms`);
    const page = await fetch(`${server.base}/zyrardow`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Centrum Usług Społecznych w Żyrardowie/);
    // What the first run stored is still there: the mail and its working confirmation link.
    const mailbox = await waitForMail(server.base, email, 2_000);
    const link = new RegExp(`Do: ${email.replace(/[.]/g, '\\.')}[\\s\\S]*?href="https?://[^/"]+(/confirm/[^"]+)"`).exec(mailbox)?.[1];
    assert.ok(link, 'the confirmation link is in the mail');
    assert.equal((await fetch(`${server.base}${link}`)).status, 200);
    // The demo was seeded once only.
    const home = await (await fetch(`${server.base}/`)).text();
    assert.equal(home.match(/href="\/zyrardow"/g)?.length, 1);
    server.child.kill('SIGTERM');
    assert.equal((await exitWithin(server, SHUTDOWN_LIMIT_MS)).code, 0);
    assert.ok(!fs.existsSync(lockFile));
  });

  test('review 1 #16d: production refuses to start while demo accounts keep the published password', async () => {
    // Every other production setting is right, so the demo passwords are what it refuses.
    const prod = await spawnServer({
      DATA_DIR: dataDir, NODE_ENV: 'production', APP_SECRET: crypto.randomBytes(24).toString('hex'),
      PUBLIC_URL: 'https://cus.zyrardow.example', DEV_MAILBOX: 'false', MAIL_DISABLED: 'true',
    });
    const exit = await exitWithin(prod, READY_TIMEOUT_MS);
    assert.notEqual(exit.code, 0, prod.output());
    assert.match(prod.output(), /Odmowa startu \(NODE_ENV=production\)/);
    assert.match(prod.output(), /administrator@zyrardow\.example/);
    assert.match(prod.output(), /npm run cli -- demo lock/);
    assert.ok(!fs.existsSync(lockFile), 'the database is closed and its lock released');
  });
});

describe('process lifecycle: npm start on PostgreSQL (DATABASE_URL)', { skip: !process.env.TEST_DATABASE_URL && 'set TEST_DATABASE_URL' }, () => {
  const url = process.env.TEST_DATABASE_URL ?? '';
  const name = `wsp_lifecycle_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;

  after(() => dropDatabase(url, name));

  test('start, serve, SIGTERM with requests in flight, start again', async () => {
    const env = { DATA_DIR: tempDir(), DATABASE_URL: await createDatabase(url, name) };

    const cold = await startServer(env);
    console.log(`cold start (PostgreSQL: migrate + seed): ${cold.ms} ms`);
    assert.equal((await fetch(`${cold.server.base}/zyrardow`)).status, 200);
    assert.ok(!fs.existsSync(path.join(env.DATA_DIR, 'pgdata')), 'no PGlite folder when DATABASE_URL is set');
    const ms = await stopWhileBusy(cold.server, await formSession(cold.server.base));
    console.log(`shutdown after SIGTERM (PostgreSQL): ${ms} ms`);

    const warm = await startServer(env);
    console.log(`warm start (PostgreSQL): ${warm.ms} ms`);
    assert.equal((await fetch(`${warm.server.base}/zyrardow`)).status, 200);
    warm.server.child.kill('SIGTERM');
    assert.equal((await exitWithin(warm.server, SHUTDOWN_LIMIT_MS)).code, 0);
  });
});
