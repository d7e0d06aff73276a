import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { editionWinners, importPbFile, PbParseError } from '../modules/budget';
import { loadConfig } from '../platform/config';
import { migrate } from '../platform/db/migrate';
import { openDatabase } from '../platform/db/open';
import { AppError } from '../platform/http/errors';
import { say } from './transfer-common';

export const BUDGET_HELP = `  npm run cli -- budget import --municipality <slug> plik.pb
      tworzy edycję budżetu obywatelskiego z pliku pabulib (.pb: reguła, próg, karta i kwota z META;
      projekty; głosy jako anonimowe karty) i wypisuje jej identyfikator

  npm run cli -- budget results --municipality <slug> --edition <id> [--rule <nazwa reguły pabulib>] --json
      liczy zwycięskie projekty edycji; ostatni wiersz: {"selected": ["<project_id>", …]} (identyfikatory z pliku)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `budget import|results`: the participatory budget from the command line (issue 18). */
export async function budgetCommand(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { municipality: { type: 'string' }, edition: { type: 'string' }, rule: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  if (!values.municipality) {
    console.error('Podaj --municipality <slug>: adres gminy, np. zyrardow.');
    return 2;
  }
  if (command === 'import' && positionals.length !== 1) {
    console.error('Podaj jeden plik .pb, np. npm run cli -- budget import --municipality zyrardow poland_warszawa_2023_.pb');
    return 2;
  }
  if (command === 'results' && !UUID.test(values.edition ?? '')) {
    console.error('Podaj --edition <id>: identyfikator edycji wypisany przez budget import.');
    return 2;
  }
  if (command !== 'import' && command !== 'results') {
    console.error(BUDGET_HELP);
    return 2;
  }
  const text = command === 'import' ? readFile(positionals[0]!) : '';
  if (text === null) return 2;
  const db = await openDatabase(loadConfig());
  try {
    await migrate(db);
    if (command === 'import') {
      const r = await importPbFile(db, values.municipality, text);
      say(`Utworzono edycję: ${r.projects} projektów, ${r.votes} głosów.`);
      say(r.editionId);
      return 0;
    }
    const r = await editionWinners(db, values.municipality, values.edition!, values.rule);
    if (!values.json) say(`Reguła: ${r.rule}. Wybrane projekty: ${r.selected.join(', ') || '—'}`);
    say(JSON.stringify({ selected: r.selected }));
    return 0;
  } catch (err: unknown) {
    if (err instanceof PbParseError) {
      console.error(`Błędny plik .pb: ${err.message}`);
      return 2;
    }
    if (err instanceof AppError && err.code === 'not_found') {
      console.error(command === 'import' ? `Nie ma gminy ${values.municipality}.` : `Nie ma gminy ${values.municipality} albo edycji ${values.edition} w niej.`);
      return 2;
    }
    if (err instanceof AppError && err.code === 'budget.unknown_rule') {
      console.error(`Nieznana reguła ${values.rule}: greedy, greedy-no-skip, greedy-threshold, equal-shares (albo ich nazwy z pabulib).`);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

function readFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    console.error(`Nie można odczytać pliku ${file}.`);
    return null;
  }
}
