import type { Sql } from '../../platform/db/types';
import { readIndicatorsCsv } from './csv';
import type { NeedInput } from './form';
import { diagnoses, indicators, needs, resources } from './repository';

/** The demo's diagnosis: Żyrardów 2026, in progress (so staff can add to it). */
export const ZYRARDOW_DIAGNOSIS_TITLE = 'Diagnoza potrzeb i potencjału wspólnoty Żyrardowa 2026';

/**
 * A GUS-like table (population by economic age groups, Bank Danych Lokalnych LUDN_2137 style). The figures are
 * rounded, illustrative values for a town of Żyrardów's size, not an official extract.
 */
const POPULATION_CSV = `wskaznik;przekroj;okres;wartosc;jednostka
Ludność ogółem;ogółem;2024;39 120;osoby
Ludność ogółem;ogółem;2025;38 870;osoby
Ludność w wieku przedprodukcyjnym;0–17 lat;2025;6 540;osoby
Ludność w wieku produkcyjnym;18–64 lata;2025;22 960;osoby
Ludność w wieku poprodukcyjnym;65 lat i więcej;2025;9 370;osoby
Ludność w wieku 80 lat i więcej;80+;2025;1 980;osoby
`;
const BENEFITS_CSV = `wskaznik;przekroj;okres;wartosc;jednostka;zrodlo;data_zrodla
Osoby w rodzinach korzystających z pomocy społecznej;ogółem;2025;1 412;osoby;Sprawozdanie MRPiPS-03-R (CUS Żyrardów);2026-02-28
Osoby korzystające z usług opiekuńczych;ogółem;2025;118;osoby;Sprawozdanie MRPiPS-03-R (CUS Żyrardów);2026-02-28
Osoby oczekujące na usługi opiekuńcze;na koniec roku;2025;37;osoby;Rejestr wniosków CUS;2026-01-05
Rodziny z asystentem rodziny;ogółem;2025;44;rodziny;Sprawozdanie z realizacji ustawy o wspieraniu rodziny;2026-03-31
`;

interface DemoNeed extends Omit<NeedInput, 'indicator_ids' | 'survey_id'> { key: string; values?: string[]; survey?: boolean }
const NEEDS: DemoNeed[] = [
  { key: 'opieka', title: 'Więcej godzin usług opiekuńczych w domu dla osób 75+', area: 'social_assistance', target_group: 'seniors', priority: 'high', survey: true, values: ['Osoby oczekujące na usługi opiekuńcze', 'Ludność w wieku 80 lat i więcej'],
    evidence: 'Na koniec 2025 r. na usługi opiekuńcze czekało 37 osób; liczba mieszkańców w wieku 80+ rośnie. W ankiecie „opieka nad seniorem w domu” to najczęściej wskazywany brak.' },
  { key: 'wytchnienie', title: 'Opieka wytchnieniowa dla opiekunów osób z niepełnosprawnościami', area: 'disability', target_group: 'carers', priority: 'high', survey: true,
    evidence: 'Opiekunowie zgłaszają brak zastępstwa w opiece; fundacja ma listę oczekujących rodzin.' },
  { key: 'swietlica', title: 'Zajęcia popołudniowe dla dzieci z Osady Fabrycznej', area: 'education', target_group: 'children', priority: 'medium', values: ['Ludność w wieku przedprodukcyjnym'],
    evidence: 'Rodzice z Osady Fabrycznej wskazują na brak miejsca do nauki i zajęć po szkole bliżej domu.' },
  { key: 'asystent', title: 'Wsparcie asystenta dla rodzin w trudnościach wychowawczych', area: 'family_support', target_group: 'families', priority: 'medium', values: ['Rodziny z asystentem rodziny'],
    evidence: 'Asystenci pracują z 44 rodzinami; pracownicy socjalni wskazują kolejne rodziny, które wymagałyby wsparcia.' },
  { key: 'praca', title: 'Pierwsza praca dla młodych bez kwalifikacji', area: 'unemployment', target_group: 'youth', priority: 'medium',
    evidence: 'Powiatowy urząd pracy: wśród bezrobotnych co piąta osoba ma mniej niż 30 lat.' },
  { key: 'transport', title: 'Transport do lekarza dla osób z niepełnosprawnością ruchową', area: 'disability', target_group: 'people_with_disabilities', priority: 'high', survey: true,
    evidence: 'W ankiecie „transport dla osób z niepełnosprawnościami” wskazała co czwarta osoba; w mieście nie ma przewozu „od drzwi do drzwi”.' },
  { key: 'psycholog', title: 'Szybsza pomoc psychologiczna dla młodzieży', area: 'health', target_group: 'youth', priority: 'high',
    evidence: 'Szkoły zgłaszają rosnącą liczbę uczniów w kryzysie; na wizytę u psychologa dziecięcego w poradni NFZ czeka się kilka miesięcy.' },
];

