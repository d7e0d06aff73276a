import { performance } from 'node:perf_hooks';
import { migrate, readMigrations, type Migration } from '../migrate';
import type { Database, OwnerSql } from '../types';
import { fixSessionSettings, foreignKeys, ident, relationsInSchema, tableChecksum, tablesInDependencyOrder, writeSequences } from './catalog';
import type { Manifest, Snapshot, TableSummary } from './snapshot';

export class TransferRefused extends Error {}

export interface LoadOptions {
  /** Called after each batch is written (progress; tests throw here to interrupt a copy midway). */
  afterBatch?: (table: string, rowsWritten: number) => void | Promise<void>;
  /** The migrations this release knows (tests pass their own). */
  migrations?: Migration[];
}

export interface LoadResult {
  tables: number;
  rows: number;
  migrations: number;
  /** Tables of the source that no migration creates (made by hand or by a tool): not copied. */
  skipped: string[];
  /** Milliseconds spent applying the migrations, copying the rows, and adding the keys back and verifying. */
  ms: { migrations: number; copy: number; verify: number };
}

/**
 * The snapshot's migrations must be this release's first ones, unchanged: the target is given exactly
 * those, and the application's next start applies the rest. A snapshot made by a newer release, or
 * from other migrations, is refused before anything is written.
 */
export function migrationsOf(manifest: Manifest, known: Migration[]): Migration[] {
  if (manifest.migrations.length === 0) throw new TransferRefused('Źródło nie ma tabeli schema_migrations: to nie jest baza Wspólnoty.');
  return manifest.migrations.map((m, i) => {
    const mine = known[i];
    if (!mine || mine.name !== m.name) {
      throw new TransferRefused(
        known.some((k) => k.name === m.name)
          ? `Migracje źródła nie są początkiem migracji tej wersji (${m.name} na pozycji ${i + 1}).`
          : `Źródło ma migrację ${m.name}, której ta wersja nie zna: użyj wersji Wspólnoty co najmniej tak nowej jak źródło.`,
      );
    }
    if (mine.checksum !== m.checksum) throw new TransferRefused(`Migracja ${m.name} źródła różni się od tej w tej wersji (inna suma kontrolna).`);
    return mine;
  });
}

/** Refuses a target holding anything: a table, a sequence, or an applied migration. */
export async function requireEmpty(sql: OwnerSql): Promise<void> {
  const relations = await relationsInSchema(sql);
  if (relations.length === 0) return;
  let applied = '';
  if (relations.includes('schema_migrations')) {
    const rows = await sql.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    applied = rows.length ? ` Ma już ${rows.length} zastosowanych migracji (ostatnia: ${rows.at(-1)!.name}).` : '';
  }
  const shown = relations.slice(0, 5).join(', ') + (relations.length > 5 ? ` i ${relations.length - 5} innych` : '');
  throw new TransferRefused(
    `Baza docelowa nie jest pusta: ma ${relations.length} obiektów (${shown}).${applied} Nic nie zmieniono. Podaj nową, pustą bazę (CREATE DATABASE …).`,
  );
}

/**
 * Writes a snapshot into an empty database in ONE transaction as its owner: the snapshot's
 * migrations, every table's rows, the sequences, then each table's count and checksum compared with
 * the snapshot's. Any refusal, failure or difference rolls everything back: the target stays empty.
 * While copying, user triggers are off (the rows are already what the triggers made; the audit log's
 * refuses only changes) and the foreign keys are dropped and added again at the end — as pg_dump
 * does: the owner may (disabling their triggers would need a superuser), a cycle (applications ⇄
 * cases) needs no order, and each key is checked once over the whole table instead of row by row.
 */
