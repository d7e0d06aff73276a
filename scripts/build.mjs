/* global process, console, performance */
/**
 * `npm run build`: the server, the operator's commands and the document worker, bundled by esbuild into
 * dist/ (ADR 0022). Packages stay in node_modules (PGlite's wasm, argon2's native binary and the fonts are
 * found there, as from source); migrations/ and public/ are read from the installation's folder at run time.
 * `npm start` (scripts/start.mjs) builds first when dist/ is missing or older than src/.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
const STAMP = 'build-stamp';

const ENTRIES = {
  main: 'src/main.ts',
  cli: 'src/cli.ts',
  // A worker thread starts from a file of its own (src/platform/export/render-pool.ts looks for it beside the bundle).
  'render-worker': 'src/platform/export/render-worker.ts',
};

const EXTERNAL = ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit', 'exceljs', 'pg-native', '@expo-google-fonts/roboto'];

/** Bundles into `outdir` (dist/ unless told); resolves with the milliseconds it took. */
export async function build(outdir = DIST) {
  const started = performance.now();
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled too: resolving and reading hundreds of small files is most of a start. Left in node_modules:
    // what finds its own files at run time (wasm, a native binary, fonts) and what loads only on demand.
    external: EXTERNAL,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: 'linked',
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
  });
  fs.writeFileSync(path.join(outdir, STAMP), new Date().toISOString());
  return Math.round(performance.now() - started);
}

function newestIn(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestIn(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** dist/ is missing, or a source file (or the build configuration) changed after it was built. */
export function isStale(outdir = DIST) {
  let built;
  try {
    built = fs.statSync(path.join(outdir, STAMP)).mtimeMs;
  } catch {
    return true;
  }
  const sources = Math.max(newestIn(path.join(ROOT, 'src')), ...['package.json', 'tsconfig.json', 'scripts/build.mjs'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs));
  return sources > built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] ? path.resolve(process.argv[2]) : DIST;
  const ms = await build(outdir);
  console.log(`Zbudowano ${path.relative(ROOT, outdir) || outdir} w ${ms} ms (built in ${ms} ms).`);
}
