/**
 * `npx tsx bench/surveys.ts [-- --answers 1000000 --respondents 500 --database-url postgres://…]`
 * (`npm run bench:surveys`). The surveys module (issue 19) on a fresh database (PGlite in memory unless
 * --database-url names an empty PostgreSQL database):
 * - a cross-tabulation over 1 000 000 generated answers (100 000 responses × 10 questions), through the
 *   module's read model (as the app role, under row-level security, with suppression) against the raw SQL
 *   of the same aggregate run by the owner, in the same run, each the median of 5 (after a warm-up);
 * - 500 respondents answering a 5-question survey at once over HTTP, one question per page (start, five
 *   pages saved as they go, send): latency p50/p95/p99 of every POST, and every response stored complete.
 * Writes bench/results/surveys.json; exits with 1 when a check fails. Targets: cross-tab ≤ 1 s and ≤ 1.5× the
 * raw SQL; answering p99 ≤ 150 ms, nothing lost — figures on a loaded machine say little alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app';
import { addOwnedQuestion, createOwnedSurvey, CROSS_TAB_SQL, surveyCrossTab, type QuestionInput } from '../src/modules/surveys';
import { loadConfig } from '../src/platform/config';
import { migrate } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import type { Database } from '../src/platform/db/types';
import { createMailer } from '../src/platform/mail/mailer';
import { Jar } from './session';

const { values } = parseArgs({
  options: {
    answers: { type: 'string', default: '1000000' },
    respondents: { type: 'string', default: '500' },
    'database-url': { type: 'string' },
  },
});
const answerCount = Number(values.answers);
const respondents = Number(values.respondents);
const QUESTIONS = 10;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

async function openDb(): Promise<Database> {
  const url = values['database-url'];
  const db = url ? openPostgres(url, 20) : await openPglite({});
  await migrate(db);
  return db;
}

const db = await openDb();
const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', TRUST_PROXY: 'loopback' });
const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db });
const { app } = await buildApp({ config, db, mailer, appSecret: 'bench-secret-bench-secret-bench-secret-0123456789', logger: false, workerAutostart: false });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const checks: { name: string; ok: boolean; detail: string }[] = [];

const slug = 'bench-ankiety';
const [municipality] = await db.ownerTx((sql) =>
  sql.query<{ id: string }>("INSERT INTO municipalities (slug, name, teryt, cus_name) VALUES ($1, 'Gmina Ankietowa', '1438098', 'Centrum Usług Społecznych w Ankietowie') RETURNING id", [slug]),
);
const m = municipality!.id;
const ctx = { municipalityId: m, userId: null };
const day = 86_400_000;
const single = (text: string): Omit<QuestionInput, 'section_key'> => ({
  kind: 'single', text_pl: text, text_en: '', required: true, grid_rows: [], scale_min: null, scale_max: null, scale_labels: {}, number_min: null, number_max: null,
  show_if_question: null, show_if_choice: null, choices: ['a', 'b', 'c', 'd', 'e'].map((v, i) => ({ value: v, pl: `Odpowiedź ${i + 1}`, en: '' })),
});
const survey = async (title: string, count: number) =>
  db.tx(ctx, async (sql) => {
    const id = await createOwnedSurvey(sql, m, {
      title_pl: title, title_en: '', intro_pl: '', intro_en: '', purpose: 'diagnosis', audience: 'link', layout: 'one_per_page', anonymous: true,
      opens_at: new Date(Date.now() - day), closes_at: new Date(Date.now() + day), min_cell: 5,
    }, { module: 'bench', id: crypto.randomUUID() });
    for (let i = 1; i <= count; i++) await addOwnedQuestion(sql, m, id, single(`Pytanie ${i}`));
    await sql.query("UPDATE surveys SET status = 'open' WHERE municipality_id = $1 AND id = $2", [m, id]);
    return id;
  });

// 1. The cross-tabulation over 1 000 000 answers.
const big = await survey('Diagnoza potrzeb — dane wygenerowane', QUESTIONS);
const keys = await db.ownerTx((sql) => sql.query<{ id: string; key: string }>('SELECT id, key FROM survey_questions WHERE survey_id = $1 ORDER BY position', [big]));
const responseCount = Math.ceil(answerCount / QUESTIONS);
const generateStarted = performance.now();
await db.ownerTx(async (sql) => {
  for (let from = 1; from <= responseCount; from += 20_000) {
    const to = Math.min(responseCount, from + 19_999);
    await sql.query(
      `INSERT INTO survey_responses (municipality_id, id, survey_id, survey_version, anonymous, status, started_on, submitted_on)
       SELECT $1, md5($2::text || g)::uuid, $2::uuid, 1, true, 'submitted', current_date, current_date FROM generate_series($3::int, $4::int) g`,
      [m, big, from, to],
    );
    await sql.query(
      `INSERT INTO survey_answers (municipality_id, response_id, survey_id, question_id, question_key, choice)
       SELECT $1, md5($2::text || g)::uuid, $2::uuid, q.id, q.key, chr(97 + ((g * 7 + q.n * 13 + (g / 7) * q.n) % 5)::int)
       FROM generate_series($3::int, $4::int) g, (SELECT id, key, row_number() OVER (ORDER BY position)::int AS n FROM survey_questions WHERE survey_id = $2::uuid) q`,
      [m, big, from, to],
    );
  }
  await sql.query('ANALYZE survey_answers');
  await sql.query('ANALYZE survey_responses');
});
const generateMs = performance.now() - generateStarted;
const [{ n: stored }] = (await db.ownerTx((sql) => sql.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_answers WHERE survey_id = $1', [big]))) as [{ n: number }];
checks.push({ name: 'answers generated', ok: stored === responseCount * QUESTIONS, detail: `${stored} answers in ${round(generateMs / 1000)} s` });

const [ka, kb] = [keys[0]!.key, keys[1]!.key];
const moduleRun = async () => {
  const started = performance.now();
  const table = await db.tx(ctx, (sql) => surveyCrossTab(sql, m, big, ka, kb));
  return { ms: performance.now() - started, total: table.rows.flatMap((r) => r.cells).reduce((s, c) => s + c.n, 0) };
};
const rawRun = async () => {
  const started = performance.now();
  const rows = await db.ownerTx((sql) => sql.query<{ n: number }>(CROSS_TAB_SQL, [m, big, ka, kb]));
  return { ms: performance.now() - started, total: rows.reduce((s, r) => s + r.n, 0) };
};
await moduleRun();
await rawRun();
const moduleTimes: number[] = [];
const rawTimes: number[] = [];
let totals = new Set<number>();
for (let i = 0; i < 5; i++) {
  const a = await moduleRun();
  const b = await rawRun();
  moduleTimes.push(a.ms);
  rawTimes.push(b.ms);
  totals = new Set([...totals, a.total, b.total]);
}
const crossMs = median(moduleTimes);
const rawMs = median(rawTimes);
checks.push({ name: 'cross-tab counts every response once, as the raw SQL', ok: totals.size === 1 && totals.has(responseCount), detail: `${[...totals].join(', ')} of ${responseCount}` });
checks.push({ name: 'cross-tab ≤ 1 s and ≤ 1.5× the raw SQL', ok: crossMs <= 1000 && crossMs <= 1.5 * rawMs, detail: `${round(crossMs)} ms vs ${round(rawMs)} ms` });
const pageStarted = performance.now();
const page = await fetch(`${base}/${slug}/ankiety/${big}`, { headers: { 'x-forwarded-for': '10.9.0.1' } });
await page.arrayBuffer();
const introMs = performance.now() - pageStarted;

// 2. 500 respondents answering at once: one question per page, saved as they go.
const small = await survey('Ankieta satysfakcji — 5 pytań', 5);
const smallQuestions = await db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM survey_questions WHERE survey_id = $1 ORDER BY position', [small]));
const latencies: number[] = [];
let failed = 0;
const post = async (jar: Jar, address: string, url: string, body: Record<string, string>) => {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie: jar.header(), accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address }, body: new URLSearchParams(body) });
  latencies.push(performance.now() - started);
  jar.take(res);
  await res.arrayBuffer();
  if (res.status >= 400) failed += 1;
  return res.status;
};
const sessions = await Promise.all(Array.from({ length: respondents }, async (_, i) => {
  const address = `10.${20 + Math.floor(i / 250)}.${i % 250}.9`;
  const jar = new Jar();
  const intro = await fetch(`${base}/${slug}/ankiety/${small}`, { headers: { 'x-forwarded-for': address } });
  jar.take(intro);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await intro.text())?.[1] ?? '';
  return { jar, address, csrf };
}));
const wall = performance.now();
await Promise.all(sessions.map(async (s, i) => {
  await post(s.jar, s.address, `${base}/${slug}/ankiety/${small}/start`, { _csrf: s.csrf });
  for (const q of smallQuestions) await post(s.jar, s.address, `${base}/${slug}/ankiety/${small}/odpowiedzi`, { _csrf: s.csrf, go: 'next', [`q_${q.id}`]: 'abcde'[(i + q.id.charCodeAt(0)) % 5]! });
  await post(s.jar, s.address, `${base}/${slug}/ankiety/${small}/wyslij`, { _csrf: s.csrf });
}));
const answeringWall = performance.now() - wall;
latencies.sort((a, b) => a - b);
const [complete] = await db.ownerTx((sql) =>
  sql.query<{ sent: number; answers: number }>(
    `SELECT count(*) FILTER (WHERE r.status = 'submitted')::int AS sent, (SELECT count(*)::int FROM survey_answers a WHERE a.survey_id = $1) AS answers FROM survey_responses r WHERE r.survey_id = $1`,
    [small],
  ),
);
checks.push({ name: 'every respondent sent, every answer stored — nothing lost', ok: failed === 0 && complete!.sent === respondents && complete!.answers === respondents * 5, detail: `${complete!.sent} sent, ${complete!.answers} answers, ${failed} refused` });
const p99 = quantile(latencies, 0.99);
checks.push({ name: 'answering p99 ≤ 150 ms', ok: p99 <= 150, detail: `${round(p99)} ms` });

const result = {
  when: new Date().toISOString(),
  engine: values['database-url'] ? 'postgres' : 'pglite',
  loadAverage: os.loadavg().map(round),
  crossTab: { answers: stored, responses: responseCount, moduleMs: round(crossMs), rawSqlMs: round(rawMs), ratio: round((crossMs / rawMs) * 100) / 100, target: '≤ 1000 ms, ≤ 1.5×', runs: { module: moduleTimes.map(round), raw: rawTimes.map(round) }, introPageMs: round(introMs) },
  answering: { respondents, posts: latencies.length, wallMs: round(answeringWall), p50: round(quantile(latencies, 0.5)), p95: round(quantile(latencies, 0.95)), p99: round(p99), max: round(latencies.at(-1) ?? 0), targetP99: 150 },
  checks,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', `surveys-${result.engine}.json`), `${JSON.stringify(result, null, 2)}\n`);
await app.close();
mailer.close();
await db.close();
process.exit(checks.every((c) => c.ok) ? 0 : 1);
