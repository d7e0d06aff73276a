/**
 * The inputs of the hostile-input probe, generated with fast-check: values of the wrong type, huge,
 * with control characters, NUL bytes, SQL and markup injection, invalid Unicode, in place of a
 * field, missing, added, or repeated; and how a browser or a script would encode them.
 */
import fc from 'fast-check';
import type { Body } from './world-http';

/** A field's hostile value: a string, several (repeated field or JSON array), anything in JSON, or absent. */
export type Value = { kind: string; value: unknown };

/**
 * Markup the app must never send back as markup: `probe<n>` marks it as ours. Each is looked for
 * literally in HTML answers; escaped, it cannot match.
 */
export const MARKUP = [
  (n: number) => `<script>probe${n}</script>`,
  (n: number) => `<img src=x onerror=probe${n}>`,
  (n: number) => `"><svg onload=probe${n}>`,
  (n: number) => `" autofocus onfocus=probe${n} x="`,
  (n: number) => `javascript:probe${n}`,
];
export const UNESCAPED = [/<script>probe\d+/, /<img src=x onerror=probe\d+/, /<svg onload=probe\d+/, /" autofocus onfocus=probe\d+/, /(href|src|action)="javascript:probe\d+/];

const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE services; --",
  "x' OR (SELECT pg_sleep(5)) IS NOT NULL OR 'x'='",
  "' UNION SELECT email, password_hash FROM users --",
  '$1',
  "\\'; SELECT set_config('role', 'postgres', false); --",
  "%' OR name ILIKE '%",
  '1 OR 1=1',
  "admin'--",
  "') ON CONFLICT DO NOTHING; --",
];
const NEAR_VALID = ['-1', '0', '1e309', 'NaN', 'Infinity', '99999999999999999999', '0x10', ' 1 ', '1,5', '2026-02-30', '0000-01-01', '9999-12-31', '25:00', '-0', '00-000', '٣'];
export const REDIRECTS = ['//evil.example/', 'https://evil.example/', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', '/%2F%2Fevil.example', ' //evil.example', '/\t/evil.example'];
const STRANGE = ['\u202e\u0645\u0631\u062d\u0628\u0627', 'a\u200db\ufeffc', 'Z\u0351\u0356\u0307\u0308', '\uffff\ufffe', '𝕎𝕤𝕡ó𝕝𝕟𝕠𝕥𝕒', '../../../../etc/passwd', '%00', '%s%n%x', '{{7*7}}${7*7}', '__proto__', 'true', 'null', ''];

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const marker = fc.integer({ min: 100_000, max: 999_999 });

/** Hostile values for a field, each with its kind (for the failure line). */
export const hostileValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(...SQL).map((value) => ({ kind: 'sql', value })),
  fc.tuple(fc.nat(MARKUP.length - 1), marker, text).map(([i, n, t]) => ({ kind: 'markup', value: `${t}${MARKUP[i]!(n)}` })),
  fc.constantFrom('a', 'ą', '<', "'", '😀', ' ').map((c) => ({ kind: 'huge', value: c.repeat(Math.ceil(100_000 / c.length)) })),
  fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 }).map((value) => ({ kind: 'control', value })),
  text.map((t) => ({ kind: 'nul', value: `${t}\u0000${t}` })),
  fc.tuple(text, fc.integer({ min: 0xd800, max: 0xdfff })).map(([t, s]) => ({ kind: 'surrogate', value: `${t}${String.fromCharCode(s)}` })),
  fc.string({ unit: 'binary', maxLength: 30 }).map((value) => ({ kind: 'unicode', value })),
  fc.constantFrom(...STRANGE, ...REDIRECTS).map((value) => ({ kind: 'strange', value })),
  fc.constantFrom(...NEAR_VALID).map((value) => ({ kind: 'near-valid', value })),
  fc.uuid().map((value) => ({ kind: 'uuid', value })),
  fc.array(text, { minLength: 2, maxLength: 5 }).map((value) => ({ kind: 'array', value })),
  fc.constant({ kind: 'missing', value: undefined }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'json', value })),
  fc.constantFrom<unknown>(0, -1, 1.5, true, false, null, {}, [], [[]], { toString: 'x' }, Array.from({ length: 1000 }, () => 'x')).map((value) => ({ kind: 'type', value })),
);

