import type { Sql } from '../db/types';

/** The shared counters of the rate limits (migration 0021): one row per route and key, the database's clock. */
export const rateLimitHits = {
  /**
   * Counts a hit and returns the count in the current window and the milliseconds it still runs. A key
   * whose window ended starts a new one at this hit (as the in-memory store of @fastify/rate-limit does).
   */
  async hit(sql: Sql, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const [row] = await sql.query<{ hits: number; ttl: number }>(
      `INSERT INTO rate_limit_hits AS r (key, hits, window_ends) VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END,
         window_ends = CASE WHEN r.window_ends <= now() THEN excluded.window_ends ELSE r.window_ends END
       RETURNING hits, greatest(0, ceil(extract(epoch FROM r.window_ends - now()) * 1000))::int AS ttl`,
      [key, windowMs],
    );
    return { current: row!.hits, ttl: row!.ttl };
  },
  /** Forgets counters whose window ended; returns how many. */
  async purge(sql: Sql): Promise<number> {
    return (await sql.query('DELETE FROM rate_limit_hits WHERE window_ends < now() RETURNING 1')).length;
  },
};
