import type { Sql } from '../../platform/db/types';
import { audit } from '../../platform/audit/audit';
import { cases } from './repository';
import { grants } from './repository-glass';

/**
 * Demo cases (Żyrardów): the team "Zespół koordynatorów IPUS" under its supervisor with the demo
 * coordinator as member; the demo resident's Teleopieka application accepted and her case opened
 * (a plan due in 18 days); a plan due in 5 days, an overdue one, a case without a plan, and one case
 * closed a month ago — all coordinated by the demo coordinator, opened from accepted demo
 * applications (fictional people). Needs the demo applications.
 */

export const DEMO_TEAM = 'Zespół koordynatorów IPUS';
const DEMO_UNIT = 'Zespół Koordynatorów Indywidualnych Planów Usług Społecznych';
const RESIDENT_SERVICE = 'Teleopieka „Bezpieczny Senior”';

interface DemoCaseSpec {
  /** Days since the application was submitted: with a plan needed, it is due 30 days after. */
  submittedDaysAgo: number;
  needsPlan: boolean;
  openedDaysAgo: number;
  closedDaysAgo?: number;
}

const CLOSING_NOTE = 'Usługi zrealizowane zgodnie z ustaleniami; osoba po rehabilitacji radzi sobie samodzielnie i sama poprosiła o zakończenie wsparcia. Dane fikcyjne.';

