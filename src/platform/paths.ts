import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installation's folder (where package.json, migrations/ and public/ are): the first folder up from
 * this code that holds a package.json. The same answer from src/platform/ (tsx) and from dist/ (the built
 * release), where one bundle holds this file and a fixed relative path would no longer hold.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
