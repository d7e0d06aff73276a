import type { Sql } from '../../platform/db/types';
import type { Criterion } from './criteria';
import { DRAFT_PROGRAMME_TEXT } from './fixtures-draft-programme';
import type { Area, FeeKind, ProviderKind, Situation, TargetGroup } from './domain';

interface DemoProvider {
  key: string;
  name: string;
  kind: ProviderKind;
  description: string;
  email: string;
  phone: string;
}
interface DemoLocation {
  key: string;
  provider: string;
  name: string;
  street: string;
  lat: number;
  lon: number;
  access: { step_free?: boolean; accessible_toilet?: boolean; induction_loop?: boolean; sign_language_on_request?: boolean; notes?: string };
  /** [weekday 1–7, opens, closes] */
  hours: [number, string, string][];
}
interface DemoService {
  name: string;
  summary: string;
  description: string;
  area: Area;
  groups: TargetGroup[];
  /** The life situations it answers (none: not about a particular situation). */
  situations?: Situation[];
  provider: string;
  locations: string[];
  howToApply: string;
  documents?: string[];
  fee?: { kind: FeeKind; amount?: number; rule?: string };
  capacity?: [number, string];
  eligibility: string;
  criteria: Criterion[];
}

const WEEKDAYS_8_16: [number, string, string][] = [1, 2, 3, 4, 5].map((d) => [d, '08:00', '16:00']);
const ZYRARDOW = '96-300';

const PROVIDERS: DemoProvider[] = [
  { key: 'cus', name: 'Centrum Usług Społecznych w Żyrardowie', kind: 'cus_unit', description: 'Organizuje i świadczy usługi społeczne dla mieszkańców Żyrardowa.', email: 'sekretariat@cus.zyrardow.example', phone: '46 855 00 00' },
  { key: 'klub', name: 'Klub Seniora „Lniane Serca”', kind: 'cus_unit', description: 'Dzienny klub dla osób 60+ prowadzony przez CUS.', email: 'klubseniora@cus.zyrardow.example', phone: '46 855 00 50' },
  { key: 'pik', name: 'Punkt Interwencji Kryzysowej', kind: 'cus_unit', description: 'Bezpłatna pomoc psychologiczna i prawna w sytuacjach kryzysowych.', email: 'pik@cus.zyrardow.example', phone: '46 855 00 60' },
  { key: 'kis', name: 'Klub Integracji Społecznej', kind: 'cus_unit', description: 'Reintegracja społeczna i zawodowa osób zagrożonych wykluczeniem.', email: 'kis@cus.zyrardow.example', phone: '46 855 00 70' },
  { key: 'federacja', name: 'Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”', kind: 'ngo', description: 'Lokalna federacja żyrardowskich organizacji pozarządowych.', email: 'kontakt@dzialajmy.example', phone: '46 855 10 10' },
  { key: 'fundacja', name: 'Fundacja „Dom przy Lnianej”', kind: 'ngo', description: 'Wsparcie osób z niepełnosprawnościami i ich opiekunów (organizacja przykładowa).', email: 'biuro@domprzylnianej.example', phone: '46 855 20 20' },
];

