import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freePort } from '../../probe/server';

/** `npm run build`'s output runs on its own: the server from dist/ (no tsx), its migrations, static files and refusals. */
const ROOT = path.resolve(import.meta.dirname, '../..');
// Inside the installation (so the bundle finds package.json, migrations/ and node_modules above it), apart from dist/.
const OUT = path.join(ROOT, '.cache', `build-test-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-built-'));

before(async () => {
  const { build } = (await import(path.join(ROOT, 'scripts/build.mjs'))) as { build(outdir: string): Promise<number> };
  await build(OUT);
});
after(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|APP_SECRET|PUBLIC_URL|SMTP_URL|SEED_DEMO|DEV_MAILBOX|NODE_OPTIONS|NODE_TEST_CONTEXT|NODE_ENV)$/.test(k)));
  const child = spawn(process.execPath, [path.join(OUT, 'main.js')], { cwd: os.tmpdir(), env: { ...clean, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test('the built server starts from another folder, migrates, answers /readyz and serves static files', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const server = run({ NODE_ENV: 'development', SEED_DEMO: 'false', HOST: '127.0.0.1', PORT: String(port) });
  try {
    let ready = false;
    for (const started = Date.now(); !ready && Date.now() - started < 200_000;) {
      if (server.child.exitCode !== null) assert.fail(`exited ${server.child.exitCode}:\n${server.output()}`);
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(ready, `not ready:\n${server.output()}`);
    assert.match(server.output(), /migracje: 0001_/, 'the migrations were found beside the installation, not the working folder');
    const css = await fetch(`http://127.0.0.1:${port}/static/site.css`);
    assert.equal(css.status, 200);
    assert.ok((await css.text()).length > 100);
  } finally {
    server.child.kill('SIGTERM');
  }
  assert.equal(await server.exited, 0, server.output());
});

test('the built server refuses an unsafe production environment, naming every variable', { timeout: 60_000 }, async () => {
  const server = run({ NODE_ENV: 'production', SEED_DEMO: 'true', DEV_MAILBOX: 'true' });
  assert.equal(await server.exited, 1);
  for (const variable of ['APP_SECRET', 'PUBLIC_URL', 'SEED_DEMO', 'DEV_MAILBOX', 'SMTP_URL']) assert.match(server.output(), new RegExp(variable));
});
