import assert from 'node:assert/strict';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import { seedOrganisationFixtures } from '../../src/modules/organisations';
import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { makeMunicipality, makeUser, uniq, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { logIn } from '../support/session';
import { ownerQuery } from '../support/db';

/** Shared by the referrals tests: a municipality with a catalogue, registry and unit; cases and plans inserted as rows. */

export const FOUNDATION = 'Fundacja „Dom przy Lnianej”';
export const OTHER_ORG = 'Stowarzyszenie „Lniany Szlak”';
export const UNIT = 'Klub Seniora „Tkalnia”';

export interface Person {
  user: TestUser;
  c: TestClient;
}

export interface Place {
  m: MunicipalityRow;
  orgId: string;
  otherOrgId: string;
  unitId: string;
}

export async function referralMunicipality(h: Harness, name = 'Gmina Skierowań'): Promise<Place> {
  const m = await makeMunicipality(h.db, name);
  await h.db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
    await seedCatalogFixtures(sql, m.id);
    await seedOrganisationFixtures(sql, m.id);
  });
  const id = async (sql: string, p: unknown[]) => (await ownerQuery<{ id: string }>(h, sql, p))[0]!.id;
  return {
    m,
    orgId: await id('SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2', [m.id, FOUNDATION]),
    otherOrgId: await id('SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2', [m.id, OTHER_ORG]),
    unitId: await id('INSERT INTO units (municipality_id, name) VALUES ($1, $2) RETURNING id', [m.id, UNIT]),
  };
}

export async function staffPerson(h: Harness, m: MunicipalityRow, roles: Role[] = ['coordinator']): Promise<Person> {
  const user = await makeUser(h.db, { municipality: m, roles, totp: true });
  return { user, c: await logIn(h, user) };
}

export async function plainPerson(h: Harness, m: MunicipalityRow, roles: Role[]): Promise<Person> {
  const user = await makeUser(h.db, { municipality: m, roles });
  return { user, c: await logIn(h, user) };
}

/** A member of an organisation of the registry (an ngo_member of the municipality). */
export async function organisationMember(h: Harness, m: MunicipalityRow, orgId: string): Promise<Person> {
  const p = await plainPerson(h, m, ['ngo_member']);
  await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'member')", [m.id, orgId, p.user.id]);
  return p;
}

/** A care team of the unit with `userId` in it (the unit's staff reach its inbox). */
export async function unitTeam(h: Harness, m: MunicipalityRow, unitId: string, userId: string): Promise<void> {
  const [team] = await ownerQuery<{ id: string }>(h, "INSERT INTO care_teams (municipality_id, name, unit_id) VALUES ($1, 'Zespół klubu', $2) RETURNING id", [m.id, unitId]);
  await ownerQuery(h, 'INSERT INTO care_team_members (municipality_id, team_id, user_id) VALUES ($1, $2, $3)', [m.id, team!.id, userId]);
}

export interface CaseRows {
  caseId: string;
  applicationId: string;
  person: string;
  phone: string;
}

/** An accepted application and the case opened from it, coordinated by `coordinatorId`, as rows. */
export async function makeCase(h: Harness, m: MunicipalityRow, coordinatorId: string, opts: { resident?: string; person?: string; status?: 'open' | 'closed' } = {}): Promise<CaseRows> {
  const person = opts.person ?? `Wiesława Krosienna ${uniq()}`;
  const phone = '46 855 12 34';
  const [service] = await ownerQuery<{ id: string }>(h, "SELECT id FROM services WHERE municipality_id = $1 AND status = 'active' ORDER BY name LIMIT 1", [m.id]);
  const [application] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO applications (municipality_id, service_id, applicant_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation, contact_phone, need, channel, status, decided_at)
     VALUES ($1, $2, $3, $4, $4, 1946, 'self', $5, 'Pomoc w codziennych sprawach.', 'in_person', 'accepted', now()) RETURNING id`,
    [m.id, service!.id, opts.resident ?? null, person, phone],
  );
  const closed = opts.status === 'closed';
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO cases (municipality_id, number, opened_from, resident_user_id, person_name, birth_year, contact_phone, coordinator_id, status, closed_at)
     VALUES ($1, $2, $3, $4, $5, 1946, $6, $7, $8, $9) RETURNING id`,
    [m.id, `CUS/2026/${uniq()}`, application!.id, opts.resident ?? null, person, phone, coordinatorId, closed ? 'closed' : 'open', closed ? new Date() : null],
  );
  await ownerQuery(h, 'UPDATE applications SET case_id = $3 WHERE municipality_id = $1 AND id = $2', [m.id, application!.id, row!.id]);
  return { caseId: row!.id, applicationId: application!.id, person, phone };
}

