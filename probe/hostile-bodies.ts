/** Turning generated hostile inputs into request bodies, query strings, paths and import files. */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import fc from 'fast-check';
import { encodeValue, hostileValue, type Input, type Value } from './hostile-inputs';
import type { Body } from './world-http';

const asText = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** An own property, even for `__proto__`, so that JSON.stringify writes it. */
function put(obj: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(obj, name, { value, enumerable: true, configurable: true, writable: true });
}

/** The baseline submission with the input's changes, in the input's encoding. */
export function hostileBody(baseline: [string, string][], input: Input): Body {
  const changed = new Set(input.changes.map(([name]) => name));
  if (input.encoding === 'json') {
    const obj: Record<string, unknown> = {};
    for (const [k, v] of baseline) {
      if (changed.has(k)) continue;
      const had = obj[k];
      put(obj, k, had === undefined ? v : Array.isArray(had) ? [...(had as unknown[]), v] : [had, v]);
    }
    for (const [name, v] of input.changes) if (v.value !== undefined) put(obj, name, v.value);
    return { kind: 'json', value: obj };
  }
  const pairs: [string, string][] = baseline.filter(([k]) => !changed.has(k));
  for (const [name, v] of input.changes) {
    if (v.value === undefined) continue;
    for (const item of Array.isArray(v.value) ? v.value : [v.value]) pairs.push([name, asText(item)]);
  }
  return { kind: 'form', pairs };
}

/** The input's changes as a query string after the baseline's (a GET form's) fields. */
export function hostileQuery(baseline: [string, string][], input: Input): string {
  const changed = new Set(input.changes.map(([name]) => name));
  const parts = baseline.filter(([k]) => !changed.has(k)).map(([k, v]) => `${encodeValue(k)}=${encodeValue(v)}`);
  for (const [name, v] of input.changes) {
    if (v.value === undefined) continue;
    for (const item of Array.isArray(v.value) ? v.value : [v.value]) parts.push(`${encodeValue(name)}=${encodeValue(asText(item))}`);
  }
  return parts.join('&');
}

/** Query strings no browser would send: broken percent-encoding, raw invalid UTF-8, NUL, huge. */
export const RAW_QUERIES = ['q=%E0%A4%A&page=%&%=1', 'q=%ED%A0%80%FF%FE', 'q=%00&area=%00', `q=${'%C4%85'.repeat(20_000)}`, 'a[b][c]=1&__proto__[x]=1&constructor[prototype][y]=2'];

/** Hostile path segments: each replaces one parameter of a route (`fixed`: also path traversal and an over-long one). */
export function hostileSegments(count: number, seed: number, fixed: boolean): Value[] {
  const extra: Value[] = [
    { kind: 'traversal', value: '../../package.json' },
    { kind: 'traversal', value: '..%2f..%2fpackage.json' },
    { kind: 'long', value: 'x'.repeat(300) },
  ];
  return [...(fixed ? extra : []), ...fc.sample(hostileValue.filter((v) => typeof v.value === 'string' && v.value.length < 2000), { seed, numRuns: count })];
}

export const pathSegment = (v: Value): string => (v.kind === 'traversal' ? String(v.value) : encodeValue(asText(v.value)));

/** Hostile import files: the export with one cell changed, random bytes, an empty or oversized file, a strange name. */
export function hostileFiles(csv: string, count: number, seed: number): { kind: string; filename: string; data: Buffer }[] {
  const rows = parseCsv(csv, { bom: true, relax_column_count: true }) as string[][];
  const arb = fc.oneof(
    fc.tuple(fc.nat(rows.length - 2), fc.nat(40), hostileValue.filter((v) => typeof v.value === 'string')).map(([r, c, v]) => {
      const changed = rows.map((row) => [...row]);
      const row = changed[r + 1] ?? changed[0]!;
      row[c % row.length] = String(v.value);
      return { kind: `csv cell ${rows[0]![c % row.length]}: ${v.kind} ${JSON.stringify(v.value).slice(0, 60)}`, filename: 'uslugi.csv', data: Buffer.from(stringifyCsv(changed)) };
    }),
    fc.uint8Array({ maxLength: 2000 }).chain((bytes) =>
      fc.constantFrom('x.csv', 'x.xlsx', 'x.exe', '').map((filename) => ({ kind: 'random bytes', filename, data: Buffer.from(bytes) })),
    ),
    fc.tuple(fc.nat(9), fc.integer({ min: 100_000, max: 999_999 })).map(([i, n]) => ({ kind: 'markup file name', filename: `<img src=x onerror=probe${n}>${i}.csv`, data: Buffer.from(csv) })),
  );
  return [
    { kind: 'empty file', filename: 'pusty.csv', data: Buffer.alloc(0) },
    { kind: 'oversized file', filename: 'duzy.csv', data: Buffer.alloc(6 * 1024 * 1024, 'a') },
    { kind: 'zip that is no spreadsheet', filename: 'x.xlsx', data: Buffer.from('504b0304140000000000', 'hex') },
    ...fc.sample(arb, { seed, numRuns: count }),
  ];
}

/**
 * Hostile document uploads (a resident's or staff's attachment form): empty, oversized, random bytes
 * under any name, an executable called .pdf, a PNG called .pdf, a good PDF under a name with markup
 * or hostile text (kept, and shown escaped).
 */
export function hostileDocuments(count: number, seed: number): { kind: string; filename: string; data: Buffer }[] {
  const pdf = Buffer.from('%PDF-1.4\n%probe\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const arb = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }).chain((bytes) => fc.constantFrom('x.pdf', 'x.png', 'x.exe', '').map((filename) => ({ kind: 'random bytes', filename, data: Buffer.from(bytes) }))),
    hostileValue.filter((v) => typeof v.value === 'string').map((v) => ({ kind: `file name: ${v.kind}`, filename: `${asText(v.value).slice(0, 300)}.pdf`, data: pdf })),
    fc.integer({ min: 100_000, max: 999_999 }).map((n) => ({ kind: 'markup file name', filename: `<img src=x onerror=probe${n}>.pdf`, data: pdf })),
  );
  return [
    { kind: 'empty file', filename: 'pusty.pdf', data: Buffer.alloc(0) },
    { kind: 'oversized file', filename: 'duzy.pdf', data: Buffer.concat([pdf, Buffer.alloc(6 * 1024 * 1024, 'a')]) },
    { kind: 'executable called .pdf', filename: 'faktura.pdf', data: Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(100)]) },
    { kind: 'PNG called .pdf', filename: 'skan.pdf', data: png },
    ...fc.sample(arb, { seed, numRuns: count }),
  ];
}
