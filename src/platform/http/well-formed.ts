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

/**
 * The same value with every string made well-formed: plain objects and arrays are changed in place,
 * files and buffers left alone. Iterative, so a body nested thousands deep cannot overflow the stack.
 */
export function wellFormed<T>(value: T): T {
  const fix = (v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD') : v);
  if (typeof value === 'string') return fix(value) as T;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!Array.isArray(node) && !isPlainObject(node)) continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      record[key] = fix(record[key]);
      if (typeof record[key] === 'object' && record[key] !== null) stack.push(record[key]);
    }
  }
  return value;
}

export function registerWellFormedInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    request.body = wellFormed(request.body);
    request.query = wellFormed(request.query);
    request.params = wellFormed(request.params);
  });
}
