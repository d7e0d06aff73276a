import { performance } from 'node:perf_hooks';
import type { Database, OwnerSql } from '../src/platform/db/types';
import type { Applications } from './applications';
import type { Cases } from './cases';
import type { Catalogue, Columns } from './catalogue';
import type { Centre } from './centre';
import type { Meetings } from './meetings';
import type { Organisations } from './organisations';
import type { People } from './people';
import type { Referrals } from './referrals';

/**
 * A generated city: the catalogue, the people with accounts, the organisations, their meetings, and the
 * centre's casework (units, coordinators and teams, applications and queues, cases, plans, referrals, deliveries).
 */
export type Dataset = Catalogue & People & Organisations & Meetings & Centre & Applications & Cases & Referrals;

/** Parts of the dataset loaded into a table of another name. */
const TABLE: Partial<Record<keyof Dataset, string>> = {
  casework_users: 'users', casework_memberships: 'memberships', later_applications: 'applications', sharing_consents: 'application_consents',
};

/** An application's columns (the openings of cases, and the later ones that also name their case). */
const APPLICATION: Record<string, string> = {
  municipality_id: 'uuid', id: 'uuid', service_id: 'uuid', applicant_id: 'uuid', applicant_name: 'text', beneficiary_name: 'text', beneficiary_birth_year: 'int4',
  relation: 'text', contact_phone: 'text', contact_email: 'text', need: 'text', channel: 'text', registered_by: 'uuid', status: 'text', status_reason: 'text',
  forwarded_to: 'uuid', queue_position: 'int4', submitted_at: 'timestamptz', decided_at: 'timestamptz',
};

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
  units: { municipality_id: 'uuid', id: 'uuid', name: 'text', position: 'int4' },
  casework_users: { id: 'uuid', email: 'text', display_name: 'text', password_hash: 'text', locale: 'text', totp_secret_enc: 'text' },
  casework_memberships: { municipality_id: 'uuid', user_id: 'uuid', roles: 'text:text[]' },
  care_teams: { municipality_id: 'uuid', id: 'uuid', name: 'text', unit_id: 'uuid', supervisor_id: 'uuid' },
  care_team_members: { municipality_id: 'uuid', team_id: 'uuid', user_id: 'uuid' },
  applications: APPLICATION,

  later_applications: { ...APPLICATION, case_id: 'uuid' },
  application_consents: { municipality_id: 'uuid', id: 'uuid', application_id: 'uuid', purpose: 'text', given_at: 'timestamptz' },
  cases: {
    municipality_id: 'uuid', id: 'uuid', number: 'text', opened_from: 'uuid', resident_user_id: 'uuid', person_name: 'text', birth_year: 'int4',
    representative_name: 'text', contact_phone: 'text', contact_email: 'text', coordinator_id: 'uuid', team_id: 'uuid', needs_plan: 'bool', plan_due_on: 'date',
    status: 'text', opened_at: 'timestamptz', closed_at: 'timestamptz', closing_note: 'text',
  },
  case_number_counters: { municipality_id: 'uuid', year: 'int4', last_number: 'int4' },
  care_plans: {
    municipality_id: 'uuid', id: 'uuid', case_id: 'uuid', status: 'text', valid_from: 'date', valid_until: 'date', author_id: 'uuid', submitted_at: 'timestamptz',
    approved_by: 'uuid', approved_at: 'timestamptz', final_interview_on: 'date', final_summary: 'text', closed_at: 'timestamptz', closed_by: 'uuid',
  },
  sharing_consents: {
    municipality_id: 'uuid', id: 'uuid', application_id: 'uuid', purpose: 'text', recipient: 'text', recipient_unit_id: 'uuid', recipient_organisation_id: 'uuid',
    given_at: 'timestamptz',
  },
  referrals: {
    municipality_id: 'uuid', id: 'uuid', case_id: 'uuid', application_id: 'uuid', provider_kind: 'text', unit_id: 'uuid', organisation_id: 'uuid', service_id: 'uuid',
    service_label: 'text', shared_details: 'text', consent_id: 'uuid', status: 'text', status_reason: 'text', respond_by: 'date', sent_by: 'uuid',
    sent_at: 'timestamptz', accepted_at: 'timestamptz', completed_at: 'timestamptz', outcome: 'text',
  },
  referral_deliveries: {
    municipality_id: 'uuid', referral_id: 'uuid', delivered_on: 'date', minutes: 'int4', units: 'numeric', note: 'text', recorded_by: 'uuid', created_at: 'timestamptz',
  },
};

/** Parents before children (foreign keys). */
export const LOAD_ORDER: (keyof Dataset)[] = ['users', 'memberships', 'organisations', 'organisation_members', 'providers', 'locations', 'opening_hours', 'programmes', 'services', 'service_locations', 'programme_services',
  'meetings', 'meeting_invitations', 'meeting_attendance',
  'units', 'casework_users', 'casework_memberships', 'care_teams', 'care_team_members', 'applications', 'cases', 'later_applications',
  'application_consents', 'case_number_counters', 'care_plans', 'sharing_consents', 'referrals', 'referral_deliveries'];

export const BATCH = 1000;

function insertSql(name: keyof Dataset): string {
  const cols = Object.entries(TYPES[name]);
  const select = cols.map(([col, t]) => (t.includes(':') ? `${col}::${t.split(':')[1]}` : col));
  const unnest = cols.map(([, t], i) => `$${i + 1}::${t.split(':')[0]}[]`);
  const rows = `unnest(${unnest.join(', ')}) AS x(${cols.map(([c]) => c).join(', ')})`;
  // Generated accounts are confirmed: their e-mail counts as verified from the moment they are loaded;
  // coordinators also have TOTP enrolled. Verified organisations were verified when loaded.
  const extra = name === 'users' ? { cols: ', email_verified_at', select: ', now()' }
    : name === 'casework_users' ? { cols: ', email_verified_at, totp_enabled_at', select: ', now(), now()' }
    : name === 'organisations' ? { cols: ', verified_at', select: ", CASE WHEN status = 'verified' THEN now() END" } : { cols: '', select: '' };
  return `INSERT INTO ${TABLE[name] ?? name} (${cols.map(([c]) => c).join(', ')}${extra.cols}) SELECT ${select.join(', ')}${extra.select} FROM ${rows}`;
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
  // A case opens from an application, which then names its case: joined once both are in (later
  // applications were loaded naming theirs).
  if (rowCount(data.cases) > 0) {
    await sql.query(
      'UPDATE applications a SET case_id = c.id FROM cases c WHERE c.municipality_id = $1 AND a.municipality_id = $1 AND a.id = c.opened_from AND a.case_id IS NULL',
      [data.cases.municipality_id![0]],
    );
  }
  if (label) process.stderr.write('\n');
  return { rows, ms: performance.now() - started };
}

/** What the generator leaves behind so a later run can tell it is already there. */
// Versioned: a database generated by an older generator (e.g. without the casework) is not taken as current.
export const MARKER_TABLE = 'bench_marker_v5';

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
