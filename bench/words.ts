import type { Area, TargetGroup } from '../src/modules/catalog';

/** Municipalities the generator creates, in order: TERYT (TERC) code, postal prefix and centre. */
export const TOWNS = [
  { slug: 'radom', name: 'Radom', teryt: '1463011', postal: '26-6', lat: 51.4027, lon: 21.1471 },
  { slug: 'plock', name: 'Płock', teryt: '1462011', postal: '09-4', lat: 52.5463, lon: 19.7065 },
  { slug: 'siedlce', name: 'Siedlce', teryt: '1464011', postal: '08-1', lat: 52.1676, lon: 22.2902 },
  { slug: 'kielce', name: 'Kielce', teryt: '2661011', postal: '25-3', lat: 50.8661, lon: 20.6286 },
  { slug: 'lublin', name: 'Lublin', teryt: '0663011', postal: '20-0', lat: 51.2465, lon: 22.5684 },
  { slug: 'torun', name: 'Toruń', teryt: '0463011', postal: '87-1', lat: 53.0138, lon: 18.5984 },
  { slug: 'opole', name: 'Opole', teryt: '1661011', postal: '45-0', lat: 50.6751, lon: 17.9213 },
  { slug: 'rzeszow', name: 'Rzeszów', teryt: '1863011', postal: '35-0', lat: 50.0412, lon: 21.9991 },
] as const;

export const DISTRICTS = [
  'dzielnica Wschód', 'dzielnica Zachód', 'dzielnica Północ', 'dzielnica Południe', 'Śródmieście', 'Stare Miasto',
  'Nowe Miasto', 'osiedle Słoneczne', 'osiedle Leśne', 'osiedle Kwiatowe', 'Zatorze', 'osiedle Młodych',
  'osiedle Przyjaźń', 'Podzamcze', 'osiedle Zielone', 'Zakole', 'osiedle Parkowe', 'Piaski', 'Błonie', 'Górki',
];

export const STREETS = [
  'Mickiewicza', 'Słowackiego', 'Kościuszki', 'Piłsudskiego', 'Sienkiewicza', 'Żeromskiego', 'Kilińskiego',
  'Traugutta', 'Prusa', 'Reymonta', 'Konopnickiej', 'Orzeszkowej', 'Chopina', 'Moniuszki', 'Kopernika',
  'Jana Pawła II', 'Wojska Polskiego', 'Armii Krajowej', '3 Maja', '11 Listopada', 'Lipowa', 'Polna', 'Leśna',
  'Ogrodowa', 'Szkolna', 'Kwiatowa', 'Długa', 'Krótka', 'Zielona', 'Kolejowa', 'Wąska', 'Spacerowa',
];

export const GROUP_PHRASE: Record<TargetGroup, string> = {
  all_residents: 'dla mieszkańców',
  seniors: 'dla seniorów',
  families: 'dla rodzin z dziećmi',
  children: 'dla dzieci',
  youth: 'dla młodzieży',
  people_with_disabilities: 'dla osób z niepełnosprawnościami',
  carers: 'dla opiekunów osób zależnych',
  unemployed: 'dla osób bezrobotnych',
  people_in_crisis: 'dla osób w kryzysie',
};

