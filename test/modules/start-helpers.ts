import { modules } from '../../src/modules';
import { permissionsOf, type Role } from '../../src/platform/auth/roles';
import { collectStartCards, type StartCard } from '../../src/platform/module';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { ownerQuery } from '../support/db';
import { makeUser, uniq, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { CARE, serviceId } from './applications-helpers';
import { makeCase } from './referrals-helpers';

/** Rows for the start cards' tests, inserted as the owner with known dates, in one municipality or another. */

/** Every module's start cards for one person, as the start page asks for them (in their row-level security context). */
export async function cardsOf(h: Harness, m: MunicipalityRow, user: TestUser, roles: Role[]): Promise<StartCard[]> {
  const collect = collectStartCards(modules);
  return h.db.tx({ municipalityId: m.id, userId: user.id }, (sql) =>
    collect(sql, { municipalityId: m.id, userId: user.id, email: user.email, roles, permissions: permissionsOf(roles) }),
  );
}

/** The count of the card with this label in this role's section; undefined when there is no such card. */
export const countOf = (cards: StartCard[], role: Role, label: string) => cards.find((c) => c.role === role && c.label === label)?.count;

export async function member(h: Harness, m: MunicipalityRow, roles: Role[]): Promise<TestUser> {
  return makeUser(h.db, { municipality: m, roles });
}

export async function alsoMemberOf(h: Harness, m: MunicipalityRow, user: TestUser, roles: Role[]): Promise<void> {
  await ownerQuery(h, 'INSERT INTO memberships (municipality_id, user_id, roles) VALUES ($1, $2, $3)', [m.id, user.id, roles]);
}

export async function waitingApplication(h: Harness, m: MunicipalityRow, applicant: TestUser, a: { position: number; daysAgo: number; status?: 'waiting' | 'on_hold' | 'accepted' }): Promise<void> {
  const status = a.status ?? 'waiting';
  await ownerQuery(
    h,
    `INSERT INTO applications (municipality_id, service_id, applicant_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation, contact_phone, need, channel,
       status, status_reason, queue_position, submitted_at, decided_at)
     VALUES ($1, $2, $3, 'Jadwiga Lniana', 'Jadwiga Lniana', 1948, 'self', '46 855 11 22', 'Pomoc przy zakupach i sprzątaniu.', 'online', $4, $5, $6,
       now() - make_interval(days => $7), CASE WHEN $4 = 'accepted' THEN now() END)`,
    [m.id, await serviceId(h, m, CARE), applicant.id, status, status === 'on_hold' ? 'Czekamy na zaświadczenie.' : '', status === 'accepted' ? null : a.position, a.daysAgo],
  );
}

/** An open case of the coordinator (the resident's, if given) whose plan is due in `dueInDays` (none: no plan needed). */
export async function caseDue(h: Harness, m: MunicipalityRow, coordinator: TestUser, o: { resident?: TestUser; dueInDays?: number } = {}): Promise<{ caseId: string; applicationId: string }> {
  const made = await makeCase(h, m, coordinator.id, { resident: o.resident?.id });
  if (o.dueInDays !== undefined) {
    await ownerQuery(h, "UPDATE cases SET needs_plan = true, plan_due_on = (now() AT TIME ZONE 'Europe/Warsaw')::date + $3::int WHERE municipality_id = $1 AND id = $2", [
      m.id, made.caseId, o.dueInDays,
    ]);
  }
  return made;
}

/** A plan of the case: approved (ending in `endsInDays`) or submitted for approval by its author. */
export async function planOf(h: Harness, m: MunicipalityRow, caseId: string, author: TestUser, p: { status: 'approved' | 'submitted'; endsInDays?: number; approver?: TestUser }): Promise<void> {
  await ownerQuery(
    h,
    `INSERT INTO care_plans (municipality_id, case_id, status, valid_from, valid_until, author_id, approved_by, approved_at, submitted_at)
     SELECT $1, $2, $3, d - 30, d + $4::int, $5, $6, CASE WHEN $3 = 'approved' THEN now() END, now()
       FROM (SELECT (now() AT TIME ZONE 'Europe/Warsaw')::date AS d) t`,
    [m.id, caseId, p.status, p.endsInDays ?? 200, author.id, p.status === 'approved' ? (p.approver ?? author).id : null],
  );
}

/** A referral of the case to an organisation, with its answer-by day `respondInDays` from today (negative: past). */
export async function referralTo(h: Harness, m: MunicipalityRow, c: { caseId: string; applicationId: string }, organisationId: string, r: { status: 'sent' | 'accepted'; respondInDays: number }): Promise<void> {
  await ownerQuery(
    h,
    `INSERT INTO referrals (municipality_id, case_id, application_id, provider_kind, organisation_id, service_label, override_basis, override_reason, status, respond_by, accepted_at)
     VALUES ($1, $2, $3, 'organisation', $4, 'Usługi opiekuńcze', 'vital_interest', 'Zagrożenie zdrowia, brak innej pomocy.', $5,
       (now() AT TIME ZONE 'Europe/Warsaw')::date + $6::int, CASE WHEN $5 = 'accepted' THEN now() END)`,
    [m.id, c.caseId, c.applicationId, organisationId, r.status, r.respondInDays],
  );
}

/** A meeting starting in `startsInDays` (planned unless cancelled); returns its id. */
export async function meeting(h: Harness, m: MunicipalityRow, startsInDays: number, cancelled = false): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO meetings (municipality_id, title, address, starts_at, ends_at, status, cancel_reason)
     VALUES ($1, 'Spotkanie sąsiedzkie w Resursie', 'ul. Okrzei 3, Żyrardów', now() + make_interval(days => $2), now() + make_interval(days => $2) + interval '2 hours', $3, $4) RETURNING id`,
    [m.id, startsInDays, cancelled ? 'cancelled' : 'planned', cancelled ? 'Sala zalana.' : ''],
  );
  return row!.id;
}

export async function invitation(h: Harness, m: MunicipalityRow, meetingId: string, to: { user?: TestUser; organisationId?: string }, response: 'yes' | 'no' | null = null): Promise<void> {
  await ownerQuery(
    h,
    `INSERT INTO meeting_invitations (municipality_id, meeting_id, organisation_id, user_id, email, token_hash, response, people_count, responded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END)`,
    [m.id, meetingId, to.organisationId ?? null, to.user?.id ?? null, to.user?.email ?? `biuro-${uniq()}@organizacja.example`, uniq() + uniq(), response, response === 'yes' ? 1 : 0],
  );
}

export async function glassGrant(h: Harness, m: MunicipalityRow, caseId: string, user: TestUser): Promise<void> {
  await ownerQuery(h, "INSERT INTO case_access_grants (municipality_id, case_id, user_id, reason, expires_at) VALUES ($1, $2, $3, 'Pilny telefon od rodziny w nocy.', now() + interval '8 hours')", [
    m.id, caseId, user.id,
  ]);
}

export async function pendingOrganisation(h: Harness, m: MunicipalityRow, memberUser?: TestUser): Promise<void> {
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO organisations (municipality_id, name, kind, spheres, email, leader_name) VALUES ($1, $2, 'informal_group', ARRAY['social_assistance'], 'grupa@lniane.example', 'Teresa Tkacz') RETURNING id`,
    [m.id, `Grupa sąsiedzka „Lniane Okna” ${uniq()}`],
  );
  if (memberUser) await ownerQuery(h, "INSERT INTO organisation_members (municipality_id, organisation_id, user_id, role) VALUES ($1, $2, $3, 'admin')", [m.id, row!.id, memberUser.id]);
}

/** A room booking requested by the person (for an organisation, if given), `inDays` from now, in a series when given. */
export async function booking(h: Harness, m: MunicipalityRow, roomId: string, by: TestUser, b: { inDays: number; status?: 'requested' | 'approved' | 'cancelled'; organisationId?: string; seriesId?: string }): Promise<void> {
  await ownerQuery(
    h,
    `INSERT INTO room_bookings (municipality_id, room_id, organisation_id, requested_by, series_id, title, during, status, cancelled_at)
     VALUES ($1, $2, $3, $4, $5, 'Próba chóru „Lniane Głosy”', tstzrange(now() + make_interval(days => $6), now() + make_interval(days => $6) + interval '2 hours'), $7,
       CASE WHEN $7 = 'cancelled' THEN now() END)`,
    [m.id, roomId, b.organisationId ?? null, by.id, b.seriesId ?? null, b.inDays, b.status ?? 'requested'],
  );
}
