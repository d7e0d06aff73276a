import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { Harness } from '../support/harness';
import { ownerQuery } from '../support/db';

/**
 * Rows for the dashboards tests, inserted directly as the owner with known times (relative to now:
 * `days` ago, `hours` after sending) — applications, cases, teams, plans, referrals — so the numbers on
 * the page and in the CSV can be computed by hand.
 */

const NEED = 'Potrzebna pomoc w codziennych sprawach.';

export async function application(
  h: Harness, m: MunicipalityRow, serviceId: string,
  a: { status: 'waiting' | 'on_hold' | 'accepted' | 'declined'; submittedDaysAgo: number; decidedDaysAgo?: number; position?: number },
): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO applications (municipality_id, service_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation, contact_phone, need, channel,
       status, status_reason, queue_position, submitted_at, decided_at)
     VALUES ($1, $2, 'Wnioskodawca Lniany', 'Beneficjent Lniany', 1950, 'self', '46 855 00 00', $3, 'in_person', $4, $5, $6,
       now() - make_interval(days => $7), CASE WHEN $8::int IS NULL THEN NULL ELSE now() - make_interval(days => $8::int) END)
     RETURNING id`,
    [m.id, serviceId, NEED, a.status, a.status === 'on_hold' || a.status === 'declined' ? 'Czekamy na dokumenty.' : '', a.position ?? null, a.submittedDaysAgo, a.decidedDaysAgo ?? null],
  );
  return row!.id;
}

export async function team(h: Harness, m: MunicipalityRow, name: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(h, 'INSERT INTO care_teams (municipality_id, name) VALUES ($1, $2) RETURNING id', [m.id, name]);
  return row!.id;
}

let serial = 0;

/** An open (or closed) case opened from a new accepted application of long ago (outside the acceptance weeks). */
export async function caseOf(
  h: Harness, m: MunicipalityRow, serviceId: string, coordinatorId: string,
  c: { teamId?: string | null; planDueInDays?: number; closed?: boolean },
): Promise<string> {
  const opened = await application(h, m, serviceId, { status: 'accepted', submittedDaysAgo: 400, decidedDaysAgo: 390 });
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO cases (municipality_id, number, opened_from, person_name, birth_year, contact_phone, coordinator_id, team_id, needs_plan, plan_due_on,
       status, closed_at)
     VALUES ($1, $7, $2, 'Osoba Lniana', 1950, '46 855 00 00', $3, $4, $5::int IS NOT NULL,
       (now() AT TIME ZONE 'Europe/Warsaw')::date + $5::int, $6, CASE WHEN $6 = 'closed' THEN now() END)
     RETURNING id`,
    [m.id, opened, coordinatorId, c.teamId ?? null, c.planDueInDays ?? null, c.closed ? 'closed' : 'open', `CUS/2026/${String(++serial).padStart(6, '0')}`],
  );
  return row!.id;
}

/** A plan of the case; approved ones end `endsInDays` from today (Warsaw), drafts are never approved. */
export async function plan(h: Harness, m: MunicipalityRow, caseId: string, authorId: string, approverId: string, p: { approved: boolean; endsInDays: number }): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    h,
    `INSERT INTO care_plans (municipality_id, case_id, status, valid_from, valid_until, author_id, approved_by, approved_at)
     SELECT $1, $2, $3, d + $4::int - 300, d + $4::int, $5, $6, $7 FROM (SELECT (now() AT TIME ZONE 'Europe/Warsaw')::date AS d) t
     RETURNING id`,
    [m.id, caseId, p.approved ? 'approved' : 'draft', p.endsInDays, authorId, p.approved ? approverId : null, p.approved ? new Date() : null],
  );
  return row!.id;
}

export async function unit(h: Harness, m: MunicipalityRow, name: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(h, 'INSERT INTO units (municipality_id, name) VALUES ($1, $2) RETURNING id', [m.id, name]);
  return row!.id;
}

export async function organisation(h: Harness, m: MunicipalityRow, name: string): Promise<string> {
  const [row] = await ownerQuery<{ id: string }>(
    h, "INSERT INTO organisations (municipality_id, name, kind, spheres, email, status, verified_at) VALUES ($1, $2, 'association', '{seniors}', 'kontakt@example.pl', 'verified', now()) RETURNING id",
    [m.id, name],
  );
  return row!.id;
}

export type ReferralStatus = 'sent' | 'accepted' | 'rejected' | 'in_progress' | 'completed' | 'cancelled';

/**
 * A referral of the case sent `sentDaysAgo` days ago to a unit or an organisation (with the override in
 * place of a consent), accepted `acceptedAfterHours` after sending, answering by `respondInDays` from today.
 */
