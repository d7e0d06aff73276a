import type { Sql } from '../types';

/** A table as the transfer copies it: its stored (not generated) columns, in the table's order. */
export interface TableShape {
  name: string;
  columns: string[];
}

export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** Quotes an identifier read from the catalog, so that any name is safe in a statement. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Every table of the application's schema with its stored columns, parents before children (foreign
 * keys; a cycle — applications ⇄ cases — is broken by name), ties by name: read from the catalog, so a
 * new module's tables are copied without a list here. The order is for reading; the copy does not
 * depend on it (it checks the foreign keys once every row is in: foreignKeys below).
 */
export async function tablesInDependencyOrder(sql: Sql): Promise<TableShape[]> {
  const columns = await sql.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const shapes = new Map<string, TableShape>();
  for (const row of columns) {
    const shape = shapes.get(row.table_name) ?? { name: row.table_name, columns: [] };
    shape.columns.push(row.column_name);
    shapes.set(row.table_name, shape);
  }
  const parents = new Map<string, Set<string>>([...shapes.keys()].map((name) => [name, new Set<string>()]));
  for (const fk of await foreignKeys(sql)) if (fk.table !== fk.parent) parents.get(fk.table)?.add(fk.parent);
  const ordered: TableShape[] = [];
  const left = new Set([...shapes.keys()].sort());
  while (left.size > 0) {
    const ready = [...left].filter((name) => [...parents.get(name)!].every((p) => !left.has(p)));
    for (const name of ready.length ? ready : [[...left][0]!]) {
      left.delete(name);
      ordered.push(shapes.get(name)!);
    }
  }
  return ordered;
}

export interface ForeignKey {
  table: string;
  parent: string;
  name: string;
  definition: string;
}

/** The schema's foreign keys as the server would write them again (pg_get_constraintdef). */
export async function foreignKeys(sql: Sql): Promise<ForeignKey[]> {
  return sql.query<ForeignKey>(
    `SELECT c.relname AS table, p.relname AS parent, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace
      ORDER BY c.relname, k.conname`,
  );
}

/** Every relation of the application's schema (tables, views, sequences): a target must have none. */
export async function relationsInSchema(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
      WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f') ORDER BY relname`,
  );
  return rows.map((r) => r.name);
}

export async function readSequences(sql: Sql): Promise<SequenceValue[]> {
  const names = await sql.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  const values: SequenceValue[] = [];
  for (const { name } of names) {
    const [row] = await sql.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text AS last_value, is_called FROM ${ident(name)}`);
    values.push({ name, lastValue: row!.last_value, isCalled: row!.is_called });
  }
  return values;
}

export async function writeSequences(sql: Sql, values: readonly SequenceValue[]): Promise<void> {
  for (const s of values) await sql.query('SELECT setval($1::regclass, $2::bigint, $3)', [ident(s.name), s.lastValue, s.isCalled]);
}

/**
 * Row count and a checksum of a table's stored columns, the same on both engines and any server
 * version: the sessions' output settings are fixed (sessionSettings), each row's text is hashed and
 * two 60-bit parts of the hashes are summed — no sort and no growing string, so it runs in constant
 * memory on any size (an ordered string_agg would stop at PostgreSQL's 1 GB text limit).
 */
export async function tableChecksum(sql: Sql, table: TableShape): Promise<{ rows: number; checksum: string }> {
  const cols = table.columns.map(ident).join(', ');
  const [row] = await sql.query<{ rows: number; checksum: string }>(
    `SELECT count(*)::int AS rows,
            md5(count(*)::text || ':' || coalesce(sum(('x' || substr(h, 1, 15))::bit(60)::bigint), 0)::text
                || ':' || coalesce(sum(('x' || substr(h, 16, 15))::bit(60)::bigint), 0)::text) AS checksum
       FROM (SELECT md5(r::text) AS h FROM (SELECT ${cols} FROM ${ident(table.name)}) r) hashed`,
  );
  return row!;
}

/** Output settings that make row texts (checksums, JSON rows) independent of the server's defaults. */
export const SESSION_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
];

export async function fixSessionSettings(sql: Sql): Promise<void> {
  for (const statement of SESSION_SETTINGS) await sql.query(statement);
}
