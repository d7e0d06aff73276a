import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { HSDS_DIR } from './hsds';

/**
 * A small Frictionless Table Schema checker for the HSDS tabular data package, from the field
 * descriptors of the specification's own datapackage.json (test/fixtures/hsds/3.0): headers, types,
 * formats, constraints, primary keys and foreign keys.
 */

export interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number };
}
export interface Resource {
  name: string;
  path: string;
  schema: { fields: Field[]; primaryKey?: string | string[]; foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[] };
}

export const OFFICIAL = JSON.parse(fs.readFileSync(path.join(HSDS_DIR, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
export const officialResource = (name: string): Resource => {
  const r = OFFICIAL.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no official resource ${name}`);
  return r;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function validDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
function validUri(v: string): boolean {
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(v) && Boolean(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** Why `value` (non-empty) is not a valid cell of `field`, or null. */
export function typeProblem(field: Field, value: string): string | null {
  switch (field.type) {
    case 'string':
      if (field.format === 'uuid' && !UUID.test(value)) return 'not a uuid';
      if (field.format === 'email' && !EMAIL.test(value)) return 'not an email';
      if (field.format === 'uri' && !validUri(value)) return 'not a uri';
      return null;
    case 'number':
      return NUMBER.test(value) ? null : 'not a number';
    case 'integer':
      return /^[-+]?\d+$/.test(value) ? null : 'not an integer';
    case 'boolean':
      return ['true', 'false'].includes(value) ? null : 'not a boolean';
    case 'date':
      return validDate(value) ? null : 'not a date (YYYY-MM-DD)';
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(value) ? null : 'not a time (hh:mm:ss)';
    case 'datetime':
      // Table Schema's default datetime is XML Schema's dateTime in UTC: fractional seconds allowed.
      return /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/.test(value) && validDate(value.slice(0, 10)) ? null : 'not a datetime (YYYY-MM-DDThh:mm:ss[.sss]Z)';
    default:
      return `unknown type ${field.type}`;
  }
}

/** Problems of one cell against its field's type and constraints (not uniqueness, which needs the column). */
export function cellProblems(field: Field, value: string): string[] {
  const c = field.constraints ?? {};
  if (value === '') return c.required ? ['required'] : [];
  const out: string[] = [];
  const type = typeProblem(field, value);
  if (type) out.push(type);
  if (c.enum && !c.enum.includes(value)) out.push(`not one of ${c.enum.join('|')}`);
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) out.push(`does not match ${c.pattern}`);
  if (c.minLength !== undefined && [...value].length < c.minLength) out.push(`shorter than ${c.minLength}`);
  if (c.maxLength !== undefined && [...value].length > c.maxLength) out.push(`longer than ${c.maxLength}`);
  if (c.minimum !== undefined && Number(value) < c.minimum) out.push(`below ${c.minimum}`);
  if (c.maximum !== undefined && Number(value) > c.maximum) out.push(`above ${c.maximum}`);
  return out;
}

export type Row = Record<string, string>;
export interface Table {
  header: string[];
  rows: Row[];
}

/** RFC 4180 CSV (CRLF) → header and rows; fails on a BOM, an unquoted line break other than CRLF, bad quoting or a ragged row. */
export function parseCsv(text: string): Table {
  if (text.charCodeAt(0) === 0xfeff) throw new Error('CSV starts with a BOM');
  if (/\r(?!\n)|(?<!\r)\n/.test(text.replace(/"(?:[^"]|"")*"/g, '""'))) throw new Error('a line break outside quotes is not CRLF');
  const records = parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
  const [header = [], ...data] = records;
  return { header, rows: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

/** Every problem of the tables against the resources: header, cells, uniqueness, primary and foreign keys. */
export function packageProblems(resources: Resource[], tables: Record<string, Table>): string[] {
  const out: string[] = [];
  for (const r of resources) {
    const t = tables[r.name];
    if (!t) {
      out.push(`${r.name}: no table`);
      continue;
    }
    const names = r.schema.fields.map((f) => f.name);
    if (JSON.stringify(t.header) !== JSON.stringify(names)) out.push(`${r.name}: header ${t.header.join(',')} is not ${names.join(',')}`);
    t.rows.forEach((row, i) => {
      for (const f of r.schema.fields) for (const p of cellProblems(f, row[f.name] ?? '')) out.push(`${r.name} row ${i + 1} ${f.name}=${JSON.stringify(row[f.name])}: ${p}`);
    });
    const unique = r.schema.fields.filter((f) => f.constraints?.unique).map((f) => f.name);
    for (const key of new Set([...unique, ...list(r.schema.primaryKey ?? [])])) {
      const values = t.rows.map((row) => row[key] ?? '').filter(Boolean);
      if (new Set(values).size !== values.length) out.push(`${r.name}.${key}: not unique`);
    }
    for (const fk of r.schema.foreignKeys ?? []) {
      const [field] = list(fk.fields);
      const [target] = list(fk.reference.fields);
      const referenced = tables[fk.reference.resource];
      if (!referenced) {
        out.push(`${r.name}.${field}: references ${fk.reference.resource}, which is not in the package`);
        continue;
      }
      const keys = new Set(referenced.rows.map((row) => row[target!]));
      for (const row of t.rows) {
        const v = row[field!] ?? '';
        if (v && !keys.has(v)) out.push(`${r.name}.${field}=${v}: no ${fk.reference.resource}.${target}`);
      }
    }
  }
  return out;
}

export interface Unzipped {
  descriptor: { resources: Resource[] } & Record<string, unknown>;
  /** Tables by resource name. */
  tables: Record<string, Table>;
  /** Raw CSV text by resource name. */
  texts: Record<string, string>;
  files: string[];
}

/** A datapackage zip → its descriptor and parsed tables (each resource at its path). */
export function unzipPackage(zip: Uint8Array): Unzipped {
  const entries = unzipSync(zip);
  const descriptor = JSON.parse(strFromU8(entries['datapackage.json']!)) as Unzipped['descriptor'];
  const tables: Record<string, Table> = {};
  const texts: Record<string, string> = {};
  for (const r of descriptor.resources) {
    const bytes = entries[r.path];
    if (!bytes) throw new Error(`${r.path} missing from the zip`);
    texts[r.name] = strFromU8(bytes);
    tables[r.name] = parseCsv(texts[r.name]!);
  }
  return { descriptor, tables, texts, files: Object.keys(entries) };
}