/** A draft plan of the case with one service provided by `provider`; returns the plan service's id. */
export async function makePlanService(h: Harness, m: MunicipalityRow, caseId: string, authorId: string, provider: { unit?: string; organisation?: string }): Promise<string> {
  const [plan] = await ownerQuery<{ id: string }>(
    h,
    "INSERT INTO care_plans (municipality_id, case_id, valid_from, valid_until, author_id) VALUES ($1, $2, current_date, current_date + 180, $3) RETURNING id",
    [m.id, caseId, authorId],
  );
  const [s] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO care_plan_services (municipality_id, plan_id, position, description, frequency, provider_kind, provider_unit_id, provider_organisation_id)
     VALUES ($1, $2, 1, 'Opieka wytchnieniowa w domu', 'dwa razy w tygodniu', $3, $4, $5) RETURNING id`,
    [m.id, plan!.id, provider.unit ? 'unit' : 'organisation', provider.unit ?? null, provider.organisation ?? null],
  );
  return s!.id;
}

/** A consent to share with a provider, as if the resident gave it with the application. */
export async function giveConsent(h: Harness, m: MunicipalityRow, applicationId: string, provider: { unit?: string; organisation?: string }): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO application_consents (municipality_id, application_id, purpose, recipient, recipient_unit_id, recipient_organisation_id)
     VALUES ($1, $2, 'provider_sharing', 'Realizator', $3, $4) RETURNING id`,
    [m.id, applicationId, provider.unit ?? null, provider.organisation ?? null],
  );
  return row!.id;
}

export const withdrawConsent = (h: Harness, m: MunicipalityRow, consentId: string) =>
  ownerQuery(h, 'UPDATE application_consents SET withdrawn_at = now() WHERE municipality_id = $1 AND id = $2', [m.id, consentId]);

export const DETAILS = 'Wtorki 14–18, trzecie piętro bez windy, domofon 12.';

export function sendForm(provider: string, over: Record<string, string> = {}): Record<string, string> {
  return { provider, service_label: 'Opieka wytchnieniowa', shared_details: DETAILS, respond_by: '2099-01-31', ...over };
}

/** Sends through the form; returns the new referral's id. */
export async function sendReferral(h: Harness, c: TestClient, m: MunicipalityRow, caseId: string, fields: Record<string, string>): Promise<string> {
  const res = await c.post(`/${m.slug}/cases/${caseId}/referrals/new`, fields);
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  return res.headers.location!.split('/').pop()!;
}

export interface ReferralDbRow {
  status: string;
  status_reason: string;
  outcome: string;
  version: number;
  consent_id: string | null;
  override_basis: string | null;
  override_reason: string;
  accepted_at: Date | null;
  plan_service_id: string | null;
  application_id: string | null;
}

export async function referralRow(h: Harness, m: MunicipalityRow, id: string): Promise<ReferralDbRow> {
  const [row] = await ownerQuery<ReferralDbRow>(
    h,
    'SELECT status, status_reason, outcome, version, consent_id, override_basis, override_reason, accepted_at, plan_service_id, application_id FROM referrals WHERE municipality_id = $1 AND id = $2',
    [m.id, id],
  );
  assert.ok(row, id);
  return row;
}

export const countOf = async (h: Harness, table: string, m: MunicipalityRow) =>
  Number((await ownerQuery<{ n: number }>(h, `SELECT count(*)::int AS n FROM ${table} WHERE municipality_id = $1`, [m.id]))[0]!.n);

/** A status change (or delivery) at the referral's current version. */
export async function actNow(h: Harness, c: TestClient, m: MunicipalityRow, base: string, id: string, action: string, fields: Record<string, string> = {}) {
  const { version } = await referralRow(h, m, id);
  return c.post(`${base}/${id}/${action}`, { version: String(version), ...fields });
}

export async function audits(h: Harness, m: MunicipalityRow, action: string, actorId?: string): Promise<{ subject_id: string; reason: string; details: Record<string, unknown> }[]> {
  return ownerQuery(
    h,
    'SELECT subject_id, reason, details FROM audit_log WHERE municipality_id = $1 AND action = $2 AND ($3::uuid IS NULL OR actor_user_id = $3) ORDER BY id',
    [m.id, action, actorId ?? null],
  );
}
