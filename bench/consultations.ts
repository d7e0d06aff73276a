/**
 * `npx tsx bench/consultations.ts [-- --people 300 --parts 120 --remarks 5000 --pages 100 --duration 30 --think 3000 --database-url postgres://…]`
 * (`npm run bench:consultations`). The consultations module under load, on a fresh database (PGlite in
 * memory unless --database-url names an empty PostgreSQL database): a 120-part text loaded as DOCX, then
 * comments in two ways:
 *
 * - **People commenting concurrently** (the issue's target, p99 ≤ 150 ms, nothing lost): --people (300)
 *   logged-in residents, each in a loop for --duration seconds (30): reads a part's page (GET, the form's
 *   CSRF token), thinks, posts a comment on it, thinks again — think times exponentially distributed with
 *   mean --think ms (3 000; each person starts after one such pause, so they do not move in step), at most
 *   18 comments a person (the per-person limit is 20 in 10 minutes). The people are a separate process
 *   (this file forked with --client), so their event loop and the server's are not one: the latencies are
 *   what a person waits, not a queue the bench builds inside the server. Every comment the server accepted
 *   must be stored exactly once (ids and contents checked against the table).
 * - **A burst** (throughput): the same people all post one comment at the same instant from the server's
 *   own process; reported as comments per second and the wall time, not as anyone's wait.
 *
 * Then the report of --remarks (5 000) remarks as HTML and as PDF (median of --report-repeat runs, 3), the public
 * consultation page with those remarks (paged, 50 a page), importing a 100-page DOCX, and the
 * announcements' board and Atom feeds with --announcements (3 000) published against the raw SQL of the
 * board's query in the same run (median of --repeat requests). Writes bench/results/consultations.json;
 * exits with 1 when a check fails. Targets (issue 16): comment p99 ≤ 150 ms, report HTML ≤ 1 s, PDF ≤ 5 s,
 * 100-page DOCX ≤ 2 s — figures on a loaded machine say little alone (the load average is recorded).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { migrate } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import type { Database } from '../src/platform/db/types';
import { createMailer } from '../src/platform/mail/mailer';
import { hashPassword } from '../src/platform/auth/passwords';
import { makeDocx } from '../test/modules/consultations-helpers';
import { newToken } from '../src/platform/auth/tokens';
import { Jar, logIn } from './session';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '300' },
    parts: { type: 'string', default: '120' },
    remarks: { type: 'string', default: '5000' },
    pages: { type: 'string', default: '100' },
    announcements: { type: 'string', default: '3000' },
    repeat: { type: 'string', default: '20' },
    duration: { type: 'string', default: '30' },
    think: { type: 'string', default: '3000' },
    'report-repeat': { type: 'string', default: '3' },
    'database-url': { type: 'string' },
    /** Internal: run as the people's process with this JSON spec, print one JSON result. */
    client: { type: 'string' },
  },
});

/** What the people's process is told: where to go, who they are (session cookie, address), which parts they read. */
interface PeopleSpec {
  base: string;
  slug: string;
  consultationId: string;
  parts: string[];
  people: { cookie: string; address: string }[];
  durationMs: number;
  thinkMs: number;
  maxPerPerson: number;
}

interface PeopleResult {
  comments: number[];
  pages: number[];
  ids: string[];
  contents: string[];
  refused: { status: number; count: number }[];
  wallMs: number;
}

