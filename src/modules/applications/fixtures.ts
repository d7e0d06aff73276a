import type { Sql } from '../../platform/db/types';
import type { Relation, Status } from './domain';

/**
 * Demo applications (Żyrardów): places for this year of four services, queues with fictional
 * beneficiaries (generated names, never real people), applications accepted over recent weeks so that
 * estimates can be made, and the demo resident's own applications. Needs the demo catalogue.
 */

const FIRST = ['Janina', 'Stanisław', 'Krystyna', 'Henryk', 'Teresa', 'Zdzisław', 'Barbara', 'Kazimierz', 'Halina', 'Ryszard', 'Lucyna', 'Tadeusz', 'Wiesława', 'Bogdan'];
/** Surnames made of weaving words, feminine and masculine. */
const LAST: [string, string][] = [['Lniarska', 'Lniarski'], ['Przędzalna', 'Przędzalny'], ['Tkacka', 'Tkacki'], ['Szpulowa', 'Szpulowy'], ['Krosienna', 'Krosienny'],
  ['Motkowska', 'Motkowski'], ['Wrzecionowa', 'Wrzecionowy'], ['Nawijalska', 'Nawijalski'], ['Osnowska', 'Osnowski']];
const CHILDREN = ['Antoś Przędzalny', 'Zuzia Tkacka', 'Kuba Szpulowy', 'Lena Motkowska'];

/** A fictional person: the demo names are made of weaving words, so they cannot be anybody's. */
const fictional = (i: number) => {
  const first = FIRST[i % FIRST.length]!;
  const [female, male] = LAST[(i * 7) % LAST.length]!;
  return `${first} ${first.endsWith('a') ? female : male}`;
};

interface Plan {
  service: string;
  places: number;
  /** Accepted over the last weeks: [weeks ago, …]. */
  accepted: number[];
  waiting: { name?: string; birth: number; relation: Relation; mine?: boolean; status?: Status; reason?: string }[];
}

const PLANS: Plan[] = [
  { service: 'Usługi opiekuńcze w miejscu zamieszkania', places: 120, accepted: [1, 2, 2, 4, 5, 7, 9, 11], waiting: [
    { birth: 1941, relation: 'self' }, { birth: 1938, relation: 'parent', mine: true }, { birth: 1947, relation: 'self' },
    { birth: 1952, relation: 'ward', status: 'on_hold', reason: 'Czekamy na zaświadczenie lekarskie — rodzina dostarczy je po wizycie u lekarza.' },
    { birth: 1944, relation: 'parent' }, { birth: 1936, relation: 'self' }] },
  { service: 'Teleopieka „Bezpieczny Senior”', places: 12, accepted: [1, 3, 3, 6, 8, 8, 10, 10, 11, 11, 12], waiting: [
    { birth: 1949, relation: 'self' }, { birth: 1957, relation: 'self', mine: true }, { birth: 1940, relation: 'parent' }] },
  { service: 'Świetlica środowiskowa — pomoc w nauce', places: 40, accepted: [], waiting: [
    { name: CHILDREN[0], birth: 2015, relation: 'child' }, { name: CHILDREN[1], birth: 2012, relation: 'child' },
    // Outside the service's age range (7–18): staff see a warning and decide.
    { birth: 1950, relation: 'self' }, { name: CHILDREN[2], birth: 2014, relation: 'child' }] },
  { service: 'Klub Seniora „Lniane Serca”', places: 60, accepted: [2, 6], waiting: [{ birth: 1955, relation: 'self' }] },
];

