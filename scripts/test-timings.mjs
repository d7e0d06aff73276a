/**
 * A node:test reporter (`--test-reporter=./scripts/test-timings.mjs`; plain JavaScript because node
 * loads reporters before tsx's hooks) that writes one JSON line per test file as it ends: its path,
 * its time from process start to exit, and whether it failed — so that an interrupted run still
 * leaves its figures. The harness adds the time per engine (test/support/harness.ts);
 * `scripts/test.ts` joins the two into test-results/timings.json. A compiled file
 * (.cache/test-js/test/x.test.js, ADR 0037) is named by its source (test/x.test.ts).
 */
import path from 'node:path';
import { sourcePath } from './test-compile.mjs';

const root = path.resolve(import.meta.dirname, '..');

export default async function* timings(source) {
  for await (const event of source) {
    const { data } = event;
    // node reports each file as a top-level test named by its path.
    if (event.type !== 'test:complete' || data.nesting !== 0 || data.name !== data.file) continue;
    const ms = Math.round(data.details?.duration_ms ?? 0);
    yield `${JSON.stringify({ file: path.relative(root, sourcePath(data.file)), ms, failed: data.details?.passed === false })}\n`;
  }
}
