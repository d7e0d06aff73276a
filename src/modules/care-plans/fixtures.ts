import type { Sql } from '../../platform/db/types';
import { addDays, warsawDay } from '../../platform/time';

/**
 * Demo plans (Żyrardów), fictional and dated relative to today, authored by the demo coordinator:
 * one approved yesterday by the director, with monitoring notes and review dates; one she submitted
 * yesterday, waiting for the director. Needs the demo cases (and the catalogue, units and registry
 * where they exist: a missing provider is named as "other").
 */

/** A Warsaw day relative to today, as an SQL date literal (the kernel's clock, ADR 0021). */
const day = (offset: number) => `'${addDays(warsawDay(), offset)}'::date`;

interface Demo {
  situation: string;
  goals: [string, string][];
  services: { service: string; description: string; frequency: string; unit?: string; organisation?: boolean; other?: string }[];
  commitments: [string, number | null][];
}

const APPROVED: Demo = {
  situation:
    'Mieszka sama w mieszkaniu na trzecim piętrze bez windy, w Osadzie Fabrycznej. Po upadku zimą porusza się o kulach; ' +
    'córka mieszka w Warszawie i przyjeżdża co drugi weekend. Sama przygotowuje proste posiłki, potrzebuje pomocy przy zakupach, ' +
    'sprzątaniu i wyjściach do lekarza. Chce wrócić do spotkań z sąsiadkami.\n\nDane przykładowe, osoba fikcyjna.',
  goals: [
    ['Bezpieczne, samodzielne życie w swoim mieszkaniu.', 'Brak upadków i wezwań pogotowia w okresie planu.'],
    ['Regularne wyjścia z domu i kontakt z sąsiadami.', 'Co najmniej jedno spotkanie w Klubie Seniora w tygodniu.'],
  ],
  services: [
    { service: 'Usługi opiekuńcze w miejscu zamieszkania', description: 'Pomoc przy zakupach, sprzątaniu i przygotowaniu posiłków.', frequency: '3 razy w tygodniu po 2 godziny', unit: 'Dział Pomocy Społecznej' },
    { service: 'Teleopieka „Bezpieczny Senior”', description: 'Opaska z przyciskiem alarmowym i stały kontakt z centrum teleopieki.', frequency: 'całodobowo', other: 'Centrum teleopieki (operator)' },
    { service: 'Klub Seniora „Lniane Serca”', description: 'Zajęcia ruchowe i spotkania w klubie, z dowozem.', frequency: 'raz w tygodniu, w środy', organisation: true },
  ],
  commitments: [['Codzienne ćwiczenia zalecone przez fizjoterapeutę.', null], ['Umówi wizytę kontrolną u ortopedy.', 40]],
};

const NOTES: [number, string][] = [
  [-1, 'Rozmowa przy podpisaniu planu. Mieszkanka zgodziła się na opaskę teleopieki; córka ma drugi klucz do mieszkania.'],
  [0, 'Zainstalowano opaskę teleopieki, próbne wezwanie działa. Pierwsza wizyta opiekunki umówiona na poniedziałek.'],
];

const SUBMITTED: Demo = {
  situation:
    'Opiekuje się mężem po udarze; sama ma 71 lat i coraz mniej sił. Mieszkają w domu z ogrodem na Rudzie. Potrzebują wsparcia ' +
    'w codziennej opiece i chwili wytchnienia dla opiekunki.\n\nDane przykładowe, osoby fikcyjne.',
  goals: [['Odciążenie opiekunki: co najmniej dwa wolne popołudnia w tygodniu.', 'Opiekunka mówi na przeglądzie, że ma czas dla siebie.']],
  services: [{ service: 'Usługi opiekuńcze w miejscu zamieszkania', description: 'Pomoc w higienie i karmieniu męża, zastępstwo opiekunki.', frequency: '2 razy w tygodniu po 4 godziny', unit: 'Dział Pomocy Społecznej' }],
  commitments: [['Zgłosi się na spotkanie grupy wsparcia dla opiekunów.', 20]],
};

