import type { Sql } from '../../platform/db/types';
import type { ActionStatus, PlanStatus } from './domain';
import { warsawToday } from './domain';
import { addDays, addMonths } from '../../platform/time';

/** Demo action plans of Żyrardów; dates are days from today, so the demonstration always has work done, under way and overdue. */
interface DemoAction {
  title: string;
  description?: string;
  /** Names of demo organisations (fixtures of the registry), matched by their beginning. */
  organisations?: string[];
  partner?: string;
  organiser?: boolean;
  start: number;
  due: number;
  status: ActionStatus;
  dropNote?: string;
  indicator?: string;
  target?: number;
  achieved?: number;
}
interface DemoGoal {
  title: string;
  description: string;
  actions: DemoAction[];
}
interface DemoPlan {
  title: (from: string, to: string) => string;
  area: string;
  months: [number, number];
  status: PlanStatus;
  mainGoal: string;
  diagnosis: string;
  goals: DemoGoal[];
}

const PLANS: DemoPlan[] = [
  {
    title: (from, to) => `Plan organizowania społeczności lokalnej — Osada Fabryczna ${from}–${to}`,
    area: 'Osada Fabryczna (ul. Dittricha, Family, Okrzei, Limanowskiego)',
    months: [-6, 18],
    status: 'adopted',
    mainGoal: 'Mieszkańcy Osady Fabrycznej wspólnie dbają o swoje otoczenie i wspierają sąsiadów, którzy potrzebują pomocy.',
    diagnosis: 'W kamienicach osady mieszka wielu samotnych seniorów; młodzież nie ma miejsca spotkań po szkole. W spacerach badawczych i ankiecie (112 osób) mieszkańcy wskazali zaniedbane podwórka, brak informacji o ofercie CUS i chęć działania razem.\n\nW osadzie działa grupa „Sąsiedzi z Osady Fabrycznej”, a federacja „DZIAŁAJ.MY” prowadzi Miejsce Aktywności Lokalnej przy ul. Okrzei.',
    goals: [
      {
        title: 'Sąsiedzi znają się i pomagają sobie nawzajem',
        description: 'Budujemy sieć sąsiedzkiego wsparcia, szczególnie dla seniorów mieszkających samotnie.',
        actions: [
          { title: 'Spacery badawcze po podwórkach osady', organisations: ['Sąsiedzi z Osady'], organiser: true, start: -150, due: -120, status: 'done', indicator: 'liczba uczestników', target: 30, achieved: 41 },
          { title: 'Sieć „Sąsiad dla sąsiada” — dyżury wolontariuszy dla seniorów', organisations: ['Federacja Organizacji', 'Żyrardowski Uniwersytet'], start: -90, due: -10, status: 'in_progress', indicator: 'seniorzy objęci wsparciem', target: 25, achieved: 14 },
          { title: 'Wigilia sąsiedzka w Resursie', organisations: ['Koło Gospodyń'], partner: 'Rada Osiedla Osada Fabryczna', start: 20, due: 30, status: 'planned', indicator: 'liczba uczestników', target: 120 },
        ],
      },
      {
        title: 'Podwórka osady są zadbane i służą mieszkańcom',
        description: 'Mieszkańcy sami projektują i urządzają wspólne przestrzenie.',
        actions: [
          { title: 'Warsztaty projektowania ogródka sąsiedzkiego', organisations: ['Sąsiedzi z Osady', 'Stowarzyszenie „Zielony'], organiser: true, start: -60, due: -30, status: 'done', indicator: 'projekty zgłoszone przez mieszkańców', target: 3, achieved: 4 },
          { title: 'Wiosenne sprzątanie podwórek przy ul. Dittricha', organisations: ['Sąsiedzi z Osady'], partner: 'Zakład Gospodarki Komunalnej', start: 120, due: 150, status: 'planned', indicator: 'uporządkowane podwórka', target: 4 },
          { title: 'Mural o historii Zakładów Lniarskich', organisations: ['Stowarzyszenie „Lniany'], start: -40, due: -5, status: 'dropped', dropNote: 'Właściciel kamienicy nie zgodził się na mural; szukamy innej ściany w przyszłym roku.' },
        ],
      },
      {
        title: 'Młodzież ma swoje miejsce i działa na rzecz osady',
        description: 'Zajęcia po szkole w Miejscu Aktywności Lokalnej prowadzone razem z młodzieżą.',
        actions: [
          { title: 'Klub młodzieżowy w Miejscu Aktywności Lokalnej', organisations: ['Federacja Organizacji', 'Uczniowski Klub'], organiser: true, start: -30, due: 200, status: 'in_progress', indicator: 'stali uczestnicy klubu', target: 20, achieved: 12 },
        ],
      },
    ],
  },
  {
    title: (_from, to) => `Plan organizowania społeczności lokalnej — Ruda ${to}`,
    area: 'Osiedle Ruda',
    months: [3, 15],
    status: 'draft',
    mainGoal: 'Mieszkańcy Rudy tworzą wspólnie ofertę spędzania wolnego czasu dla wszystkich pokoleń.',
    diagnosis: 'Diagnoza w przygotowaniu: ankieta wśród mieszkańców osiedla i spotkanie z Kołem Gospodyń Wiejskich „Ruda”.',
    goals: [{ title: 'Powstaje osiedlowa grupa inicjatywna', description: '', actions: [{ title: 'Spotkanie otwarte dla mieszkańców osiedla', organisations: ['Koło Gospodyń'], organiser: true, start: 100, due: 100, status: 'planned' }] }],
  },
];

