import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import axeCore from 'axe-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before } from 'node:test';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { totpCode } from '../../src/platform/auth/totp';
import type { TestUser } from './factories';
import type { Harness } from './harness';

/** Debian's chromium; never `npx playwright install`. Override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh headless chromium (playwright gives it a temporary profile of its own). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The narrowest screen WCAG 1.4.10 (Reflow) asks a page to fit without scrolling sideways. */
export const REFLOW_WIDTH = 320;

/**
 * Shows the current page REFLOW_WIDTH px wide and fails if the document is wider (sideways scrolling),
 * naming the widest elements outside a table's own scrolling region; then restores the viewport.
 */
export async function checkReflow(page: Page, label = page.url()): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: REFLOW_WIDTH, height: 640 });
  try {
    const seen = (await page.evaluate(`(() => {
      const root = document.documentElement;
      const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
      const wide = [...document.body.querySelectorAll('*')]
        .filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > root.clientWidth + 0.5)
        .map((e) => name(e) + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
      return { width: root.scrollWidth, wide: wide.slice(-6) };
    })()`)) as { width: number; wide: string[] };
    assert.ok(seen.width <= REFLOW_WIDTH, `${label} is ${seen.width} px wide at ${REFLOW_WIDTH} px (WCAG 1.4.10); too wide: ${seen.wide.join(', ')}`);
  } finally {
    await page.setViewportSize(before);
  }
}

/**
 * Runs axe-core on the current page and fails with every violation's id and targets; then checks
 * that the page fits a 320 px screen (checkReflow).
 */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return checkReflow(page, label);
  const report = violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
  assert.fail(`axe found ${violations.length} accessibility violation(s) on ${label}:\n${report}`);
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * axe-core's violations of AXE_TAGS on the page. Our pages have no frames: axe is put into the page
 * once (until it navigates) and run there, asking for violations only — a quarter of the time of
 * AxeBuilder, which injects it again and finishes every run in a new blank page (measured in
 * docs/testing.md). A page with frames goes through AxeBuilder, which checks inside them too.
 */
async function axeViolations(page: Page): Promise<Violation[]> {
  if (page.frames().length > 1) return (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations;
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axeCore.source);
  return (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as Violation[];
}

/**
 * Runs axe on HTML captured from another page — typically a form POST's answer, which cannot be
 * re-requested — in `page` (a context with JavaScript: axe needs it). The HTML is served once at
 * its original address (`url`), so /static/site.css and relative links load from the app's own
 * origin as they did for the person; `setContent` would leave it on about:blank, where helmet's
 * Cross-Origin-Resource-Policy blocks the stylesheet and axe would judge colour contrast and target
 * size on an unstyled page. Fails unless site.css actually applied. `page` is left showing the HTML.
 */
export async function checkA11yOfHtml(
  page: Page,
  url: string,
  html: string,
  { status = 200, label = url }: { status?: number; label?: string } = {},
): Promise<void> {
  // A request never carries the fragment; going to the same address without it reloads for real.
  const target = new URL(url);
  target.hash = '';
  await page.route(
    (u) => u.href === target.href,
    (route) => route.fulfill({ status, contentType: 'text/html; charset=utf-8', body: html }),
    { times: 1 },
  );
  await page.goto(target.href, { waitUntil: 'load' });
  const styles = (await page.evaluate(`(() => {
    const sheet = [...document.styleSheets].find((s) => s.href && new URL(s.href).pathname === '/static/site.css');
    let rules = 0;
    try { rules = sheet ? sheet.cssRules.length : 0; } catch { rules = -1; }
    return { sheet: Boolean(sheet), rules, font: getComputedStyle(document.body).fontFamily };
  })()`)) as { sheet: boolean; rules: number; font: string };
  assert.ok(styles.sheet && styles.rules > 0, `/static/site.css did not load on ${label} (${JSON.stringify(styles)})`);
  assert.match(styles.font, /^system-ui\b/, `site.css's body font-family is not applied on ${label}`);
  await checkA11y(page, label);
}

/** The id (or tag name) of the focused element. */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate('document.activeElement ? (document.activeElement.id || document.activeElement.tagName.toLowerCase()) : ""') as Promise<string>;
}

/** Whether the element is the one with keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === el.ownerDocument.activeElement);
}

/** test-results/ at the repository root (gitignored). */
export function resultsPath(file: string): string {
  const dir = path.resolve(import.meta.dirname, '../../test-results');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, file);
}

/** Clicks and waits for the page that the click (a link or a form without JavaScript) loads. */
export async function clickAndWait(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
}

/** Serves the test app on a free loopback port for a browser; returns its base URL. */
export async function serveOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export interface BrowserFixture {
  /** The chromium launched for this file. */
  readonly browser: Browser;
  /** The app's base URL on loopback, e.g. http://127.0.0.1:41234. */
  readonly base: string;
}

/**
 * The browser set-up of an e2e file, called in its describeInBrowser body: before the tests it runs
 * `setUp` (data every test shares), serves h.app on loopback and launches chromium; after them it
 * closes the browser (the harness closes the app). Read `browser` and `base` inside tests only.
 */
export function useBrowser(h: Harness, setUp?: () => Promise<void>): BrowserFixture {
  let browser: Browser | undefined;
  let base = '';
  before(async () => {
    await setUp?.();
    base = await serveOnLoopback(h.app);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      assert.ok(browser, 'useBrowser: the browser is launched in before(); read it inside a test');
      return browser;
    },
    get base() {
      return base;
    },
  };
}

/** Logs `user` in through the login form (and the TOTP step when enrolled); ends on `next`. */
export async function logInPage(page: Page, base: string, user: TestUser, next: string): Promise<void> {
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^Adres e-mail/).fill(user.email);
  await page.getByLabel(/^Hasło/).fill(user.password);
  await clickAndWait(page, page.getByRole('button', { name: 'Zaloguj się' }));
  if (user.totpSecret) {
    await page.getByLabel(/^Kod/).fill(totpCode(user.totpSecret));
    await clickAndWait(page, page.getByRole('button', { name: 'Potwierdź' }));
  }
  assert.equal(new URL(page.url()).pathname, next);
}