/** Accepts the resident's waiting application for Teleopieka, closing the gap it leaves in the queue. */
async function acceptResidentApplication(sql: Sql, municipalityId: string, resident: string, coordinator: string | null): Promise<string | undefined> {
  const [a] = await sql.query<{ id: string; service_id: string; queue_position: number }>(
    `SELECT a.id, a.service_id, a.queue_position FROM applications a JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
     WHERE a.municipality_id = $1 AND a.applicant_id = $2 AND s.name = $3 AND a.status = 'waiting'`,
    [municipalityId, resident, RESIDENT_SERVICE],
  );
  if (!a) return undefined;
  await sql.query(
    `UPDATE applications SET status = 'accepted', queue_position = NULL, decided_at = now() - interval '4 days', submitted_at = now() - interval '12 days', version = version + 1
     WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, a.id],
  );
  await sql.query('UPDATE applications SET queue_position = queue_position - 1 WHERE municipality_id = $1 AND service_id = $2 AND queue_position > $3', [municipalityId, a.service_id, a.queue_position]);
  await sql.query(
    `INSERT INTO application_events (municipality_id, application_id, kind, status_from, status_to, position_from, actor_id, at)
     VALUES ($1, $2, 'status', 'waiting', 'accepted', $3, $4, now() - interval '4 days')`,
    [municipalityId, a.id, a.queue_position, coordinator],
  );
  return a.id;
}

/** The application's history follows its dates when a fixture moves them: consent and submission when submitted, acceptance when decided. */
async function alignApplicationHistory(sql: Sql, municipalityId: string, applicationId: string): Promise<void> {
  await sql.query(
    `UPDATE application_events e SET at = CASE WHEN e.kind = 'submitted' THEN a.submitted_at ELSE coalesce(a.decided_at, e.at) END
       FROM applications a WHERE a.municipality_id = e.municipality_id AND a.id = e.application_id AND e.municipality_id = $1 AND e.application_id = $2
        AND (e.kind = 'submitted' OR (e.kind = 'status' AND e.status_to = 'accepted'))`,
    [municipalityId, applicationId],
  );
  await sql.query(
    'UPDATE application_consents c SET given_at = a.submitted_at FROM applications a WHERE a.municipality_id = c.municipality_id AND a.id = c.application_id AND c.municipality_id = $1 AND c.application_id = $2',
    [municipalityId, applicationId],
  );
}

async function openDemoCase(sql: Sql, municipalityId: string, applicationId: string, spec: DemoCaseSpec, coordinator: string, team: string | null): Promise<string> {
  await sql.query(
    'UPDATE applications SET submitted_at = now() - make_interval(days => $3), decided_at = now() - make_interval(days => $4) WHERE municipality_id = $1 AND id = $2',
    [municipalityId, applicationId, spec.submittedDaysAgo, spec.openedDaysAgo + 1],
  );
  await alignApplicationHistory(sql, municipalityId, applicationId);
  const number = await cases.nextNumber(sql, municipalityId);
  const id = await cases.insert(sql, municipalityId, { number, applicationId, coordinatorId: coordinator, teamId: team, needsPlan: spec.needsPlan });
  await sql.query('UPDATE applications SET case_id = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, applicationId, id]);
  await sql.query('UPDATE cases SET opened_at = now() - make_interval(days => $3) WHERE municipality_id = $1 AND id = $2', [municipalityId, id, spec.openedDaysAgo]);
  if (spec.closedDaysAgo !== undefined) {
    await sql.query(
      "UPDATE cases SET status = 'closed', closed_at = now() - make_interval(days => $3), closing_note = $4 WHERE municipality_id = $1 AND id = $2",
      [municipalityId, id, spec.closedDaysAgo, CLOSING_NOTE],
    );
  }
  return id;
}

const GLASS_REASON = 'Dzwoni córka podopiecznego w sprawie zakończonych usług; koordynatorka prowadząca jest na urlopie, sprawdzam, co było realizowane. Dane fikcyjne.';

/**
 * A "break the glass" grant waiting for the auditor's review: the team's supervisor opened the closed
 * case, which predates the team and so is outside her need-to-know — the grant, its flagged audit entry
 * and the read, as the glass path (service-glass.ts) and the case page write them.
 */
async function seedGlassGrant(sql: Sql, municipalityId: string, caseId: string, supervisor: string): Promise<void> {
  const [c] = await sql.query<{ number: string }>('SELECT number FROM cases WHERE municipality_id = $1 AND id = $2', [municipalityId, caseId]);
  const [email] = await sql.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [supervisor]);
  const grant = await grants.insert(sql, municipalityId, caseId, supervisor, GLASS_REASON);
  const actor = { userId: supervisor, label: email?.email ?? '', ip: '127.0.0.1', userAgent: 'demo', requestId: 'demo-seed' };
  await audit(sql, municipalityId, actor, {
    action: 'case.break_glass', subjectType: 'case', subjectId: caseId,
    details: { flagged: true, cases: [caseId], ids: [grant.id], number: c?.number, expiresAt: grant.expires_at },
  });
  await audit(sql, municipalityId, actor, { action: 'case.read', subjectType: 'case', subjectId: caseId, details: { cases: [caseId], ids: [caseId], access: 'glass' } });
}

export async function seedCaseFixtures(sql: Sql, municipalityId: string, opts: { coordinator?: string; supervisor?: string; resident?: string } = {}): Promise<void> {
  if (!opts.coordinator) return;
  const [unit] = await sql.query<{ id: string }>('SELECT id FROM units WHERE municipality_id = $1 AND name = $2', [municipalityId, DEMO_UNIT]);
  const [team] = await sql.query<{ id: string }>('INSERT INTO care_teams (municipality_id, name, unit_id, supervisor_id) VALUES ($1, $2, $3, $4) RETURNING id', [
    municipalityId, DEMO_TEAM, unit?.id ?? null, opts.supervisor ?? null,
  ]);
  await sql.query('INSERT INTO care_team_members (municipality_id, team_id, user_id) VALUES ($1, $2, $3)', [municipalityId, team!.id, opts.coordinator]);

  // Fictional people's accepted applications, the most recently decided first.
  const accepted = await sql.query<{ id: string }>(
    "SELECT id FROM applications WHERE municipality_id = $1 AND status = 'accepted' AND case_id IS NULL AND applicant_id IS NULL ORDER BY decided_at DESC, id LIMIT 4",
    [municipalityId],
  );
  const residents = opts.resident ? await acceptResidentApplication(sql, municipalityId, opts.resident, opts.coordinator) : undefined;
  const plan: [string | undefined, DemoCaseSpec][] = [
    [accepted[3]?.id, { submittedDaysAgo: 230, needsPlan: false, openedDaysAgo: 200, closedDaysAgo: 30 }],
    [accepted[0]?.id, { submittedDaysAgo: 40, needsPlan: true, openedDaysAgo: 35 }],
    [accepted[1]?.id, { submittedDaysAgo: 20, needsPlan: false, openedDaysAgo: 12 }],
    [accepted[2]?.id, { submittedDaysAgo: 25, needsPlan: true, openedDaysAgo: 6 }],
    [residents, { submittedDaysAgo: 12, needsPlan: true, openedDaysAgo: 3 }],
  ];
  for (const [applicationId, spec] of plan) {
    if (!applicationId) continue;
    // The closed case was opened before the team was formed: it belongs to none, so its supervisor reads it only by breaking the glass.
    const closed = spec.closedDaysAgo !== undefined;
    const id = await openDemoCase(sql, municipalityId, applicationId, spec, opts.coordinator, closed ? null : team!.id);
    if (closed && opts.supervisor) await seedGlassGrant(sql, municipalityId, id, opts.supervisor);
  }
}

export interface DemoCase {
  id: string;
  number: string;
  person_name: string;
  status: 'open' | 'closed';
  needs_plan: boolean;
  plan_due_on: string | null;
  resident_user_id: string | null;
  opened_from: string;
}

/** The municipality's cases in the order of their numbers: other modules' demo fixtures add plans and referrals to them. */
export async function demoCases(sql: Sql, municipalityId: string): Promise<DemoCase[]> {
  return sql.query<DemoCase>(
    'SELECT id, number, person_name, status, needs_plan, plan_due_on, resident_user_id, opened_from FROM cases WHERE municipality_id = $1 ORDER BY number',
    [municipalityId],
  );
}

/** The demo cases' ids by number ("CUS/2026/000001" → id). */
export async function demoCaseIds(sql: Sql, municipalityId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await demoCases(sql, municipalityId)).map((c) => [c.number, c.id]));
}
