import type { FastifyBaseLogger } from 'fastify';
import type { Database, DbContext, Sql } from '../db/types';
import { openPayload, sealPayload } from './seal';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/** The worker's transactions: every municipality's jobs and the platform's are visible (0019). */
const WORKER: DbContext = { municipalityId: null, userId: null, jobsWorker: true };

/** Queues whose payloads are sealed (AES-256-GCM) in the table, and the fields left readable. */
const sealedQueues = new Map<string, readonly string[]>();
let sealKey: Buffer | undefined;

/** Declares that `queue`'s payloads carry secrets (links, personal text): stored sealed, opened by the worker. */
export function sealQueue(queue: string, clearFields: readonly string[] = []): void {
  sealedQueues.set(queue, clearFields);
}

/** The key sealed payloads are stored under; a process that queues mail without running the worker (the CLI) sets it here. */
export function useSealKey(key: Buffer): void {
  sealKey = key;
}

export interface EnqueueOptions {
  delaySeconds?: number;
  /** A job of the platform, not of the transaction's municipality (a nightly run over all of them). */
  platform?: boolean;
}

/**
 * Enqueues a job in the caller's transaction (transactional outbox): if the change rolls back, the
 * job was never there; if it commits, the job survives any restart until a worker finishes it.
 * The job belongs to the transaction's municipality (row-level security), unless `platform`.
 */
export async function enqueue(sql: Sql, queue: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<void> {
  const clear = sealedQueues.get(queue);
  let stored = payload;
  if (clear) {
    if (!sealKey) throw new Error(`outbox: no key to seal ${queue} (startWorker or useSealKey sets it)`);
    stored = sealPayload(sealKey, queue, payload, clear);
  }
  await sql.query(
    `INSERT INTO jobs (queue, payload, run_at, municipality_id)
     VALUES ($1, $2, now() + make_interval(secs => $3), CASE WHEN $4 THEN NULL ELSE app_municipality_id() END)`,
    [queue, JSON.stringify(stored), opts.delaySeconds ?? 0, opts.platform === true],
  );
  nudge();
}

/**
 * A transaction that sees the platform's jobs, for a scheduler that inserts a keyed job once
 * (`INSERT … ON CONFLICT DO NOTHING` must see the row it conflicts with under row-level security).
 */
export function schedulingTx<T>(db: Database, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return db.tx(WORKER, fn);
}

/**
 * Enqueues a platform job of `queue` at `runAt` unless one with this `period` exists already (pending,
 * done or failed), in a scheduling transaction: an advisory lock per queue makes two instances that
 * ask at once add one job between them. True when it was added.
 */
export async function enqueueOnce(sql: Sql, queue: string, period: string, payload: Record<string, unknown>, runAt: Date): Promise<boolean> {
  await sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`schedule:${queue}`]);
  const rows = await sql.query(
    `INSERT INTO jobs (queue, payload, run_at, municipality_id)
     SELECT $1, $2, $3, NULL WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE queue = $1 AND payload ->> 'period' = $4)
     RETURNING id`,
    [queue, JSON.stringify({ ...payload, period }), runAt, period],
  );
  if (rows.length === 1) nudge();
  return rows.length === 1;
}

export interface JobsKeep {
  /** Days a finished job is kept (for looking into what was sent), then deleted. */
  doneDays: number;
  /** Days a job that failed for good is kept (for looking into why). */
  failedDays: number;
}

/** Deletes finished jobs past their keeping time; returns how many. */
export async function purgeFinishedJobs(db: Database, keep: JobsKeep): Promise<number> {
  return db.tx(WORKER, async (sql) => {
    const rows = await sql.query(
      `DELETE FROM jobs WHERE (done_at IS NOT NULL OR failed_at IS NOT NULL)
         AND coalesce(done_at, failed_at) < now() - make_interval(days => CASE WHEN done_at IS NOT NULL THEN $1::int ELSE $2::int END)
       RETURNING 1`,
      [keep.doneDays, keep.failedDays],
    );
    return rows.length;
  });
}

