import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db/open';
import { openPostgres } from '../platform/db/postgres';
import { moveDatabase } from '../platform/db/transfer';
import { isPostgresUrl, progress, say, summary } from './transfer-common';

export const MOVE_HELP = `  npm run cli -- move --to postgres://właściciel@serwer/baza
      przenosi całą instalację (PGlite w DATA_DIR albo DATABASE_URL) do nowej, pustej bazy PostgreSQL
      i sprawdza liczby wierszy i sumy kontrolne; serwer na PGlite musi być zatrzymany`;

/** `move --to URL`: the configured database (by default the embedded one in DATA_DIR) into an empty PostgreSQL database. */
export async function moveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' } }, strict: true });
  if (!isPostgresUrl(values.to)) {
    console.error('Podaj --to postgres://…: adres nowej, pustej bazy PostgreSQL, jako jej właściciel (rola, która wykona migracje).');
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl === values.to || config.migrationDatabaseUrl === values.to) {
    console.error('Baza docelowa jest tą samą bazą co źródło (DATABASE_URL).');
    return 2;
  }
  const source = await openDatabase(config);
  const target = openPostgres(values.to, 1);
  const startedAt = performance.now();
  try {
    process.stderr.write(`Przenoszenie z ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite w ${config.dataDir}`} …\n`);
    const result = await moveDatabase(source, target, progress());
    say(summary(result, startedAt));
    say('Dalej: ustaw DATABASE_URL (i MIGRATION_DATABASE_URL) na nową bazę i uruchom serwer.');
    if (!config.appSecret) {
      say(`Ustaw też APP_SECRET na zawartość pliku ${path.join(config.dataDir, 'app-secret')}: bez niego sesje, drugi składnik i zaszyfrowana poczta w kolejce nie zadziałają.`);
    }
    return 0;
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}