/** The people: each in a loop of read, think, comment, think, until the time is up (run in its own process). */
async function runPeople(spec: PeopleSpec): Promise<PeopleResult> {
  // Exponential pauses (a Poisson process per person), seeded per person so runs compare.
  let seed = 0x2f6b_1d3a;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    return (seed + 0.5) / 4_294_967_296;
  };
  const pause = () => new Promise((r) => setTimeout(r, -Math.log(random()) * spec.thinkMs));
  const result: PeopleResult = { comments: [], pages: [], ids: [], contents: [], refused: [], wallMs: 0 };
  const refused = new Map<number, number>();
  const started = performance.now();
  const end = started + spec.durationMs;
  await Promise.all(spec.people.map(async (p, i) => {
    await pause();
    for (let k = 0; k < spec.maxPerPerson && performance.now() < end; k++) {
      const part = spec.parts[(i * 7 + k * 13) % spec.parts.length]!;
      const url = `${spec.base}/${spec.slug}/consultations/${spec.consultationId}/parts/${part}`;
      let t = performance.now();
      const page = await fetch(url, { headers: { cookie: p.cookie, 'x-forwarded-for': p.address } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      result.pages.push(performance.now() - t);
      await pause();
      if (performance.now() >= end) break;
      const content = `Uwaga ${i}-${k}: proszę doprecyzować sposób realizacji zadania i wskazać, kto za nie odpowiada.`;
      t = performance.now();
      const res = await fetch(`${url}/comments`, {
        method: 'POST', headers: { cookie: p.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': p.address },
        body: new URLSearchParams({ _csrf: csrf, content, ...(k % 3 === 0 ? { anonymous: '1' } : {}) }),
      });
      const body = await res.text();
      result.comments.push(performance.now() - t);
      if (res.status === 201) {
        result.ids.push((JSON.parse(body) as { id: string }).id);
        result.contents.push(content);
      } else refused.set(res.status, (refused.get(res.status) ?? 0) + 1);
      await pause();
    }
  }));
  result.wallMs = performance.now() - started;
  result.refused = [...refused].map(([status, count]) => ({ status, count }));
  return result;
}

if (values.client) {
  process.stdout.write(JSON.stringify(await runPeople(JSON.parse(values.client) as PeopleSpec)));
  process.exit(0);
}

/** Runs the people in a child process (this file with --client): its own event loop, its own core when there is one. */
function peopleProcess(spec: PeopleSpec): Promise<PeopleResult> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--client', JSON.stringify(spec)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as PeopleResult) : reject(new Error(`people process exited with ${code}`))));
  });
}
const [people, partCount, remarkCount, pages, announcementCount, repeat, duration, think, reportRepeat] = [values.people, values.parts, values.remarks, values.pages, values.announcements, values.repeat, values.duration, values.think, values['report-repeat']].map(Number) as [number, number, number, number, number, number, number, number, number];
const PASSWORD = 'Lniany-Szlak-Ławka-2026';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

async function openDb(): Promise<Database> {
  const url = values['database-url'];
  const db = url ? openPostgres(url, 20) : await openPglite({});
  await migrate(db);
  return db;
}

/** A text of `n` parts as a resolution is built: chapters of ten paragraphs, each with a lead and points. */
function legalText(n: number): string[] {
  const lines = ['Program współpracy Miasta z organizacjami pozarządowymi — projekt do konsultacji'];
  for (let i = 1; i <= n; i++) {
    if (i % 10 === 1) lines.push(`Rozdział ${Math.ceil(i / 10)}`, `Zadania w obszarze ${Math.ceil(i / 10)}`);
    lines.push(`§ ${i}. Miasto współpracuje z organizacjami w zakresie zadania nr ${i}, w szczególności przez:`, '1) zlecanie realizacji zadań publicznych;', '2) wzajemne informowanie się o planowanych kierunkach działalności.');
  }
  return lines;
}

/** About 100 pages: 8 paragraphs of 50 words a page (~400 words, a typed A4 page), a chapter every 5 pages. */
function longDocument(pageCount: number): string[] {
  const words = 'Centrum usług społecznych organizuje wsparcie dla mieszkańców we współpracy z organizacjami pozarządowymi i instytucjami miasta'.split(' ');
  const lines = ['Strategia rozwiązywania problemów społecznych — projekt'];
  let p = 0;
  for (let page = 1; page <= pageCount; page++) {
    if (page % 5 === 1) lines.push(`Rozdział ${Math.ceil(page / 5)}`, `Obszar strategiczny ${Math.ceil(page / 5)}`);
    for (let k = 0; k < 8; k++) {
      lines.push(Array.from({ length: 50 }, (_, j) => words[(p + j) % words.length]).join(' ') + '.');
      p += 1;
    }
  }
  return lines;
}

