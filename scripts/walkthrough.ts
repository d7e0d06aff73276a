/**
 * The new-user journeys walked in a browser (issue 14): `npx tsx scripts/walkthrough.ts [--out dir]`.
 *
 * Starts the demo (Żyrardów) on a fresh in-memory PGlite, serves it on loopback, and drives Debian's
 * chromium through what each demo person does first: the anonymous resident, the resident, the NGO
 * representative and each staff role. Every step is saved as a full-page screenshot at 1280 px and at
 * 320 px (`NN-person-step-1280.png`, `…-320.png`, default folder test-results/walkthrough/) and checked
 * with axe-core and for sideways scrolling at 320 px; the script prints one line per step with the
 * heading, the findings (axe violations, page wider than 320 px, ISO dates in the text) and ends with
 * a summary. It is not part of `npm test`: it is for people to look at the pictures (docs/walkthrough.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import axeCore from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { migrate } from '../src/platform/db/migrate';
import { openPglite } from '../src/platform/db/pglite';
import { createMailer } from '../src/platform/mail/mailer';
import { totpCode } from '../src/platform/auth/totp';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const M = '/zyrardow';

const outArg = process.argv.indexOf('--out');
const OUT = path.resolve(outArg > 0 ? process.argv[outArg + 1]! : path.join(import.meta.dirname, '../test-results/walkthrough'));
fs.mkdirSync(OUT, { recursive: true });

interface Finding {
  shot: string;
  url: string;
  h1: string;
  axe: string[];
  wide: string;
  iso: string[];
  english: string[];
}
const findings: Finding[] = [];
let n = 0;
let base = '';

/** Words that give away English text left on a Polish page. */
const ENGLISH = /\b(the|and|with|please|submit|cancel|save|delete|edit|back|next|previous|search|error|required|loading|none|yes|no|view|details|status|page)\b/i;

