import type { Sql } from '../../platform/db/types';
import type { PoolKind } from './domain';
import { editions, phases, pools, projects } from './repository';
import { ballots, type StoredBallot } from './repository-votes';

/**
 * The demo participatory budget (Żyrardów): last year's edition, voting closed and results live, and this
 * year's with voting open now. Projects and places are made up; the ballots are a deterministic mix.
 */

interface PoolSpec {
  kind: PoolKind;
  name: string;
  budget: number;
  residents: number;
  projects: { title: string; place: string; description: string; lines: [string, number][] }[];
  /** Per ballot: the indexes of the projects chosen. */
  ballots: number[][];
}

const DAY = 86_400_000;

const LAST_YEAR: PoolSpec[] = [
  {
    kind: 'city', name: 'Pula ogólnomiejska', budget: 600_000, residents: 38_000,
    projects: [
      { title: 'Zielone podwórka Osady Fabrycznej', place: 'ul. Dittricha, podwórka kamienic 1–9', description: 'Nasadzenia drzew i krzewów, ławki i stojaki na rowery na pięciu podwórkach.', lines: [['Nasadzenia', 180_000], ['Ławki i kosze', 70_000], ['Projekt i nadzór', 50_000]] },
      { title: 'Tężnia solankowa w Parku Dittrichów', place: 'Park Dittrichów', description: 'Drewniana tężnia z ławkami wokół, czynna od maja do września.', lines: [['Konstrukcja tężni', 280_000], ['Zagospodarowanie terenu', 70_000]] },
      { title: 'Bezpłatne warsztaty cyfrowe dla seniorów', place: 'Resursa, sala konferencyjna', description: 'Cykl 40 spotkań: telefon, bankowość, e-recepta, bezpieczeństwo w sieci.', lines: [['Prowadzący', 60_000], ['Sprzęt', 40_000]] },
      { title: 'Oświetlenie ścieżki wzdłuż Pisi', place: 'Ścieżka nad rzeką Pisią', description: 'Latarnie solarne na odcinku 1,2 km.', lines: [['Latarnie', 200_000], ['Montaż', 50_000]] },
    ],
    ballots: [[0, 1], [0, 2], [1], [0, 3], [2, 3], [0], [1, 2], [0, 1], [3], [0, 2], [1, 3], [0], [2], [0, 1], [1], [0, 3], [2, 1], [0], [1, 0], [3, 2], [0, 2], [1], [0], [2, 3], [0, 1], [1, 2], [0], [3], [0, 2], [1, 0]],
  },
  {
    kind: 'district', name: 'Osiedle Środmieście', budget: 150_000, residents: 9_500,
    projects: [
      { title: 'Plac zabaw przy ul. Okrzei', place: 'ul. Okrzei 12', description: 'Nowe urządzenia i bezpieczna nawierzchnia.', lines: [['Urządzenia', 90_000], ['Nawierzchnia', 30_000]] },
      { title: 'Kino plenerowe na placu Jana Pawła II', place: 'Plac Jana Pawła II', description: 'Sześć seansów w wakacje.', lines: [['Ekran i nagłośnienie', 25_000], ['Licencje', 15_000]] },
      { title: 'Stojaki rowerowe przy szkołach', place: 'SP nr 1, SP nr 4, LO im. Kopernika', description: '60 stojaków z wiatami.', lines: [['Stojaki i wiaty', 45_000]] },
    ],
    ballots: [[0], [1, 2], [0, 2], [1], [0], [2], [0, 1], [1], [0], [2, 1], [0], [1]],
  },
];