async function multipartPost(url: string, cookie: string, csrf: string, version: string, name: string, data: Buffer) {
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('version', version);
  form.set('file', new Blob([new Uint8Array(data)]), name);
  return fetch(url, { method: 'POST', body: form, headers: { cookie, 'x-forwarded-for': '10.9.0.1' }, redirect: 'manual' });
}

const tokenOf = async (url: string, cookie: string, address: string) => /name="_csrf" value="([^"]+)"/.exec(await (await fetch(url, { headers: { cookie, 'x-forwarded-for': address } })).text())?.[1] ?? '';

const db = await openDb();
const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', TRUST_PROXY: 'loopback' });
const mailer = createMailer({ smtpUrl: undefined, from: config.mailFrom, db });
const { app } = await buildApp({ config, db, mailer, appSecret: 'bench-secret-bench-secret-bench-secret-0123456789', logger: false, workerAutostart: false });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const checks: { name: string; ok: boolean; detail: string }[] = [];

// People: one shared password hash (the bench measures comments, not argon2).
const hash = await hashPassword(PASSWORD);
const slug = 'bench-konsultacje';
const { municipalityId, emails, directorEmail } = await db.ownerTx(async (sql) => {
  const [m] = await sql.query<{ id: string }>("INSERT INTO municipalities (slug, name, teryt, cus_name) VALUES ($1, 'Gmina Ławkowa', '1438099', 'Centrum Usług Społecznych w Ławkach') RETURNING id", [slug]);
  const add = async (email: string, name: string, role: string) => {
    const [u] = await sql.query<{ id: string }>('INSERT INTO users (email, display_name, password_hash, locale, email_verified_at) VALUES ($1, $2, $3, \'pl\', now()) RETURNING id', [email, name, hash]);
    await sql.query('INSERT INTO memberships (municipality_id, user_id, roles) VALUES ($1, $2, $3)', [m!.id, u!.id, [role]]);
  };
  await add('dyrektor@lawki.example', 'Dyrektor Ławek', 'director');
  const list: string[] = [];
  for (let i = 0; i < people; i++) {
    list.push(`mieszkaniec-${i}@lawki.example`);
    await add(list[i]!, `Mieszkaniec ${i}`, 'resident');
  }
  return { municipalityId: m!.id, emails: list, directorEmail: 'dyrektor@lawki.example' };
});

