import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIMIT_MS = 120_000;

export interface StartupResult {
  /** A fresh DATA_DIR: PGlite initdb, migrations, demo seed, until /readyz answers 200. */
  coldMs: number;
  /** The same DATA_DIR again. */
  warmMs: number;
  dataDirMb: number;
}

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

/** Starts the real server (`node --import tsx src/main.ts`) on the embedded database; time until ready. */
async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: 'ignore' });
  try {
    while (performance.now() - started < LIMIT_MS) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the server was not ready within ${LIMIT_MS / 1000} s`);
  } finally {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited(child);
    clearTimeout(killer);
  }
}

export async function measureStartup(): Promise<StartupResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsp-bench-start-'));
  try {
    process.stderr.write('  cold start (fresh DATA_DIR) …\n');
    const coldMs = await startOnce(dataDir);
    process.stderr.write('  warm start (same DATA_DIR) …\n');
    const warmMs = await startOnce(dataDir);
    return { coldMs: Math.round(coldMs), warmMs: Math.round(warmMs), dataDirMb: Math.round((dirBytes(dataDir) / 1048576) * 10) / 10 };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