const LOCATIONS: DemoLocation[] = [
  { key: 'siedziba', provider: 'cus', name: 'Siedziba CUS', street: 'ul. 1 Maja 20', lat: 52.0489, lon: 20.4456, access: { step_free: true, accessible_toilet: true, induction_loop: true, sign_language_on_request: true, notes: 'Winda przy wejściu od podwórza.' }, hours: [[1, '08:00', '17:00'], ...WEEKDAYS_8_16.slice(1)] },
  { key: 'klub', provider: 'klub', name: 'Klub Seniora „Lniane Serca”', street: 'ul. Mireckiego 8', lat: 52.0512, lon: 20.4403, access: { step_free: true, accessible_toilet: true }, hours: [1, 2, 3, 4, 5].map((d) => [d, '09:00', '15:00']) },
  { key: 'pik', provider: 'pik', name: 'Punkt Interwencji Kryzysowej', street: 'ul. Limanowskiego 45', lat: 52.0468, lon: 20.4481, access: { notes: 'Wejście po trzech stopniach; dzwonek przy drzwiach — pracownik zejdzie do osoby poruszającej się na wózku.' }, hours: [[1, '08:00', '20:00'], [2, '08:00', '20:00'], [3, '08:00', '20:00'], [4, '08:00', '20:00'], [5, '08:00', '20:00'], [6, '10:00', '14:00']] },
  { key: 'mal', provider: 'cus', name: 'Miejsce Aktywności Lokalnej', street: 'ul. Okrzei 3', lat: 52.0527, lon: 20.4432, access: { step_free: true, accessible_toilet: true, induction_loop: true }, hours: [[1, '10:00', '20:00'], [2, '10:00', '20:00'], [3, '10:00', '20:00'], [4, '10:00', '20:00'], [5, '10:00', '20:00'], [6, '10:00', '16:00']] },
  { key: 'kis', provider: 'kis', name: 'Klub Integracji Społecznej', street: 'ul. Okrzei 3', lat: 52.0527, lon: 20.4432, access: { step_free: true, accessible_toilet: true }, hours: WEEKDAYS_8_16 },
  { key: 'fundacja', provider: 'fundacja', name: 'Fundacja „Dom przy Lnianej”', street: 'ul. Lniana 12', lat: 52.0455, lon: 20.4378, access: { step_free: true, accessible_toilet: true, sign_language_on_request: true }, hours: [[1, '09:00', '17:00'], [3, '09:00', '17:00'], [5, '09:00', '17:00']] },
];

const RESIDENCE: Criterion = { type: 'residence' };
const SOCIAL_ASSISTANCE_THRESHOLD = 1010;