const director = await logIn(base, { email: directorEmail, password: PASSWORD }, '10.9.0.1');
let csrf = await tokenOf(`${base}/${slug}/consultations/new`, director, '10.9.0.1');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const created = await fetch(`${base}/${slug}/consultations/new`, {
  method: 'POST', redirect: 'manual', headers: { cookie: director, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.9.0.1' },
  body: new URLSearchParams([['_csrf', csrf], ['subject', 'Program współpracy na 2027 rok'], ['audience', 'everyone'], ['forms', 'comments'], ['opens_on', day(2)], ['opens_time', '8:00'], ['closes_on', day(9)], ['closes_time', '23:59'], ['allow_anonymous', '1']]),
});
const consultationId = /consultations\/([0-9a-f-]{36})\/manage/.exec(created.headers.get('location') ?? '')?.[1];
if (!consultationId) throw new Error(`consultation not created: ${created.status}`);
csrf = await tokenOf(`${base}/${slug}/consultations/${consultationId}/manage`, director, '10.9.0.1');
const loaded = await multipartPost(`${base}/${slug}/consultations/${consultationId}/text.docx`, director, csrf, '1', 'program.docx', makeDocx(legalText(partCount)));
const parts = await db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM consultation_parts WHERE consultation_id = $1 AND removed_at IS NULL ORDER BY position', [consultationId]));
checks.push({ name: 'text loaded', ok: loaded.status === 303 && parts.length === partCount, detail: `${parts.length} parts` });
await db.ownerTx((sql) => sql.query("UPDATE consultations SET opens_at = now() - interval '1 hour', closes_at = now() + interval '1 day' WHERE id = $1", [consultationId]));

// 300 people with sessions (made in the database: 300 logins would measure argon2, not comments), each
// opening their part's page once (the form's CSRF token), then all commenting at once (the burst).
const tokens = emails.map(() => newToken());
await db.ownerTx(async (sql) => {
  for (const [i, email] of emails.entries()) {
    await sql.query("INSERT INTO sessions (token_hash, user_id, expires_at) SELECT $1, id, now() + interval '1 day' FROM users WHERE email = $2", [tokens[i]!.hash, email]);
  }
});
const sessions: { cookie: string; csrf: string; address: string }[] = [];
for (let i = 0; i < emails.length; i += 20) {
  sessions.push(...(await Promise.all(tokens.slice(i, i + 20).map(async (t, k) => {
    const address = `10.${10 + Math.floor((i + k) / 250)}.${(i + k) % 250}.7`;
    const page = await fetch(`${base}/${slug}/consultations/${consultationId}/parts/${parts[(i + k) % parts.length]!.id}`, { headers: { cookie: `sid=${t.token}`, 'x-forwarded-for': address } });
    const jar = new Jar();
    jar.take(page);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    return { cookie: [`sid=${t.token}`, jar.header()].filter(Boolean).join('; '), address, csrf };
  }))));
}
const latencies: number[] = [];
const ids: string[] = [];
let failed = 0;
const wall = performance.now();
await Promise.all(sessions.map(async (s, i) => {
  const part = parts[i % parts.length]!;
  const started = performance.now();
  const res = await fetch(`${base}/${slug}/consultations/${consultationId}/parts/${part.id}/comments`, {
    method: 'POST', headers: { cookie: s.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': s.address },
    body: new URLSearchParams({ _csrf: s.csrf, content: `Uwaga nr ${i}: proszę doprecyzować sposób realizacji zadania.`, ...(i % 3 === 0 ? { anonymous: '1' } : {}) }),
  });
  latencies.push(performance.now() - started);
  if (res.status === 201) ids.push(((await res.json()) as { id: string }).id);
  else {
    failed += 1;
    await res.arrayBuffer();
  }
}));
const commentWall = performance.now() - wall;
latencies.sort((a, b) => a - b);
const stored = await db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM consultation_remarks WHERE consultation_id = $1', [consultationId]));
const storedIds = new Set(stored.map((r) => r.id));
checks.push({ name: 'burst: every comment stored once, nothing lost', ok: failed === 0 && stored.length === people && ids.every((id) => storedIds.has(id)), detail: `${stored.length} stored of ${people}, ${failed} refused` });

// The people commenting concurrently, from their own process (see the header): what a person waits.
const peopleRun = await peopleProcess({
  base, slug, consultationId, parts: parts.map((p) => p.id), people: sessions.map(({ cookie, address }) => ({ cookie, address })),
  durationMs: duration * 1000, thinkMs: think, maxPerPerson: 18,
});
const afterPeople = await db.ownerTx((sql) => sql.query<{ id: string; content: string }>("SELECT id, content FROM consultation_remarks WHERE consultation_id = $1 AND content LIKE 'Uwaga %-%:%'", [consultationId]));
const byId = new Set(afterPeople.map((r) => r.id));
const contentsStored = new Map<string, number>();
for (const r of afterPeople) contentsStored.set(r.content, (contentsStored.get(r.content) ?? 0) + 1);
const refusedCount = peopleRun.refused.reduce((n, r) => n + r.count, 0);
checks.push({
  name: 'people: every accepted comment stored exactly once, none refused',
  ok: refusedCount === 0 && afterPeople.length === peopleRun.ids.length && peopleRun.ids.every((id) => byId.has(id)) && peopleRun.contents.every((c) => contentsStored.get(c) === 1),
  detail: `${afterPeople.length} stored of ${peopleRun.ids.length} accepted, refused ${JSON.stringify(peopleRun.refused)}`,
});
const peopleComments = [...peopleRun.comments].sort((a, b) => a - b);
const peoplePages = [...peopleRun.pages].sort((a, b) => a - b);

// The report for 5 000 remarks: the rest added directly, with positions; the consultation closed.
await db.ownerTx(async (sql) => {
  await sql.query(
    `INSERT INTO consultation_remarks (municipality_id, consultation_id, part_id, source, author_name, content, position, reasons)
     SELECT $1, $2, (SELECT id FROM consultation_parts WHERE consultation_id = $2 ORDER BY position OFFSET (g % $4) LIMIT 1), 'written', 'Organizacja ' || g,
       'Uwaga pisemna nr ' || g || ': proponujemy zmianę brzmienia tego przepisu, aby uwzględniał potrzeby osób starszych i z niepełnosprawnościami.',
       (ARRAY['accepted','partly','rejected','not_applicable'])[1 + g % 4], 'Uzasadnienie stanowiska do uwagi ' || g || '.'
     FROM generate_series(1, $3) g`,
    [municipalityId, consultationId, Math.max(0, remarkCount - people - afterPeople.length), partCount],
  );
  await sql.query("UPDATE consultations SET closes_at = now() - interval '1 minute' WHERE id = $1", [consultationId]);
});
const timed = async (url: string) => {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie: director, 'x-forwarded-for': '10.9.0.1' } });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, status: res.status, bytes };
};
/** The median run of `n` (one is noise on a shared machine). */
const medianOf = async (url: string, n: number) => {
  const runs: Awaited<ReturnType<typeof timed>>[] = [];
  for (let i = 0; i < n; i++) runs.push(await timed(url));
  runs.sort((a, b) => a.ms - b.ms);
  return { ...runs[Math.floor((runs.length - 1) / 2)]!, runs: runs.map((r) => round(r.ms)) };
};
const html = await medianOf(`${base}/${slug}/consultations/${consultationId}/report`, reportRepeat);
const pdf = await medianOf(`${base}/${slug}/consultations/${consultationId}/report.pdf`, reportRepeat);
checks.push({ name: 'report HTML and PDF', ok: html.status === 200 && pdf.status === 200, detail: `HTML ${html.status} ${html.bytes} B, PDF ${pdf.status} ${pdf.bytes} B` });