/** Per area: kinds of services (name stem, what it gives) and the groups they are usually for. */
export const AREA_KINDS: Record<Area, { stems: [string, string][]; groups: TargetGroup[] }> = {
  family_policy: { groups: ['families', 'children'], stems: [['Szkoła rodzenia', 'zajęcia dla przyszłych rodziców'], ['Karta Dużej Rodziny — punkt informacyjny', 'pomoc w uzyskaniu karty i zniżek'], ['Klub rodzica', 'spotkania i wymiana doświadczeń rodziców']] },
  family_support: { groups: ['families', 'children', 'people_in_crisis'], stems: [['Asystent rodziny', 'wsparcie w wychowaniu dzieci i prowadzeniu domu'], ['Poradnictwo rodzinne', 'konsultacje z psychologiem i terapeutą rodzinnym'], ['Mediacje rodzinne', 'pomoc w rozwiązywaniu konfliktów w rodzinie']] },
  foster_care: { groups: ['families', 'children'], stems: [['Rodziny wspierające', 'szkolenia i pomoc koordynatora pieczy'], ['Koordynator rodzinnej pieczy zastępczej', 'wsparcie rodzin zastępczych'], ['Szkolenie kandydatów na rodziny zastępcze', 'przygotowanie do pełnienia funkcji rodziny zastępczej']] },
  social_assistance: { groups: ['seniors', 'people_with_disabilities', 'people_in_crisis'], stems: [['Usługi opiekuńcze', 'pomoc w codziennych czynnościach w domu'], ['Posiłek', 'gorący posiłek lub bony na żywność'], ['Praca socjalna', 'wsparcie pracownika socjalnego w trudnej sytuacji'], ['Interwencja kryzysowa', 'natychmiastowa pomoc psychologiczna i prawna']] },
  health: { groups: ['seniors', 'all_residents'], stems: [['Teleopieka', 'opaska z przyciskiem SOS i całodobowe centrum pomocy'], ['Profilaktyka zdrowotna', 'badania i konsultacje profilaktyczne'], ['Pomoc psychologiczna', 'rozmowy z psychologiem i grupy wsparcia']] },
  disability: { groups: ['people_with_disabilities', 'carers'], stems: [['Asystent osobisty', 'pomoc asystenta w sprawach codziennych'], ['Opieka wytchnieniowa', 'zastępstwo w opiece nad bliską osobą'], ['Specjalistyczne usługi opiekuńcze', 'terapia i trening umiejętności w domu'], ['Transport door-to-door', 'dowóz do lekarza, urzędu i na zajęcia']] },
  education: { groups: ['children', 'youth'], stems: [['Świetlica środowiskowa', 'pomoc w nauce i zajęcia po szkole'], ['Korepetycje', 'bezpłatne lekcje z matematyki i języków'], ['Warsztaty kompetencji cyfrowych', 'nauka obsługi komputera i telefonu']] },
  unemployment: { groups: ['unemployed', 'youth'], stems: [['Doradztwo zawodowe', 'doradca, CV i przygotowanie do rozmowy'], ['Klub pracy', 'warsztaty szukania pracy w grupie'], ['Staże u lokalnych pracodawców', 'płatny staż i opieka mentora']] },
  culture: { groups: ['all_residents', 'seniors'], stems: [['Warsztaty artystyczne', 'zajęcia plastyczne, teatralne i muzyczne'], ['Spotkania z kulturą', 'wspólne wyjścia do kina, teatru i muzeum'], ['Uniwersytet Trzeciego Wieku', 'wykłady i zajęcia dla osób starszych']] },
  sport_tourism: { groups: ['seniors', 'youth', 'all_residents'], stems: [['Nordic walking', 'zajęcia z instruktorem, kijki do wypożyczenia'], ['Gimnastyka', 'ćwiczenia ruchowe w grupie'], ['Wycieczki krajoznawcze', 'jednodniowe wyjazdy z przewodnikiem']] },
  civic_activity: { groups: ['all_residents'], stems: [['Inicjatywy sąsiedzkie', 'pomoc w realizacji pomysłu dla sąsiadów'], ['Wolontariat', 'dopasowanie wolontariuszy do potrzeb'], ['Centrum organizacji pozarządowych', 'sale, doradztwo i mikrogranty']] },
  housing: { groups: ['people_in_crisis', 'youth'], stems: [['Mieszkanie treningowe', 'nauka samodzielnego życia z pomocą pracownika'], ['Mieszkanie wspomagane', 'mieszkanie z usługami wsparcia'], ['Poradnictwo mieszkaniowe', 'pomoc przy zadłużeniu i dodatku mieszkaniowym']] },
  environment: { groups: ['families', 'children'], stems: [['Warsztaty ekologiczne', 'segregacja, ogrody deszczowe i ochrona przyrody'], ['Ogród społeczny', 'wspólna uprawa grządek i spotkania'], ['Sadzenie drzew', 'sąsiedzkie akcje zazieleniania']] },
  reintegration: { groups: ['unemployed', 'people_in_crisis'], stems: [['Klub Integracji Społecznej', 'warsztaty umiejętności i zatrudnienie socjalne'], ['Warsztaty reintegracji zawodowej', 'przygotowanie do powrotu na rynek pracy'], ['Centrum Integracji Społecznej', 'program reintegracji społecznej i zawodowej']] },
};

export const QUALIFIERS = ['', '', '', ' (grupa poranna)', ' (grupa popołudniowa)', ', edycja 2026', ' (program pilotażowy)'];

export const DESCRIPTION_SENTENCES = [
  'Zajęcia prowadzą doświadczeni specjaliści w małych grupach.',
  'Pierwsze spotkanie służy poznaniu potrzeb i ustaleniu planu wsparcia.',
  'Można przyjść z osobą bliską lub asystentem.',
  'W razie potrzeby zapewniamy tłumacza polskiego języka migowego.',
  'Usługa jest finansowana z budżetu gminy i środków programu usług społecznych.',
  'Pomoc jest dostosowana do możliwości i planu dnia uczestnika.',
  'Koordynator pomaga połączyć usługę z innymi formami wsparcia.',
  'Liczba miejsc jest ograniczona; o przyjęciu decyduje kolejność zgłoszeń.',
  'Spotkania odbywają się także w soboty.',
  'Uczestnicy otrzymują materiały i poczęstunek.',
];

export const PROVIDER_NAMES = {
  cus_unit: ['Centrum Usług Społecznych — filia', 'Klub Seniora', 'Punkt Interwencji Kryzysowej', 'Miejsce Aktywności Lokalnej'],
  public: ['Miejski Dom Kultury', 'Miejski Ośrodek Sportu i Rekreacji', 'Biblioteka Publiczna — filia', 'Szkoła Podstawowa nr'],
  ngo: ['Fundacja „Razem”', 'Stowarzyszenie „Sąsiedzi”', 'Fundacja „Dobry Dom”', 'Stowarzyszenie „Otwarte Drzwi”', 'Fundacja „Zielony Most”', 'Caritas — punkt'],
  informal_group: ['Grupa sąsiedzka', 'Koło Gospodyń', 'Klub Rodziców'],
  company: ['Opieka Domowa sp. z o.o.', 'Centrum Rehabilitacji sp. z o.o.', 'Transport Pomocny s.c.'],
} as const;

export const DOCUMENTS = ['oświadczenie o dochodach', 'zaświadczenie lekarskie', 'orzeczenie o niepełnosprawności', 'karta zgłoszenia', 'dowód osobisty do wglądu'];

export const HOURS_PATTERNS: [number, string, string][][] = [
  [1, 2, 3, 4, 5].map((d) => [d, '08:00', '16:00']),
  [1, 2, 3, 4, 5].map((d) => [d, '09:00', '17:00']),
  [[1, '10:00', '20:00'], [2, '10:00', '20:00'], [3, '10:00', '20:00'], [4, '10:00', '20:00'], [5, '10:00', '20:00'], [6, '10:00', '14:00']],
  [[1, '09:00', '15:00'], [3, '09:00', '15:00'], [5, '09:00', '15:00']],
  [[2, '12:00', '18:00'], [4, '12:00', '18:00'], [6, '09:00', '13:00']],
];
