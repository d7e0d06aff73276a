import type { FastifyRequest } from 'fastify';

/** A rate limit's key: the signed-in person, whichever address they come from; otherwise the address. */
export const personKey = (request: FastifyRequest): string => (request.user ? `user:${request.user.id}` : `ip:${request.ip}`);

/** A route's `config.rateLimit`: at most `max` requests of one person in `timeWindow` ms (then 429). */
export const perPerson = (max: number, timeWindow: number) => ({ max, timeWindow, keyGenerator: personKey });

/** Generated documents of a person's data (PDF, JSON): seconds of CPU and whole data sets in memory. */
export const EXPORT_RATE = perPerson(5, 10 * 60_000);
/** Uploads: a person adding a file now and then, not a script filling the storage. */
export const UPLOAD_RATE = perPerson(10, 60_000);
