/* global process, console, performance */
/**
 * `node scripts/test-compile.mjs`: compiles every .ts/.tsx under src/, test/, probe/, bench/ and scripts/ with
 * esbuild into .cache/test-js/<same path>.js — one ESM file per source file, inline source maps — so that
 * `npm test` runs its files without tsx's loader hooks (ADR 0037; docs/testing.md). Imports between the
 * sources point at the compiled files; packages stay bare (node finds node_modules walking up from .cache/);
 * what is not compiled (.mjs, .json, fixtures) is imported from the real tree. `import.meta.url` and
 * `import.meta.dirname` become the source's own, so that code finding files beside itself (fixtures, the
 * project root) finds them as from source — except in KEEP_LOCATION, which needs where it really runs.
 * Only files whose source changed since the last compile are compiled again (a whole compile: a few seconds).
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the compiled tree goes. No package.json may be put there: src/platform/paths.ts walks up to the first one. */
export const COMPILED = path.join(ROOT, '.cache', 'test-js');
const DIRS = ['src', 'test', 'probe', 'bench', 'scripts'];
// The render pool starts the worker file beside itself: the compiled render-worker.js, not the tsx entry.
const KEEP_LOCATION = new Set(['src/platform/export/render-pool.ts']);
const STAMP = '.compiled.json';
const SOURCE = /\.tsx?$/;

