import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db/open';
import { openPostgres } from '../platform/db/postgres';
import { backupDatabase, restoreDatabase } from '../platform/db/transfer';
import { isPostgresUrl, progress, say, summary } from './transfer-common';

export const BACKUP_HELP = `  npm run cli -- backup plik.wsp.gz
      kopia zapasowa całej bazy w jednej chwili (PostgreSQL: także gdy serwer działa; PGlite: serwer zatrzymany)

  npm run cli -- restore plik.wsp.gz [--to postgres://właściciel@serwer/baza]
      odtwarza kopię w pustej bazie (domyślnie tej z DATABASE_URL albo DATA_DIR) i ją sprawdza`;

/** `backup <file>`: a consistent snapshot of the configured database into a gzip'd file. */
export async function backupCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error('Podaj jeden plik kopii, np. npm run cli -- backup kopia-2026-12-07.wsp.gz');
    return 2;
  }
  if (fs.existsSync(file)) {
    console.error(`Plik ${file} już istnieje: podaj nową nazwę (kopia nie nadpisuje innej).`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  const startedAt = performance.now();
  try {
    const { manifest, bytes, rows } = await backupDatabase(db, path.resolve(file));
    const seconds = (performance.now() - startedAt) / 1000;
    say(`Kopia: ${file} — ${manifest.tables.length} tabel, ${rows} wierszy, ${(bytes / 1024 / 1024).toFixed(1)} MB, migracje do ${manifest.migrations.at(-1)?.name ?? '—'}.`);
    say(`Czas: ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} wierszy/s).`);
    if (!config.appSecret) say(`Przechowuj osobno APP_SECRET (plik ${path.join(config.dataDir, 'app-secret')}): kopia go nie zawiera, a bez niego drugi składnik logowania nie zadziała.`);
    return 0;
  } finally {
    await db.close();
  }
}

/** `restore <file> [--to URL]`: a backup into an empty database, verified like a move. */
export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { to: { type: 'string' } }, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error('Podaj jeden plik kopii, np. npm run cli -- restore kopia-2026-12-07.wsp.gz');
    return 2;
  }
  if (values.to !== undefined && !isPostgresUrl(values.to)) {
    console.error('--to przyjmuje adres postgres://…; bez niego kopia trafia do bazy z DATABASE_URL albo DATA_DIR.');
    return 2;
  }
  const config = loadConfig();
  const db = values.to ? openPostgres(values.to, 1) : await openDatabase(config);
  const startedAt = performance.now();
  try {
    const result = await restoreDatabase(path.resolve(file), db, progress());
    say(`Odtworzono kopię z ${result.manifest.createdAt} (${result.manifest.engine}).`);
    say(summary(result, startedAt));
    return 0;
  } finally {
    await db.close();
  }
}
