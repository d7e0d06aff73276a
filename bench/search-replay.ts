/**
 * The uncached search's database work, compared between versions of the code in one run (docs/performance.md,
 * "The uncached search after the forgiving search"):
 *
 *   npx tsx bench/search-replay.ts record <file> [--every N] [--database-url URL]
 *     asks the 2 000 questions of `search-uncached` (bench/questions.ts) of the app with the search cache off, one at a
 *     time, and writes every page's transactions (row-level security context, statements, parameters) to <file>;
 *   npx tsx bench/search-replay.ts replay <file>… [--pre-0026] [--every N] [--rounds 3] [--duration 10] [--connections 50] [--pool 10]
 *     replays each recording (as `raw-sql` does: 50 loops over the pages, a pool of 10) for --duration seconds,
 *     in turn, --rounds times, and prints pages/s, p50 and p99 and each one's ratio to the first file's in the same round.
 *     --pre-0026 adds, from the first file, the approximation of the search before ADR 0026: no candidate words
 *     statement, no stems, corrections or "any word" (its `words` and `any_words` NULL).
 *
 * The database must hold a generated catalogue (`npm run generate -- --size city --database-url URL`).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { openPostgres } from '../src/platform/db/postgres';
import { createMailer } from '../src/platform/mail/mailer';
import { cancelQueries } from './database';
import { townAt } from './generator';
import { BENCH_APP_SECRET } from './meetings';
import { distinctSearches } from './questions';
import { recordingDatabase, runRawSql, type RecordedTx } from './scenarios';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/wsp_bench' },
    'pre-0026': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    pool: { type: 'string', default: '10' },
    every: { type: 'string', default: '1' },
  },
});
const [command, ...files] = positionals;
const url = values['database-url'];
if (!(command === 'record' && files.length === 1) && !(command === 'replay' && files.length >= 1)) {
  console.error('Usage: npx tsx bench/search-replay.ts record <file> | replay <file>… [--pre-0026] [--rounds 3] [--duration 10] [--connections 50] [--pool 10] [--database-url URL]');
  process.exit(2);
}

type Page = RecordedTx[];

/** The statement of the search (and the count of a page past the end): its parameters $4 and $5 are `words` and `any_words`. */
const isSearch = (text: string) => text.includes('catalog_matching_service_ids(');

/** The search before ADR 0026, approximated from a recording of today's: no candidate words, no stems, corrections or "any word". */
function pre0026(pages: Page[]): Page[] {
  return pages.map((page) =>
    page.map((tx) => ({
      ctx: tx.ctx,
      statements: tx.statements
        .filter((s) => !s.text.includes('catalog_similar_words('))
        .map((s) => (isSearch(s.text) ? { text: s.text, params: s.params.map((p, i) => (i === 3 || i === 4 ? null : p)) } : s)),
    })),
  );
}

const db = openPostgres(url, Number(values.pool));
try {
  if (command === 'record') {
    const recorder = recordingDatabase(db);
    const config = { ...loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent' }), searchCacheSeconds: 0 };
    const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db: recorder.db });
    const { app } = await buildApp({ config, db: recorder.db, mailer, appSecret: BENCH_APP_SECRET, logger: false, workerAutostart: false });
    const pages: { path: string; txs: Page }[] = [];
    // --every N: every N-th question only (a quicker look; replays then compare recordings made with the same N).
    const every = Number(values.every);
    for (const path of distinctSearches(townAt(0).slug, 2_000).filter((_, i) => i % every === 0)) {
      const txs = await recorder.record(async () => {
        const res = await app.inject({ method: 'GET', url: path });
        if (res.statusCode !== 200) throw new Error(`GET ${path} answered ${res.statusCode}`);
      });
      pages.push({ path, txs });
    }
    await app.close();
    fs.writeFileSync(files[0]!, JSON.stringify(pages));
    process.stderr.write(`${pages.length} pages recorded in ${files[0]}\n`);
  } else {
    // --every N: a full recording (2 000 pages) is replayed as every N-th page, to match a recording made with --every N.
    const every = Number(values.every);
    const read = (f: string) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { txs: Page }[]).map((p) => p.txs);
    const recordings = files.map((f) => ({ name: f, pages: read(f) })).map((r) => ({ ...r, pages: r.pages.length > 2_000 / every ? r.pages.filter((_, i) => i % every === 0) : r.pages }));
    if (values['pre-0026']) recordings.push({ name: `${files[0]} as before ADR 0026`, pages: pre0026(recordings[0]!.pages) });
    const interrupt = () => cancelQueries(url);
    for (let round = 1; round <= Number(values.rounds); round++) {
      let first: number | undefined;
      for (const r of recordings) {
        const s = await runRawSql(db, r.pages, Number(values.connections), Number(values.duration), interrupt);
        first ??= s.rps;
        process.stdout.write(`round ${round}\t${r.name}\t${s.rps.toFixed(1)} pages/s\tp50 ${s.p50.toFixed(0)} ms\tp99 ${s.p99.toFixed(0)} ms\t× first ${(s.rps / first).toFixed(2)}\terrors ${s.errors}\n`);
      }
    }
  }
} finally {
  await db.close();
}