const SERVICES: DemoService[] = [
  { name: 'Usługi opiekuńcze w miejscu zamieszkania', summary: 'Pomoc w codziennych czynnościach w domu: zakupy, posiłki, higiena, kontakt z lekarzem.', description: 'Opiekunka przychodzi do domu w ustalonych godzinach i pomaga w tym, z czym trudno poradzić sobie samodzielnie z powodu wieku, choroby lub niepełnosprawności.', area: 'social_assistance', groups: ['seniors', 'people_with_disabilities'], situations: ['help_at_home'], provider: 'cus', locations: ['siedziba'], howToApply: 'Złóż wniosek w siedzibie CUS lub przez platformę. Koordynator odwiedzi Cię w domu w ciągu 14 dni, aby ustalić zakres pomocy.', documents: ['zaświadczenie lekarskie o stanie zdrowia', 'oświadczenie o dochodach'], fee: { kind: 'income_dependent', rule: 'Bezpłatnie przy dochodzie do 1010 zł na osobę samotną; powyżej — od 10% do 100% kosztu godziny według tabeli w uchwale rady miasta.' }, capacity: [120, 'osób jednocześnie'], eligibility: 'Mieszkańcy Żyrardowa, którzy z powodu wieku, choroby lub niepełnosprawności potrzebują pomocy innych osób.', criteria: [RESIDENCE] },
  { name: 'Specjalistyczne usługi opiekuńcze dla osób z zaburzeniami psychicznymi', summary: 'Terapia i trening umiejętności dnia codziennego w domu, prowadzone przez specjalistów.', description: 'Usługi świadczą psycholog, pedagog, terapeuta zajęciowy i fizjoterapeuta, według zaleceń lekarza psychiatry.', area: 'disability', groups: ['people_with_disabilities'], situations: ['help_at_home', 'disability'], provider: 'cus', locations: ['siedziba'], howToApply: 'Wniosek z zaświadczeniem od lekarza psychiatry składa się w siedzibie CUS.', documents: ['zaświadczenie lekarza psychiatry', 'orzeczenie o niepełnosprawności (jeśli jest)'], fee: { kind: 'income_dependent', rule: 'Odpłatność zależy od dochodu według rozporządzenia w sprawie specjalistycznych usług opiekuńczych.' }, capacity: [25, 'osób'], eligibility: 'Osoby z zaburzeniami psychicznymi mieszkające w Żyrardowie.', criteria: [RESIDENCE, { type: 'disability_certificate' }] },
  { name: 'Opieka wytchnieniowa', summary: 'Zastępstwo w opiece nad bliską osobą: czas na odpoczynek lub załatwienie własnych spraw.', description: 'Opiekun z fundacji przejmuje opiekę nad osobą z niepełnosprawnością w domu lub w ośrodku dziennym — do 240 godzin w roku.', area: 'disability', groups: ['carers', 'people_with_disabilities'], situations: ['caring_for_someone'], provider: 'fundacja', locations: ['fundacja'], howToApply: 'Zadzwoń do fundacji lub złóż kartę zgłoszenia przez platformę.', documents: ['karta zgłoszenia', 'orzeczenie o niepełnosprawności osoby pod opieką'], capacity: [40, 'rodzin w roku'], eligibility: 'Członkowie rodzin i opiekunowie osób ze znacznym stopniem niepełnosprawności lub orzeczeniem równoważnym.', criteria: [RESIDENCE, { type: 'carer' }] },
  { name: 'Asystent osobisty osoby z niepełnosprawnością', summary: 'Pomoc asystenta w wyjściu z domu, dojazdach, załatwianiu spraw i aktywności.', description: 'Asystent towarzyszy w sprawach, które wybierasz sam: wizyty w urzędach, zakupy, zajęcia, kultura, praca.', area: 'disability', groups: ['people_with_disabilities'], situations: ['disability'], provider: 'fundacja', locations: ['fundacja'], howToApply: 'Złóż kartę zgłoszenia w fundacji lub przez platformę.', documents: ['orzeczenie o niepełnosprawności'], capacity: [30, 'osób'], eligibility: 'Osoby z orzeczeniem o znacznym lub umiarkowanym stopniu niepełnosprawności oraz dzieci do 16 lat z orzeczeniem.', criteria: [RESIDENCE, { type: 'disability_certificate' }] },
  { name: 'Klub Seniora „Lniane Serca”', summary: 'Zajęcia ruchowe, warsztaty, wycieczki i spotkania dla osób 60+.', description: 'Codzienne zajęcia: gimnastyka, zajęcia komputerowe, rękodzieło lniane, spotkania z ciekawymi ludźmi i wyjścia do Resursy.', area: 'health', groups: ['seniors'], provider: 'klub', locations: ['klub'], howToApply: 'Przyjdź do klubu w godzinach otwarcia i zapisz się u opiekunki klubu.', capacity: [60, 'uczestników'], eligibility: 'Mieszkańcy Żyrardowa w wieku 60 lat i więcej.', criteria: [RESIDENCE, { type: 'age', min: 60 }] },
  { name: 'Teleopieka „Bezpieczny Senior”', summary: 'Opaska z przyciskiem SOS połączona z całodobowym centrum pomocy.', description: 'Naciśnięcie przycisku łączy z ratownikiem, który wezwie pomoc i powiadomi bliskich. Opaska wykrywa też upadek.', area: 'health', groups: ['seniors'], situations: ['help_at_home'], provider: 'cus', locations: ['siedziba'], howToApply: 'Złóż wniosek w CUS; opaskę dostarczymy i zamontujemy w ciągu tygodnia.', fee: { kind: 'fixed', amount: 15 }, capacity: [200, 'opasek'], eligibility: 'Osoby w wieku 65+ mieszkające samotnie lub przebywające długo same w domu.', criteria: [RESIDENCE, { type: 'age', min: 65 }] },
  { name: 'Asystent rodziny', summary: 'Wsparcie rodziny w wychowaniu dzieci, prowadzeniu domu i rozwiązywaniu trudności.', description: 'Asystent spotyka się z rodziną w domu, pomaga ułożyć plan zmian i towarzyszy w ich realizacji.', area: 'family_support', groups: ['families', 'children'], situations: ['family_with_children'], provider: 'cus', locations: ['siedziba'], howToApply: 'Zgłoś się do pracownika socjalnego CUS; asystenta przydziela się za zgodą rodziny.', capacity: [45, 'rodzin'], eligibility: 'Rodziny z dziećmi przeżywające trudności opiekuńczo-wychowawcze.', criteria: [RESIDENCE, { type: 'household_with_children' }] },
  { name: 'Poradnictwo psychologiczne i rodzinne', summary: 'Bezpłatne konsultacje z psychologiem i terapeutą rodzinnym.', description: 'Pomoc w trudnościach wychowawczych, konfliktach w rodzinie, żałobie, kryzysie.', area: 'family_support', groups: ['families', 'people_in_crisis', 'all_residents'], provider: 'pik', locations: ['pik'], howToApply: 'Umów wizytę telefonicznie lub przyjdź w godzinach dyżuru.', eligibility: 'Każdy mieszkaniec Żyrardowa.', criteria: [RESIDENCE] },
  { name: 'Interwencja kryzysowa', summary: 'Natychmiastowa pomoc w kryzysie: przemoc, nagła utrata, zagrożenie bezpieczeństwa.', description: 'Psycholog, prawnik i pracownik socjalny pomogą od razu, bez skierowania. W razie potrzeby zapewnimy schronienie.', area: 'social_assistance', groups: ['people_in_crisis', 'all_residents'], situations: ['crisis'], provider: 'pik', locations: ['pik'], howToApply: 'Przyjdź, zadzwoń lub napisz — bez skierowania i bez wcześniejszego zapisu.', eligibility: 'Każda osoba w sytuacji kryzysowej.', criteria: [] },
  { name: 'Posiłek dla potrzebujących', summary: 'Gorący posiłek lub bony na żywność dla osób o niskich dochodach.', description: 'Posiłki wydaje stołówka przy ul. Okrzei; dzieciom finansujemy obiady w szkole.', area: 'social_assistance', groups: ['all_residents', 'children', 'seniors'], provider: 'cus', locations: ['mal'], howToApply: 'Złóż wniosek w CUS; pracownik socjalny przeprowadzi wywiad.', documents: ['oświadczenie o dochodach'], eligibility: 'Osoby i rodziny z dochodem do 200% kryterium pomocy społecznej.', criteria: [RESIDENCE, { type: 'income_per_person', max: 2 * SOCIAL_ASSISTANCE_THRESHOLD }] },
  { name: 'Mieszkanie treningowe', summary: 'Mieszkanie na czas nauki samodzielnego życia, z pomocą pracownika socjalnego.', description: 'Dla osób opuszczających pieczę zastępczą, schronisko lub szpital, które uczą się samodzielności.', area: 'housing', groups: ['people_in_crisis', 'youth'], situations: ['housing', 'crisis'], provider: 'cus', locations: ['siedziba'], howToApply: 'Wniosek składa się u pracownika socjalnego; decyzję poprzedza wywiad.', fee: { kind: 'income_dependent', rule: 'Odpłatność według uchwały rady miasta, bezpłatnie przy dochodzie do 1010 zł na osobę.' }, capacity: [6, 'miejsc'], eligibility: 'Osoby, które potrzebują wsparcia w usamodzielnieniu się.', criteria: [RESIDENCE, { type: 'income_per_person', max: 3 * SOCIAL_ASSISTANCE_THRESHOLD }] },
  { name: 'Klub Integracji Społecznej — warsztaty i staże', summary: 'Warsztaty umiejętności, doradca zawodowy i pomoc w znalezieniu pracy.', description: 'Indywidualny program zatrudnienia socjalnego, prace społecznie użyteczne, staże u lokalnych pracodawców.', area: 'reintegration', groups: ['unemployed'], situations: ['looking_for_work'], provider: 'kis', locations: ['kis'], howToApply: 'Zgłoś się do KIS lub do pracownika socjalnego.', capacity: [30, 'uczestników w roku'], eligibility: 'Osoby bezrobotne i zagrożone wykluczeniem społecznym.', criteria: [RESIDENCE, { type: 'unemployed' }] },
  { name: 'Doradztwo zawodowe „Pierwsza praca”', summary: 'Doradca zawodowy, warsztaty pisania CV i rozmowy kwalifikacyjne dla młodych.', description: 'Cykl sześciu spotkań w małej grupie oraz indywidualne konsultacje.', area: 'unemployment', groups: ['youth', 'unemployed'], situations: ['looking_for_work'], provider: 'kis', locations: ['kis'], howToApply: 'Zapisz się przez platformę lub w KIS.', capacity: [24, 'osoby w semestrze'], eligibility: 'Osoby w wieku 18–30 lat bez pracy.', criteria: [{ type: 'age', min: 18, max: 30 }, { type: 'unemployed' }] },
  { name: 'Świetlica środowiskowa — pomoc w nauce', summary: 'Odrabianie lekcji, korepetycje i zajęcia po szkole.', description: 'Popołudniowe zajęcia z wolontariuszami i pedagogiem, podwieczorek.', area: 'education', groups: ['children', 'youth'], situations: ['family_with_children'], provider: 'federacja', locations: ['mal'], howToApply: 'Rodzic lub opiekun zapisuje dziecko w MAL.', capacity: [40, 'dzieci'], eligibility: 'Dzieci i młodzież w wieku 7–18 lat.', criteria: [{ type: 'age', min: 7, max: 18 }] },
  { name: 'Inicjatywy sąsiedzkie i wolontariat w MAL', summary: 'Miejsce i pomoc dla Twojego pomysłu na działanie dla sąsiadów.', description: 'Organizator społeczności pomoże zebrać ludzi, znaleźć salę, napisać wniosek o mały grant.', area: 'civic_activity', groups: ['all_residents'], situations: ['want_to_help'], provider: 'federacja', locations: ['mal'], howToApply: 'Przyjdź do MAL albo napisz do organizatora społeczności.', eligibility: 'Każdy, kto chce działać w Żyrardowie.', criteria: [] },
  { name: 'Aktywny Żyrardów 60+', summary: 'Nordic walking, basen i gimnastyka dla seniorów.', description: 'Zajęcia dwa razy w tygodniu z instruktorem; kijki do nordic walking wypożyczamy.', area: 'sport_tourism', groups: ['seniors'], provider: 'federacja', locations: ['mal'], howToApply: 'Zapisy w MAL lub przez platformę.', fee: { kind: 'fixed', amount: 20 }, capacity: [50, 'osób'], eligibility: 'Mieszkańcy w wieku 60+.', criteria: [RESIDENCE, { type: 'age', min: 60 }] },
  { name: 'Warsztaty ekologiczne „Zielony Żyrardów”', summary: 'Rodzinne warsztaty o segregacji, ogrodach deszczowych i ochronie przyrody.', description: 'Sobotnie warsztaty w parku i w MAL; raz w miesiącu sadzimy drzewa.', area: 'environment', groups: ['families', 'children'], situations: ['family_with_children'], provider: 'federacja', locations: ['mal'], howToApply: 'Bez zapisów — przyjdź w sobotę o 10:00.', eligibility: 'Wszyscy chętni.', criteria: [] },
  { name: 'Rodziny wspierające i rodzinna piecza zastępcza', summary: 'Informacje i szkolenia dla osób, które chcą pomóc dziecku lub rodzinie.', description: 'Szkolenie kandydatów na rodziny zastępcze i wspierające, wsparcie koordynatora pieczy.', area: 'foster_care', groups: ['families'], situations: ['want_to_help'], provider: 'cus', locations: ['siedziba'], howToApply: 'Umów spotkanie informacyjne z koordynatorem rodzinnej pieczy zastępczej.', eligibility: 'Pełnoletnie osoby gotowe wspierać dzieci i rodziny.', criteria: [{ type: 'age', min: 18 }] },
  { name: 'Szkoła rodzenia i wsparcie po porodzie', summary: 'Zajęcia dla przyszłych rodziców i wizyty położnej po narodzinach dziecka.', description: 'Cykl ośmiu spotkań oraz grupa wsparcia dla młodych rodziców.', area: 'family_policy', groups: ['families'], situations: ['expecting_child', 'family_with_children'], provider: 'cus', locations: ['mal'], howToApply: 'Zapisz się przez platformę lub telefonicznie.', eligibility: 'Przyszli i młodzi rodzice.', criteria: [RESIDENCE] },
  { name: 'Spotkania z kulturą dla seniorów i osób z niepełnosprawnościami', summary: 'Wspólne wyjścia do kina, teatru i muzeum z transportem.', description: 'Raz w miesiącu organizujemy wyjście z dowozem busem przystosowanym do wózków.', area: 'culture', groups: ['seniors', 'people_with_disabilities'], provider: 'klub', locations: ['klub'], howToApply: 'Zapisy w Klubie Seniora.', eligibility: 'Seniorzy i osoby z niepełnosprawnościami.', criteria: [RESIDENCE] },
];