async function fill(sql: Sql, municipalityId: string, planId: string, demo: Demo): Promise<void> {
  for (const [i, [description, measure]] of demo.goals.entries()) {
    await sql.query('INSERT INTO care_plan_goals (municipality_id, plan_id, position, description, measure) VALUES ($1, $2, $3, $4, $5)', [municipalityId, planId, i + 1, description, measure]);
  }
  for (const [i, s] of demo.services.entries()) {
    const [service] = await sql.query<{ id: string }>('SELECT id FROM services WHERE municipality_id = $1 AND name = $2', [municipalityId, s.service]);
    const [unit] = s.unit ? await sql.query<{ id: string }>('SELECT id FROM units WHERE municipality_id = $1 AND name = $2', [municipalityId, s.unit]) : [];
    const [organisation] = s.organisation ? await sql.query<{ id: string }>("SELECT id FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY name LIMIT 1", [municipalityId]) : [];
    const kind = unit ? 'unit' : organisation ? 'organisation' : 'other';
    await sql.query(
      `INSERT INTO care_plan_services (municipality_id, plan_id, position, service_id, description, frequency, provider_kind, provider_unit_id, provider_organisation_id, provider_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [municipalityId, planId, i + 1, service?.id ?? null, s.description, s.frequency, kind, unit?.id ?? null, organisation?.id ?? null, kind === 'other' ? (s.other ?? 'Centrum Usług Społecznych') : ''],
    );
  }
  for (const [i, [description, due]] of demo.commitments.entries()) {
    await sql.query(`INSERT INTO care_plan_commitments (municipality_id, plan_id, position, description, due_on) VALUES ($1, $2, $3, $4, ${due === null ? 'NULL' : day(due)})`, [municipalityId, planId, i + 1, description]);
  }
}

interface DemoCase {
  id: string;
  resident: boolean;
  needs_plan: boolean;
}

/**
 * The demo plans: an approved one on the case whose resident has an account (the demo resident reads
 * it in "Mój plan usług"), a submitted one on the most overdue other case needing a plan (the director
 * approves it in the demo; until then the case stays "po terminie"). `cases`: these cases instead (one
 * case may take both: the submitted plan is then its next revision).
 */
export async function seedCarePlanFixtures(
  sql: Sql,
  municipalityId: string,
  opts: { coordinator?: string; director?: string; cases?: { approved?: string; submitted?: string } } = {},
): Promise<void> {
  if (!opts.coordinator || !opts.director) return;
  const list = opts.cases
    ? []
    : await sql.query<DemoCase>(
        `SELECT c.id, c.resident_user_id IS NOT NULL AS resident, c.needs_plan FROM cases c
          WHERE c.municipality_id = $1 AND c.coordinator_id = $2 AND c.status = 'open'
            AND NOT EXISTS (SELECT 1 FROM care_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id)
          ORDER BY c.needs_plan DESC, c.plan_due_on NULLS LAST, c.number`,
        [municipalityId, opts.coordinator],
      );
  const pick = list.find((c) => c.resident) ?? list[0];
  const approved = opts.cases ? opts.cases.approved : pick?.id;
  const submitted = opts.cases ? opts.cases.submitted : (list.find((c) => c !== pick && c.needs_plan) ?? list.find((c) => c !== pick))?.id;
  if (approved) {
    const [plan] = await sql.query<{ id: string }>(
      `INSERT INTO care_plans (municipality_id, case_id, revision, status, situation, valid_from, valid_until, author_id, submitted_at, approved_by, approved_at, created_at)
       VALUES ($1, $2, (SELECT coalesce(max(revision), 0) + 1 FROM care_plans WHERE municipality_id = $1 AND case_id = $2), 'approved', $3, ${day(-1)}, (${day(-1)} + interval '1 year' - interval '1 day')::date, $4, now() - interval '2 days', $5, now() - interval '1 day', now() - interval '60 hours') RETURNING id`,
      [municipalityId, approved, APPROVED.situation, opts.coordinator, opts.director],
    );
    await fill(sql, municipalityId, plan!.id, APPROVED);
    for (const offset of [29, 120, 210, 300]) await sql.query(`INSERT INTO care_plan_reviews (municipality_id, plan_id, review_on) VALUES ($1, $2, ${day(offset)})`, [municipalityId, plan!.id]);
    for (const [offset, body] of NOTES) {
      await sql.query(`INSERT INTO care_plan_notes (municipality_id, plan_id, noted_on, body, author_id) VALUES ($1, $2, ${day(offset)}, $3, $4)`, [municipalityId, plan!.id, body, opts.coordinator]);
    }
  }
  if (submitted) {
    const [plan] = await sql.query<{ id: string }>(
      `INSERT INTO care_plans (municipality_id, case_id, revision, status, situation, valid_from, valid_until, author_id, submitted_at, created_at)
       VALUES ($1, $2, (SELECT coalesce(max(revision), 0) + 1 FROM care_plans WHERE municipality_id = $1 AND case_id = $2), 'submitted', $3, ${day(1)}, (${day(1)} + interval '6 months')::date, $4, now() - interval '1 day', now() - interval '36 hours') RETURNING id`,
      [municipalityId, submitted, SUBMITTED.situation, opts.coordinator],
    );
    await fill(sql, municipalityId, plan!.id, SUBMITTED);
    for (const offset of [60, 150]) await sql.query(`INSERT INTO care_plan_reviews (municipality_id, plan_id, review_on) VALUES ($1, $2, ${day(offset)})`, [municipalityId, plan!.id]);
  }
}