async function record(page: Page, who: string, step: string): Promise<void> {
  n += 1;
  const shot = `${String(n).padStart(2, '0')}-${who}-${step}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(OUT, `${shot}-1280.png`), fullPage: true });
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axeCore.source);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ' ' + v.nodes.map((x) => JSON.stringify(x.target)).join(' ')))`,
  )) as string[];
  await page.setViewportSize({ width: 320, height: 640 });
  const layout = (await page.evaluate(`(() => {
    const root = document.documentElement;
    const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
    const wide = [...document.body.querySelectorAll('*')].filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > root.clientWidth + 0.5).map((e) => name(e) + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
    const text = document.body.innerText;
    return { width: root.scrollWidth, wide: wide.slice(-4).join(', '), h1: document.querySelector('h1')?.innerText ?? '(no h1)', iso: [...new Set(text.match(/\\b\\d{4}-\\d{2}-\\d{2}(?:T[\\d:]+)?\\b/g) ?? [])].slice(0, 4),
      lines: text.split('\\n').map((l) => l.trim()).filter(Boolean) };
  })()`)) as { width: number; wide: string; h1: string; iso: string[]; lines: string[] };
  await page.screenshot({ path: path.join(OUT, `${shot}-320.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  const english = layout.lines.filter((l) => ENGLISH.test(l) && !/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/.test(l) && l.split(/\s+/).length >= 2).slice(0, 4);
  const f: Finding = { shot, url: page.url().replace(base, ''), h1: layout.h1, axe: violations, wide: layout.width > 320 ? `${layout.width}px: ${layout.wide}` : '', iso: layout.iso, english };
  findings.push(f);
  const notes = [
    f.axe.length ? `axe: ${f.axe.join('; ')}` : '',
    f.wide ? `WIDE ${f.wide}` : '',
    f.iso.length ? `ISO dates: ${f.iso.join(', ')}` : '',
    f.english.length ? `English? ${f.english.map((l) => JSON.stringify(l.slice(0, 60))).join(', ')}` : '',
  ].filter(Boolean);
  console.log(`${shot}  ${f.url}  „${f.h1}”${notes.length ? `\n    ${notes.join('\n    ')}` : ''}`);
}

async function go(page: Page, url: string): Promise<void> {
  await page.goto(`${base}${url}`, { waitUntil: 'load' });
}

async function click(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.first().click()]);
}

/** Follows the first link inside the page's main table or list of results; false when there is none. */
async function openFirst(page: Page, selector = 'main table tbody a, main .results a, main li h2 a, main li h3 a'): Promise<boolean> {
  const link = page.locator(selector).first();
  if ((await link.count()) === 0) return false;
  await click(page, link);
  return true;
}

async function logIn(page: Page, email: string): Promise<void> {
  await go(page, '/login');
  await page.getByLabel(/^Adres e-mail/).fill(email);
  await page.getByLabel(/^Hasło/).fill(DEMO_PASSWORD);
  await click(page, page.getByRole('button', { name: 'Zaloguj się' }));
}

/** Staff enrol the second factor the first time a page with personal data asks (as a new person would). */
async function enrolIfAsked(page: Page, who: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/account/mfa') return;
  await record(page, who, 'mfa');
  const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
  await page.getByLabel(/^Kod z aplikacji/).fill(totpCode(secret));
  await click(page, page.getByRole('button', { name: 'Włącz' }));
  await record(page, who, 'recovery-codes');
  await click(page, page.getByRole('link', { name: 'Dalej' }));
}

async function step(page: Page, who: string, name: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
    await enrolIfAsked(page, who);
    await record(page, who, name);
  } catch (err) {
    console.log(`!! ${who} ${name}: ${(err as Error).message.split('\n')[0]}`);
    findings.push({ shot: `${who}-${name}`, url: page.url().replace(base, ''), h1: 'FAILED', axe: [], wide: '', iso: [], english: [(err as Error).message.split('\n')[0]!] });
  }
}

async function anonymous(ctx: BrowserContext): Promise<void> {
  const page = await ctx.newPage();
  const who = 'anon';
  await step(page, who, 'home', () => go(page, M));
  await step(page, who, 'search-typo', async () => {
    await page.locator('#home-q').fill('opeika wytchnienowa');
    await click(page, page.locator('form.home-search button'));
  });
  await step(page, who, 'service', () => openFirst(page, 'main .results a, main ol a, main ul a[href*="/services/"]'));
  await step(page, who, 'check-form', () => go(page, `${M}/check`));
  await step(page, who, 'check-result', async () => {
    await page.getByLabel('Ile masz lat?').fill('78');
    await page.getByRole('group', { name: /Czy mieszkasz w tej gminie/ }).getByLabel('Tak').check();
    await page.getByLabel(/Ile osób liczy Twoje gospodarstwo/).fill('1');
    await page.getByRole('group', { name: /Czym się teraz zajmujesz/ }).getByLabel('Jestem na emeryturze lub rencie').check();
    const alone = page.getByLabel(/Mieszkam sam/);
    if (await alone.count()) await alone.first().check();
    await click(page, page.locator('button[name=step][value=result]'));
  });
  await step(page, who, 'organisations', () => go(page, `${M}/organisations`));
  await step(page, who, 'organisation', () => openFirst(page));
  await step(page, who, 'announcements', () => go(page, `${M}/announcements`));
  await page.close();
}

async function resident(ctx: BrowserContext): Promise<void> {
  const page = await ctx.newPage();
  const who = 'resident';
  await step(page, who, 'login', () => go(page, '/login'));
  await step(page, who, 'start', () => logIn(page, 'mieszkanka@zyrardow.example'));
  await step(page, who, 'apply-form', () => go(page, `${M}/applications/new`));
  await step(page, who, 'apply-refused', async () => {
    await click(page, page.locator('main form button[type=submit]').last());
    const focused = await page.evaluate('document.activeElement?.id || document.activeElement?.tagName');
    console.log(`    focus after the refused form: ${String(focused)}`);
  });
  await step(page, who, 'apply-sent', async () => {
    await go(page, `${M}/applications/new`);
    const service = page.locator('main select').first();
    if (await service.count()) {
      const options = await service.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      await service.selectOption(options[options.length - 1]!);
    } else {
      await page.locator('main input[type=radio]').last().check();
    }
    await page.getByLabel(/^Zgadzam się na przetwarzanie danych/).check();
    const text = page.locator('main textarea').first();
    if (await text.count()) await text.fill('Mieszkam sama na trzecim piętrze, potrzebuję pomocy przy zakupach i sprzątaniu.');
    await click(page, page.locator('main form button[type=submit]').last());
  });
  await step(page, who, 'my-applications', () => go(page, `${M}/applications/mine`));
  await step(page, who, 'my', () => go(page, `${M}/my`));
  await step(page, who, 'my-plans', () => go(page, `${M}/my/plans`));
  await step(page, who, 'my-plan', () => openFirst(page, 'main a[href*="/my/plans/"]:not([href$=".pdf"])'));
  await step(page, who, 'my-referrals', () => go(page, `${M}/my/referrals`));
  await step(page, who, 'my-consents', () => go(page, `${M}/my/consents`));
  await step(page, who, 'my-reads', () => go(page, `${M}/my/reads`));
  await step(page, who, 'my-documents', () => go(page, `${M}/my/documents`));
  await page.close();
}

async function ngo(ctx: BrowserContext): Promise<void> {
  const page = await ctx.newPage();
  const who = 'ngo';
  await step(page, who, 'start', () => logIn(page, 'organizacja@zyrardow.example'));
  await step(page, who, 'referrals-inbox', () => go(page, `${M}/referrals/inbox`));
  await step(page, who, 'referral', () => openFirst(page));
  await step(page, who, 'venues', () => go(page, `${M}/venues`));
  await step(page, who, 'venue', () => openFirst(page, 'main a[href*="/venues/"]:not([href$="/bookings"])'));
  await step(page, who, 'room', () => openFirst(page, 'main a[href*="/venues/rooms/"]'));
  await step(page, who, 'book-form', () => openFirst(page, 'main a[href$="/book"]'));
  await step(page, who, 'my-bookings', () => go(page, `${M}/venues/bookings`));
  await step(page, who, 'my-organisations', () => go(page, `${M}/organisations/mine`));
  await step(page, who, 'organisation', () => openFirst(page, 'main a[href*="/organisations/"]:not([href$="/register"])'));
  await step(page, who, 'meetings-inbox', () => go(page, `${M}/meetings/inbox`));
  await page.close();
}

interface Staff {
  who: string;
  email: string;
  list: string;
  detail?: string;
  more?: [string, string][];
}

const STAFF: Staff[] = [
  { who: 'coordinator', email: 'koordynator@zyrardow.example', list: '/applications', detail: 'main table tbody a', more: [['cases', '/cases'], ['referrals-overdue', '/referrals/overdue'], ['dashboards', '/dashboards']] },
  { who: 'director', email: 'dyrektor@zyrardow.example', list: '/plans/awaiting', detail: 'main table tbody a, main li a', more: [['dashboards', '/dashboards']] },
  { who: 'organiser', email: 'organizator@zyrardow.example', list: '/organisations/queue', detail: 'main table tbody a, main li a', more: [['meetings', '/meetings'], ['venues-queue', '/venues/queue'], ['action-plans', '/action-plans']] },
  { who: 'leader', email: 'kierownik@zyrardow.example', list: '/cases', detail: 'main .empty-next a, main table tbody a', more: [['team-case', '']] },
  { who: 'analyst', email: 'analityk@zyrardow.example', list: '/dashboards' },
  { who: 'auditor', email: 'audytor@zyrardow.example', list: '/audit', more: [['case-reads', '/audit?action=case.read'], ['glass', '/cases/glass']] },
];

async function staff(ctx: BrowserContext, s: Staff): Promise<void> {
  const page = await ctx.newPage();
  await step(page, s.who, 'start', () => logIn(page, s.email));
  await step(page, s.who, 'list', () => go(page, `${M}${s.list}`));
  if (s.detail) await step(page, s.who, 'detail', async () => { if (!(await openFirst(page, s.detail))) throw new Error('no detail link on the list'); });
  for (const [name, url] of s.more ?? []) {
    // An empty address: the first row of the list now shown (the team leader's team list).
    await step(page, s.who, name, async () => (url ? go(page, `${M}${url}`) : openFirst(page, 'main table tbody a')));
  }
  await page.close();
}

async function main(): Promise<void> {
  const started = performance.now();
  const db = await openPglite({});
  await migrate(db);
  await seedDemo(db);
  const config = loadConfig({ NODE_ENV: 'development', PUBLIC_URL: 'http://localhost:3000', DEV_MAILBOX: 'true' });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db });
  const { app } = await buildApp({ config, db, mailer, appSecret: 'walkthrough-secret-walkthrough-secret-0123456789', workerAutostart: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  console.log(`demo on ${base} (${Math.round(performance.now() - started)} ms); screenshots in ${OUT}`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : undefined;
  const want = (who: string) => !only || only.includes(who);
  try {
    const fresh = () => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    for (const [who, walk] of [['anon', anonymous], ['resident', resident], ['ngo', ngo]] as const) {
      if (!want(who)) continue;
      const ctx = await fresh();
      await walk(ctx);
      await ctx.close();
    }
    for (const s of STAFF) {
      if (!want(s.who)) continue;
      const ctx = await fresh();
      await staff(ctx, s);
      await ctx.close();
    }
  } finally {
    await browser.close();
    await app.close();
    mailer.close();
    await db.close();
  }
  const axe = findings.filter((f) => f.axe.length).length;
  const wide = findings.filter((f) => f.wide).length;
  const iso = findings.filter((f) => f.iso.length).length;
  const failed = findings.filter((f) => f.h1 === 'FAILED').length;
  console.log(`\n${findings.length} steps: ${axe} with axe violations, ${wide} wider than 320 px, ${iso} with ISO dates, ${failed} failed (${Math.round((performance.now() - started) / 1000)} s)`);
  fs.writeFileSync(path.join(OUT, 'findings.json'), JSON.stringify(findings, null, 2));
}

await main();
