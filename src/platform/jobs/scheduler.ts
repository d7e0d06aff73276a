import type { Database } from '../db/types';
import { addDays, warsawDay, warsawInstant } from '../time';
import { enqueueOnce, schedulingTx, type JobHandler } from './outbox';

/**
 * A recurring job a module declares as data: the job of `queue` (handled by the module's `jobs`)
 * runs daily at a Warsaw wall-clock time, or every `everyMs` milliseconds (counted from the epoch).
 */
export type Schedule = { name: string; queue: string } & ({ dailyAt: `${number}:${number}` } | { everyMs: number });

/** One run of a schedule: its period's key (the Warsaw day, or the instant of an interval) and when it runs. */
export interface Occurrence {
  period: string;
  at: Date;
}

/** The first run of a schedule strictly after `after`. */
export function nextOccurrence(schedule: Schedule, after: Date): Occurrence {
  if ('everyMs' in schedule) {
    const at = new Date((Math.floor(after.getTime() / schedule.everyMs) + 1) * schedule.everyMs);
    return { period: at.toISOString(), at };
  }
  let day = warsawDay(after);
  let at = warsawInstant(day, schedule.dailyAt);
  if (at.getTime() <= after.getTime()) {
    day = addDays(day, 1);
    at = warsawInstant(day, schedule.dailyAt);
  }
  return { period: day, at };
}

export interface Scheduler {
  /** Makes sure every schedule's next run after `now` is in the outbox; returns how many runs it added. */
  ensure(now?: Date): Promise<number>;
}

/**
 * The one scheduler of the app. Each schedule keeps exactly one pending run: at start every
 * instance adds the next run unless it is there (`enqueueOnce`, keyed by period), and each run adds
 * the one after it before doing its work, so a failing run, a restart or several instances neither
 * break nor double the chain. A run late by days (the app was down) goes on from the next period,
 * never in a catch-up series.
 */
export function createScheduler(db: Database, schedules: readonly Schedule[]): Scheduler {
  const add = (schedule: Schedule, after: Date) => {
    const next = nextOccurrence(schedule, after);
    return schedulingTx(db, (sql) => enqueueOnce(sql, schedule.queue, next.period, { schedule: schedule.name, at: next.at.toISOString() }, next.at));
  };
  return {
    async ensure(now = new Date()) {
      let added = 0;
      for (const s of schedules) if (await add(s, now)) added++;
      return added;
    },
  };
}

/**
 * The handlers with every scheduled queue's handler run after adding the next run. The next one
 * follows this run's own time, not only the clock: a run started a moment early by a clock ahead
 * of the process's would otherwise find itself as "the next" and end the chain.
 */
export function scheduledHandlers(db: Database, schedules: readonly Schedule[], handlers: Record<string, JobHandler>): Record<string, JobHandler> {
  const wrapped = { ...handlers };
  for (const s of schedules) {
    const handler = handlers[s.queue];
    if (!handler) throw new Error(`schedule ${s.name}: no handler for queue ${s.queue}`);
    const chain = createScheduler(db, [s]);
    wrapped[s.queue] = async (payload) => {
      const own = typeof payload.at === 'string' ? new Date(payload.at) : new Date(0);
      await chain.ensure(new Date(Math.max(Date.now(), own.getTime())));
      await handler(payload);
    };
  }
  return wrapped;
}
