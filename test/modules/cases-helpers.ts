import assert from 'node:assert/strict';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import type { Harness } from '../support/harness';
import { CARE, catalogueMunicipality, serviceId } from './applications-helpers';
import { ownerQuery } from '../support/db';

/** Shared by the cases tests: accepted applications made directly, cases opened through the form, rows and audit entries. */

export { coordinator } from './applications-helpers';

export async function casesMunicipality(h: Harness, name = 'Gmina Spraw'): Promise<MunicipalityRow> {
  return catalogueMunicipality(h, name);
}

let n = 0;
/** An accepted application of a fictional person (by an account when `applicant` is given). */
export async function acceptedApplication(h: Harness, m: MunicipalityRow, over: { applicant?: string; name?: string; status?: string; submittedDaysAgo?: number } = {}): Promise<string> {
  const service = await serviceId(h, m, CARE);
  n += 1;
  const status = over.status ?? 'accepted';
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO applications (municipality_id, service_id, applicant_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation,
       contact_phone, contact_email, need, channel, status, status_reason, queue_position, submitted_at, decided_at)
     VALUES ($1, $2, $3, 'Anna Nawijalska', $4, 1947, 'parent', '46 855 10 10', 'anna@example.pl', 'Pomoc przy zakupach i sprzątaniu.', 'phone', $5,
       CASE WHEN $5 = 'declined' THEN 'Brak miejsc.' ELSE '' END, CASE WHEN $5 = 'waiting' THEN (SELECT coalesce(max(queue_position), 0) + 1 FROM applications WHERE municipality_id = $1 AND service_id = $2) END,
       now() - make_interval(days => $6), CASE WHEN $5 = 'waiting' THEN NULL ELSE now() END)
     RETURNING id`,
    [m.id, service, over.applicant ?? null, over.name ?? `Helena Osnowska ${n}`, status, over.submittedDaysAgo ?? 3],
  );
  return row!.id;
}

/** Opens a case from the application through the form; returns the new case's id. */
export async function openCase(h: Harness, c: TestClient, m: MunicipalityRow, applicationId: string, fields: Record<string, string>): Promise<string> {
  const res = await c.post(`/${m.slug}/cases/new?application=${applicationId}`, { mode: 'open', ...fields });
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  const [row] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM cases WHERE municipality_id = $1 AND opened_from = $2', [m.id, applicationId]);
  assert.ok(row, 'the case exists');
  return row.id;
}

export interface CaseDbRow {
  number: string;
  status: string;
  person_name: string;
  birth_year: number;
  contact_phone: string;
  contact_email: string;
  representative_name: string;
  coordinator_id: string;
  team_id: string | null;
  needs_plan: boolean;
  plan_due_on: string | null;
  closing_note: string;
  anonymised_at: Date | null;
  version: number;
}

export async function caseRow(h: Harness, m: MunicipalityRow, id: string): Promise<CaseDbRow> {
  const [row] = await ownerQuery<CaseDbRow>(h, 'SELECT * FROM cases WHERE municipality_id = $1 AND id = $2', [m.id, id]);
  assert.ok(row, id);
  return row;
}

export interface AuditRow {
  action: string;
  actor_user_id: string | null;
  subject_type: string;
  subject_id: string;
  reason: string;
  details: Record<string, unknown>;
}

export async function auditOf(h: Harness, m: MunicipalityRow, action: string, actor?: string): Promise<AuditRow[]> {
  return ownerQuery<AuditRow>(
    h,
    'SELECT action, actor_user_id, subject_type, subject_id, reason, details FROM audit_log WHERE municipality_id = $1 AND action = $2 AND ($3::uuid IS NULL OR actor_user_id = $3) ORDER BY id',
    [m.id, action, actor ?? null],
  );
}

/** A team with a supervisor (and members) made directly. */
export async function makeTeam(h: Harness, m: MunicipalityRow, supervisor: string | null, members: string[] = [], name = `Zespół ${++n}`): Promise<string> {
  const [team] = await ownerQuery<{ id: string }>(h, 'INSERT INTO care_teams (municipality_id, name, supervisor_id) VALUES ($1, $2, $3) RETURNING id', [m.id, name, supervisor]);
  for (const u of members) await ownerQuery(h, 'INSERT INTO care_team_members (municipality_id, team_id, user_id) VALUES ($1, $2, $3)', [m.id, team!.id, u]);
  return team!.id;
}

/**
 * `count` cases made directly (with their accepted applications), two by two opened at the same
 * minute (keyset paging must break ties by id). Returns their ids.
 */
export async function bulkCases(h: Harness, m: MunicipalityRow, o: { count: number; coordinator: string; team?: string | null; status?: 'open' | 'closed'; tag: string }): Promise<string[]> {
  const service = await serviceId(h, m, CARE);
  const rows = await ownerQuery<{ id: string }>(
    h,
    `WITH apps AS (
       INSERT INTO applications (municipality_id, service_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation, contact_phone, need, channel, status, decided_at)
       SELECT $1, $2, 'Wnioskodawca', 'Osoba ' || $3 || ' ' || g, 1950, 'self', '46 855 00 00', 'Opis potrzeby.', 'phone', 'accepted', now()
       FROM generate_series(1, $4) g RETURNING id, beneficiary_name)
     INSERT INTO cases (municipality_id, number, opened_from, person_name, birth_year, coordinator_id, team_id, status, closed_at, opened_at)
     SELECT $1, 'T/' || $3 || '/' || row_number() OVER (ORDER BY id), id, beneficiary_name, 1950, $5, $6, $7,
       CASE WHEN $7 = 'closed' THEN now() END, now() - make_interval(mins => (row_number() OVER (ORDER BY id))::int / 2)
     FROM apps RETURNING id`,
    [m.id, service, o.tag, o.count, o.coordinator, o.team ?? null, o.status ?? 'open'],
  );
  return rows.map((r) => r.id);
}
