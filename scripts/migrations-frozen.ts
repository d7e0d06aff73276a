import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../src/platform/db/migrate';

/**
 * Landed migrations are frozen (ADR 0017): `migrations/checksums.txt` lists every landed file with
 * the SHA-256 of its bytes, in `sha256sum` format and name order, so `cd migrations && sha256sum -c
 * checksums.txt` checks it too. The hash is the one the runner records in `schema_migrations`.
 */

export const LIST_NAME = 'checksums.txt';
export const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

export interface Frozen {
  name: string;
  checksum: string;
}

export const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export function readFrozen(dir = MIGRATIONS_DIR): Frozen[] {
  const file = path.join(dir, LIST_NAME);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line);
      if (!m) throw new Error(`${LIST_NAME}: not a "<sha256>  <file>" line: ${line}`);
      return { checksum: m[1]!, name: m[2]! };
    });
}

const FROZEN =
  'Landed migrations are frozen: databases that already ran a migration never run it again, and the runner refuses one whose checksum changed. ' +
  'Restore the file as it was and put the change in a new migration (the next number), then run `npm run migrations:freeze`.';

/** What breaks the freeze, one sentence per problem, each saying what to do; empty when all is well. */
export function frozenProblems(dir = MIGRATIONS_DIR, frozen = readFrozen(dir)): string[] {
  const problems: string[] = [];
  const sqlFiles = fs.readdirSync(dir).filter((f) => f.endsWith('.sql'));
  for (const f of sqlFiles) {
    if (!MIGRATION_NAME.test(f)) problems.push(`${f} is not named NNNN_lowercase_words.sql, so the runner would ignore it: rename it.`);
  }
  const names = frozen.map((f) => f.name);
  if (names.some((n, i) => i > 0 && n <= names[i - 1]!)) problems.push(`${LIST_NAME} is not in name order (or lists a file twice): restore it from main.`);
  for (const f of frozen) {
    const file = path.join(dir, f.name);
    if (!fs.existsSync(file)) problems.push(`${f.name} was removed. ${FROZEN}`);
    else if (sha256(file) !== f.checksum) problems.push(`${f.name} changed after it landed. ${FROZEN}`);
  }
  const last = names.at(-1) ?? '';
  for (const f of sqlFiles.filter((n) => MIGRATION_NAME.test(n) && !names.includes(n)).sort()) {
    if (f < last) {
      problems.push(`${f} sorts before the landed ${last}: existing databases would run it after ${last}, new ones before. Number it after ${last}, then run \`npm run migrations:freeze\`.`);
    } else {
      problems.push(`${f} is new and not in migrations/${LIST_NAME}: run \`npm run migrations:freeze\` and commit the list with it.`);
    }
  }
  return problems;
}

/**
 * Appends the checksums of new migrations (named after every listed one) to the list and returns
 * their names. Refuses, changing nothing, while any listed migration is changed or missing.
 */
export function freeze(dir = MIGRATIONS_DIR): string[] {
  const frozen = readFrozen(dir);
  const refused = frozenProblems(dir, frozen).filter((p) => !p.includes('is new and not in'));
  if (refused.length > 0) throw new Error(refused.join('\n'));
  const names = new Set(frozen.map((f) => f.name));
  const added = fs
    .readdirSync(dir)
    .filter((f) => MIGRATION_NAME.test(f) && !names.has(f))
    .sort();
  if (added.length > 0) fs.appendFileSync(path.join(dir, LIST_NAME), added.map((f) => `${sha256(path.join(dir, f))}  ${f}\n`).join(''));
  return added;
}
