import { performance } from 'node:perf_hooks';
import type { Database, OwnerSql } from '../src/platform/db/types';
import type { Catalogue, Columns } from './catalogue';

/** Each column's array type for unnest(), and a cast when the column's type has no array of its own to unnest into. */
const TYPES: Record<keyof Catalogue, Record<string, string>> = {
  providers: { municipality_id: 'uuid', id: 'uuid', name: 'text', kind: 'text', description: 'text', email: 'text', phone: 'text' },
  locations: {
    municipality_id: 'uuid', id: 'uuid', provider_id: 'uuid', name: 'text', street: 'text', postal_code: 'text', city: 'text',
    latitude: 'float8', longitude: 'float8', step_free: 'bool', accessible_toilet: 'bool', induction_loop: 'bool', sign_language_on_request: 'bool',
  },
  opening_hours: { municipality_id: 'uuid', id: 'uuid', location_id: 'uuid', weekday: 'int2', opens: 'time', closes: 'time' },
  programmes: { municipality_id: 'uuid', id: 'uuid', name: 'text', period_from: 'date', period_to: 'date', resolution_number: 'text', status: 'text' },
  services: {
    municipality_id: 'uuid', id: 'uuid', provider_id: 'uuid', name: 'text', summary: 'text', description: 'text', area: 'text',
    target_groups: 'text:text[]', how_to_apply: 'text', required_documents: 'text:text[]', fee_kind: 'text', fee_amount: 'numeric',
    fee_rule: 'text', capacity: 'int4', capacity_period: 'text', eligibility: 'text', criteria: 'text:jsonb', status: 'text',
    contact_email: 'text', contact_phone: 'text',
  },
  service_locations: { municipality_id: 'uuid', service_id: 'uuid', location_id: 'uuid' },
  programme_services: { municipality_id: 'uuid', programme_id: 'uuid', service_id: 'uuid' },
};

/** Parents before children (foreign keys). */
export const LOAD_ORDER: (keyof Catalogue)[] = ['providers', 'locations', 'opening_hours', 'programmes', 'services', 'service_locations', 'programme_services'];

export const BATCH = 1000;

function insertSql(name: keyof Catalogue): string {
  const cols = Object.entries(TYPES[name]);
  const select = cols.map(([col, t]) => (t.includes(':') ? `${col}::${t.split(':')[1]}` : col));
  const unnest = cols.map(([, t], i) => `$${i + 1}::${t.split(':')[0]}[]`);
  return `INSERT INTO ${name} (${cols.map(([c]) => c).join(', ')}) SELECT ${select.join(', ')} FROM unnest(${unnest.join(', ')}) AS x(${cols.map(([c]) => c).join(', ')})`;
}

function rowCount(t: Columns): number {
  return Object.values(t)[0]?.length ?? 0;
}

export interface LoadStats {
  rows: number;
  ms: number;
}

/**
 * Inserts a catalogue in batches of BATCH rows, each batch one INSERT … SELECT FROM unnest(arrays)
 * (close to COPY on PostgreSQL; on PGlite the same batches, all in the caller's one transaction).
 * Runs as the owner; every row carries its municipality_id. Reports rows/s on stderr.
 */
export async function loadCatalogue(sql: OwnerSql, catalogue: Catalogue, label: string | null): Promise<LoadStats> {
  const started = performance.now();
  let rows = 0;
  for (const name of LOAD_ORDER) {
    const t = catalogue[name];
    const text = insertSql(name);
    const cols = Object.keys(TYPES[name]);
    const total = rowCount(t);
    for (let from = 0; from < total; from += BATCH) {
      await sql.query(text, cols.map((c) => t[c]!.slice(from, from + BATCH)));
      rows += Math.min(BATCH, total - from);
      const s = (performance.now() - started) / 1000;
      if (label) process.stderr.write(`\r  ${label}: ${name} ${Math.min(from + BATCH, total)}/${total} — ${rows} rows, ${Math.round(rows / Math.max(s, 0.001))} rows/s   `);
    }
  }
  if (label) process.stderr.write('\n');
  return { rows, ms: performance.now() - started };
}

/** What the generator leaves behind so a later run can tell it is already there. */
export const MARKER_TABLE = 'bench_marker';

export async function readMarker(db: Database): Promise<{ size: string; seed: number; municipalities: number } | undefined> {
  return db.ownerTx(async (sql) => {
    const [exists] = await sql.query<{ t: string | null }>(`SELECT to_regclass('${MARKER_TABLE}')::text AS t`);
    if (!exists?.t) return undefined;
    const [row] = await sql.query<{ size: string; seed: number; municipalities: number }>(`SELECT size, seed, municipalities FROM ${MARKER_TABLE}`);
    return row;
  });
}

export async function writeMarker(sql: OwnerSql, m: { size: string; seed: number; municipalities: number }): Promise<void> {
  await sql.script(`CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (size text NOT NULL, seed int NOT NULL, municipalities int NOT NULL,
    generated_at timestamptz NOT NULL DEFAULT now()); DELETE FROM ${MARKER_TABLE};`);
  await sql.query(`INSERT INTO ${MARKER_TABLE} (size, seed, municipalities) VALUES ($1, $2, $3)`, [m.size, m.seed, m.municipalities]);
}
