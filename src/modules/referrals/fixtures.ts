import type { Sql } from '../../platform/db/types';
import type { OverrideBasis, Status } from './domain';

/**
 * Demo referrals (Żyrardów), after the demo cases and plans: to the organisation the demo
 * representative belongs to and to units of the centre, in every status, with deliveries, one past
 * its answer-by day, one sent without consent on a permitted ground, one whose consent the resident
 * withdrew. Consents to share are recorded for each. All text is fictional.
 */

interface Spec {
  to: 'organisation' | 'unit';
  unit?: string;
  /** Sent in the demo resident's own case (she sees it under "Moje skierowania"). */
  resident?: boolean;
  service: string;
  details: string;
  status: Status;
  sentDaysAgo: number;
  /** Hours from sending to acceptance. */
  acceptedAfterHours?: number;
  respondInDays?: number;
  /** When rejected or completed. */
  answeredDaysAgo?: number;
  reason?: string;
  outcome?: string;
  deliveries?: { daysAgo: number; minutes?: number; units?: number; note: string }[];
  override?: { basis: OverrideBasis; reason: string };
  withdrawnDaysAgo?: number;
}

const SPECS: Spec[] = [
  { to: 'organisation', resident: true, service: 'Opieka wytchnieniowa — dwa popołudnia w tygodniu', status: 'in_progress', sentDaysAgo: 2.5, acceptedAfterHours: 5,
    details: 'Wtorki i czwartki 14:00–18:00. Trzecie piętro bez windy, domofon 12. Proszę o kontakt telefoniczny dzień wcześniej.',
    deliveries: [{ daysAgo: 1.2, minutes: 240, note: 'Pierwsza wizyta, zapoznanie.' }, { daysAgo: 0.1, minutes: 180, note: 'Spacer i wspólne zakupy.' }] },
  { to: 'unit', unit: 'Klub Seniora „Lniane Serca”', service: 'Zajęcia ruchowe w Klubie Seniora', status: 'completed', sentDaysAgo: 30, acceptedAfterHours: 20, answeredDaysAgo: 3,
    details: 'Poniedziałki i środy o 10:00. Porusza się z laską — zajęcia na siedząco.', outcome: 'Uczestniczyła w 7 zajęciach z 8. Chce kontynuować w grupie otwartej, bez skierowania.',
    deliveries: [{ daysAgo: 24, units: 4, note: 'Cztery zajęcia w pierwszych dwóch tygodniach.' }, { daysAgo: 10, units: 3, note: 'Trzy zajęcia; jedne opuszczone z powodu przeziębienia.' }] },
  { to: 'organisation', service: 'Grupa wsparcia dla opiekunów', status: 'sent', sentDaysAgo: 10, respondInDays: 7,
    details: 'Córka opiekuje się mamą; prosi o spotkania wieczorne (po 17:00).' },
  { to: 'unit', unit: 'Dział Pomocy Społecznej', resident: true, service: 'Praca socjalna — wsparcie w sprawach mieszkaniowych', status: 'rejected', sentDaysAgo: 2, answeredDaysAgo: 1,
    reason: 'Sprawę prowadzi już pracownik socjalny rejonu; przekazaliśmy mu kontakt.', details: 'Zaległości czynszowe od trzech miesięcy, potrzebna pomoc w rozmowie ze spółdzielnią.' },
  { to: 'organisation', service: 'Dostarczanie posiłków', status: 'accepted', sentDaysAgo: 5, acceptedAfterHours: 30,
    override: { basis: 'vital_interest', reason: 'Osoba sama w domu po wypisie ze szpitala, bez kontaktu z rodziną; posiłki potrzebne od zaraz.' },
    details: 'Jeden ciepły posiłek dziennie, dieta lekkostrawna. Klucz u sąsiadki spod 4.' },
  { to: 'organisation', service: 'Asystent osobisty — wyjścia do lekarza', status: 'accepted', sentDaysAgo: 8, acceptedAfterHours: 50, withdrawnDaysAgo: 1,
    details: 'Wizyty w przychodni przy ul. Przykładowej raz w miesiącu.' },
];

const DAY = 86_400_000;
const ago = (days: number, hours = 0) => new Date(Date.now() - days * DAY + hours * 3_600_000).toISOString();
const day = (iso: string) => iso.slice(0, 10);

interface DemoCase {
  id: string;
  opened_from: string;
  coordinator_id: string;
  resident: boolean;
  age_days: number;
}

interface Provider {
  id: string;
  name: string;
}