const monthStart = (day: string, months: number): string => addMonths(`${day.slice(0, 7)}-01`, months);

/**
 * The demo action plans: an adopted plan for the Osada Fabryczna neighbourhood (goals, actions done,
 * under way, overdue, dropped; organisations of the demo registry, the federation "DZIAŁAJ.MY" among
 * them) and a draft for the Ruda estate. Needs the registry's fixtures; `organiser` (a staff user) is
 * named responsible for some actions.
 */
export async function seedActionPlanFixtures(sql: Sql, municipalityId: string, opts: { organiser?: string } = {}): Promise<void> {
  const today = warsawToday();
  const orgs = await sql.query<{ id: string; name: string }>("SELECT id, name FROM organisations WHERE municipality_id = $1 AND status = 'verified'", [municipalityId]);
  for (const plan of PLANS) {
    const from = monthStart(today, plan.months[0]);
    const to = addDays(monthStart(today, plan.months[1]), -1);
    const clamp = (n: number) => [from, addDays(today, n), to].sort()[1]!;
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO action_plans (municipality_id, title, area, period_from, period_to, main_goal, diagnosis, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [municipalityId, plan.title(from.slice(0, 4), to.slice(0, 4)), plan.area, from, to, plan.mainGoal, plan.diagnosis, plan.status, opts.organiser ?? null],
    );
    for (const [gi, goal] of plan.goals.entries()) {
      const [g] = await sql.query<{ id: string }>(
        'INSERT INTO action_plan_goals (municipality_id, plan_id, title, description, position) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [municipalityId, row!.id, goal.title, goal.description, gi + 1],
      );
      for (const [ai, a] of goal.actions.entries()) {
        const [action] = await sql.query<{ id: string }>(
          `INSERT INTO action_plan_actions (municipality_id, plan_id, goal_id, title, description, responsible_user_id, partner, starts_on, due_on, status,
             drop_note, indicator, target_value, achieved_value, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
          [municipalityId, row!.id, g!.id, a.title, a.description ?? '', a.organiser ? (opts.organiser ?? null) : null, a.partner ?? '', clamp(a.start), clamp(a.due),
            a.status, a.dropNote ?? '', a.indicator ?? '', a.target ?? null, a.achieved ?? null, ai + 1],
        );
        const ids = (a.organisations ?? []).map((prefix) => orgs.find((o) => o.name.startsWith(prefix))?.id).filter((id): id is string => Boolean(id));
        for (const id of ids) {
          await sql.query('INSERT INTO action_plan_action_organisations (municipality_id, action_id, organisation_id) VALUES ($1, $2, $3)', [municipalityId, action!.id, id]);
        }
      }
    }
  }
}
