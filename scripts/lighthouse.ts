/**
 * Lighthouse (performance and accessibility) on the public home, a search and a service page of a
 * running demo: `npm run lighthouse [-- http://127.0.0.1:3000 zyrardow]`. Needs Chromium
 * (CHROME_PATH, /usr/bin/chromium by default); works offline. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const slug = process.argv[3] ?? 'zyrardow';
const search = `${base}/${slug}/services?q=opieka`;
const html = await (await fetch(search)).text();
const service = /href="(\/[^"]+\/services\/[0-9a-f-]{36})"/.exec(html)?.[1];
const pages = { home: `${base}/${slug}`, search, service: service ? `${base}${service}` : null };
const out = path.join(os.tmpdir(), `lighthouse-${process.pid}.json`);
let failed = false;
for (const [name, url] of Object.entries(pages)) {
  if (!url) throw new Error('the search found no service to open');
  execFileSync('npx', ['lighthouse', url, '--chrome-flags=--headless=new --no-sandbox', '--only-categories=performance,accessibility', '--output=json', `--output-path=${out}`, '--quiet'], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    stdio: 'inherit',
  });
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { categories: Record<string, { score: number }>; audits: Record<string, { displayValue?: string }> };
  const scores = Object.entries(report.categories).map(([id, c]) => `${id} ${Math.round(c.score * 100)}`);
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map((a) => `${a} ${report.audits[a]?.displayValue ?? '?'}`);
  console.log(`${name.padEnd(8)} ${scores.join(', ')} | ${metrics.join(', ')}`);
  if (Object.values(report.categories).some((c) => c.score < 1)) failed = true;
}
fs.rmSync(out, { force: true });
process.exitCode = failed ? 1 : 0;
