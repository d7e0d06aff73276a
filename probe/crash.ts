import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPglite } from '../src/platform/db/pglite';
import { openPostgres } from '../src/platform/db/postgres';
import type { Database } from '../src/platform/db/types';
import { createDatabase, dropDatabase } from '../test/support/engines';
import { checkRestoredBackup, checkWrites, PROBE_NAME_PREFIX, readStoredServices, takeBackup, type BackupTaken, type CreateAttempt, type StoredService, type UpdateAttempt } from './crash-check';
import { Browser, type Answer } from './live-browser';
import { seededRandom, type Random } from './live-random';
import { createServerHome, type ServerHome } from './server';
import { CATALOG_EDITORS, createServiceUrl, DEMO_PASSWORD, DEMO_SLUG, savedServiceId, serviceChoices, serviceForm, serviceUrl, type ServiceChoices } from './live-staff';
import type { Probe } from './types';

/**
 * Crash safety: staff keep saving catalogue services (new ones, and edits of their own) while the
 * real server is killed with SIGKILL at a random moment, then started again on the same data — and
 * now and then killed while it is still starting. Afterwards a direct connection checks that every
 * acknowledged save is there exactly once and whole, and the server starts and serves once more.
 * In the last cycle a backup is taken (PostgreSQL: while the staff save; PGlite, one process: once the
 * server is killed); it is restored into an empty database, where every save acknowledged before the
 * backup began must be, exactly once and whole.
 */
