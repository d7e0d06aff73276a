import type { Message, MessagesPart } from '../../platform/i18n';

/**
 * The accessibility statement (deklaracja dostępności), in the parts the act of 4 April 2019 on the digital
 * accessibility of public bodies' websites asks for: the entity, dates, compliance, how it was prepared,
 * feedback and contact, the request and complaint procedure, architectural accessibility.
 */
export const accessibilityPl = {
  'a11y.title': 'Deklaracja dostępności',
  'a11y.intro': '{entity} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy strony internetowej {address}.',
  'a11y.platform_intro': 'Na tej platformie strony prowadzą centra usług społecznych. Każde centrum odpowiada za swoją stronę jako podmiot publiczny i publikuje własną deklarację dostępności z danymi kontaktowymi:',
  'a11y.platform_none': 'Na platformie nie ma jeszcze żadnej gminy.',
  'a11y.dates_title': 'Daty publikacji i aktualizacji',
  'a11y.published': 'Data publikacji strony internetowej: {date}.',
  'a11y.updated': 'Data ostatniej istotnej aktualizacji: {date}.',
  'a11y.dates_source': 'Data publikacji to dzień uruchomienia strony na platformie, data aktualizacji — dzień ostatniej zmiany oprogramowania platformy.',
  'a11y.status_title': 'Stan dostępności cyfrowej',
  'a11y.status': 'Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej.',
  'a11y.standard': 'Strony platformy są budowane według standardu WCAG 2.2 na poziomie AA:',
  'a11y.standard.keyboard': 'działają bez JavaScriptu i w całości z klawiatury; po błędzie w formularzu kursor przechodzi do podsumowania błędów, a każde pole ma opis błędu po polsku;',
  'a11y.standard.reflow': 'mieszczą się na ekranie o szerokości 320 pikseli bez przewijania w bok, a menu na telefonie otwiera się bez JavaScriptu;',
  'a11y.standard.structure': 'mają nagłówki, opisane pola formularzy, tabele z podpisami i łącze „Przejdź do treści”;',
  'a11y.standard.pdf': 'pliki PDF tworzone przez platformę (na przykład program usług i plany usług) mają strukturę dla czytników ekranu (PDF/UA: nagłówki, tabele, listy).',
  'a11y.exceptions_title': 'Treści niedostępne lub wyłączone',
  'a11y.exceptions.files': 'Pliki dołączane przez mieszkańców i pracowników (na przykład skany zaświadczeń) powstają poza platformą i ich dostępność nie jest sprawdzana.',
  'a11y.exceptions.texts': 'Opisy usług, ogłoszenia i inne teksty wpisują pracownicy; platforma nadaje im strukturę, ale nie ocenia ich języka.',
  'a11y.prepared_title': 'Przygotowanie deklaracji dostępności',
  'a11y.prepared': 'Deklarację sporządzono na podstawie samooceny z użyciem testów platformy: przy każdej zmianie oprogramowania testy przeglądarkowe przechodzą strony klawiaturą, sprawdzają je narzędziem axe-core (wymagane zero naruszeń kryteriów WCAG 2.2 na poziomach A i AA) i sprawdzają, czy mieszczą się w szerokości 320 pikseli.',
  'a11y.prepared_version': 'Treść deklaracji zmienia się razem z oprogramowaniem; ta wersja obowiązuje od {date}.',
  'a11y.contact_title': 'Informacje zwrotne i dane kontaktowe',
  'a11y.contact': 'Problemy z dostępnością strony i prośby o treść w innej formie zgłaszaj do: {unit}. Tą samą drogą możesz złożyć żądanie zapewnienia dostępności cyfrowej.',
  'a11y.contact_none': '{entity} nie podało jeszcze na platformie telefonu ani adresu e-mail; zgłoszenie możesz złożyć w siedzibie Centrum.',
  'a11y.procedure_title': 'Obsługa wniosków i skarg związanych z dostępnością',
  'a11y.procedure.right': 'Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu. Można też zażądać udostępnienia informacji w formie alternatywnej, na przykład odczytania niedostępnego dokumentu.',
  'a11y.procedure.content': 'Żądanie powinno zawierać dane osoby, która je zgłasza, wskazanie strony lub jej elementu oraz sposób kontaktu. Jeśli potrzebujesz informacji w formie alternatywnej, napisz, jaka forma jest dla Ciebie dogodna.',
  'a11y.procedure.deadline': '{entity} realizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia jego wystąpienia. Jeżeli dotrzymanie tego terminu nie jest możliwe, niezwłocznie informuje, kiedy realizacja będzie możliwa — nie później niż w ciągu 2 miesięcy od dnia wystąpienia z żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie jest możliwe, proponuje alternatywny sposób dostępu do informacji.',
  'a11y.procedure.complaint': 'Jeżeli żądanie zostanie odrzucone albo nie zostanie zaproponowany alternatywny sposób dostępu, możesz złożyć skargę w sprawie zapewnienia dostępności cyfrowej (art. 18 ustawy). Po wyczerpaniu tej procedury możesz złożyć wniosek do Rzecznika Praw Obywatelskich.',
  'a11y.building_title': 'Dostępność architektoniczna',
  'a11y.building': 'Mieszkańców przyjmujemy pod adresami poniżej. Platforma nie przechowuje jeszcze opisu wejść, wind i toalet w tych budynkach; przekażemy go pod numerem telefonu danego miejsca.',
  'a11y.building_rooms': 'Dostępność sal Miejsca Aktywności Lokalnej (wejście, winda, toaleta, pętla indukcyjna) jest opisana przy każdej sali:',
  'a11y.building_rooms_link': 'sale do wynajęcia',
} satisfies Record<string, Message>;

