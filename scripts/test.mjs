/* global process, console */
/**
 * `npm test`: compiles the sources once (scripts/test-compile.mjs, into .cache/test-js), then runs the
 * compiled scripts/test.ts, which runs the compiled test files — no tsx loader hooks in any process
 * (ADR 0037). `npx tsx scripts/test.ts …` still runs the suite from source through tsx, as before.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { COMPILED, compileTests } from './test-compile.mjs';

const r = await compileTests();
await esbuild.stop(); // its service process is not needed while the tests run
console.log(`Compiled ${r.compiled} of ${r.total} source files in ${(r.ms / 1000).toFixed(1)} s (.cache/test-js)`);
process.env.WSP_COMPILED = COMPILED;
await import(pathToFileURL(path.join(COMPILED, 'scripts', 'test.js')).href);