export async function referral(
  h: Harness, m: MunicipalityRow, caseId: string, applicationId: string,
  r: { unitId?: string; organisationId?: string; status: ReferralStatus; sentDaysAgo: number; acceptedAfterHours?: number; respondInDays?: number },
): Promise<void> {
  await ownerQuery(
    h,
    `INSERT INTO referrals (municipality_id, case_id, application_id, provider_kind, unit_id, organisation_id, service_label, override_basis, override_reason,
       status, status_reason, respond_by, sent_at, accepted_at, completed_at, outcome)
     SELECT $1, $2, $3, CASE WHEN $4::uuid IS NULL THEN 'organisation' ELSE 'unit' END, $4, $5, 'Usługi opiekuńcze', 'vital_interest', 'Zagrożenie zdrowia osoby.',
       $6, CASE WHEN $6 IN ('rejected', 'cancelled') THEN 'Brak miejsc.' ELSE '' END,
       (now() AT TIME ZONE 'Europe/Warsaw')::date + $7::int, s, s + make_interval(hours => $8::int),
       CASE WHEN $6 = 'completed' THEN now() END, CASE WHEN $6 = 'completed' THEN 'Usługa zrealizowana.' ELSE '' END
     FROM (SELECT now() - make_interval(days => $9) AS s) t`,
    [m.id, caseId, applicationId, r.unitId ?? null, r.organisationId ?? null, r.status, r.respondInDays ?? 7, r.acceptedAfterHours ?? null, r.sentDaysAgo],
  );
}

/**
 * The known numbers of the dashboards tests in `m`, whose catalogue holds `care` and `club`:
 * queues — care: waiting 10, 20, 40 days, one on hold; club: waiting 3 days; accepted lately after
 * 10, 6 and 2 days (and once after 30 days, too long ago to count); plans — per team as in the test;
 * referrals — unit "Dział Usług Opiekuńczych" and foundation "Fundacja Lniana Nić", as in the test.
 */
export async function seedNumbers(h: Harness, m: MunicipalityRow, s: { care: string; club: string; coordinatorId: string; directorId: string }): Promise<void> {
  for (const [days, position] of [[10, 1], [20, 2], [40, 3]] as const) await application(h, m, s.care, { status: 'waiting', submittedDaysAgo: days, position });
  await application(h, m, s.care, { status: 'on_hold', submittedDaysAgo: 5, position: 4 });
  await application(h, m, s.club, { status: 'waiting', submittedDaysAgo: 3, position: 1 });
  for (const [submitted, decided] of [[30, 20], [50, 44], [12, 10], [130, 100]] as const) {
    await application(h, m, s.care, { status: 'accepted', submittedDaysAgo: submitted, decidedDaysAgo: decided });
  }
  await application(h, m, s.care, { status: 'declined', submittedDaysAgo: 15, decidedDaysAgo: 1 });

  const north = await team(h, m, 'Zespół Północ');
  const south = await team(h, m, 'Zespół Południe');
  await team(h, m, '=SUMA(A1:A9)');
  const open = (teamId: string | null, planDueInDays?: number, closed = false) => caseOf(h, m, s.care, s.coordinatorId, { teamId, planDueInDays, closed });
  await open(north, 3);
  const drafted = await open(north, -2);
  await plan(h, m, drafted, s.coordinatorId, s.directorId, { approved: false, endsInDays: 200 });
  const expiring = await open(south, -5);
  await plan(h, m, expiring, s.coordinatorId, s.directorId, { approved: true, endsInDays: 10 });
  const expired = await open(south);
  await plan(h, m, expired, s.coordinatorId, s.directorId, { approved: true, endsInDays: -1 });
  await open(null, 20);
  await open(south, -10, true);
  const valid = await open(north);
  await plan(h, m, valid, s.coordinatorId, s.directorId, { approved: true, endsInDays: 100 });
  await open(null, 0);

  const u = await unit(h, m, 'Dział Usług Opiekuńczych');
  const o = await organisation(h, m, 'Fundacja Lniana Nić');
  const app = await application(h, m, s.care, { status: 'accepted', submittedDaysAgo: 300, decidedDaysAgo: 290 });
  const refer = (r: Parameters<typeof referral>[4]) => referral(h, m, valid, app, r);
  await refer({ unitId: u, status: 'accepted', sentDaysAgo: 10, acceptedAfterHours: 2 });
  await refer({ unitId: u, status: 'in_progress', sentDaysAgo: 10, acceptedAfterHours: 10 });
  await refer({ unitId: u, status: 'completed', sentDaysAgo: 10, acceptedAfterHours: 4 });
  await refer({ unitId: u, status: 'rejected', sentDaysAgo: 10 });
  await refer({ unitId: u, status: 'sent', sentDaysAgo: 10, respondInDays: -1 });
  await refer({ organisationId: o, status: 'completed', sentDaysAgo: 20, acceptedAfterHours: 30 });
  await refer({ organisationId: o, status: 'cancelled', sentDaysAgo: 20, acceptedAfterHours: 6 });
  await refer({ organisationId: o, status: 'cancelled', sentDaysAgo: 20 });
  await refer({ organisationId: o, status: 'sent', sentDaysAgo: 2, respondInDays: 5 });
  await refer({ unitId: u, status: 'rejected', sentDaysAgo: 200 });
}