/** Resources: services of the demo catalogue and organisations of the registry (by name); two needs stay without one — the gaps. */
const RESOURCES: { name?: string; service?: string; organisation?: string; area: string; places: number | null; potential: string; needs: string[] }[] = [
  { service: 'Usługi opiekuńcze w miejscu zamieszkania', area: 'social_assistance', places: 120, potential: 'Możliwe zwiększenie o 20 miejsc po zatrudnieniu czterech opiekunek.', needs: ['opieka'] },
  { service: 'Teleopieka „Bezpieczny Senior”', area: 'health', places: 200, potential: 'Wolne 40 opasek.', needs: ['opieka'] },
  { organisation: 'Fundacja „Dom przy Lnianej”', area: 'disability', places: 40, potential: 'Doświadczona kadra opiekunów; brakuje lokalu na opiekę dzienną.', needs: ['wytchnienie'] },
  { service: 'Świetlica środowiskowa — pomoc w nauce', area: 'education', places: 40, potential: 'Wolontariusze federacji gotowi prowadzić drugą grupę w Osadzie.', needs: ['swietlica'] },
  { organisation: 'Parafialny Zespół Caritas „Przystań”', area: 'education', places: 25, potential: 'Świetlica przy parafii, czynna po szkole.', needs: ['swietlica'] },
  { service: 'Asystent rodziny', area: 'family_support', places: 45, potential: 'Jeden etat asystenta wolny od lipca.', needs: ['asystent'] },
  { service: 'Doradztwo zawodowe „Pierwsza praca”', area: 'unemployment', places: 24, potential: 'Spółdzielnia „Pracownia pod Kominem” przyjmie stażystów.', needs: ['praca'] },
];

/** Żyrardów's diagnosis 2026: scope, two imported tables, seven needs (two without a resource: gaps), seven resources. */
export async function seedDiagnosisFixtures(sql: Sql, m: string): Promise<string> {
  const id = await diagnoses.insert(sql, m, {
    title: ZYRARDOW_DIAGNOSIS_TITLE,
    period_from: '2026-01-01',
    period_to: '2026-12-31',
    areas: ['family_support', 'social_assistance', 'health', 'disability', 'education', 'unemployment', 'civic_activity', 'housing'],
    groups: ['seniors', 'families', 'children', 'youth', 'people_with_disabilities', 'carers', 'unemployed'],
    sources: 'Bank Danych Lokalnych GUS; sprawozdania CUS (MRPiPS-03-R, wspieranie rodziny); ankieta „Diagnoza potrzeb mieszkańców Żyrardowa 2026”; wywiady z organizacjami federacji „DZIAŁAJ.MY”; spacery badawcze w Osadzie Fabrycznej.',
    team: 'Zespół diagnostyczny CUS: analityczka, organizator społeczności, koordynator usług opiekuńczych; przedstawicielka federacji „DZIAŁAJ.MY”.',
    timetable: 'Styczeń–marzec: dane zastane i ankieta. Kwiecień: wywiady i spacery badawcze. Maj: warsztat z organizacjami. Czerwiec: raport i przyjęcie przez dyrektora.',
  });
  await diagnoses.setStatus(sql, m, id, 'in_progress', 1, '2026-01-01');
  const population = readIndicatorsCsv(POPULATION_CSV, { source: 'GUS, Bank Danych Lokalnych, tabela LUDN_2137 (wartości poglądowe)', source_date: '2025-12-31' });
  const benefits = readIndicatorsCsv(BENEFITS_CSV, { source: '', source_date: '' });
  if (!population.ok || !benefits.ok) throw new Error('the demo diagnosis CSV does not read');
  await indicators.importDataset(sql, m, id, 'Ludność według ekonomicznych grup wieku (GUS)', population.rows);
  await indicators.importDataset(sql, m, id, 'Pomoc społeczna i wspieranie rodziny (sprawozdania CUS)', benefits.rows);
  const values = await indicators.of(sql, m, id);
  const [survey] = await sql.query<{ id: string }>("SELECT id FROM surveys WHERE municipality_id = $1 AND purpose = 'diagnosis' ORDER BY opens_at LIMIT 1", [m]);
  const needIds = new Map<string, string>();
  for (const n of NEEDS) {
    const indicatorIds = (n.values ?? []).map((name) => values.filter((v) => v.indicator === name).at(-1)?.id).filter((v): v is string => Boolean(v));
    needIds.set(n.key, await needs.insert(sql, m, id, { title: n.title, area: n.area, target_group: n.target_group, priority: n.priority, evidence: n.evidence, survey_id: n.survey ? survey?.id : undefined, indicator_ids: indicatorIds }));
  }
  for (const r of RESOURCES) {
    const [service] = r.service ? await sql.query<{ id: string }>('SELECT id FROM services WHERE municipality_id = $1 AND name = $2', [m, r.service]) : [];
    const [organisation] = r.organisation ? await sql.query<{ id: string }>('SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2', [m, r.organisation]) : [];
    await resources.insert(sql, m, id, {
      name: r.name ?? r.service ?? r.organisation ?? '', area: r.area as NeedInput['area'], organisation_id: organisation?.id, service_id: service?.id, places: r.places, potential: r.potential,
      need_ids: r.needs.map((k) => needIds.get(k)!),
    });
  }
  return id;
}
