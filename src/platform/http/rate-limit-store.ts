import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { NO_CONTEXT, type Database } from '../db/types';
import { rateLimitHits } from './repository-rate-limits';

interface RouteInfo {
  method?: string | string[];
  url?: string;
}

/**
 * A store for @fastify/rate-limit that keeps the counters in the database, so that every instance
 * behind a load balancer counts the same hits: a person gets 5 exports in 10 minutes in all, not
 * 5 from each instance. One upsert per limited request (ADR 0024); each route counts apart, as the
 * in-memory store does.
 */
export function databaseRateLimitStore(db: Database): FastifyRateLimitStoreCtor {
  const storeFor = (route: string): FastifyRateLimitStore => ({
    incr(key, callback, timeWindow) {
      db.tx(NO_CONTEXT, (sql) => rateLimitHits.hit(sql, `${route} ${key}`, timeWindow)).then(
        (result) => callback(null, result),
        (err: Error) => callback(err),
      );
    },
    child(routeOptions) {
      const info = (routeOptions as { routeInfo?: RouteInfo }).routeInfo ?? {};
      return storeFor(`${[info.method ?? ''].flat().join(',')} ${info.url ?? routeOptions.path ?? ''}`.trim());
    },
  });
  return function DatabaseRateLimitStore() {
    return storeFor('*');
  } as unknown as FastifyRateLimitStoreCtor;
}