// The public consultation page with those 5 000 remarks: one page of 50 (keyset), not all of them; a
// later page costs what the first does. Anonymous visitor, median of `repeat` sequential requests.
const visitorTimed = async (url: string) => {
  const started = performance.now();
  const res = await fetch(url, { headers: { 'x-forwarded-for': '10.9.1.1' } });
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, bytes: body.length, body };
};
const series = async (url: string, n = repeat) => {
  const runs: number[] = [];
  let last = { status: 0, bytes: 0, body: '' };
  for (let i = 0; i < n; i++) {
    const r = await visitorTimed(url);
    runs.push(r.ms);
    last = r;
  }
  runs.sort((a, b) => a - b);
  return { median: round(quantile(runs, 0.5)), p95: round(quantile(runs, 0.95)), status: last.status, bytes: last.bytes, body: last.body };
};
const pageUrl = `${base}/${slug}/consultations/${consultationId}`;
const firstPage = await series(pageUrl);
const after = /href="[^"]+\?after=([0-9a-f-]{36})#remarks" rel="next"/.exec(firstPage.body)?.[1];
const laterPage = after ? await series(`${pageUrl}?after=${after}`) : null;
const shownRemarks = (firstPage.body.match(/class="result remark"/g) ?? []).length;
checks.push({ name: 'consultation page paged', ok: firstPage.status === 200 && shownRemarks === 50 && Boolean(after) && laterPage?.status === 200, detail: `${shownRemarks} remarks on the first page of ${remarkCount}, ${firstPage.bytes} B` });

