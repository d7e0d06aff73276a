import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm test` runs the suite compiled once into .cache/test-js (scripts/test-compile.mjs, ADR 0037) and says
 * where in `WSP_COMPILED`; a file run by hand (`node --import tsx --test test/x.test.ts`) runs from source.
 * These helpers let a test start the app's entry points, and name its own file, the same either way.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * node's arguments that run a source entry point given from the project root (`src/cli.ts`, `src/main.ts`):
 * its compiled file when the suite was compiled, otherwise the source through tsx — as `npm run cli` does.
 * The child runs with the root as its working directory.
 */
export function nodeEntry(entry: string): string[] {
  const compiled = process.env.WSP_COMPILED;
  if (compiled) {
    const js = path.join(compiled, entry.replace(/\.tsx?$/, '.js'));
    if (fs.existsSync(js)) return ['--enable-source-maps', js];
  }
  return ['--import', 'tsx', entry];
}

/**
 * The source file, relative to the root, of a file node runs (`process.argv[1]`): `test/x.test.ts` for
 * `.cache/test-js/test/x.test.js` as for itself.
 */
export function sourceFile(file: string): string {
  const compiled = process.env.WSP_COMPILED ?? path.join(ROOT, '.cache', 'test-js');
  const rel = path.relative(compiled, path.resolve(file));
  if (rel.startsWith('..') || path.isAbsolute(rel) || !rel.endsWith('.js')) return path.relative(ROOT, file);
  const base = rel.slice(0, -'.js'.length);
  return fs.existsSync(path.join(ROOT, `${base}.tsx`)) && !fs.existsSync(path.join(ROOT, `${base}.ts`)) ? `${base}.tsx` : `${base}.ts`;
}
