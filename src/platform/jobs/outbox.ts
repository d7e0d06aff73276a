import type { FastifyBaseLogger } from 'fastify';
import type { Database, Sql } from '../db/types';
import { NO_CONTEXT } from '../db/types';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/**
 * Enqueues a job in the caller's transaction (transactional outbox): if the change rolls back, the
 * job was never there; if it commits, the job survives any restart until a worker finishes it.
 */
export async function enqueue(sql: Sql, queue: string, payload: Record<string, unknown>, opts: { delaySeconds?: number } = {}): Promise<void> {
  await sql.query(`INSERT INTO jobs (queue, payload, run_at) VALUES ($1, $2, now() + make_interval(secs => $3))`, [
    queue,
    JSON.stringify(payload),
    opts.delaySeconds ?? 0,
  ]);
  nudge();
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
  stop(): Promise<void>;
}

/**
 * Polls for due jobs, claims them with SKIP LOCKED (safe with several instances), runs the handler,
 * and retries failures with exponential backoff until max_attempts.
 */
export function startWorker(
  db: Database,
  handlers: Record<string, JobHandler>,
  log: FastifyBaseLogger,
  opts: { pollMs?: number; autostart?: boolean } = {},
): Worker {
  const pollMs = opts.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function claim(): Promise<ClaimedJob | undefined> {
    return db.tx(NO_CONTEXT, async (sql) => {
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

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = handlers[job.queue];
    try {
      if (!handler) throw new Error(`no handler for queue ${job.queue}`);
      await handler(job.payload);
      await db.tx(NO_CONTEXT, (sql) => sql.query('UPDATE jobs SET done_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1', [job.id]));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      log.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts, err: message }, final ? 'job failed for good' : 'job failed, will retry');
      await db.tx(NO_CONTEXT, (sql) =>
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

  if (opts.autostart !== false) {
    wake = () => schedule(0);
    schedule(0);
  }

  return {
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (wake) wake = undefined;
      await running;
    },
  };
}