export async function seedApplicationFixtures(sql: Sql, municipalityId: string, opts: { resident?: string; coordinator?: string } = {}): Promise<void> {
  const [cus] = await sql.query<{ cus_name: string }>('SELECT cus_name FROM municipalities WHERE id = $1', [municipalityId]);
  const [resident] = opts.resident ? await sql.query<{ display_name: string; email: string }>('SELECT display_name, email FROM users WHERE id = $1', [opts.resident]) : [];
  let n = 0;
  for (const plan of PLANS) {
    const [service] = await sql.query<{ id: string }>("SELECT id FROM services WHERE municipality_id = $1 AND name = $2 AND status = 'active'", [municipalityId, plan.service]);
    if (!service) continue;
    await sql.query(
      `INSERT INTO service_capacity (municipality_id, service_id, period_from, period_to, places, created_by)
       VALUES ($1, $2, date_trunc('year', now())::date, (date_trunc('year', now()) + interval '1 year - 1 day')::date, $3, $4)`,
      [municipalityId, service.id, plan.places, opts.coordinator ?? null],
    );
    const add = async (p: { name: string; birth: number; relation: Relation; mine: boolean; status: Status; reason: string; position: number | null; weeksAgo: number }) => {
      const mine = p.mine && resident;
      const [row] = await sql.query<{ id: string }>(
        `INSERT INTO applications (municipality_id, service_id, applicant_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation,
           contact_phone, contact_email, need, channel, registered_by, status, status_reason, queue_position, submitted_at, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now() - make_interval(days => $16), $17::timestamptz)
         RETURNING id`,
        [municipalityId, service.id, mine ? opts.resident : null, mine ? resident.display_name : fictional(n + 3), p.name, p.birth, p.relation,
          mine ? '' : `46 855 9${String(n).padStart(2, '0')} ${String(10 + n)}`, mine ? resident.email : '',
          'Potrzebuję pomocy w codziennych sprawach — opis przykładowy, dane fikcyjne.', mine ? 'online' : n % 2 ? 'phone' : 'in_person',
          mine ? null : (opts.coordinator ?? null), p.status, p.reason, p.position, p.weeksAgo * 7 + 14,
          p.status === 'accepted' ? new Date(Date.now() - p.weeksAgo * 7 * 86_400_000).toISOString() : null],
      );
      // The history agrees with the application: consent and submission when it was submitted, the decision when it was made
      // (read in SQL, so the instants keep PostgreSQL's microseconds).
      const applicationTime = (column: string) => `(SELECT ${column} FROM applications WHERE municipality_id = $1 AND id = $2)`;
      await sql.query(`INSERT INTO application_consents (municipality_id, application_id, purpose, recipient, recorded_by, given_at) VALUES ($1, $2, 'cus_processing', $3, $4, ${applicationTime('submitted_at')})`, [municipalityId, row!.id, cus!.cus_name, mine ? null : (opts.coordinator ?? null)]);
      await sql.query(`INSERT INTO application_events (municipality_id, application_id, kind, status_to, position_to, actor_id, at) VALUES ($1, $2, 'submitted', 'waiting', $3, $4, ${applicationTime('submitted_at')})`, [municipalityId, row!.id, p.position, mine ? opts.resident : (opts.coordinator ?? null)]);
      if (p.status !== 'waiting') {
        await sql.query(
          `INSERT INTO application_events (municipality_id, application_id, kind, status_from, status_to, position_from, position_to, reason, actor_id, at)
           VALUES ($1, $2, 'status', 'waiting', $3, $4, $4, $5, $6, ${applicationTime("coalesce(decided_at, submitted_at + interval '3 days')")})`,
          [municipalityId, row!.id, p.status, p.position, p.reason, opts.coordinator ?? null],
        );
      }
      n += 1;
    };
    for (const weeksAgo of plan.accepted) await add({ name: fictional(n), birth: 1945 + (n % 20), relation: 'self', mine: false, status: 'accepted', reason: '', position: null, weeksAgo });
    for (const [i, w] of plan.waiting.entries()) {
      await add({ name: w.name ?? (w.mine && w.relation === 'self' && resident ? resident.display_name : fictional(n)), birth: w.birth, relation: w.relation, mine: Boolean(w.mine), status: w.status ?? 'waiting', reason: w.reason ?? '', position: i + 1, weeksAgo: plan.waiting.length - i });
    }
  }
}
