/**
 * The login load generator, a child process of bench/run.ts like load-client.ts: `connections` loops
 * each fetch the login form once (for a CSRF cookie and token), then log in again and again, each time
 * as the next generated resident and from the next address (X-Forwarded-For: the app runs with
 * TRUST_PROXY=loopback, so per-address rate limits see many visitors, as behind a real proxy). A login
 * counts when it answers 303 to somewhere other than /login. Prints one JSON LoadResult.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load-client';
import { latencySummary } from './stats';

export interface LoginSpec {
  url: string;
  emails: string[];
  password: string;
  connections: number;
  duration: number;
}

const spec = JSON.parse(fs.readFileSync(0, 'utf8')) as LoginSpec;
let next = 0;
const times: number[] = [];
let [requests, errors, non2xx, unfinished] = [0, 0, 0, 0];
const deadline = performance.now() + spec.duration * 1000;

async function worker(): Promise<void> {
  const form = await fetch(`${spec.url}/login`);
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  while (performance.now() < deadline) {
    const n = next++;
    const body = new URLSearchParams({ _csrf: token, email: spec.emails[n % spec.emails.length]!, password: spec.password, next: '/account' });
    const started = performance.now();
    unfinished++;
    try {
      const res = await fetch(`${spec.url}/login`, {
        method: 'POST', body, redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
      });
      await res.arrayBuffer();
      unfinished--;
      if (performance.now() > deadline) break;
      requests++;
      times.push(performance.now() - started);
      if (res.status !== 303 || (res.headers.get('location') ?? '').startsWith('/login')) non2xx++;
    } catch {
      unfinished--;
      errors++;
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: spec.connections }, worker));
const result: LoadResult = { rps: requests / ((performance.now() - started) / 1000), requests, unfinished, errors, timeouts: 0, non2xx, ...latencySummary(times) };
process.stdout.write(JSON.stringify(result));
