import type { FastifyInstance } from 'fastify';

/**
 * Text from outside is made well-formed Unicode before any handler sees it: a lone UTF-16
 * surrogate (`\uD800` without its pair) is valid in a JavaScript string and in JSON text, but
 * PostgreSQL refuses it in `jsonb` (an audit entry's details) and `encodeURIComponent` throws on it
 * (a flash cookie). It becomes U+FFFD, as a browser would show it.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** The same value with every string made well-formed (plain objects and arrays in place; files and buffers untouched). */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) value[k] = wellFormed(v);
  return value;
}

export function registerWellFormedInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    request.body = wellFormed(request.body);
    request.query = wellFormed(request.query);
    request.params = wellFormed(request.params);
  });
}
