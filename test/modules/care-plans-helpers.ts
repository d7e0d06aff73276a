import assert from 'node:assert/strict';
import { warsawDay } from '../../src/platform/i18n';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { uniq, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { CARE, catalogueMunicipality, coordinator, serviceId } from './applications-helpers';
import { ownerQuery } from '../support/db';
import { person } from '../support/people';

/** Shared by the care-plans tests: a municipality with its people and cases, plans made through the forms, rows. */

/** `day` plus `days` calendar days (YYYY-MM-DD). */
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const today = () => warsawDay();
export const inDays = (n: number) => addDays(warsawDay(), n);

export interface Staff {
  user: TestUser;
  c: TestClient;
}

export interface PlanWorld {
  m: MunicipalityRow;
  /** The case's coordinator (role coordinator). */
  coord: Staff;
  /** Another coordinator, outside the case's need-to-know. */
  other: Staff;
  director: Staff;
  /** A coordinator who supervises the case's team: an "authorised organiser". */
  supervisor: Staff;
  resident: Staff;
  teamId: string;
  caseId: string;
}

/** A case opened from an accepted application, inserted directly (the cases module's forms are not needed here). */
export async function makeCase(h: Harness, m: MunicipalityRow, opts: { coordinator: string; resident?: string; teamId?: string; dueOn?: string | null; name?: string }): Promise<string> {
  const service = await serviceId(h, m, CARE);
  const name = opts.name ?? `Janina Lniarska ${uniq()}`;
  const [a] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO applications (municipality_id, service_id, applicant_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation, contact_phone, need, channel, status, decided_at)
     VALUES ($1, $2, $3, $4, $4, 1941, 'self', '46 855 99 01', 'Pomoc przy zakupach i posiłkach.', 'online', 'accepted', now()) RETURNING id`,
    [m.id, service, opts.resident ?? null, name],
  );
  const due = opts.dueOn === undefined ? addDays(warsawDay(), 20) : opts.dueOn;
  const [c] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO cases (municipality_id, number, opened_from, resident_user_id, person_name, birth_year, contact_phone, coordinator_id, team_id, needs_plan, plan_due_on)
     VALUES ($1, $2, $3, $4, $5, 1941, '46 855 99 01', $6, $7, $8, $9) RETURNING id`,
    [m.id, `CUS/2026/${uniq()}`, a!.id, opts.resident ?? null, name, opts.coordinator, opts.teamId ?? null, due !== null, due],
  );
  await ownerQuery(h, 'UPDATE applications SET case_id = $3 WHERE municipality_id = $1 AND id = $2', [m.id, a!.id, c!.id]);
  return c!.id;
}

export async function planWorld(h: Harness, name = 'Gmina Planów'): Promise<PlanWorld> {
  const m = await catalogueMunicipality(h, name);
  const coord = await coordinator(h, m);
  const other = await coordinator(h, m);
  const director = await coordinator(h, m, ['director']);
  const supervisor = await coordinator(h, m);
  const resident = await person(h, m, ['resident']);
  const [team] = await ownerQuery<{ id: string }>(h, 'INSERT INTO care_teams (municipality_id, name, supervisor_id) VALUES ($1, $2, $3) RETURNING id', [m.id, 'Zespół Osady', supervisor.user.id]);
  await ownerQuery(h, 'INSERT INTO care_team_members (municipality_id, team_id, user_id) VALUES ($1, $2, $3)', [m.id, team!.id, coord.user.id]);
  const caseId = await makeCase(h, m, { coordinator: coord.user.id, resident: resident.user.id, teamId: team!.id });
  return { m, coord, other, director, supervisor, resident, teamId: team!.id, caseId };
}

export const planUrl = (m: MunicipalityRow, caseId: string, planId?: string) => `/${m.slug}/cases/${caseId}/plan${planId ? `/${planId}` : ''}`;

export interface PlanDbRow {
  id: string;
  status: string;
  revision: number;
  version: number;
  author_id: string;
  approved_by: string | null;
  returned_note: string;
  valid_from: string;
  valid_until: string;
  final_summary: string;
}

export async function planRow(h: Harness, m: MunicipalityRow, planId: string): Promise<PlanDbRow> {
  const [row] = await ownerQuery<PlanDbRow>(
    h,
    'SELECT id, status, revision, version, author_id, approved_by, returned_note, valid_from, valid_until, final_summary FROM care_plans WHERE municipality_id = $1 AND id = $2',
    [m.id, planId],
  );
  assert.ok(row, planId);
  return row;
}

/** Creates a draft through the form; returns its id. */
export async function createPlan(h: Harness, c: TestClient, m: MunicipalityRow, caseId: string, over: Record<string, string> = {}): Promise<string> {
  const res = await c.post(planUrl(m, caseId), { valid_from: today(), valid_until: inDays(180), situation: 'Mieszka sama, potrzebuje pomocy w codziennych sprawach.', ...over });
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  return res.headers.location!.split('/').pop()!;
}

/** Posts an item form of a draft at the plan's current version. */
export async function postItem(h: Harness, c: TestClient, m: MunicipalityRow, caseId: string, planId: string, path: string, fields: Record<string, string>) {
  const { version } = await planRow(h, m, planId);
  return c.post(`${planUrl(m, caseId, planId)}/${path}`, { version: String(version), ...fields });
}

export const goal = (description = 'Samodzielne przygotowywanie posiłków.') => ({ description, measure: 'Trzy posiłki dziennie bez pomocy.' });
export const service = (over: Record<string, string> = {}) => ({ description: 'Pomoc przy zakupach i sprzątaniu.', frequency: '3 razy w tygodniu', provider_kind: 'other', provider_name: 'Sąsiedzka Spółdzielnia Tkacka', ...over });

/** A draft with a goal, a service and a review date, made through the forms. */
export async function fullDraft(h: Harness, w: PlanWorld, author: Staff = w.coord, caseId = w.caseId): Promise<string> {
  const planId = await createPlan(h, author.c, w.m, caseId);
  for (const [path, fields] of [['goals/new', goal()], ['services/new', service()], ['reviews/new', { review_on: inDays(90) }]] as const) {
    const res = await postItem(h, author.c, w.m, caseId, planId, path, fields);
    assert.equal(res.statusCode, 303, `${path}: ${res.body.slice(0, 2000)}`);
  }
  return planId;
}

/** Posts one of the plan page's forms at the plan's current version. */
export async function planAction(h: Harness, c: TestClient, m: MunicipalityRow, caseId: string, planId: string, action: string, fields: Record<string, string> = {}, json = false) {
  const { version } = await planRow(h, m, planId);
  const url = `${planUrl(m, caseId, planId)}/${action}`;
  return json ? c.postJson(url, { version: String(version), ...fields }) : c.post(url, { version: String(version), ...fields });
}

/** A plan drafted and submitted by the coordinator, approved by the director. */
export async function approvedPlan(h: Harness, w: PlanWorld): Promise<string> {
  const planId = await fullDraft(h, w);
  assert.equal((await planAction(h, w.coord.c, w.m, w.caseId, planId, 'submit')).statusCode, 303);
  assert.equal((await planAction(h, w.director.c, w.m, w.caseId, planId, 'approve')).statusCode, 303);
  return planId;
}

export async function auditEntries(h: Harness, m: MunicipalityRow, userId: string, action: string): Promise<{ subject_id: string; details: { cases?: string[]; ids?: string[]; purpose?: string } }[]> {
  return ownerQuery(h, 'SELECT subject_id, details FROM audit_log WHERE municipality_id = $1 AND actor_user_id = $2 AND action = $3 ORDER BY id', [m.id, userId, action]);
}