/** Names of fields a form does not have (or that mean something to a parser). */
export const extraName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '_csrf', 'id', 'municipality_id', 'version', 'role', 'roles[]', 'a[b]', 'a.b', ''),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }),
);

export interface Input {
  encoding: 'form' | 'json';
  accept: 'html' | 'json';
  /** field → hostile value; `undefined` removes the field. */
  changes: [string, Value][];
}

/** Inputs for a form with `fields`: the first change always to `target` when given, 0–2 more anywhere. */
export function inputs(fields: string[], opts: { target?: string; count: number; seed: number }): Input[] {
  const anyField = fields.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: extraName }) : extraName;
  const first = opts.target === undefined ? anyField : fc.constant(opts.target);
  const arb = fc.record({
    encoding: fc.constantFrom<'form' | 'json'>('form', 'json'),
    accept: fc.constantFrom<'html' | 'json'>('html', 'json'),
    changes: fc.tuple(fc.tuple(first, hostileValue), fc.array(fc.tuple(anyField, hostileValue), { maxLength: 2 })).map(([a, rest]) => [a, ...rest]),
  });
  return fc.sample(arb, { seed: opts.seed, numRuns: opts.count });
}

/**
 * Inputs aimed at one field each, whatever the generator draws: markup in every field (is it
 * escaped where it is shown, now and after saving?), SQL in every field (one string, or all of them
 * with `allSql`), foreign addresses in every field that holds a path.
 */
export function targeted(fields: string[], baseline: [string, string][], seed: number, allSql = false): Input[] {
  const out: Input[] = [];
  fields.forEach((field, i) => {
    const n = (seed % 1000) * 1000 + i;
    const encoding = i % 2 ? 'json' : 'form';
    out.push({ encoding, accept: 'html', changes: [[field, { kind: 'markup', value: `${field} ${MARKUP[i % MARKUP.length]!(n)}` }]] });
    for (const sql of allSql ? SQL : [SQL[(seed + i) % SQL.length]!]) out.push({ encoding, accept: 'json', changes: [[field, { kind: 'sql', value: sql }]] });
    const value = baseline.find(([k]) => k === field)?.[1];
    if (value?.startsWith('/') || /^(next|return)$/.test(field)) {
      for (const r of REDIRECTS) out.push({ encoding, accept: 'html', changes: [[field, { kind: 'redirect', value: r }]] });
    }
  });
  return out;
}

/** Bodies that are not forms at all. */
export const WHOLE_BODIES: { kind: string; body: Body }[] = [
  { kind: 'json null', body: { kind: 'raw-json', payload: 'null' } },
  { kind: 'json array', body: { kind: 'json', value: [1, 'a', null] } },
  { kind: 'json string', body: { kind: 'json', value: 'x' } },
  { kind: 'json number', body: { kind: 'raw-json', payload: '1e999' } },
  { kind: 'json nested 5000 deep', body: { kind: 'raw-json', payload: '['.repeat(5000) + ']'.repeat(5000) } },
  { kind: 'json __proto__', body: { kind: 'raw-json', payload: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}' } },
  { kind: 'json duplicate keys', body: { kind: 'raw-json', payload: '{"name": "a", "name": ["b"], "version": 1, "version": {}}' } },
  { kind: 'broken json', body: { kind: 'raw-json', payload: '{"name": "a",' } },
  { kind: 'invalid percent-encoding', body: { kind: 'raw-form', payload: 'name=%E0%A4%A&area=%&%%%=1&x=%ED%A0%80&y=%FF%FE&z=%00' } },
  { kind: 'many fields', body: { kind: 'raw-form', payload: Array.from({ length: 5000 }, (_, i) => `f${i}=${i}`).join('&') } },
  { kind: 'form __proto__', body: { kind: 'raw-form', payload: '__proto__=x&__proto__[isAdmin]=1&constructor[prototype][x]=1&toString=1&hasOwnProperty=1' } },
];

/** Percent-encodes `v` for a URL; a lone surrogate becomes U+FFFD, as a browser sends it (raw bytes are tried apart). */
export const encodeValue = (v: string): string =>
  encodeURIComponent(v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