// Importing a 100-page DOCX into a new consultation.
const second = await fetch(`${base}/${slug}/consultations/new`, {
  method: 'POST', redirect: 'manual', headers: { cookie: director, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.9.0.1' },
  body: new URLSearchParams([['_csrf', csrf], ['subject', 'Strategia rozwiązywania problemów społecznych'], ['audience', 'everyone'], ['forms', 'comments'], ['opens_on', day(2)], ['opens_time', '8:00'], ['closes_on', day(9)], ['closes_time', '23:59']]),
});
const secondId = /consultations\/([0-9a-f-]{36})\/manage/.exec(second.headers.get('location') ?? '')![1]!;
const docx = makeDocx(longDocument(pages));
const importStarted = performance.now();
const imported = await multipartPost(`${base}/${slug}/consultations/${secondId}/text.docx`, director, csrf, '1', 'strategia.docx', docx);
const importMs = performance.now() - importStarted;
checks.push({ name: `${pages}-page DOCX imported`, ok: imported.status === 303, detail: `${imported.status}, ${docx.length} B` });

// Announcements: the board and the Atom feeds with a few thousand announcements, against the raw SQL of the
// board's query measured in the same run (the ratio says what the module adds: rendering, Markdown, the feed).
const boardUrl = `${base}/${slug}/ogloszenia`;
await (await fetch(boardUrl, { headers: { 'x-forwarded-for': '10.9.2.1' } })).arrayBuffer(); // the standard categories, on first use
const BODY = [
  'Centrum Usług Społecznych informuje o **naborze** uczestników do zajęć.',
  '',
  '## Dla kogo',
  '',
  '- osoby starsze mieszkające w gminie,',
  '- opiekunowie osób z niepełnosprawnościami,',
  '- rodziny z dziećmi.',
  '',
  '| Dzień | Godzina | Miejsce |',
  '| --- | --- | --- |',
  '| poniedziałek | 10:00 | Klub Seniora, ul. Polna 3 |',
  '| środa | 16:00 | Świetlica, ul. Lipowa 12 |',
  '',
  'Zgłoszenia: tel. 46 855 00 15 albo [formularz](https://cus.example/zgloszenia).',
].join('\n');
await db.ownerTx(async (sql) => {
  await sql.query(
    `INSERT INTO announcements (municipality_id, number, category_id, status, title, lead, body, produced_by, publish_at, published_at, published_version, mailed_at)
     SELECT $1, (SELECT coalesce(max(number), 0) FROM announcements WHERE municipality_id = $1) + g, (SELECT id FROM announcement_categories WHERE municipality_id = $1 ORDER BY position, slug OFFSET (g % 5) LIMIT 1), 'published',
       'Ogłoszenie nr ' || g || ': nabór na zajęcia w Klubie Seniora', 'Krótki wstęp do ogłoszenia nr ' || g || ' o zajęciach dla mieszkańców.', $3, 'Dział Pracy Socjalnej',
       now() - (g || ' hours')::interval, now() - (g || ' hours')::interval, 1, now()
     FROM generate_series(1, $2::int) g`,
    [municipalityId, announcementCount, BODY],
  );
  await sql.query(
    `INSERT INTO announcement_versions (municipality_id, announcement_id, n, title, lead, body, produced_by)
     SELECT a.municipality_id, a.id, 1, a.title, a.lead, a.body, a.produced_by FROM announcements a WHERE a.municipality_id = $1
       AND a.status = 'published' AND NOT EXISTS (SELECT 1 FROM announcement_versions v WHERE v.municipality_id = a.municipality_id AND v.announcement_id = a.id)`,
    [municipalityId],
  );
});
const [category] = await db.ownerTx((sql) => sql.query<{ slug: string }>('SELECT slug FROM announcement_categories WHERE municipality_id = $1 ORDER BY position, slug LIMIT 1', [municipalityId]));
const boardPage = await series(boardUrl);
const feed = await series(`${boardUrl}/kanal.atom`);
const categoryFeed = await series(`${boardUrl}/kategoria/${category!.slug}/kanal.atom`);
const sqlRuns: number[] = [];
for (let i = 0; i < repeat; i++) {
  const started = performance.now();
  await db.tx({ municipalityId, userId: null }, (sql) =>
    sql.query(
      `SELECT a.*, c.slug, c.name FROM announcements a JOIN announcement_categories c ON c.municipality_id = a.municipality_id AND c.id = a.category_id
       WHERE a.municipality_id = $1 AND a.status = 'published' AND a.publish_at <= now() AND (a.remove_at IS NULL OR a.remove_at > now())
       ORDER BY a.publish_at DESC, a.number DESC LIMIT 50`,
      [municipalityId],
    ),
  );
  sqlRuns.push(performance.now() - started);
}
sqlRuns.sort((a, b) => a - b);
const sqlMedian = round(quantile(sqlRuns, 0.5));
const entries = (feed.body.match(/<entry>/g) ?? []).length;
checks.push({ name: 'announcements board and feeds', ok: boardPage.status === 200 && feed.status === 200 && categoryFeed.status === 200 && entries === 50, detail: `board ${boardPage.bytes} B, feed ${entries} entries ${feed.bytes} B` });
const ratio = (ms: number) => (sqlMedian > 0 ? round(ms / sqlMedian) : null);

const result = {
  when: new Date().toISOString(),
  engine: values['database-url'] ? 'postgres' : 'pglite',
  loadAverage: os.loadavg().map(round),
  /** The model: people reading and commenting with think time, from their own process. */
  people: {
    people, parts: partCount, durationS: duration, meanThinkMs: think, wallMs: round(peopleRun.wallMs),
    comments: peopleComments.length, commentsPerSecond: round(peopleComments.length / (peopleRun.wallMs / 1000)),
    comment: { p50: round(quantile(peopleComments, 0.5)), p95: round(quantile(peopleComments, 0.95)), p99: round(quantile(peopleComments, 0.99)), max: round(peopleComments.at(-1) ?? 0) },
    page: { count: peoplePages.length, p50: round(quantile(peoplePages, 0.5)), p95: round(quantile(peoplePages, 0.95)), p99: round(quantile(peoplePages, 0.99)) },
    targetP99: 150,
  },
  /** All at the same instant from the server's own process: throughput, not a person's wait. */
  burst: { comments: people, wallMs: round(commentWall), commentsPerSecond: round(people / (commentWall / 1000)), p50: round(quantile(latencies, 0.5)), p99: round(quantile(latencies, 0.99)) },
  report: { remarks: remarkCount, htmlMs: round(html.ms), htmlRuns: html.runs, htmlTarget: 1000, pdfMs: round(pdf.ms), pdfRuns: pdf.runs, pdfTarget: 5000 },
  docx: { pages, bytes: docx.length, ms: round(importMs), target: 2000 },
  consultationPage: { remarks: remarkCount, firstMedianMs: firstPage.median, firstP95Ms: firstPage.p95, laterMedianMs: laterPage?.median ?? null, bytes: firstPage.bytes, repeat },
  announcements: {
    count: announcementCount, repeat, sqlMedianMs: sqlMedian,
    board: { medianMs: boardPage.median, p95Ms: boardPage.p95, ratioToSql: ratio(boardPage.median) },
    feed: { medianMs: feed.median, p95Ms: feed.p95, ratioToSql: ratio(feed.median) },
    categoryFeed: { medianMs: categoryFeed.median, p95Ms: categoryFeed.p95, ratioToSql: ratio(categoryFeed.median) },
  },
  /** The targets, met or not (not part of the exit code: a shared machine's figures say little alone). */
  targets: {
    commentP99: quantile(peopleComments, 0.99) <= 150,
    reportHtml: html.ms <= 1000,
    reportPdf: pdf.ms <= 5000,
    docx: importMs <= 2000,
  },
  checks,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', 'consultations.json'), `${JSON.stringify(result, null, 2)}\n`);
await app.close();
mailer.close();
await db.close();
process.exit(checks.every((c) => c.ok) ? 0 : 1);
