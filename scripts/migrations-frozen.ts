import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../src/platform/db/migrate';

/**
 * Landed migrations are frozen (ADR 0017): each migration's SHA-256 is recorded once, in `sha256sum`
 * format, and never edited — `migrations/checksums.txt` for 0001–0026 (as it landed), and since then one
 * file per migration beside it, `NNNN_name.sha256`, so that freezing a new migration only adds a file.
 * `cd migrations && sha256sum -c checksums.txt *.sha256` checks them too. The hash is the one the runner
 * records in `schema_migrations`.
 */

export const LIST_NAME = 'checksums.txt';
const SIDECAR = '.sha256';
/** The file that records one migration's checksum: `0021_shared_rate_limits.sha256`. */
export const sidecarOf = (migration: string): string => migration.replace(/\.sql$/, SIDECAR);
export const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

export interface Frozen {
  name: string;
  checksum: string;
}

export const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function readLines(file: string): Frozen[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line);
      if (!m) throw new Error(`${path.basename(file)}: not a "<sha256>  <file>" line: ${line}`);
      return { checksum: m[1]!, name: m[2]! };
    });
}

/** Every frozen migration: the landed list, then the one-file records in name order. */
export function readFrozen(dir = MIGRATIONS_DIR): Frozen[] {
  const list = path.join(dir, LIST_NAME);
  const sidecars = fs.readdirSync(dir).filter((f) => f.endsWith(SIDECAR)).sort();
  return [...(fs.existsSync(list) ? readLines(list) : []), ...sidecars.flatMap((f) => readLines(path.join(dir, f)))];
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
  if (names.some((n, i) => i > 0 && n <= names[i - 1]!)) problems.push(`${LIST_NAME} and the ${SIDECAR} files are not in name order (or list a file twice): restore them from main.`);
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(SIDECAR))) {
    const listed = readLines(path.join(dir, f)).map((x) => x.name);
    if (listed.length !== 1 || sidecarOf(listed[0]!) !== f) problems.push(`${f} must record exactly its own migration: restore it from main.`);
  }
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
      problems.push(`${f} is new and not frozen (no migrations/${sidecarOf(f)}): run \`npm run migrations:freeze\` and commit that file with it.`);
    }
  }
  return problems;
}

/**
 * Records the checksum of each new migration (named after every frozen one) in a file of its own and
 * returns their names; nothing recorded before is touched. Refuses, changing nothing, while any frozen
 * migration is changed or missing.
 */
export function freeze(dir = MIGRATIONS_DIR): string[] {
  const frozen = readFrozen(dir);
  const refused = frozenProblems(dir, frozen).filter((p) => !p.includes('is new and not frozen'));
  if (refused.length > 0) throw new Error(refused.join('\n'));
  const names = new Set(frozen.map((f) => f.name));
  const added = fs
    .readdirSync(dir)
    .filter((f) => MIGRATION_NAME.test(f) && !names.has(f))
    .sort();
  for (const f of added) fs.writeFileSync(path.join(dir, sidecarOf(f)), `${sha256(path.join(dir, f))}  ${f}\n`, { flag: 'wx' });
  return added;
}