/** Fills a municipality's catalogue with the demo (Żyrardów) services, inside the caller's transaction and RLS context. */
export async function seedCatalogFixtures(sql: Sql, municipalityId: string): Promise<void> {
  const providerIds = new Map<string, string>();
  for (const p of PROVIDERS) {
    const [row] = await sql.query<{ id: string }>(
      'INSERT INTO providers (municipality_id, name, kind, description, email, phone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [municipalityId, p.name, p.kind, p.description, p.email, p.phone],
    );
    providerIds.set(p.key, row!.id);
  }
  const locationIds = new Map<string, string>();
  for (const l of LOCATIONS) {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO locations (municipality_id, provider_id, name, street, postal_code, city, latitude, longitude,
         step_free, accessible_toilet, induction_loop, sign_language_on_request, accessibility_notes)
       VALUES ($1, $2, $3, $4, $5, 'Żyrardów', $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [municipalityId, providerIds.get(l.provider), l.name, l.street, ZYRARDOW, l.lat, l.lon, l.access.step_free ?? false,
        l.access.accessible_toilet ?? false, l.access.induction_loop ?? false, l.access.sign_language_on_request ?? false, l.access.notes ?? ''],
    );
    locationIds.set(l.key, row!.id);
    for (const [weekday, opens, closes] of l.hours) {
      await sql.query('INSERT INTO opening_hours (municipality_id, location_id, weekday, opens, closes) VALUES ($1, $2, $3, $4, $5)', [
        municipalityId, row!.id, weekday, opens, closes,
      ]);
    }
  }
  const [programme] = await sql.query<{ id: string }>(
    `INSERT INTO programmes (municipality_id, name, period_from, period_to, resolution_number, resolution_date, status, description)
     VALUES ($1, 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027', '2026-01-01', '2027-12-31',
             'XIV/128/2025', '2025-11-27', 'adopted', 'Program przyjęty po konsultacjach społecznych, na podstawie diagnozy potrzeb i potencjału.')
     RETURNING id`,
    [municipalityId],
  );
  for (const s of SERVICES) {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO services (municipality_id, provider_id, name, summary, description, area, target_groups, how_to_apply,
         required_documents, fee_kind, fee_amount, fee_rule, capacity, capacity_period, eligibility, criteria, contact_email, contact_phone, situations)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
      [municipalityId, providerIds.get(s.provider), s.name, s.summary, s.description, s.area, s.groups, s.howToApply, s.documents ?? [],
        s.fee?.kind ?? 'free', s.fee?.amount ?? null, s.fee?.rule ?? '', s.capacity?.[0] ?? null, s.capacity?.[1] ?? '', s.eligibility,
        JSON.stringify(s.criteria), PROVIDERS.find((p) => p.key === s.provider)!.email, PROVIDERS.find((p) => p.key === s.provider)!.phone, s.situations ?? []],
    );
    for (const key of s.locations) {
      await sql.query('INSERT INTO service_locations (municipality_id, service_id, location_id) VALUES ($1, $2, $3)', [municipalityId, row!.id, locationIds.get(key)]);
    }
    await sql.query('INSERT INTO programme_services (municipality_id, programme_id, service_id) VALUES ($1, $2, $3)', [municipalityId, programme!.id, row!.id]);
  }
  // The next programme, a draft being consulted (issue 16): its text is the draft resolution, read by the consultations module.
  await sql.query(
    `INSERT INTO programmes (municipality_id, name, period_from, period_to, status, description)
     VALUES ($1, 'Program usług społecznych Miasta Żyrardowa na lata 2027–2030', '2027-01-01', '2030-12-31', 'draft', $2)`,
    [municipalityId, DRAFT_PROGRAMME_TEXT],
  );
}
