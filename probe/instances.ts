import { performance } from 'node:perf_hooks';
import { latencySummary } from '../bench/stats';
import { checkWrites, readStoredServices } from './crash-check';
import { Balancer } from './instances-balancer';
import { Browser, type Answer } from './live-browser';
import { seededRandom, type Random } from './live-random';
import { CATALOG_EDITORS, DEMO_PASSWORD, DEMO_SLUG, createServiceUrl, savedServiceId, serviceChoices, serviceForm } from './live-staff';
import { readStep, Recorder, residentStep, StaffUser, type World } from './load-users';
import { createServerHome, freePort, type LaunchedServer, type RunningServer, type ServerHome } from './server';
import type { Probe } from './types';

/**
 * Many instances on one PostgreSQL (ADR 0024): N servers on one database behind the probe's own
 * balancer, people reading and staff saving services, one instance killed (SIGKILL) mid-run. Checks:
 * every acknowledged save stored once (none lost, none doubled); a catalogue change made on one
 * instance shows in the search of the others within a second; reminders queued by every instance
 * reach each invitee once; no error. The kill cuts the requests in flight on its connections: a read is
 * sent again on a new connection (a browser does so with an idempotent request), a write was never
 * acknowledged — its outcome stays unknown and the write check allows it stored at most once. Every
 * other failure (a timeout, a 5xx, a cut on a survivor) fails the probe and is reported by kind,
 * request, instance and time from the kill.
 */
