import type { Sql } from '../../platform/db/types';
import { addMonths, warsawDay, warsawYear } from '../../platform/time';
import { municipalities, type MunicipalityRow } from '../../platform/tenancy/repository';
import { DEFINITIONS, disclosed, INDICATORS, type Indicator } from './indicators';

export interface ExchangeDemo {
  groupId: string;
  roundId: string;
  /** The other members, created here when missing. */
  others: MunicipalityRow[];
}

/** The demo's other members. Their operational data is not seeded: their snapshots below are what they shared, as such. */
const OTHERS = [
  { slug: 'milanowek', name: 'Miasto Milanówek', teryt: '1405031', cusName: 'Centrum Usług Społecznych w Milanówku', population: 16_200 },
  { slug: 'sochaczew', name: 'Miasto Sochaczew', teryt: '1428011', cusName: 'Centrum Usług Społecznych w Sochaczewie', population: 35_400 },
] as const;
const ZYRARDOW_POPULATION = 39_800;

/** What each other member shared for the demo round (value, count); null value = suppressed (fewer than 5 cases). */
const SHARED: Record<(typeof OTHERS)[number]['slug'], Partial<Record<Indicator, [number | null, number | null]>>> = {
  milanowek: { application_decision_days: [12.5, 41], care_plan_30_days: [84.6, 13], meeting_turnout: [38.2, 89], services_per_1000: [1.85, 30] },
  sochaczew: { application_decision_days: [19, 77], care_plan_30_days: [null, null], referral_accept_days: [3.5, 22], services_per_1000: [1.3, 46] },
};
const ZYRARDOW_SHARES: Indicator[] = ['application_decision_days', 'care_plan_30_days', 'referral_accept_days', 'services_per_1000'];

/** Each member's improvement plan after the round (the bench-learning method's last step), all shared with the group. */
const PLANS: Record<'zyrardow' | (typeof OTHERS)[number]['slug'], { learned: string; goals: string; actions: string }> = {
  zyrardow: {
    learned: 'Milanówek decyduje o usługach opiekuńczych średnio w 12,5 dnia: wywiad środowiskowy umawia od razu przy przyjęciu wniosku, a nie po jego rejestracji.',
    goals: 'Skrócić czas od wniosku do decyzji o usługach opiekuńczych do 14 dni w ciągu roku.',
    actions: 'Umawianie wywiadu środowiskowego przy przyjęciu wniosku — kierowniczka Działu Usług — od lutego\nWizyta studyjna w CUS w Milanówku — dyrektorka CUS — do kwietnia\nPrzegląd wniosków czekających ponad 21 dni co tydzień — koordynatorki — stale',
  },
  milanowek: {
    learned: 'Sochaczew przyjmuje skierowania do organizacji w 3,5 dnia dzięki wspólnej skrzynce skierowań i dyżurom organizacji.',
    goals: 'Przyjmować skierowania do organizacji w ciągu 5 dni i zacząć je mierzyć.',
    actions: 'Uruchomienie skierowań w Wspólnocie dla trzech organizacji — CUS — do marca\nSpotkanie z organizacjami o dyżurach — organizatorka społeczności — do kwietnia',
  },
  sochaczew: {
    learned: 'W Żyrardowie i Milanówku plany IPUS powstają w 30 dni dla ponad 80 % osób; u nas za mało planów, by wynik był widoczny.',
    goals: 'Przygotowywać plan IPUS w ciągu 30 dni dla co najmniej 80 % osób objętych usługą.',
    actions: 'Szablon planu IPUS z Żyrardowa — koordynator IPUS — do lutego\nSzkolenie koordynatorów w Żyrardowie — dyrektor CUS — do maja',
  },
};

async function ensureMunicipality(sql: Sql, m: (typeof OTHERS)[number]): Promise<MunicipalityRow> {
  return (await municipalities.bySlug(sql, m.slug)) ?? (await municipalities.insert(sql, m));
}

/**
 * The demo's care-services exchange group (issue 20), convened by Żyrardów with Milanówek and Sochaczew:
 * delegates of Żyrardów, each member's sharing consent, a round over the last twelve months. Żyrardów's
 * snapshots are computed from its own demo data exactly as a delegate's "compute and share" does; the other
 * two members' snapshots are seeded as what they shared (they have no operational data in the demo).
 * Runs as the owner (the seed), after every other module's fixtures.
 */