let wake: (() => void) | undefined;
function nudge(): void {
  // Runs after the caller's commit has a chance to land; the worker re-polls anyway.
  if (wake) setTimeout(wake, 5);
}

interface ClaimedJob {
  id: number;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface Worker {
  /** Runs every due job once; returns how many ran (tests and shutdown use it). */
  drain(): Promise<number>;
  /** Deletes finished jobs past their keeping time (daily on its own); returns how many. */
  purge(): Promise<number>;
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;
const DEFAULT_KEEP: JobsKeep = { doneDays: 7, failedDays: 30 };

/**
 * Polls for due jobs, claims them with SKIP LOCKED (safe with several instances), runs the handler,
 * and retries failures with exponential backoff until max_attempts.
 */
export function startWorker(
  db: Database,
  handlers: Record<string, JobHandler>,
  log: FastifyBaseLogger,
  opts: { pollMs?: number; autostart?: boolean; keep?: JobsKeep; sealKey?: Buffer } = {},
): Worker {
  const pollMs = opts.pollMs ?? 1000;
  const keep = opts.keep ?? DEFAULT_KEEP;
  if (opts.sealKey) useSealKey(opts.sealKey);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function claim(): Promise<ClaimedJob | undefined> {
    return db.tx(WORKER, async (sql) => {
      const [job] = await sql.query<ClaimedJob>(
        `UPDATE jobs SET attempts = attempts + 1, locked_until = now() + interval '5 minutes'
         WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()
                       AND (locked_until IS NULL OR locked_until < now())
                     ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING id, queue, payload, attempts, max_attempts`,
      );
      return job;
    });
  }

  function payloadOf(job: ClaimedJob): Record<string, unknown> {
    if (!sealedQueues.has(job.queue)) return job.payload;
    if (!sealKey) throw new Error(`outbox: no key to open ${job.queue}`);
    return openPayload(sealKey, job.queue, job.payload);
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = handlers[job.queue];
    try {
      if (!handler) throw new Error(`no handler for queue ${job.queue}`);
      await handler(payloadOf(job));
      await db.tx(WORKER, (sql) => sql.query('UPDATE jobs SET done_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1', [job.id]));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      log.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts, err: message }, final ? 'job failed for good' : 'job failed, will retry');
      await db.tx(WORKER, (sql) =>
        sql.query(
          `UPDATE jobs SET locked_until = NULL, last_error = $2,
             failed_at = CASE WHEN $3 THEN now() END,
             run_at = now() + make_interval(secs => least(3600, 2 ^ attempts * 5))
           WHERE id = $1`,
          [job.id, message.slice(0, 2000), final],
        ),
      );
    }
  }

  async function drainLoop(): Promise<number> {
    let count = 0;
    for (;;) {
      if (stopped) return count;
      const job = await claim();
      if (!job) return count;
      await runOne(job);
      count++;
    }
  }

  function drain(): Promise<number> {
    running ??= drainLoop().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      drain()
        .catch((err) => log.error({ err }, 'job worker poll failed'))
        .finally(() => schedule(pollMs));
    }, delay);
    timer.unref();
  }

  const purge = () => purgeFinishedJobs(db, keep);
  function schedulePurge(delay: number): void {
    if (stopped) return;
    purgeTimer = setTimeout(() => {
      purge()
        .then((n) => n && log.info({ purged: n }, 'finished jobs purged'))
        .catch((err) => log.error({ err }, 'purging finished jobs failed'))
        .finally(() => schedulePurge(DAY_MS));
    }, delay);
    purgeTimer.unref();
  }

  if (opts.autostart !== false) {
    wake = () => schedule(0);
    schedule(0);
    // Every instance purges a minute after it starts and daily after that; the DELETE is idempotent.
    schedulePurge(60_000);
  }

  return {
    drain,
    purge,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(purgeTimer);
      if (wake) wake = undefined;
      await running;
    },
  };
}