const RESIDENT = 'mieszkanka@zyrardow.example';
const PREFIX = 'Próba instancji';
const M = `/${DEMO_SLUG}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const addressOf = (i: number) => `127.0.${1 + Math.floor(i / 200)}.${1 + (i % 200)}`;

/** Why a request failed: its connection cut, no answer within the client's time limit, an unexpected status, another error. */
type FailureKind = 'cut' | 'timeout' | 'status' | 'error';

interface FailedRequest {
  kind: string;
  what: FailureKind;
  detail: string;
  /** The instance (0-based) the person's connection went to. */
  instance: number | undefined;
  startedAt: number;
  endedAt: number;
}

/** The posts of the load: a cut one was never acknowledged (its save may or may not be stored: the write check decides). */
const WRITES = new Set(['staff create', 'staff update', 'resident join', 'check answers']);

/**
 * Records every failed request with its instance and times, so that the report can say what failed
 * where and when relative to the kill. A request cut off with its connection when the instance behind
 * it was killed is what a balancer's clients see too — never acknowledged, so no save of it is owed —
 * and is counted apart (reads and writes); a cut on a surviving instance, a timeout, a 5xx or a wrong
 * answer count as errors.
 */
class BalancedRecorder extends Recorder {
  readonly failed: FailedRequest[] = [];
  /** Reads cut off with their connection and sent again on a new one (as a browser does with an idempotent request). */
  readonly readsRetried: FailedRequest[] = [];

  constructor(private readonly instanceOf: (address: string) => number | undefined) {
    super();
  }

  /** The recorder one simulated person uses (it knows the person's address, hence their instance). */
  forPerson(address: string): Recorder {
    return new PersonRecorder(this, address);
  }

  callFrom(address: string, kind: string, expected: number, send: () => Promise<Answer>): Promise<Answer | undefined> {
    const startedAt = performance.now();
    return super.call(kind, expected, async () => {
      const note = (what: FailureKind, detail: string) =>
        this.failed.push({ kind, what, detail, instance: this.instanceOf(address), startedAt, endedAt: performance.now() });
      const cut = (message: string) => /socket hang up|ECONNRESET|EPIPE/.test(message);
      const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
      try {
        let answer: Answer;
        try {
          answer = await send();
        } catch (err) {
          // An idempotent request whose connection was cut is sent once more on a new connection, which
          // the balancer gives to a live instance; a write is not (its outcome stays unknown).
          if (WRITES.has(kind) || !cut(messageOf(err))) throw err;
          this.readsRetried.push({ kind, what: 'cut', detail: messageOf(err), instance: this.instanceOf(address), startedAt, endedAt: performance.now() });
          answer = await send();
        }
        if (answer.status !== expected) note('status', `${answer.status} ${answer.body.replace(/\s+/g, ' ').slice(0, 160)}`);
        return answer;
      } catch (err) {
        const message = messageOf(err);
        note(cut(message) ? 'cut' : /no answer within/.test(message) ? 'timeout' : 'error', message);
        throw err;
      }
    });
  }
}

class PersonRecorder extends Recorder {
  constructor(private readonly shared: BalancedRecorder, private readonly address: string) {
    super();
  }

  override call(kind: string, expected: number, send: () => Promise<Answer>): Promise<Answer | undefined> {
    return this.shared.callFrom(this.address, kind, expected, send);
  }
}

/** The failures grouped by what, instance and whether sent before or after the kill (with the requests most hit): one line per group. */
function failuresByKind(failed: FailedRequest[], killedAt: number | undefined): string[] {
  const groups = new Map<string, { n: number; from: number; to: number; kinds: Map<string, number> }>();
  for (const f of failed) {
    const rel = killedAt === undefined ? 0 : (f.startedAt - killedAt) / 1000;
    const when = killedAt === undefined ? 'no kill' : rel < 0 ? 'sent before the kill' : 'sent after the kill';
    const key = `${f.what === 'status' ? `status ${f.detail.split(' ')[0]}` : f.what} · instance ${f.instance === undefined ? '?' : f.instance + 1} · ${when}`;
    const g = groups.get(key) ?? { n: 0, from: Infinity, to: -Infinity, kinds: new Map<string, number>() };
    g.n++;
    g.from = Math.min(g.from, rel);
    g.to = Math.max(g.to, rel);
    g.kinds.set(f.kind, (g.kinds.get(f.kind) ?? 0) + 1);
    groups.set(key, g);
  }
  return [...groups].sort((a, b) => b[1].n - a[1].n).map(([key, g]) => {
    const kinds = [...g.kinds].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => `${k} ${n}`).join(', ');
    return `  ${g.n} × ${key} (sent ${g.from.toFixed(1)} … ${g.to.toFixed(1)} s from the kill; ${kinds}${g.kinds.size > 4 ? ', …' : ''})`;
  });
}

/** Waits until `path` on `base` shows `text`, at most `limitMs`; the milliseconds it took, or null. */
async function seenWithin(browser: Browser, path: string, text: string, limitMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started <= limitMs) {
    if ((await browser.get(path)).body.includes(text)) return Math.round(performance.now() - started);
    await sleep(20);
  }
  return null;
}

/** Like `ready()`, with room for several servers loading their code at once on a busy machine (3 minutes). */
async function startPatiently(server: LaunchedServer): Promise<RunningServer> {
  const spawned = performance.now();
  for (;;) {
    if ((await fetch(`${server.base}/readyz`).then((r) => r.status, () => 0)) === 200) return { ...server, readyMs: Math.round(performance.now() - spawned) };
    if (performance.now() - spawned > 180_000) throw new Error(`an instance was not ready within 180 s:\n${server.output().slice(-2000)}`);
    await sleep(100);
  }
}

export const instancesProbe: Probe = async (opts) => {
  const started = performance.now();
  const failures: string[] = [];
  if (opts.engine !== 'postgres' || !opts.databaseUrl) {
    return { name: 'instances', ok: false, figures: {}, failures: ['several instances need PostgreSQL: npm run probe -- instances --postgres postgres://…'] };
  }
  const count = opts.full ? 3 : 2;
  const users = opts.full ? 500 : 30;
  const duration = opts.full ? 60 : 8;
  const staff = Math.max(3, Math.round(users * 0.04));
  const residents = Math.max(2, Math.round(users * 0.04));
  const rng = seededRandom(opts.seed);
  let balancer: Balancer | undefined;
  const recorder = new BalancedRecorder((address) => balancer?.instanceOf(address));
  const world: World = { serviceIds: [], choices: { providerIds: [], locationIds: [] }, recorder, creates: [], updates: [] };
  const people: { browser: Browser; address: string; rng: Random; step: (b: Browser, rng: Random, w: World) => Promise<void> }[] = [];
  const invalidation: number[] = [];
  const figures: Record<string, number | string> = {};
  const servers: RunningServer[] = [];
  let home: ServerHome | undefined;
  let windowSeconds = 0;
  let killedAt: number | undefined;
  const victimIndex = count - 1;
  try {
    home = await createServerHome(opts);
    // The first instance migrates and seeds alone; the others start on the same database, all at once.
    servers.push(await startPatiently(home.launch()));
    const others = await Promise.all(Array.from({ length: count - 1 }, async () => startPatiently(home!.launch({ PORT: String(await freePort()) }))));
    servers.push(...others);
    opts.log(`${count} instances ready (${servers.map((s) => `${s.readyMs} ms`).join(', ')})`);
    balancer = new Balancer(servers.map((s) => Number(new URL(s.base).port)));
    const base = await balancer.listen();

    // A change on one instance, seen by the others' search within a second (their caches hold the old answer).
    const direct = servers.map((s, i) => new Browser(s.base, { localAddress: addressOf(users + i) }));
    if (!(await direct[0]!.logIn(CATALOG_EDITORS[0]!, DEMO_PASSWORD))) throw new Error('the editor could not log in on instance A');
    const choices = await serviceChoices(direct[0]!);
    const word = `Kalejdoskop${opts.seed}`;
    const searchPath = `${M}/services?q=${encodeURIComponent(word)}`;
    for (const b of direct.slice(1)) await b.get(searchPath); // cached: nothing found
    await direct[0]!.get(`${M}/catalog/services/new`);
    const created = await direct[0]!.post(createServiceUrl, serviceForm(`${word} — punkt porad`, 'wersja 1', choices.providerIds[0]!, choices.locationIds[0]!));
    if (!savedServiceId(created)) throw new Error(`the editor could not save a service on instance A (${created.status})`);
    for (const [i, b] of direct.slice(1).entries()) {
      const ms = await seenWithin(b, searchPath, word, 1000);
      if (ms === null) failures.push(`instance ${i + 2} did not show the change made on instance 1 within 1 s (search cache not told)`);
      else invalidation.push(ms);
    }

    // Reminders: each instance queues the same meeting's reminder (as if each had scheduled it); each invitee gets one.
    const db = await home.open();
    let reminderMeeting: string | undefined;
    let invitees = 0;
    try {
      const [meeting] = await db.ownerTx((sql) => sql.query<{ id: string; municipality: object; starts_at: Date; invitees: number }>(
        `SELECT m.id, row_to_json(mu) AS municipality, m.starts_at,
           (SELECT count(*)::int FROM meeting_invitations i WHERE i.meeting_id = m.id AND i.reminded_at IS NULL AND i.response IS DISTINCT FROM 'no') AS invitees
         FROM meetings m JOIN municipalities mu ON mu.id = m.municipality_id
         WHERE mu.slug = $1 AND m.status = 'planned' AND m.starts_at > now() + interval '1 hour' ORDER BY invitees DESC LIMIT 1`,
        [DEMO_SLUG],
      ));
      if (meeting && meeting.invitees > 0) {
        reminderMeeting = meeting.id;
        invitees = meeting.invitees;
        for (let i = 0; i < count; i++) {
          await db.ownerTx((sql) => sql.query(
            "INSERT INTO jobs (queue, payload, run_at, municipality_id) VALUES ('meetings.remind', $1, now(), $2)",
            [JSON.stringify({ municipality: meeting.municipality, meetingId: meeting.id, startsAt: meeting.starts_at.toISOString() }), (meeting.municipality as { id: string }).id],
          ));
        }
      } else {
        failures.push('the demo has no planned meeting with invitees to remind');
      }
    } finally {
      await db.close();
    }

    for (let i = 0; i < users; i++) {
      // The limit finds a request that hangs, not a slow one: 500 people saturate a small machine (p99 in
      // tens of seconds on 2 loaded cores), and a person who gave up at 30 s sent the next request while the
      // server still worked on the abandoned one — feeding the overload (a run with 8 s: 2 959 timeouts on
      // every instance, before and after the kill, and no other failure).
      const browser = new Browser(base, { localAddress: addressOf(i), timeoutMs: 120_000 });
      const role = i < staff ? new StaffUser(`${PREFIX} ${i + 1}`) : i < staff + residents ? 'resident' : 'visitor';
      const step = role instanceof StaffUser ? role.step.bind(role) : role === 'resident' ? residentStep : readStep;
      people.push({ browser, address: addressOf(i), rng: seededRandom(opts.seed * 1000 + i), step });
    }
    for (const [i, p] of people.slice(0, staff + residents).entries()) {
      const email = i < staff ? CATALOG_EDITORS[i % CATALOG_EDITORS.length]! : RESIDENT;
      if (!(await p.browser.logIn(email, DEMO_PASSWORD))) throw new Error(`${email} could not log in through the balancer`);
    }
    world.choices = await serviceChoices(people[0]!.browser);
    const listing = await people[0]!.browser.get(`${M}/services`);
    world.serviceIds = [...new Set([...listing.body.matchAll(new RegExp(`href="${M}/services/([0-9a-f-]{36})"`, 'g'))].map((x) => x[1]!))];

    opts.log(`${users} people for ${duration} s through the balancer; instance ${count} is killed at ${Math.round(duration * 0.4)} s`);
    const windowStarted = performance.now();
    const deadline = windowStarted + duration * 1000;
    const victim = servers[victimIndex]!;
    let cutConnections = 0;
    const killing = sleep(duration * 400).then(async () => {
      killedAt = performance.now();
      cutConnections = balancer!.cut(victimIndex);
      await victim.kill();
      opts.log(`instance ${count} killed (SIGKILL) with ${cutConnections} connections open`);
    });
    await Promise.all(people.map(async (p) => {
      const own: World = { ...world, recorder: recorder.forPerson(p.address) };
      await sleep(rng.int(0, 1000));
      while (performance.now() < deadline) {
        await p.step(p.browser, p.rng, own);
        await sleep(p.rng.int(250, 1750));
      }
    }));
    await killing;
    windowSeconds = (performance.now() - windowStarted) / 1000;
    figures.connections_cut_by_the_kill = cutConnections;
    for (const b of direct) b.close();

    // Let the survivors finish their jobs, then stop them cleanly and look at the database.
    await sleep(3000);
    for (const s of servers.slice(0, -1)) {
      const exit = await s.stop();
      if (exit.code !== 0) failures.push(`an instance did not stop cleanly on SIGTERM: ${JSON.stringify(exit)}\n${s.output().slice(-1000)}`);
    }
    const after = await home.open();
    try {
      failures.push(...checkWrites(world.creates, world.updates, await readStoredServices(after, PREFIX)));
      if (reminderMeeting) {
        const mails = await after.ownerTx((sql) => sql.query<{ to_address: string; n: number }>(
          `SELECT d.to_address, count(*)::int AS n FROM dev_mailbox d
           WHERE d.subject LIKE 'Przypomnienie:%' AND d.to_address IN (SELECT email FROM meeting_invitations WHERE meeting_id = $1)
           GROUP BY d.to_address`,
          [reminderMeeting],
        ));
        const doubled = mails.filter((r) => r.n > 1);
        if (doubled.length) failures.push(`reminders doubled: ${doubled.map((r) => `${r.to_address} ×${r.n}`).join(', ')}`);
        if (mails.length !== invitees) failures.push(`${mails.length} of ${invitees} invitees got their reminder`);
        figures.reminded = `${mails.length} of ${invitees}, ${count} reminder jobs queued`;
      }
    } finally {
      await after.close();
    }
    figures.acknowledged_writes_checked = [...world.creates, ...world.updates].filter((x) => x.outcome === 'acked').length;
    figures.writes_unknown = [...world.creates, ...world.updates].filter((x) => x.outcome === 'unknown').length;
  } catch (err) {
    failures.push(`the probe could not finish: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    for (const p of people) p.browser.close();
    await balancer?.close();
    for (const s of servers) await s.kill().catch(() => undefined);
    await home?.cleanup();
  }

  // A cut on the killed instance was never answered, so never acknowledged: the reads are the kill's
  // expected failures, the writes' outcome is unknown and the write check above decides whether each
  // was stored at most once. Everything else is an error.
  const cutByKill = (f: FailedRequest) => f.what === 'cut' && f.instance === victimIndex && killedAt !== undefined && f.endedAt >= killedAt;
  const writesCut = recorder.failed.filter(cutByKill);
  const errors = recorder.failed.filter((f) => !cutByKill(f));
  const readsCutElsewhere = recorder.readsRetried.filter((f) => !cutByKill(f));
  if (readsCutElsewhere.length > 0) failures.push(`${readsCutElsewhere.length} reads were cut off by a surviving instance or before the kill (sent again), by kind:`, ...failuresByKind(readsCutElsewhere, killedAt));
  if (errors.length > 0) failures.push(`${errors.length} requests failed or got an unexpected answer, by kind:`, ...failuresByKind(errors, killedAt), 'e.g.:',
    ...errors.slice(0, 10).map((f) => `  ${f.kind} on instance ${f.instance === undefined ? '?' : f.instance + 1}: ${f.what} ${f.detail}`));
  const latency = latencySummary(recorder.times);
  return {
    name: 'instances',
    ok: failures.length === 0,
    figures: {
      instances: count,
      users,
      requests: recorder.times.length,
      requests_per_s: windowSeconds ? Math.round((recorder.times.length / windowSeconds) * 10) / 10 : 0,
      p50_ms: latency.p50,
      p99_ms: latency.p99,
      errors: errors.length,
      reads_cut_by_the_kill_and_sent_again: recorder.readsRetried.filter(cutByKill).length,
      writes_cut_by_the_kill_unacknowledged: writesCut.length,
      timeouts: errors.filter((f) => f.what === 'timeout').length,
      answers_over_30_s: recorder.times.filter((ms) => ms > 30_000).length,
      connections_per_instance: balancer?.handed.join(' / ') ?? '',
      invalidation_seen_ms: invalidation.join(', '),
      ...figures,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    failures,
  };
};
