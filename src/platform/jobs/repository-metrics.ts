import type { Database, DbContext } from '../db/types';

const WORKER: DbContext = { municipalityId: null, userId: null, jobsWorker: true };

export interface QueueStats {
  queue: string;
  /** Jobs neither done nor failed for good, due or not. */
  pending: number;
  /** Seconds the longest-waiting due job has waited past its run_at (0: none due). */
  oldestDueSeconds: number;
  /** Jobs that failed for good and are still kept (JOBS_KEEP_FAILED_DAYS). */
  failed: number;
}

/** Every queue's backlog, as the job worker sees it (all municipalities); uses jobs_due_idx for the pending part. */
export function queueStats(db: Database): Promise<QueueStats[]> {
  return db.tx(WORKER, (sql) =>
    sql.query<QueueStats>(
      `SELECT queue,
              count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL)::int AS pending,
              coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now())), 0)::float8 AS "oldestDueSeconds",
              count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed
         FROM jobs
        WHERE done_at IS NULL
        GROUP BY queue
        ORDER BY queue`,
    ),
  );
}
