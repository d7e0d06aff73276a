import type { Sql } from '../../platform/db/types';
import { addDays, warsawDay, warsawInstant } from '../../platform/time';
import { announcements, categories, versions } from './repository';

interface DemoAnnouncement {
  category: string;
  title: string;
  lead: string;
  body: string;
  producedBy: string;
  /** Days from today (negative: already published); null: a draft. */
  day: number | null;
  correction?: { body: string; reason: string };
}

const DEMO: DemoAnnouncement[] = [
  {
    category: 'aktualnosci',
    title: 'Klub Seniora „Pod Kasztanami” otwiera się w Resursie',
    lead: 'Od poniedziałku seniorzy z Osady Fabrycznej mogą spotykać się trzy razy w tygodniu w nowym klubie w budynku Resursy.',
    body: `## Kiedy i gdzie

Klub działa w **Pracowni rękodzieła** Miejsca Aktywności Lokalnej (ul. Karola Dittricha 1):

| Dzień | Godziny | Zajęcia |
|---|---|---|
| poniedziałek | 10:00–13:00 | gimnastyka, kawa i rozmowy |
| środa | 10:00–13:00 | warsztaty rękodzieła |
| piątek | 11:00–14:00 | wieczorki wspomnień, gry planszowe |

## Jak dołączyć

- nie trzeba się zapisywać — wystarczy przyjść,
- udział jest bezpłatny,
- w klubie jest winda i toaleta dostępna dla osób z niepełnosprawnościami.

Pytania: [mal@cus.zyrardow.example](mailto:mal@cus.zyrardow.example) lub tel. 46 855 00 41.`,
    producedBy: 'Dział Organizowania Społeczności Lokalnej CUS',
    day: -6,
  },
  {
    category: 'ogloszenia',
    title: 'Szukamy wolontariuszy do „Paczki sąsiedzkiej”',
    lead: 'Centrum Usług Społecznych zaprasza mieszkańców do pomocy przy zakupach i drobnych sprawunkach dla sąsiadów, którzy nie wychodzą z domu.',
    body: `Wolontariusze pomagają **raz lub dwa razy w tygodniu**: robią zakupy, odbierają leki z apteki, czasem po prostu odwiedzają sąsiada.

## Czego oczekujemy

1. ukończonych 18 lat,
2. kilku godzin w tygodniu,
3. udziału w krótkim szkoleniu (2 godziny, w Resursie).

Zapewniamy ubezpieczenie, zwrot kosztów dojazdu i zaświadczenie o wolontariacie.

Zgłoszenia do 31 stycznia przez formularz w sekretariacie CUS lub e-mailem: [wolontariat@cus.zyrardow.example](mailto:wolontariat@cus.zyrardow.example).`,
    producedBy: 'Zespół ds. wolontariatu CUS',
    day: -2,
    correction: {
      body: `Wolontariusze pomagają **raz lub dwa razy w tygodniu**: robią zakupy, odbierają leki z apteki, czasem po prostu odwiedzają sąsiada.

## Czego oczekujemy

1. ukończonych 18 lat,
2. kilku godzin w tygodniu,
3. udziału w krótkim szkoleniu (2 godziny, w Resursie).

Zapewniamy ubezpieczenie, zwrot kosztów dojazdu i zaświadczenie o wolontariacie.

Zgłoszenia do **14 lutego** przez formularz w sekretariacie CUS lub e-mailem: [wolontariat@cus.zyrardow.example](mailto:wolontariat@cus.zyrardow.example).`,
      reason: 'Przedłużenie terminu zgłoszeń do 14 lutego.',
    },
  },
  {
    category: 'ogloszenia',
    title: 'Obwieszczenie o zmianie godzin pracy Centrum Usług Społecznych w okresie świątecznym',
    lead: 'W dniach 24 i 31 grudnia Centrum Usług Społecznych w Żyrardowie będzie czynne do godziny 12:00.',
    body: `Dyrektor Centrum Usług Społecznych w Żyrardowie zawiadamia, że:

- **24 grudnia** i **31 grudnia** Centrum przyjmuje interesantów w godzinach 7:30–12:00,
- **2 stycznia** Centrum pracuje w zwykłych godzinach.

Sprawy pilne (interwencja kryzysowa) można zgłaszać pod całodobowym numerem **46 855 00 99**.`,
    producedBy: 'Sekretariat Centrum Usług Społecznych w Żyrardowie',
    day: 1,
  },
  {
    category: 'konkursy-ofert',
    title: 'Otwarty konkurs ofert na prowadzenie klubu młodzieżowego — projekt',
    lead: 'Projekt ogłoszenia konkursu na 2027 rok: klub młodzieżowy w Osadzie Fabrycznej.',
    body: 'Szkic w przygotowaniu: zakres zadania, kwota dotacji i kryteria oceny ofert zostaną uzupełnione po konsultacjach z Radą Działalności Pożytku Publicznego.',
    producedBy: 'Dział Współpracy z Organizacjami Pozarządowymi',
    day: null,
  },
];

/** The demo announcements of Żyrardów: a senior club's opening, a call for volunteers (corrected once), a scheduled official notice, a draft. */
export async function seedAnnouncementFixtures(sql: Sql, municipalityId: string, people: { organiser?: string } = {}): Promise<void> {
  await categories.ensure(sql, municipalityId);
  const list = await categories.list(sql, municipalityId);
  const by = people.organiser ?? null;
  for (const d of DEMO) {
    const category = list.find((c) => c.slug === d.category)!;
    const publishAt = d.day === null ? null : warsawInstant(addDays(warsawDay(), d.day), '09:00');
    const content = { categoryId: category.id, title: d.title, lead: d.lead, body: d.body, producedBy: d.producedBy, publishAt: null, removeAt: null };
    const { id } = await announcements.insert(sql, municipalityId, content, by);
    if (!publishAt) continue;
    await announcements.publish(sql, municipalityId, id, publishAt, null, 1);
    await versions.insert(sql, municipalityId, id, 1, { title: d.title, lead: d.lead, body: d.body, producedBy: d.producedBy, reason: '' }, by);
    if (d.correction) {
      await announcements.update(sql, municipalityId, id, { ...content, body: d.correction.body }, 2);
      await versions.insert(sql, municipalityId, id, 2, { title: d.title, lead: d.lead, body: d.correction.body, producedBy: d.producedBy, reason: d.correction.reason }, by);
      await announcements.corrected(sql, municipalityId, id, 2);
    }
  }
}
