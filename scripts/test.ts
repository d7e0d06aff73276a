/**
 * `npm test [--timings] [path fragments…]`: prepares each engine's migrated template once — a dump
 * of a PGlite data directory that every test file loads, and with TEST_DATABASE_URL a PostgreSQL
 * database that every test file's database is created from — then runs every *.test.ts(x) with
 * node's test runner, TEST_CONCURRENCY files at a time (default: the number of cores). Fragments
 * narrow the run to files whose path contains them. Every run writes test-results/timings.json
 * (each file's time, and its suites' time per engine); `--timings` also prints it. See docs/testing.md.
 *
 * `npm test` starts this file compiled (scripts/test.mjs) with `WSP_COMPILED` set: the test files run
 * from their compiled copies in .cache/test-js, without tsx (ADR 0037). Started through tsx
 * (`npx tsx scripts/test.ts …`), it runs them from source with `--import tsx`, as before.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pgliteTemplate, postgresTemplate } from './test-templates';

const root = path.resolve(import.meta.dirname, '..');

/** One row of test-results/timings.json: a file's wall time and, of it, its suites' time on each engine. */
interface FileTiming {
  file: string;
  ms: number;
  pglite: number;
  postgres: number;
  failed: boolean;
}

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : findTests(full);
    return /\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function concurrency(): number {
  const asked = Number(process.env.TEST_CONCURRENCY);
  return Number.isInteger(asked) && asked > 0 ? asked : os.availableParallelism();
}

function jsonLines<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

/** Joins the reporter's line per file (scripts/test-timings.mjs) with the harness's line per suite; slowest first. */
function readTimings(filesLog: string, suitesLog: string): FileTiming[] {
  const rows = new Map<string, FileTiming>();
  for (const f of jsonLines<{ file: string; ms: number; failed: boolean }>(filesLog)) rows.set(f.file, { ...f, pglite: 0, postgres: 0 });
  for (const s of jsonLines<{ file: string; engine: 'pglite' | 'postgres'; ms: number }>(suitesLog)) {
    const row = rows.get(s.file);
    if (row) row[s.engine] += s.ms;
  }
  return [...rows.values()].sort((a, b) => b.ms - a.ms);
}

/** test/modules/cases-write.test.ts → test/modules; src/… → src. */
function areaOf(file: string): string {
  const parts = file.split(path.sep);
  return parts[0] === 'test' ? parts.slice(0, 2).join('/') : parts[0]!;
}

function line(t: { ms: number; pglite: number; postgres: number }, label: string): string {
  const s = (ms: number, width: number) => (ms / 1000).toFixed(1).padStart(width);
  return `  ${s(t.ms, 7)}${s(t.pglite, 8)}${s(t.postgres, 10)}  ${label}`;
}

function printTimings(rows: FileTiming[], wallMs: number, filesAtOnce: number): void {
  const byArea = new Map<string, { ms: number; pglite: number; postgres: number; files: number }>();
  for (const r of rows) {
    const area = byArea.get(areaOf(r.file)) ?? { ms: 0, pglite: 0, postgres: 0, files: 0 };
    area.ms += r.ms;
    area.pglite += r.pglite;
    area.postgres += r.postgres;
    area.files += 1;
    byArea.set(areaOf(r.file), area);
  }
  const header = `  ${'file'.padStart(7)}${'pglite'.padStart(8)}${'postgres'.padStart(10)}`;
  console.log(`\nSeconds per area — the files' whole runs, and of them the suites on each engine:\n${header}  area (files)`);
  for (const [area, t] of [...byArea].sort(([, a], [, b]) => b.ms - a.ms)) console.log(line(t, `${area} (${t.files})`));
  console.log(`\nSlowest files (s):\n${header}`);
  for (const r of rows.slice(0, 25)) console.log(line(r, `${r.file}${r.failed ? '  (failed)' : ''}`));
  const sum = rows.reduce((s, r) => s + r.ms, 0);
  console.log(`\n${rows.length} files, ${(sum / 1000).toFixed(0)} s in all, ${filesAtOnce} at a time: ${(wallMs / 1000).toFixed(0)} s of wall time.`);
}

/**
 * Each file's last measured time (ms), by path from the root: test-results/durations.json, which
 * every run updates for the files it ran, over the files of the last run's timings.json, over the
 * committed test/durations.json (so that a fresh clone, CI's, also starts the slowest files first).
 */
