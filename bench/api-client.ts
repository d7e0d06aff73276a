/**
 * The load generator of the casework scenarios, a child process of bench/run.ts like login-client.ts.
 * First every account logs in over HTTP (staff with their TOTP code), `connections` at a time; then for
 * `duration` seconds each connection cycles through its sessions:
 * - `cases`: a coordinator's case list GET /api/:m/cases, following `next` with ?after= for up to `pages`
 *   pages, then again from the first page as the next coordinator;
 * - `queue`: a resident's own applications with their places GET /api/:m/applications/mine;
 * - `profile`: the generic authenticated page GET /api/:m/bench/profile (bench/generic-page.ts).
 * What came back is kept per account for the runner's check (the cases seen, the first page; the places).
 * Prints one JSON ApiClientResult.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load-client';
import { logIn } from './session';
import { LOAD_START, latencySummary } from './stats';

export interface ApiSpec {
  url: string;
  slug: string;
  mode: 'cases' | 'queue' | 'profile';
  accounts: { email: string; totpSecret?: string }[];
  password: string;
  connections: number;
  duration: number;
  /** cases: how many pages one walk follows. */
  pages: number;
}

export type Place = { id: string; status: string; queue_position: number | null };

export interface ApiClientResult extends LoadResult {
  logins: number;
  loginFailures: string[];
  loginSeconds: number;
  /** cases: every case id returned to each coordinator, and their first page in order. */
  seen: Record<string, string[]>;
  firstPages: Record<string, string[]>;
  /** queue: each resident's applications as last returned. */
  places: Record<string, Place[]>;
  /** Answers whose JSON was not what the route promises. */
  malformed: number;
}

const spec = JSON.parse(fs.readFileSync(0, 'utf8')) as ApiSpec;
const times: number[] = [];
let [requests, errors, non2xx, unfinished, malformed] = [0, 0, 0, 0, 0];
const seen = new Map<string, Set<string>>();
const firstPages: Record<string, string[]> = {};
const places: Record<string, Place[]> = {};

const loginStarted = performance.now();
const sessions: { email: string; cookie: string }[] = [];
const loginFailures: string[] = [];
let nextLogin = 0;
await Promise.all(Array.from({ length: spec.connections }, async () => {
  for (let i = nextLogin++; i < spec.accounts.length; i = nextLogin++) {
    const a = spec.accounts[i]!;
    try {
      sessions.push({ email: a.email, cookie: await logIn(spec.url, { ...a, password: spec.password }, `10.30.${(i >> 8) & 255}.${i & 255}`) });
    } catch (e) {
      if (loginFailures.length < 5) loginFailures.push((e as Error).message);
    }
  }
}));
const loginSeconds = (performance.now() - loginStarted) / 1000;
const deadline = performance.now() + spec.duration * 1000;
process.stderr.write(`${LOAD_START}\n`);

/** One GET; its JSON when 2xx and answered within the window, counted either way. */
async function get(path: string, cookie: string): Promise<unknown> {
  const started = performance.now();
  try {
    const res = await fetch(`${spec.url}${path}`, { headers: { cookie, accept: 'application/json' } });
    const text = await res.text();
    if (performance.now() > deadline) {
      unfinished++;
      return undefined;
    }
    requests++;
    times.push(performance.now() - started);
    if (res.status < 200 || res.status >= 300) {
      non2xx++;
      return undefined;
    }
    return JSON.parse(text);
  } catch {
    errors++;
    return undefined;
  }
}

async function casesWalk(s: { email: string; cookie: string }): Promise<void> {
  let after: string | null = null;
  const mine = seen.get(s.email) ?? new Set<string>();
  seen.set(s.email, mine);
  for (let page = 0; page < spec.pages && performance.now() < deadline; page++) {
    const body = (await get(`/api/${spec.slug}/cases${after ? `?after=${after}` : ''}`, s.cookie)) as { cases?: { id: string }[]; next?: string | null } | undefined;
    if (!body) return;
    if (!Array.isArray(body.cases)) {
      malformed++;
      return;
    }
    const ids = body.cases.map((c) => c.id);
    if (page === 0) firstPages[s.email] = ids;
    for (const id of ids) mine.add(id);
    after = body.next ?? null;
    if (!after) return;
  }
}

async function queueLook(s: { email: string; cookie: string }): Promise<void> {
  const body = (await get(`/api/${spec.slug}/applications/mine`, s.cookie)) as { applications?: Place[] } | undefined;
  if (!body) return;
  if (!Array.isArray(body.applications)) malformed++;
  else places[s.email] = body.applications.map((a) => ({ id: a.id, status: a.status, queue_position: a.queue_position }));
}

async function profileLook(s: { email: string; cookie: string }): Promise<void> {
  const body = (await get(`/api/${spec.slug}/bench/profile`, s.cookie)) as { email?: string } | undefined;
  if (body && body.email !== s.email) malformed++;
}

const walks = { cases: casesWalk, queue: queueLook, profile: profileLook };
const started = performance.now();
await Promise.all(Array.from({ length: Math.min(spec.connections, Math.max(1, sessions.length)) }, async (_, c) => {
  const own = sessions.filter((_s, i) => i % spec.connections === c);
  for (let k = 0; own.length > 0 && performance.now() < deadline; k++) {
    const s = own[k % own.length]!;
    await walks[spec.mode](s);
  }
}));
const elapsed = Math.min(performance.now(), deadline) - started;
const result: ApiClientResult = {
  rps: requests / (elapsed / 1000), requests, unfinished, errors, timeouts: 0, non2xx, ...latencySummary(times),
  logins: sessions.length, loginFailures, loginSeconds, seen: Object.fromEntries([...seen].map(([k, v]) => [k, [...v]])), firstPages, places, malformed,
};
process.stdout.write(JSON.stringify(result));