const THIS_YEAR: PoolSpec[] = [
  {
    kind: 'city', name: 'Pula ogólnomiejska', budget: 700_000, residents: 38_000,
    projects: [
      { title: 'Skatepark przy stadionie miejskim', place: 'ul. Jaracza', description: 'Betonowy skatepark z oświetleniem.', lines: [['Roboty budowlane', 380_000], ['Oświetlenie', 40_000]] },
      { title: 'Miejska łąka kwietna', place: 'skwer przy ul. Limanowskiego', description: 'Łąka zamiast trawnika, tablice o owadach zapylających.', lines: [['Przygotowanie gruntu i nasiona', 35_000], ['Tablice', 10_000]] },
      { title: 'Wypożyczalnia sprzętu rehabilitacyjnego', place: 'CUS, ul. Okrzei 5', description: 'Wózki, balkoniki, łóżka — bezpłatnie dla mieszkańców.', lines: [['Sprzęt', 150_000], ['Magazyn', 30_000]] },
    ],
    ballots: [[0], [1, 2], [2], [0, 1]],
  },
  {
    kind: 'district', name: 'Osiedle Osada Fabryczna', budget: 200_000, residents: 7_200,
    projects: [
      { title: 'Ławki i zieleń przy Resursie', place: 'ul. 1 Maja 45', description: 'Dziesięć ławek i klomby.', lines: [['Ławki', 30_000], ['Zieleń', 25_000]] },
      { title: 'Festyn sąsiedzki Osady', place: 'Plac Jana Pawła II', description: 'Festyn z muzyką i warsztatami dla dzieci.', lines: [['Scena i nagłośnienie', 20_000], ['Warsztaty', 10_000]] },
    ],
    ballots: [[0], [1], [0, 1]],
  },
];

export interface SeededEdition {
  edition: string;
  pool: string;
  project: string;
}

async function seedEdition(sql: Sql, municipalityId: string, name: string, year: number, votingFrom: Date, votingTo: Date, spec: PoolSpec[]): Promise<SeededEdition> {
  const editionId = await editions.insert(sql, municipalityId, {
    name, year, status: 'published', source: 'app', ballot_kind: 'approval', max_projects: 3, min_projects: null, max_points: null, rank_points: null,
    rule: 'greedy', tie_break: ['more-votes', 'lower-cost'], min_score: null, age_limit: 16, change_allowed: year > 2026, currency: 'PLN', pabulib_meta: null,
  });
  const month = 30 * DAY;
  const t = votingFrom.getTime();
  await phases.set(sql, municipalityId, editionId, 'proposals', new Date(t - 4 * month), new Date(t - 3 * month));
  await phases.set(sql, municipalityId, editionId, 'verification', new Date(t - 3 * month), new Date(t - month));
  await phases.set(sql, municipalityId, editionId, 'voting', votingFrom, votingTo);
  await phases.set(sql, municipalityId, editionId, 'results', votingTo, new Date(votingTo.getTime() + 14 * DAY));
  const first: string[] = [];
  for (const [position, p] of spec.entries()) {
    const poolId = await pools.insert(sql, municipalityId, editionId, { kind: p.kind, name: p.name, budget: p.budget, residents: p.residents, position });
    const ids = await projects.insertMany(
      sql, municipalityId, editionId, poolId,
      p.projects.map((x, i) => ({ external_id: null, title: x.title, description: x.description, place: x.place, cost: x.lines.reduce((s, [, a]) => s + a, 0), status: 'on_ballot', pabulib_fields: null, position: i })),
    );
    for (const [i, x] of p.projects.entries()) await projects.addCostLines(sql, municipalityId, ids[i]!, x.lines.map(([item, amount]) => ({ item, amount })));
    const list: StoredBallot[] = p.ballots.map((b) => ({ projects: b.map((i) => ids[i]!), points: null }));
    await ballots.addMany(sql, municipalityId, editionId, poolId, 'paper', list);
    if (!first.length) first.push(poolId, ids[0]!);
  }
  return { edition: editionId, pool: first[0]!, project: first[1]! };
}

/** Both demo editions; their first pool and project each (for the probes). */
export async function seedBudgetFixtures(sql: Sql, municipalityId: string): Promise<{ closed: SeededEdition; open: SeededEdition }> {
  const now = Date.now();
  const closed = await seedEdition(sql, municipalityId, 'Budżet Obywatelski Żyrardowa 2026', 2026, new Date(now - 60 * DAY), new Date(now - 45 * DAY), LAST_YEAR);
  const open = await seedEdition(sql, municipalityId, 'Budżet Obywatelski Żyrardowa 2027', 2027, new Date(now - 3 * DAY), new Date(now + 11 * DAY), THIS_YEAR);
  return { closed, open };
}
