import { performance } from 'node:perf_hooks';
import type { Database, OwnerSql } from '../src/platform/db/types';
import type { Catalogue, Columns } from './catalogue';
import type { Meetings } from './meetings';
import type { Organisations } from './organisations';
import type { People } from './people';

/** A generated city: the catalogue, the people with accounts, the organisations, their meetings. */
export type Dataset = Catalogue & People & Organisations & Meetings;

/** Each column's array type for unnest(), and a cast when the column's type has no array of its own to unnest into. */
const TYPES: Record<keyof Dataset, Record<string, string>> = {
  users: { id: 'uuid', email: 'text', display_name: 'text', password_hash: 'text', locale: 'text' },
  memberships: { municipality_id: 'uuid', user_id: 'uuid', roles: 'text:text[]' },
  organisations: {
    municipality_id: 'uuid', id: 'uuid', name: 'text', kind: 'text', krs: 'text', nip: 'text', regon: 'text', leader_name: 'text',
    spheres: 'text:text[]', description: 'text', founded_year: 'int4', members_count: 'int4', volunteers_count: 'int4', street: 'text',
    postal_code: 'text', city: 'text', email: 'text', phone: 'text', website: 'text', published_contacts: 'text:text[]', status: 'text',
    registered_by: 'uuid',
  },
  organisation_members: { municipality_id: 'uuid', organisation_id: 'uuid', user_id: 'uuid', role: 'text' },
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
  meetings: {
    municipality_id: 'uuid', id: 'uuid', title: 'text', purpose: 'text', agenda: 'text', audience: 'text', address: 'text', starts_at: 'timestamptz',
    ends_at: 'timestamptz', capacity: 'int4', status: 'text', minutes: 'text', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  meeting_invitations: {
    municipality_id: 'uuid', id: 'uuid', meeting_id: 'uuid', organisation_id: 'uuid', email: 'text', token_hash: 'text', chosen_by: 'text', invited_by: 'uuid',
    invited_at: 'timestamptz', response: 'text', people_count: 'int4', accessibility_needs: 'text', responded_at: 'timestamptz', answers: 'int4',
    reminded_at: 'timestamptz',
  },
  meeting_attendance: {
    municipality_id: 'uuid', id: 'uuid', meeting_id: 'uuid', invitation_id: 'uuid', organisation_id: 'uuid', name: 'text', people_count: 'int4',
    recorded_by: 'uuid', recorded_at: 'timestamptz',
  },
};

/** Parents before children (foreign keys). */
export const LOAD_ORDER: (keyof Dataset)[] = ['users', 'memberships', 'organisations', 'organisation_members', 'providers', 'locations', 'opening_hours', 'programmes', 'services', 'service_locations', 'programme_services',
  'meetings', 'meeting_invitations', 'meeting_attendance'];

export const BATCH = 1000;

function insertSql(name: keyof Dataset): string {
  const cols = Object.entries(TYPES[name]);
  const select = cols.map(([col, t]) => (t.includes(':') ? `${col}::${t.split(':')[1]}` : col));
  const unnest = cols.map(([, t], i) => `$${i + 1}::${t.split(':')[0]}[]`);
  // Generated accounts are confirmed: their e-mail counts as verified from the moment they are loaded.
  // Verified organisations were verified when loaded.
  const extra = name === 'users' ? { cols: ', email_verified_at', select: ', now()' }
    : name === 'organisations' ? { cols: ', verified_at', select: ", CASE WHEN status = 'verified' THEN now() END" } : { cols: '', select: '' };
  return `INSERT INTO ${name} (${cols.map(([c]) => c).join(', ')}${extra.cols}) SELECT ${select.join(', ')}${extra.select} FROM unnest(${unnest.join(', ')}) AS x(${cols.map(([c]) => c).join(', ')})`;
}

function rowCount(t: Columns): number {
  return Object.values(t)[0]?.length ?? 0;
}

export interface LoadStats {
  rows: number;
  ms: number;
}

/**
 * Inserts a dataset in batches of BATCH rows, each batch one INSERT … SELECT FROM unnest(arrays)
 * (close to COPY on PostgreSQL; on PGlite the same batches, all in the caller's one transaction).
 * Runs as the owner; every row carries its municipality_id. Reports rows/s on stderr.
 */
export async function loadDataset(sql: OwnerSql, data: Dataset, label: string | null): Promise<LoadStats> {
  const started = performance.now();
  let rows = 0;
  for (const name of LOAD_ORDER) {
    const t = data[name];
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
// Versioned: a database generated by an older generator (e.g. without meetings) is not taken as current.
export const MARKER_TABLE = 'bench_marker_v4';

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
