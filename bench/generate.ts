/**
 * `npm run generate -- --size demo|town|city|metro [--database-url postgres://…] [--municipalities N] [--seed 42]`
 * Fills a database with a large, deterministic catalogue. Without --database-url (or DATABASE_URL) it
 * writes into the embedded PGlite in DATA_DIR (default ./data), which `npm start` then serves.
 *
 * Meeting invitations' token hashes are derived from an APP_SECRET: APP_SECRET when set; otherwise, for
 * PGlite, the one `npm start` keeps in DATA_DIR/app-secret (created if missing); for --database-url,
 * the benchmark's (bench/meetings.ts BENCH_APP_SECRET, which `npm run bench` uses).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config';
import { migrate } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import type { Database } from '../src/platform/db/types';
import { resolveAppSecret } from '../src/platform/secret';
import { isSize, SIZES } from './catalogue';
import { generate } from './generator';
import { readMarker } from './load';
import { BENCH_APP_SECRET } from './meetings';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'demo' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    municipalities: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
  },
});

const size = values.size;
const municipalities = Number(values.municipalities);
const seed = Number(values.seed);
if (!isSize(size) || !Number.isInteger(municipalities) || municipalities < 1 || !Number.isInteger(seed)) {
  console.error(`Użycie: npm run generate -- --size ${Object.keys(SIZES).join('|')} [--database-url URL] [--municipalities N] [--seed 42]`);
  process.exit(2);
}

const url = values['database-url'] ?? process.env.DATABASE_URL;
const dataRoot = path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
const dataDir = path.join(dataRoot, 'pgdata');
const appSecret = process.env.APP_SECRET ?? (url ? BENCH_APP_SECRET : resolveAppSecret(loadConfig({ ...process.env, DATA_DIR: dataRoot })));
const db: Database = url ? openPostgres(url, 4) : await openPglite({ dataDir });
try {
  await migrate(db);
  const marker = await readMarker(db);
  if (marker) {
    process.stdout.write(`Katalog już wygenerowany (rozmiar ${marker.size}, ziarno ${marker.seed}, gmin: ${marker.municipalities}); użyj świeżej bazy.\n`);
  } else {
    process.stderr.write(`Generowanie: ${size} × ${municipalities} gmin, ziarno ${seed}, baza: ${url ? 'PostgreSQL' : `PGlite w ${dataDir}`}\n`);
    const result = await generate(db, { size, seed, municipalities, appSecret });
    const s = result.ms / 1000;
    process.stdout.write(
      `Gotowe: ${result.rows} wierszy w ${s.toFixed(1)} s (${Math.round(result.rows / s)} wierszy/s); gminy: ${result.municipalities.map((m) => `/${m.slug}`).join(', ')}\n`,
    );
  }
} finally {
  await db.close();
}