export async function seedExchangeFixtures(sql: Sql, zyrardow: MunicipalityRow, people: { director?: string; delegates: (string | undefined)[] }): Promise<ExchangeDemo> {
  const others = [];
  for (const o of OTHERS) others.push(await ensureMunicipality(sql, o));
  const [group] = await sql.query<{ id: string }>(
    `INSERT INTO exchange_groups (municipality_id, theme, cadence, named, min_count, created_by)
     VALUES ($1, 'Usługi opiekuńcze', 'spotkanie co dwa miesiące, na zmianę w każdej z gmin', true, 5, $2) RETURNING id`,
    [zyrardow.id, people.director ?? null],
  );
  const groupId = group!.id;
  await sql.query('INSERT INTO exchange_members (municipality_id, group_municipality_id, group_id, population, joined_by) VALUES ($1, $1, $2, $3, $4)', [
    zyrardow.id,
    groupId,
    ZYRARDOW_POPULATION,
    people.director ?? null,
  ]);
  for (const [i, o] of others.entries()) {
    await sql.query('INSERT INTO exchange_invitations (municipality_id, group_id, invited_municipality_id, invited_by) VALUES ($1, $2, $3, $4)', [zyrardow.id, groupId, o.id, people.director ?? null]);
    await sql.query('INSERT INTO exchange_members (municipality_id, group_municipality_id, group_id, population) VALUES ($1, $2, $3, $4)', [o.id, zyrardow.id, groupId, OTHERS[i]!.population]);
  }
  for (const d of people.delegates) {
    if (d) await sql.query('INSERT INTO exchange_delegates (municipality_id, group_id, user_id, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [zyrardow.id, groupId, d, people.director ?? null]);
  }
  const to = warsawDay();
  const from = addMonths(to, -12);
  const [round] = await sql.query<{ id: string }>(
    'INSERT INTO exchange_rounds (municipality_id, group_id, label, period_from, period_to, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [zyrardow.id, groupId, `Runda ${warsawYear()}: ostatnie 12 miesięcy`, from, to, people.director ?? null],
  );
  const roundId = round!.id;
  const snapshot = (m: string, indicator: Indicator, d: { value: number | null; count: number | null; suppressed: boolean }, shared: boolean) =>
    sql.query(
      `INSERT INTO exchange_snapshots (municipality_id, group_municipality_id, group_id, round_id, indicator, value, count, suppressed, shared)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [m, zyrardow.id, groupId, roundId, indicator, d.value, d.count, d.suppressed, shared],
    );
  for (const indicator of ZYRARDOW_SHARES) await sql.query('INSERT INTO exchange_sharing (municipality_id, group_id, indicator) VALUES ($1, $2, $3)', [zyrardow.id, groupId, indicator]);
  for (const indicator of INDICATORS) {
    const measured = await DEFINITIONS[indicator].compute(sql, zyrardow.id, { from, to }, ZYRARDOW_POPULATION);
    await snapshot(zyrardow.id, indicator, disclosed(measured, 5), ZYRARDOW_SHARES.includes(indicator));
  }
  for (const o of others) {
    const shared = SHARED[o.slug as keyof typeof SHARED];
    for (const [indicator, [value, count]] of Object.entries(shared) as [Indicator, [number | null, number | null]][]) {
      await sql.query('INSERT INTO exchange_sharing (municipality_id, group_id, indicator) VALUES ($1, $2, $3)', [o.id, groupId, indicator]);
      await snapshot(o.id, indicator, { value, count, suppressed: value === null }, true);
    }
  }
  const plan = (m: string, p: (typeof PLANS)['zyrardow']) =>
    sql.query(
      `INSERT INTO exchange_improvement_plans (municipality_id, group_id, round_municipality_id, round_id, learned, goals, actions, shared, written_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)`,
      [m, groupId, zyrardow.id, roundId, p.learned, p.goals, p.actions, m === zyrardow.id ? (people.director ?? null) : null],
    );
  await plan(zyrardow.id, PLANS.zyrardow);
  for (const o of others) await plan(o.id, PLANS[o.slug as keyof typeof PLANS]);
  return { groupId, roundId, others };
}
