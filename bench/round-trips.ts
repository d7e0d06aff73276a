import pg from 'pg';

/**
 * Counts the round trips node-postgres makes: a query call on a connection with nothing in flight starts
 * one; calls made while earlier ones are still unanswered (pipelined, platform/db/postgres.ts) ride on it.
 * A multi-statement simple query is one call. What one request costs in waits on the database, whatever the
 * statements' own work. Patches pg.Client once, in the benchmark's process only.
 */
let calls = 0;
let texts: string[] | null = null;
const original = pg.Client.prototype.query;
type InFlight = { _activeQuery?: unknown; _sentQueryQueue?: unknown[]; _queryQueue?: unknown[] };
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const c = this as unknown as InFlight;
  const idle = !c._activeQuery && !c._sentQueryQueue?.length && !c._queryQueue?.length;
  if (idle) calls++;
  const first = args[0];
  const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
  texts?.push(`${idle ? '' : '+ '}${text.replace(/\s+/g, ' ').slice(0, 90)}`);
  return (original as (...a: unknown[]) => unknown).apply(this, args);
};

export interface RoundTrips {
  count: number;
  statements: string[];
}

/** The round trips `fn` makes (run it alone: nothing else may use the database meanwhile). */
export async function countRoundTrips(fn: () => Promise<unknown>): Promise<RoundTrips> {
  const before = calls;
  texts = [];
  try {
    await fn();
    return { count: calls - before, statements: texts };
  } finally {
    texts = null;
  }
}