export async function loadSnapshot(target: Database, snapshot: Snapshot, opts: LoadOptions = {}): Promise<LoadResult> {
  const { manifest } = snapshot;
  const wanted = migrationsOf(manifest, opts.migrations ?? readMigrations());
  return target.ownerTx(async (sql) => {
    await requireEmpty(sql);
    const started = performance.now();
    // The migrator inside this transaction: its advisory lock and every migration commit or vanish with the data.
    await migrate({ engine: target.engine, ownerTx: (fn) => fn(sql), tx: () => Promise.reject(new Error('not here')), close: async () => {} }, wanted);
    await sql.query('DELETE FROM schema_migrations');
    await fixSessionSettings(sql);
    const skipped = await tablesOutsideMigrations(sql, manifest.tables);
    const migrated = performance.now();
    await sql.query('SET CONSTRAINTS ALL DEFERRED');
    const keys = await foreignKeys(sql);
    for (const k of keys) await sql.query(`ALTER TABLE ${ident(k.table)} DROP CONSTRAINT ${ident(k.name)}`);
    const triggers = await sql.query<{ table_name: string; trigger_name: string }>(
      `SELECT c.relname AS table_name, t.tgname AS trigger_name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = current_schema()::regnamespace`,
    );
    for (const t of triggers) await sql.query(`ALTER TABLE ${ident(t.table_name)} DISABLE TRIGGER ${ident(t.trigger_name)}`);

    let rows = 0;
    for (const table of manifest.tables) {
      if (skipped.includes(table.name)) for await (const batch of snapshot.batches(table)) void batch;
      else rows += await copyTable(sql, snapshot, table, opts);
    }
    await writeSequences(sql, manifest.sequences);
    const copied = performance.now();
    for (const t of triggers) await sql.query(`ALTER TABLE ${ident(t.table_name)} ENABLE TRIGGER ${ident(t.trigger_name)}`);
    for (const k of keys) await sql.query(`ALTER TABLE ${ident(k.table)} ADD CONSTRAINT ${ident(k.name)} ${k.definition}`);
    await verify(sql, manifest.tables.filter((t) => !skipped.includes(t.name)));
    const ms = { migrations: Math.round(migrated - started), copy: Math.round(copied - migrated), verify: Math.round(performance.now() - copied) };
    return { tables: manifest.tables.length - skipped.length, rows, migrations: wanted.length, skipped, ms };
  });
}

async function copyTable(sql: OwnerSql, snapshot: Snapshot, table: TableSummary, opts: LoadOptions): Promise<number> {
  const cols = table.columns.map(ident).join(', ');
  // One parameter per batch: a JSON array of the rows, turned into the table's row type by the server.
  const insert = `INSERT INTO ${ident(table.name)} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table.name)}, $1::json)`;
  let written = 0;
  for await (const batch of snapshot.batches(table)) {
    await sql.query(insert, [`[${batch.join(',')}]`]);
    written += batch.length;
    await opts.afterBatch?.(table.name, written);
  }
  if (written !== table.rows) throw new Error(`Tabela ${table.name}: przeniesiono ${written} wierszy, źródło ma ${table.rows}.`);
  return written;
}

/**
 * The target's tables after the snapshot's migrations must be the snapshot's, column for column; a
 * table only the source has (no migration creates it) is returned, to be left out and reported.
 */
async function tablesOutsideMigrations(sql: OwnerSql, tables: TableSummary[]): Promise<string[]> {
  const here = new Map((await tablesInDependencyOrder(sql)).map((t) => [t.name, t.columns.join(',')]));
  const differences: string[] = [];
  const outside: string[] = [];
  for (const t of tables) {
    const columns = here.get(t.name);
    if (columns === undefined) outside.push(t.name);
    else if (columns !== t.columns.join(',')) differences.push(`${t.name}: kolumny ${t.columns.join(', ')} w źródle, ${columns.replace(/,/g, ', ')} po migracjach`);
    here.delete(t.name);
  }
  for (const name of here.keys()) differences.push(`${name}: jest po migracjach, nie ma jej w źródle`);
  if (differences.length) throw new TransferRefused(`Schemat źródła różni się od schematu po jego migracjach; nic nie zmieniono:\n  ${differences.join('\n  ')}`);
  return outside;
}

async function verify(sql: OwnerSql, tables: TableSummary[]): Promise<void> {
  const differences: string[] = [];
  for (const t of tables) {
    const got = await tableChecksum(sql, t);
    if (got.rows !== t.rows) differences.push(`${t.name}: ${got.rows} wierszy zamiast ${t.rows}`);
    else if (got.checksum !== t.checksum) differences.push(`${t.name}: suma kontrolna ${got.checksum} zamiast ${t.checksum}`);
  }
  if (differences.length) throw new Error(`Sprawdzenie po kopii nie zgadza się; nic nie zapisano:\n  ${differences.join('\n  ')}`);
}
