/**
 * `npm test`: prepares a migrated PGlite template once (tests copy it instead of running initdb),
 * then runs every *.test.ts(x) with node's test runner, on PGlite and — when TEST_DATABASE_URL is
 * set — on PostgreSQL too. Arguments narrow the run to files whose path contains them.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, readMigrations } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';

const root = path.resolve(import.meta.dirname, '..');

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : findTests(full);
    return /\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

async function pgliteTemplate(): Promise<string> {
  const hash = crypto.createHash('sha256').update(readMigrations().map((m) => m.checksum).join()).digest('hex').slice(0, 16);
  const file = path.join(root, '.cache', `pglite-template-${hash}.tar`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  const db = await openPglite({});
  await migrate(db);
  const blob = await db.dump();
  await db.close();
  fs.writeFileSync(file + '.tmp', Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(file + '.tmp', file);
  console.log(`PGlite template prepared in ${Date.now() - started} ms`);
  return file;
}

const filters = process.argv.slice(2);
const files = [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))]
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('No test files match.');
  process.exit(1);
}
const template = await pgliteTemplate();
console.log(`Engines: PGlite${process.env.TEST_DATABASE_URL ? ' + PostgreSQL (TEST_DATABASE_URL)' : ' (set TEST_DATABASE_URL to add PostgreSQL)'}`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files.map((f) => path.relative(root, f))],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', WSP_PGLITE_TEMPLATE: template } },
);
process.exit(result.status ?? 1);
