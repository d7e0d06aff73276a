/**
 * The uncached search's database work, compared between versions of the code in one run (docs/performance.md,
 * "The uncached search after the forgiving search"):
 *
 *   npx tsx bench/search-replay.ts record <file> [--every N] [--database-url URL]
 *     asks the 2 000 questions of `search-uncached` (bench/questions.ts) of the app with the search cache off, one at a
 *     time, and writes every page's transactions (row-level security context, statements, parameters) to <file>, and
 *     what each page answered (the count shown and the services linked, in order) to <file>.answers.json — compare
 *     two versions' answers with `npx tsx bench/search-replay.ts compare <a.answers.json> <b.answers.json>`;
 *   npx tsx bench/search-replay.ts replay <file>… [--pre-0026] [--every N] [--rounds 3] [--duration 10] [--connections 50] [--pool 10]
 *     replays each recording (as `raw-sql` does: 50 loops over the pages, a pool of 10) for --duration seconds,
 *     in turn, --rounds times, and prints pages/s, p50 and p99 and each one's ratio to the first file's in the same round,
 *     and the CPU spent: by the database's server processes of the pool (read from /proc, so only with a local server)
 *     and by this process, in ms a page (both over the whole replay, its 1 s warm-up included).
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
if (!(command === 'record' && files.length === 1) && !(command === 'replay' && files.length >= 1) && !(command === 'compare' && files.length === 2)) {
  console.error('Usage: npx tsx bench/search-replay.ts record <file> | replay <file>… [--pre-0026] [--rounds 3] [--duration 10] [--connections 50] [--pool 10] [--database-url URL]');
  process.exit(2);
}

type Page = RecordedTx[];

/**
 * The statement of the search (and the count of a page past the end): its parameters $4 and $5 are `words` and `any_words`.
 * Since migration 0043 the first statement calls `catalog_search_matches(phrase, words)` (words NULL: the typed words only).
 */
const isSearch = (text: string) => text.includes('catalog_matching_service_ids(') || text.includes('catalog_search_matches(');

/** What a page answered: the count shown ("Znaleziono N …", "Wyniki a–b z N") and the services it links to, in order. */
function answerOf(html: string): { count: string; ids: string[] } {
  const count = [...html.matchAll(/(Znaleziono [^<]*|Wyniki [^<]*)</g)].map((m) => m[1]).join(' ');
  const ids = [...new Set([...html.matchAll(/\/services\/([0-9a-f-]{36})/g)].map((m) => m[1]!))];
  return { count, ids };
}

/** CPU seconds so far of the server processes serving this database's connections (Linux /proc; 0 when not readable). */
async function serverCpu(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const rows = await db.ownerTx((sql) => sql.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'));
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in clock ticks (USER_HZ = 100)
    } catch {
      // not local, or gone
    }
  }
  return out;
}

const cpuSpent = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, t]) => sum + t - (before.get(pid) ?? 0), 0);

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
  if (command === 'compare') {
    const [a, b] = files.map((f) => JSON.parse(fs.readFileSync(f!, 'utf8')) as { path: string; count: string; ids: string[] }[]);
    const byPath = new Map(b!.map((x) => [x.path, x]));
    let counts = 0;
    let orders = 0;
    let sets = 0;
    for (const x of a!) {
      const y = byPath.get(x.path);
      if (!y) continue;
      if (x.count !== y.count) {
        counts++;
        process.stdout.write(`count\t${x.path}\t${x.count} → ${y.count}\n`);
      }
      if (x.ids.join() !== y.ids.join()) {
        orders++;
        if ([...x.ids].sort().join() !== [...y.ids].sort().join()) sets++;
        process.stdout.write(`page\t${x.path}\n`);
      }
    }
    process.stdout.write(`${a!.length} pages: ${counts} counts differ, ${orders} pages list other services or in another order (${sets} other services)\n`);
  } else if (command === 'record') {
    const recorder = recordingDatabase(db);
    const config = { ...loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent' }), searchCacheSeconds: 0 };
    const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db: recorder.db });
    const { app } = await buildApp({ config, db: recorder.db, mailer, appSecret: BENCH_APP_SECRET, logger: false, workerAutostart: false });
    const pages: { path: string; txs: Page }[] = [];
    const answers: { path: string; count: string; ids: string[] }[] = [];
    // --every N: every N-th question only (a quicker look; replays then compare recordings made with the same N).
    const every = Number(values.every);
    for (const path of distinctSearches(townAt(0).slug, 2_000).filter((_, i) => i % every === 0)) {
      const txs = await recorder.record(async () => {
        const res = await app.inject({ method: 'GET', url: path });
        if (res.statusCode !== 200) throw new Error(`GET ${path} answered ${res.statusCode}`);
        answers.push({ path, ...answerOf(res.body) });
      });
      pages.push({ path, txs });
    }
    await app.close();
    fs.writeFileSync(files[0]!, JSON.stringify(pages));
    fs.writeFileSync(`${files[0]!}.answers.json`, JSON.stringify(answers));
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
        const [cpu0, own0, t0] = [await serverCpu(), process.cpuUsage(), performance.now()];
        const s = await runRawSql(db, r.pages, Number(values.connections), Number(values.duration), interrupt);
        const [cpu1, own1, wall] = [await serverCpu(), process.cpuUsage(own0), (performance.now() - t0) / 1000];
        // Pages done over the whole replay (warm-up included), estimated from the measured rate.
        const done = Math.max(1, s.rps * wall);
        const perPage = (seconds: number) => ((seconds * 1000) / done).toFixed(1);
        first ??= s.rps;
        process.stdout.write(`round ${round}\t${r.name}\t${s.rps.toFixed(1)} pages/s\tp50 ${s.p50.toFixed(0)} ms\tp99 ${s.p99.toFixed(0)} ms\t× first ${(s.rps / first).toFixed(2)}\terrors ${s.errors}`
          + `\tserver CPU ${perPage(cpuSpent(cpu0, cpu1))} ms/page (${cpuSpent(cpu0, cpu1).toFixed(1)} s in ${wall.toFixed(1)} s)\tbench CPU ${perPage((own1.user + own1.system) / 1e6)} ms/page\n`);
      }
    }
  }
} finally {
  await db.close();
}