function sourcesIn(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' || e.name === 'results' ? [] : sourcesIn(full);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The compiled file of a source file: .cache/test-js/<relative path>.js. */
export function compiledPath(source) {
  return path.join(COMPILED, path.relative(ROOT, source).replace(SOURCE, '.js'));
}

/** The source file of a compiled one (`.cache/test-js/test/x.test.js` → `<root>/test/x.test.ts(x)`); other paths unchanged. */
export function sourcePath(file) {
  const rel = path.relative(COMPILED, path.resolve(file));
  if (rel.startsWith('..') || path.isAbsolute(rel) || !rel.endsWith('.js')) return file;
  const base = path.join(ROOT, rel.slice(0, -'.js'.length));
  return fs.existsSync(`${base}.tsx`) && !fs.existsSync(`${base}.ts`) ? `${base}.tsx` : `${base}.ts`;
}

/** What a relative specifier names: a source file (compiled too) or another file (left in the tree); null if nothing. */
function resolveRelative(specifier, importer) {
  const target = path.resolve(path.dirname(importer), specifier);
  const candidates = SOURCE.test(target)
    ? [target]
    : /\.(m|c)?js$|\.json$/.test(target)
      ? [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx')]
      : [`${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts'), path.join(target, 'index.tsx'), target];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

function relativeSpecifier(fromFile, toFile) {
  const rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

// A relative specifier in esbuild's output (always double-quoted): `from "./x"`, `import "./x"`, `import("./x")`.
const RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"(\.{1,2}\/[^"]*)"/g;

/**
 * esbuild's output for one source, made to run from .cache/test-js: each relative import pointing at the compiled
 * file (or, for what is not compiled, at the real one), and `import.meta.url`/`dirname` the source's own (not in
 * KEEP_LOCATION). Done on the output text (esbuild transforms file by file, it does not bundle): no plugin round
 * trips, a whole compile takes seconds. Throws when an import names no file.
 */
function finish(source, code) {
  const from = compiledPath(source);
  let out = code.replace(RELATIVE_IMPORT, (_, lead, specifier) => {
    const target = resolveRelative(specifier, source);
    if (!target) throw new Error(`Cannot resolve ${specifier} from ${path.relative(ROOT, source)}`);
    return `${lead}"${relativeSpecifier(from, SOURCE.test(target) ? compiledPath(target) : target)}"`;
  });
  if (!KEEP_LOCATION.has(path.relative(ROOT, source).split(path.sep).join('/'))) {
    out = out
      .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(source).href))
      .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(source)));
  }
  return out;
}

/** esbuild's options for some sources: TypeScript and JSX stripped file by file, imports left for `finish`. */
function options(entryPoints) {
  return {
    absWorkingDir: ROOT,
    entryPoints,
    outbase: ROOT,
    outdir: COMPILED,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    charset: 'utf8',
    sourcemap: 'inline',
    sourcesContent: false,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
    write: false,
  };
}

/** The sources that fail alone (when a failure names none). */
async function firstFailing(sources) {
  const fails = await Promise.all(sources.map((source) => esbuild.build(options([source])).then(() => false, () => true)));
  const culprits = sources.filter((_, i) => fails[i]);
  return culprits.length > 0 ? culprits : sources;
}

/** In place of a source that does not compile: a module that throws why. */
function stub(source, errors) {
  return `throw new Error(${JSON.stringify(`${path.relative(ROOT, source)} does not compile (scripts/test-compile.mjs):\n${errors.join('\n')}`)});\n`;
}

function writeWhole(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, contents);
  fs.renameSync(partial, file);
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(path.join(COMPILED, STAMP), 'utf8'));
  } catch {
    return { config: '', files: {} };
  }
}

/** Compiles what changed (everything the first time, or when tsconfig, package.json or this script changed); resolves with what it did. */
export async function compileTests() {
  const started = performance.now();
  const sources = DIRS.flatMap((d) => sourcesIn(path.join(ROOT, d)));
  const twins = sources.filter((s) => s.endsWith('.tsx') && fs.existsSync(s.replace(/\.tsx$/, '.ts')));
  if (twins.length > 0) throw new Error(`x.ts and x.tsx would both compile to x.js: ${twins.map((t) => path.relative(ROOT, t)).join(', ')}`);
  const config = ['tsconfig.json', 'package.json', 'scripts/test-compile.mjs'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs).join(',');
  const stamp = readStamp();
  const fresh = stamp.config === config ? stamp.files : {};
  const mtimes = Object.fromEntries(sources.map((s) => [path.relative(ROOT, s), fs.statSync(s).mtimeMs]));
  const changed = sources.filter((s) => fresh[path.relative(ROOT, s)] !== mtimes[path.relative(ROOT, s)] || !fs.existsSync(compiledPath(s)));
  // Compiled files whose source is gone (a renamed test must not run under its old name).
  const wanted = new Set(sources.map(compiledPath));
  let removed = 0;
  const prune = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) prune(full);
      else if (e.name.endsWith('.js') && !wanted.has(full)) {
        fs.rmSync(full);
        removed++;
      }
    }
  };
  prune(COMPILED);
  const failed = [];
  if (changed.length > 0) {
    // One file that does not compile (being edited, say) must not stop the others: it is left out and the rest
    // compiled again, and in its place goes a module that throws its errors — only the tests that import it fail.
    const outputs = [];
    let batch = changed;
    while (batch.length > 0) {
      try {
        for (const out of (await esbuild.build(options(batch))).outputFiles) {
          const source = sourcePath(out.path);
          try {
            outputs.push({ path: out.path, contents: finish(source, out.text) });
          } catch (e) {
            failed.push({ source, errors: [e.message] });
            outputs.push({ path: out.path, contents: stub(source, [e.message]) });
          }
        }
        break;
      } catch (e) {
        const messages = e.errors ?? [{ text: String(e) }];
        const named = new Set(messages.map((m) => m.location && path.resolve(ROOT, m.location.file)).filter((f) => batch.includes(f)));
        // Errors that name no source of the batch: each file alone, to find which.
        const culprits = named.size > 0 ? named : new Set(await firstFailing(batch));
        for (const source of culprits) {
          const errors = messages.filter((m) => !m.location || path.resolve(ROOT, m.location.file) === source).map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`);
          failed.push({ source, errors });
          outputs.push({ path: compiledPath(source), contents: stub(source, errors) });
        }
        batch = batch.filter((f) => !culprits.has(f));
      }
    }
    // Each file written beside and renamed: several runs share the tree, and one may be running a file
    // that another compiles again — it must never read half of it.
    for (const out of outputs) writeWhole(out.path, out.contents);
    for (const f of failed) {
      console.error(`test-compile: ${f.errors.join('\n  ')}`);
      delete mtimes[path.relative(ROOT, f.source)]; // compiled again next time
    }
  }
  fs.mkdirSync(COMPILED, { recursive: true });
  writeWhole(path.join(COMPILED, STAMP), JSON.stringify({ config, files: mtimes }));
  return { ms: Math.round(performance.now() - started), compiled: changed.length, total: sources.length, removed, failed: failed.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--clean')) fs.rmSync(COMPILED, { recursive: true, force: true });
  const r = await compileTests();
  console.log(`Skompilowano ${r.compiled} z ${r.total} plików w ${r.ms} ms (compiled ${r.compiled} of ${r.total} files in ${r.ms} ms) → ${path.relative(ROOT, COMPILED)}`);
}