function readDurations(file: string): Map<string, number> {
  const known = new Map<string, number>();
  try {
    for (const [f, ms] of Object.entries(JSON.parse(fs.readFileSync(path.join(root, 'test', 'durations.json'), 'utf8')) as Record<string, number>)) known.set(f, ms);
  } catch {
    // no committed figures
  }
  try {
    const last = JSON.parse(fs.readFileSync(path.join(path.dirname(file), 'timings.json'), 'utf8')) as { files: FileTiming[] };
    for (const f of last.files) known.set(f.file, f.ms);
  } catch {
    // no run yet
  }
  try {
    for (const [f, ms] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>)) known.set(f, ms);
  } catch {
    // no durations yet
  }
  return known;
}

function saveDurations(file: string, timings: FileTiming[]): void {
  const known = readDurations(file);
  for (const t of timings) known.set(t.file, t.ms);
  // Written whole and renamed: runs at once in the same tree never read half a file.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, `${JSON.stringify(Object.fromEntries([...known].sort(([a], [b]) => a.localeCompare(b))), null, 1)}\n`);
  fs.renameSync(partial, file);
}

/**
 * node's runner starts files in the order given, `TEST_CONCURRENCY` at a time: the slowest first
 * (by their last time), so that the run does not end on one long file while the other cores idle.
 * Files never timed (new ones) go first of all; without any figures the order stays alphabetical.
 */
function longestFirst(all: string[], durations: Map<string, number>): string[] {
  const time = (f: string) => durations.get(path.relative(root, f)) ?? Number.MAX_SAFE_INTEGER;
  return durations.size === 0 ? all : [...all].sort((a, b) => time(b) - time(a) || a.localeCompare(b));
}

const args = process.argv.slice(2);
const showTimings = args.includes('--timings');
const filters = args.filter((a) => a !== '--timings');
const resultsDir = path.join(root, 'test-results');
const durationsFile = path.join(resultsDir, 'durations.json');
const files = longestFirst(
  [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))]
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort(),
  readDurations(durationsFile),
);
if (files.length === 0) {
  console.error('No test files match.');
  process.exit(1);
}
const started = Date.now();
const filesAtOnce = concurrency();
// Logs of this run only: several runs may share the working tree.
const filesLog = path.join(resultsDir, `timings-${process.pid}-files.ndjson`);
const suitesLog = path.join(resultsDir, `timings-${process.pid}-suites.ndjson`);
fs.mkdirSync(resultsDir, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'test',
  WSP_PGLITE_TEMPLATE: await pgliteTemplate(root),
  WSP_TEST_TIMINGS: suitesLog,
};
if (process.env.TEST_DATABASE_URL) env.WSP_POSTGRES_TEMPLATE = await postgresTemplate(process.env.TEST_DATABASE_URL);
console.log(
  `Engines: PGlite${process.env.TEST_DATABASE_URL ? ' + PostgreSQL (TEST_DATABASE_URL)' : ' (set TEST_DATABASE_URL to add PostgreSQL)'}; ` +
    `${files.length} files, ${filesAtOnce} at a time (TEST_CONCURRENCY)`,
);
// Compiled (WSP_COMPILED): each test file's .js copy, with source maps for the stack traces; the reporter
// and the harness name the source file all the same.
const compiled = process.env.WSP_COMPILED;
const runnable = (f: string) => path.relative(root, compiled ? path.join(compiled, path.relative(root, f).replace(/\.tsx?$/, '.js')) : f);
const result = spawnSync(
  process.execPath,
  [
    ...(compiled ? ['--enable-source-maps'] : ['--import', 'tsx']), '--test', `--test-concurrency=${filesAtOnce}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/test-timings.mjs', `--test-reporter-destination=${path.relative(root, filesLog)}`,
    ...files.map(runnable),
  ],
  { cwd: root, stdio: 'inherit', env },
);
const wallMs = Date.now() - started;
const timings = readTimings(filesLog, suitesLog);
for (const log of [filesLog, suitesLog]) fs.rmSync(log, { force: true });
saveDurations(durationsFile, timings);
const timingsFile = path.join(resultsDir, 'timings.json');
fs.writeFileSync(timingsFile, `${JSON.stringify({ wallMs, concurrency: filesAtOnce, files: timings }, null, 1)}\n`);
if (showTimings) printTimings(timings, wallMs, filesAtOnce);
console.log(`\nWall time ${(wallMs / 1000).toFixed(1)} s; each file's time in ${path.relative(root, timingsFile)}`);
process.exit(result.status ?? 1);