/** One referral of the spec in case `c`, its times shrunk by `f` so that nothing predates the case. */
async function seedOne(sql: Sql, municipalityId: string, s: Spec, c: DemoCase, provider: Provider, f: number, representative: string | null, fromPlan?: { id: string; plan_id: string }): Promise<void> {
  const at = (days: number, hours = 0) => ago(days * f, hours);
  const unitId = s.to === 'unit' ? provider.id : null;
  const orgId = s.to === 'organisation' ? provider.id : null;
  const providerActor = orgId ? representative : null;
  let consentId: string | null = null;
  if (!s.override) {
    const [consent] = await sql.query<{ id: string }>(
      `INSERT INTO application_consents (municipality_id, application_id, purpose, recipient, recipient_unit_id, recipient_organisation_id, given_at, withdrawn_at, recorded_by)
       VALUES ($1, $2, 'provider_sharing', $3, $4, $5, $6, $7, $8) RETURNING id`,
      [municipalityId, c.opened_from, provider.name, unitId, orgId, at(s.sentDaysAgo, -0.5), s.withdrawnDaysAgo ? at(s.withdrawnDaysAgo) : null, s.resident ? null : c.coordinator_id],
    );
    consentId = consent!.id;
  }
  const sentAt = at(s.sentDaysAgo);
  const acceptedAt = s.acceptedAfterHours !== undefined ? at(s.sentDaysAgo, s.acceptedAfterHours) : null;
  const answeredAt = s.answeredDaysAgo !== undefined ? at(s.answeredDaysAgo) : null;
  const [referral] = await sql.query<{ id: string }>(
    `INSERT INTO referrals (municipality_id, case_id, plan_id, plan_service_id, application_id, provider_kind, unit_id, organisation_id, service_label,
       shared_details, consent_id, override_basis, override_reason, status, status_reason, respond_by, sent_by, sent_at, accepted_at, completed_at, outcome, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
    [municipalityId, c.id, fromPlan?.plan_id ?? null, fromPlan?.id ?? null, fromPlan ? null : c.opened_from, s.to, unitId, orgId, s.service, s.details,
      consentId, s.override?.basis ?? null, s.override?.reason ?? '', s.status, s.reason ?? '', day(ago((s.sentDaysAgo - (s.respondInDays ?? 7)) * f)), c.coordinator_id,
      sentAt, acceptedAt, s.status === 'completed' ? answeredAt : null, s.outcome ?? '', 1 + (acceptedAt ? 1 : 0) + (s.deliveries?.length ? 1 : 0) + (answeredAt ? 1 : 0)],
  );
  const event = (from: Status | '', to: Status, when: string, reason = '', actor: string | null = null) =>
    sql.query('INSERT INTO referral_events (municipality_id, referral_id, status_from, status_to, reason, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [municipalityId, referral!.id, from, to, reason, actor, when]);
  await event('', 'sent', sentAt, '', c.coordinator_id);
  if (acceptedAt) await event('sent', 'accepted', acceptedAt, '', providerActor);
  if (s.deliveries?.length) await event('accepted', 'in_progress', at(s.deliveries[0]!.daysAgo), '', providerActor);
  if (s.status === 'rejected') await event('sent', 'rejected', answeredAt!, s.reason, providerActor);
  if (s.status === 'completed') await event('in_progress', 'completed', answeredAt!, s.outcome, providerActor);
  for (const d of s.deliveries ?? []) {
    await sql.query(
      'INSERT INTO referral_deliveries (municipality_id, referral_id, delivered_on, minutes, units, note, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [municipalityId, referral!.id, day(at(d.daysAgo)), d.minutes ?? null, d.units ?? null, d.note, providerActor, at(d.daysAgo)],
    );
  }
}

export async function seedReferralFixtures(sql: Sql, municipalityId: string, opts: { coordinator?: string; representative?: string } = {}): Promise<void> {
  const cases = await sql.query<DemoCase>(
    `SELECT c.id, c.opened_from, c.coordinator_id, c.resident_user_id IS NOT NULL AS resident, extract(epoch FROM now() - c.opened_at)::float8 / 86400 AS age_days
       FROM cases c WHERE c.municipality_id = $1 AND c.status = 'open'
      ORDER BY (c.coordinator_id = $2) DESC, c.opened_at, c.id LIMIT 4`,
    [municipalityId, opts.coordinator ?? null],
  );
  if (cases.length === 0) return;
  const [organisation] = await sql.query<Provider>(
    `SELECT o.id, o.name FROM organisations o WHERE o.municipality_id = $1 AND o.status = 'verified'
     ORDER BY EXISTS (SELECT 1 FROM organisation_members m WHERE m.municipality_id = o.municipality_id AND m.organisation_id = o.id AND m.user_id = $2) DESC, o.name LIMIT 1`,
    [municipalityId, opts.representative ?? null],
  );
  const units = await sql.query<Provider>('SELECT id, name FROM units WHERE municipality_id = $1 ORDER BY position, name', [municipalityId]);
  const residentCase = cases.find((c) => c.resident);
  const others = cases.filter((c) => c !== residentCase);
  let next = 0;
  for (const s of SPECS) {
    const c = (s.resident ? residentCase : others[next++ % Math.max(1, others.length)]) ?? cases[0]!;
    const provider = s.to === 'organisation' ? organisation : (units.find((u) => u.name === s.unit) ?? units[0]);
    if (!provider) continue;
    const [fromPlan] = s.resident && s.status === 'in_progress'
      ? await sql.query<{ id: string; plan_id: string }>(
          `SELECT s.id, s.plan_id FROM care_plan_services s JOIN care_plans p ON p.municipality_id = s.municipality_id AND p.id = s.plan_id
            WHERE s.municipality_id = $1 AND p.case_id = $2 ORDER BY p.revision DESC, s.position LIMIT 1`,
          [municipalityId, c.id],
        )
      : [];
    // A case opened three days ago cannot have had a referral sent a month ago: its times shrink to fit.
    const f = Math.max(0.001, Math.min(1, (c.age_days - 0.05) / s.sentDaysAgo));
    await seedOne(sql, municipalityId, s, c, provider, f, opts.representative ?? null, fromPlan);
  }
}
