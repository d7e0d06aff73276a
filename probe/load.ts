import { performance } from 'node:perf_hooks';
import { latencySummary } from '../bench/stats';
import { checkWrites, readStoredServices } from './crash-check';
import { Browser } from './live-browser';
import { seededRandom, type Random } from './live-random';
import { CATALOG_EDITORS, DEMO_PASSWORD, DEMO_SLUG, serviceChoices } from './live-staff';
import { readStep, Recorder, residentStep, StaffUser, type World } from './load-users';
import { createServerHome, type ServerHome } from './server';
import type { Probe } from './types';

/**
 * Load: many people at once on the real server for a bounded time — mostly anonymous reading (home,
 * catalogue search with varied queries and filters, service pages, the eligibility check), some
 * logged-in residents, and staff saving services. Every answer must be the expected one: no 5xx, no
 * connection error, no timeout. Afterwards the server must stop cleanly and hold every acknowledged save.
 */
const RESIDENT = 'mieszkanka@zyrardow.example';
const LOAD_PREFIX = 'Próba obciążenia';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Each simulated person comes from an address of their own in 127.0.0.0/8, as different people do:
 * the per-address limit on logging in (10 a minute) then holds for each, unchanged.
 */
const addressOf = (i: number) => `127.0.${1 + Math.floor(i / 200)}.${1 + (i % 200)}`;

interface Person {
  browser: Browser;
  rng: Random;
  step: (b: Browser, rng: Random, w: World) => Promise<void>;
}

/** Runs `fn` over `items`, `limit` at a time. */
async function inBatches<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  }));
}

export const loadProbe: Probe = async (opts) => {
  const started = performance.now();
  const users = opts.full ? 500 : 50;
  const duration = opts.full ? 60 : 10;
  const staff = Math.max(3, Math.round(users * 0.04));
  const residents = Math.max(2, Math.round(users * 0.04));
  const rng = seededRandom(opts.seed);
  const recorder = new Recorder();
  const world: World = { serviceIds: [], choices: { providerIds: [], locationIds: [] }, recorder, creates: [], updates: [] };
  const failures: string[] = [];
  const people: Person[] = [];
  let windowSeconds = 0;
  let checked = 0;
  let home: ServerHome | undefined;
  try {
    home = await createServerHome(opts);
    const server = await home.start();
    opts.log(`server ready in ${server.readyMs} ms (${opts.engine})`);
    const visitor = new Browser(server.base);
    const listing = await visitor.get(`/${DEMO_SLUG}/services`);
    visitor.close();
    world.serviceIds = [...new Set([...listing.body.matchAll(new RegExp(`href="/${DEMO_SLUG}/services/([0-9a-f-]{36})"`, 'g'))].map((m) => m[1]!))];
    if (world.serviceIds.length === 0) throw new Error(`the catalogue lists no services (${listing.status})`);

    for (let i = 0; i < users; i++) {
      const browser = new Browser(server.base, { localAddress: addressOf(i), timeoutMs: 30_000 });
      const role = i < staff ? new StaffUser(`${LOAD_PREFIX} ${i + 1}`) : i < staff + residents ? 'resident' : 'visitor';
      const step = role instanceof StaffUser ? role.step.bind(role) : role === 'resident' ? residentStep : readStep;
      people.push({ browser, rng: seededRandom(opts.seed * 1000 + i), step });
    }
    const loginStarted = performance.now();
    await inBatches(people.slice(0, staff + residents), 4, async (p, i) => {
      const email = i < staff ? CATALOG_EDITORS[i % CATALOG_EDITORS.length]! : RESIDENT;
      if (!(await p.browser.logIn(email, DEMO_PASSWORD))) throw new Error(`${email} could not log in from ${addressOf(i)}`);
    });
    world.choices = await serviceChoices(people[0]!.browser);
    opts.log(`${staff + residents} people logged in (${staff} staff, ${residents} residents) in ${Math.round(performance.now() - loginStarted)} ms`);

    opts.log(`${users} people for ${duration} s …`);
    const windowStarted = performance.now();
    const deadline = windowStarted + duration * 1000;
    await Promise.all(people.map(async (p) => {
      await sleep(rng.int(0, 2000)); // they arrive over the first two seconds
      while (performance.now() < deadline) {
        await p.step(p.browser, p.rng, world);
        await sleep(p.rng.int(250, 1750)); // reading the page
      }
    }));
    windowSeconds = (performance.now() - windowStarted) / 1000;

    const exit = await server.stop();
    if (exit.code !== 0) failures.push(`the server did not stop cleanly on SIGTERM after the load: ${JSON.stringify(exit)}\n${server.output().slice(-2000)}`);
    const db = await home.open();
    try {
      failures.push(...checkWrites(world.creates, world.updates, await readStoredServices(db, LOAD_PREFIX)));
    } finally {
      await db.close();
    }
    checked = [...world.creates, ...world.updates].filter((x) => x.outcome === 'acked').length;
  } catch (err) {
    failures.push(`the probe could not finish: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    for (const p of people) p.browser.close();
    await home?.cleanup();
  }

  if (recorder.errors > 0) failures.push(`${recorder.errors} requests failed or got an unexpected answer, e.g.:`, ...recorder.samples);
  const latency = latencySummary(recorder.times);
  const requests = recorder.times.length;
  return {
    name: 'load',
    ok: failures.length === 0,
    figures: {
      engine: opts.engine,
      users,
      logged_in: staff + residents,
      requests,
      requests_per_s: windowSeconds ? Math.round((requests / windowSeconds) * 10) / 10 : 0,
      p50_ms: latency.p50,
      p99_ms: latency.p99,
      errors: recorder.errors,
      acknowledged_writes_checked: checked,
      by_kind: Object.entries(recorder.kinds).map(([k, n]) => `${k} ${n}`).join(', '),
      window_seconds: Math.round(windowSeconds * 10) / 10,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    failures,
  };
};