const WRITERS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An empty database of the probe's engine to restore the backup into. */
async function emptyDatabase(engine: ServerHome['engine'], serverUrl: string | undefined): Promise<{ db: Database; close(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openPglite({});
    return { db, close: () => db.close() };
  }
  const name = `wsp_probe_restore_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const db = openPostgres(await createDatabase(serverUrl!, name), 2);
  return { db, close: async () => { await db.close(); await dropDatabase(serverUrl!, name); } };
}

interface Known {
  id: string;
  name: string;
  version: number;
  providerId: string;
  locationId: string;
}

class Writer {
  readonly browser: Browser;
  private readonly rng: Random;
  private readonly mine: Known[] = [];
  private seq = 0;

  constructor(
    base: string,
    readonly index: number,
    seed: number,
    private readonly log: { creates: CreateAttempt[]; updates: UpdateAttempt[]; refusals: string[] },
  ) {
    this.browser = new Browser(base, { timeoutMs: 30_000 });
    this.rng = seededRandom(seed);
  }

  /** Saves one thing after another until the connection dies or `stop.now` is set. */
  async run(cycle: number, choices: ServiceChoices, stop: { now: boolean }): Promise<void> {
    while (!stop.now) {
      const edit = this.mine.length > 0 && this.rng.next() < 0.3 ? this.rng.pick(this.mine) : undefined;
      if (!(await (edit ? this.update(edit) : this.create(cycle, choices)))) return;
    }
  }

  private async create(cycle: number, choices: ServiceChoices): Promise<boolean> {
    const name = `${PROBE_NAME_PREFIX} ${this.index}-${cycle}-${++this.seq}`;
    const providerId = this.rng.pick(choices.providerIds);
    const locationId = this.rng.pick(choices.locationIds);
    const attempt: CreateAttempt = { name, outcome: 'unknown' };
    this.log.creates.push(attempt);
    try {
      const answer = await this.browser.post(createServiceUrl, serviceForm(name, 'wersja 1', providerId, locationId));
      const id = savedServiceId(answer);
      if (!id) return this.refused(attempt, `create "${name}"`, answer);
      Object.assign(attempt, { outcome: 'acked', id });
      this.mine.push({ id, name, version: 1, providerId, locationId });
      return true;
    } catch {
      return false;
    }
  }

  private async update(s: Known): Promise<boolean> {
    const summary = `wersja ${s.version + 1} (${this.index}-${++this.seq})`;
    const attempt: UpdateAttempt = { serviceId: s.id, summary, outcome: 'unknown' };
    this.log.updates.push(attempt);
    // Whatever the answer, an unanswered or refused edit leaves the version unknown: no more edits of it.
    this.mine.splice(this.mine.indexOf(s), 1);
    try {
      const answer = await this.browser.post(serviceUrl(s.id), { ...serviceForm(s.name, summary, s.providerId, s.locationId), version: String(s.version) });
      if (savedServiceId(answer) !== s.id) return this.refused(attempt, `update of "${s.name}"`, answer);
      attempt.outcome = 'acked';
      this.mine.push({ ...s, version: s.version + 1 });
      return true;
    } catch {
      return false;
    }
  }

  /** A save answered with anything but its acknowledgement: a failure (the forms are valid). */
  private refused(attempt: { outcome: string }, what: string, answer: Answer): false {
    attempt.outcome = 'refused';
    this.log.refusals.push(`${what}: answered ${answer.status} ${answer.location ?? ''} ${answer.body.replace(/\s+/g, ' ').slice(0, 200)}`);
    return false;
  }
}

export const crashProbe: Probe = async (opts) => {
  const started = performance.now();
  const cycles = opts.full ? 24 : 3;
  const rng = seededRandom(opts.seed);
  const log = { creates: [] as CreateAttempt[], updates: [] as UpdateAttempt[], refusals: [] as string[] };
  const failures: string[] = [];
  const restarts: number[] = [];
  let startupKills = 0;
  let staleLocks = 0;
  let stored: StoredService[] = [];
  let done = 0;
  let checked = 0;
  let home: ServerHome | undefined;
  let backup: BackupTaken | undefined;
  let restored = { checked: 0, ms: 0 };
  const writers: Writer[] = [];
  const acked = () => [...log.creates, ...log.updates].filter((x) => x.outcome === 'acked').length;
  try {
    home = await createServerHome(opts);
    let server = await home.start();
    let lastReadyMs = server.readyMs;
    opts.log(`server ready in ${server.readyMs} ms (fresh data, demo seeded)`);
    for (let i = 0; i < WRITERS; i++) {
      const w = new Writer(server.base, i + 1, opts.seed * 31 + i, log);
      if (!(await w.browser.logIn(CATALOG_EDITORS[i % CATALOG_EDITORS.length]!, DEMO_PASSWORD))) throw new Error(`could not log in writer ${i + 1}`);
      writers.push(w);
    }
    const choices = await serviceChoices(writers[0]!.browser);

    for (let cycle = 1; cycle <= cycles; cycle++) {
      if (cycle > 1) {
        if (cycle % 4 === 3) {
          // Killed while still starting (by the last warm start's time): loading, opening and recovering
          // the database, migrating.
          const early = home.launch();
          await sleep(rng.int(Math.round(lastReadyMs * 0.3), Math.round(lastReadyMs * 0.95)));
          await early.kill();
          startupKills++;
        }
        const stale = home.engine === 'pglite' && fs.existsSync(home.lockFile);
        server = await home.start();
        restarts.push(server.readyMs);
        lastReadyMs = server.readyMs;
        if (stale) staleLocks++;
      }
      const stop = { now: false };
      const before = acked();
      const running = writers.map((w) => w.run(cycle, choices, stop));
      // The random moment is counted from the first save this start acknowledged: the server is serving.
      for (const until = performance.now() + 30_000; acked() === before; await sleep(10)) {
        if (performance.now() > until) throw new Error(`no save acknowledged within 30 s of start ${cycle}:\n${server.output().slice(-2000)}`);
      }
      await sleep(rng.int(300, 2500));
      const backUp = async (h: ServerHome) => {
        const db = await h.open();
        try {
          backup = await takeBackup(db, path.join(h.dataDir, 'last.wsp.gz'), log);
        } finally {
          await db.close();
        }
      };
      if (cycle === cycles && home.engine === 'postgres') await backUp(home);
      await server.kill();
      stop.now = true;
      await Promise.all(running);
      if (cycle === cycles && home.engine === 'pglite') await backUp(home);
      done = cycle;
      opts.log(`cycle ${cycle}/${cycles}: killed; ${acked()} acknowledged saves so far`);
    }

    // The data as the last SIGKILL left it, opened directly (PGlite takes over the dead server's lock).
    const db = await home.open();
    try {
      stored = await readStoredServices(db);
    } finally {
      await db.close();
    }
    failures.push(...checkWrites(log.creates, log.updates, stored), ...log.refusals);
    checked = acked();

    if (backup) {
      const target = await emptyDatabase(home.engine, opts.databaseUrl);
      try {
        const result = await checkRestoredBackup(backup, target.db);
        failures.push(...result.failures);
        restored = result;
      } finally {
        await target.close();
      }
    }

    server = await home.start();
    const visitor = new Browser(server.base);
    for (const c of log.creates.filter((x) => x.outcome === 'acked').slice(-5)) {
      const page = await visitor.get(`/${DEMO_SLUG}/services/${c.id}`);
      if (page.status !== 200 || !page.body.includes(c.name)) failures.push(`after the restart, the page of "${c.name}" answers ${page.status}`);
    }
    visitor.close();
    const exit = await server.stop();
    if (exit.code !== 0) failures.push(`the last start did not stop cleanly on SIGTERM: ${JSON.stringify(exit)}\n${server.output().slice(-2000)}`);
  } catch (err) {
    failures.push(`the probe could not finish: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    for (const w of writers) w.browser.close();
    await home?.cleanup();
  }

  const unknown = [...log.creates, ...log.updates].filter((x) => x.outcome === 'unknown');
  const landed = log.creates.filter((c) => c.outcome === 'unknown' && stored.some((s) => s.name === c.name)).length;
  const sorted = [...restarts].sort((a, b) => a - b);
  return {
    name: 'crash',
    ok: failures.length === 0,
    figures: {
      engine: opts.engine,
      cycles: done,
      startup_kills: startupKills,
      stale_locks_taken_over: opts.engine === 'pglite' ? staleLocks : 'n/a',
      writes_attempted: log.creates.length + log.updates.length,
      acknowledged_writes_checked: checked,
      backup_rows: backup?.rows ?? 0,
      backup_ms: backup?.ms ?? 0,
      restore_ms: restored.ms,
      acknowledged_before_backup_checked_in_restore: restored.checked,
      unanswered_writes: unknown.length,
      unanswered_creates_stored: landed,
      stored_services: stored.length,
      restart_ms_median: sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    },
    failures,
  };
};