export const accessibilityEn: Record<keyof typeof accessibilityPl, Message> = {
  'a11y.title': 'Accessibility statement',
  'a11y.intro': '{entity} is committed to making its website accessible in accordance with the Polish act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies. This statement applies to the website {address}.',
  'a11y.platform_intro': 'On this platform the pages are run by social services centres. Each centre is the public body responsible for its pages and publishes its own accessibility statement with its contact details:',
  'a11y.platform_none': 'There is no municipality on the platform yet.',
  'a11y.dates_title': 'Dates of publication and update',
  'a11y.published': 'Website published: {date}.',
  'a11y.updated': 'Last significant update: {date}.',
  'a11y.dates_source': 'The publication date is the day the pages started on the platform; the update date is the day the platform software last changed.',
  'a11y.status_title': 'Compliance status',
  'a11y.status': 'This website is partially compliant with the act of 4 April 2019 on digital accessibility, because of the non-compliances or exemptions listed below.',
  'a11y.standard': 'The platform pages are built to WCAG 2.2 level AA:',
  'a11y.standard.keyboard': 'they work without JavaScript and entirely by keyboard; after an error in a form the focus moves to the error summary and every field explains its error;',
  'a11y.standard.reflow': 'they fit a 320 pixel wide screen without sideways scrolling, and the phone menu opens without JavaScript;',
  'a11y.standard.structure': 'they have headings, labelled form fields, captioned tables and a "Skip to content" link;',
  'a11y.standard.pdf': 'PDF files the platform makes (the services programme, service plans) are tagged for screen readers (PDF/UA: headings, tables, lists).',
  'a11y.exceptions_title': 'Inaccessible or exempt content',
  'a11y.exceptions.files': 'Files attached by residents and staff (such as scanned certificates) are made outside the platform and their accessibility is not checked.',
  'a11y.exceptions.texts': 'Service descriptions, announcements and other texts are written by staff; the platform gives them structure but does not assess their language.',
  'a11y.prepared_title': 'Preparation of this statement',
  'a11y.prepared': 'This statement is based on a self-assessment using the platform tests: on every software change, browser tests walk the pages by keyboard, check them with axe-core (zero violations of WCAG 2.2 level A and AA criteria required) and check that they fit 320 pixels.',
  'a11y.prepared_version': 'The statement changes with the software; this version applies since {date}.',
  'a11y.contact_title': 'Feedback and contact information',
  'a11y.contact': 'Report accessibility problems and ask for content in another form to: {unit}. The same way you can request digital accessibility.',
  'a11y.contact_none': '{entity} has not given a phone number or e-mail address on the platform yet; you can make a request at the centre.',
  'a11y.procedure_title': 'Requests and complaints about accessibility',
  'a11y.procedure.right': 'Everyone has the right to request the digital accessibility of the website or a part of it, or the information in an alternative form, such as a reading of an inaccessible document.',
  'a11y.procedure.content': 'A request should give the name of the person making it, the page or element concerned and a way to contact them. If you need the information in an alternative form, say which form suits you.',
  'a11y.procedure.deadline': '{entity} meets a request without delay and within 7 days. If that is not possible, it says without delay when it will be done, within 2 months of the request. If accessibility cannot be provided, it offers an alternative way to the information.',
  'a11y.procedure.complaint': 'If the request is refused or no alternative is offered, you can file a complaint about digital accessibility (article 18 of the act). After that procedure you can apply to the Commissioner for Human Rights.',
  'a11y.building_title': 'Architectural accessibility',
  'a11y.building': 'We receive residents at the addresses below. The platform does not hold a description of the entrances, lifts and toilets of these buildings yet; ask for it at the phone number of the place.',
  'a11y.building_rooms': 'The accessibility of the rooms of the Local Activity Place (entrance, lift, toilet, induction loop) is described with each room:',
  'a11y.building_rooms_link': 'rooms to book',
};

declare module '../../platform/i18n/catalogue' {
  interface ModuleMessages {
    portalAccessibility: typeof accessibilityPl;
  }
}

export const accessibilityMessages: MessagesPart = { pl: accessibilityPl, en: accessibilityEn };
