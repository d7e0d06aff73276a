import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/**
 * Text from outside is made safe for the database at the edge, before any handler sees it (ADR 0015):
 *
 * - A lone UTF-16 surrogate (`\uD800` without its pair) is valid in a JavaScript string and in JSON
 *   text, but PostgreSQL refuses it in `jsonb` (an audit entry's details) and `encodeURIComponent`
 *   throws on it (a flash cookie). It becomes U+FFFD, as a browser would show it.
 * - U+0000 (NUL) PostgreSQL refuses in any text. No browser sends it from a form, so a request
 *   carrying it anywhere a handler reads text (route parameters, query string, body fields and
 *   names, headers) is refused: 400 `request.invalid_characters`. A cookie carrying it is dropped,
 *   as if not sent (a tampered cookie must not lock its holder out).
 * - An uploaded file's name loses control and Unicode format characters (category Cc, Cf: the
 *   bidirectional overrides that show `invoice\u202Egpj.exe.pdf` as "invoicefdp.exe.jpg").
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NUL = '\u0000';
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/gu;

/** A plain object, or one whose prototype has none (fast-querystring's and find-my-way's `new Empty()`). */
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
};

/** A file name safe to keep and to show: without control and format characters. */
export const safeFileName = (name: string): string => name.replace(CONTROL_OR_FORMAT, '');
/** A stored name as it may be shown (names kept before the edge cleaned them): without format characters (Cf). */
export const shownFileName = (name: string): string => name.replace(/\p{Cf}/gu, '');

/**
 * Walks plain objects and arrays (files and buffers are left alone) and calls `visit` on each
 * string value, replacing it with what `visit` returns, and `key` on each own key. Iterative, so a
 * body nested thousands deep cannot overflow the stack.
 */
function walk(value: unknown, visit: (s: string) => string, key?: (k: string) => void): unknown {
  if (typeof value === 'string') return visit(value);
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!Array.isArray(node) && !isPlainObject(node)) continue;
    const record = node as Record<string, unknown>;
    for (const k of Object.keys(record)) {
      key?.(k);
      const v = record[k];
      if (typeof v === 'string') record[k] = visit(v);
      else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return value;
}

/** The same value with every string made well-formed: plain objects and arrays are changed in place. */
export function wellFormed<T>(value: T): T {
  return walk(value, (s) => s.replace(LONE_SURROGATE, '\uFFFD')) as T;
}

/** Whether any string (or key) in the value holds NUL. */
export function holdsNul(value: unknown): boolean {
  let found = false;
  const check = (s: string) => {
    if (s.includes(NUL)) found = true;
    return s;
  };
  walk(value, check, check);
  return found;
}

/**
 * The multipart forms (`attachFieldsToBody` with an `onFile` that buffers the file) leave an upload
 * in the body as `{ filename, data: Buffer }`: its name is cleaned here, once for every module.
 */
function cleanUploadNames(body: unknown): void {
  if (!isPlainObject(body)) return;
  for (const v of Object.values(body)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (isPlainObject(item) && Buffer.isBuffer(item.data) && typeof item.filename === 'string') item.filename = safeFileName(item.filename);
    }
  }
}

/**
 * One walk for the hooks: every string made well-formed in place, and the request refused when a
 * string or a key holds NUL.
 */
function screened<T>(value: T): T {
  let nul = false;
  const seen = (s: string) => {
    if (s.includes(NUL)) nul = true;
    return s;
  };
  const out = walk(value, (s) => seen(s).replace(LONE_SURROGATE, '\uFFFD'), seen) as T;
  if (nul) throw new AppError('request.invalid_characters');
  return out;
}

export function registerWellFormedInput(app: FastifyInstance): void {
  // onRequest, before the request context reads cookies and the municipality of the path.
  app.addHook('onRequest', async (request) => {
    for (const [name, value] of Object.entries(request.cookies ?? {})) {
      if (value?.includes(NUL)) delete request.cookies[name];
    }
    if (holdsNul(request.headers)) throw new AppError('request.invalid_characters');
    request.params = screened(request.params);
    request.query = screened(request.query);
  });
  // preHandler, not preValidation: a scope's multipart parser fills the body in its own preValidation
  // hook, after the root's. Registered before the guard, so this runs before access and CSRF checks.
  app.addHook('preHandler', async (request) => {
    cleanUploadNames(request.body);
    request.body = screened(request.body);
  });
}
