/* global process, console */
/**
 * `npm start`: runs the built server (dist/main.js), building it first when dist/ is missing or older than
 * src/ (a fresh clone after `npm ci`, or after `git pull`). Outside production the demo's settings
 * (scripts/demo.env) fill what the environment leaves unset; production reads only the environment.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, build, isStale } from './build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.NODE_ENV !== 'production') process.loadEnvFile(path.join(ROOT, 'scripts/demo.env'));
if (isStale()) {
  const ms = await build();
  console.log(`Zbudowano dist/ w ${ms} ms.`);
}
await import(path.join(DIST, 'main.js'));
