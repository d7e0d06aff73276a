import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../src/platform/db/types';
import { databaseRateLimitStore } from '../src/platform/http/rate-limit-store';

/**
 * The cost of a shared rate limit (ADR 0024): the same limited route with the counters in memory (one
 * process) and in the database (every instance), 1 000 people's keys in turn and a limit nobody reaches.
 */
export async function rateLimitedApps(db: Database): Promise<{ memory: FastifyInstance; database: FastifyInstance }> {
  const build = async (store?: ReturnType<typeof databaseRateLimitStore>) => {
    const app = Fastify({ logger: false });
    await app.register(rateLimit, { global: false, ...(store ? { store } : {}) });
    let n = 0;
    app.get('/limited', { config: { rateLimit: { max: 1_000_000_000, timeWindow: 60_000, keyGenerator: () => `user:bench-${n++ % 1000}` } } }, async () => ({ status: 'ok' }));
    return app;
  };
  return { memory: await build(), database: await build(databaseRateLimitStore(db)) };
}
