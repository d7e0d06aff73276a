/**
 * The demo catalogue's draft programme (Żyrardów, 2027–2030): the text of the draft resolution, kept as the
 * draft programme's description in the catalogue and consulted with the consultations module (issue 16).
 */
export const DRAFT_PROGRAMME_TEXT = `Program usług społecznych Miasta Żyrardowa na lata 2027–2030 — projekt
Uchwała nr …/2026 Rady Miasta Żyrardowa w sprawie przyjęcia Programu usług społecznych
Na podstawie art. 7 ust. 1 i art. 8 ust. 2 ustawy z dnia 19 lipca 2019 r. o realizowaniu usług społecznych przez centrum usług społecznych (Dz. U. z 2024 r. poz. 1390) uchwala się, co następuje:
Rozdział 1
Przepisy ogólne
§ 1. 1. Przyjmuje się Program usług społecznych Miasta Żyrardowa na lata 2027–2030, zwany dalej „Programem”.
2. Program realizuje Centrum Usług Społecznych w Żyrardowie, zwane dalej „Centrum”.
§ 2. Program obejmuje usługi społeczne w zakresie polityki rodzinnej, wspierania rodziny, pomocy społecznej, ochrony zdrowia, wspierania osób niepełnosprawnych, edukacji publicznej, kultury i aktywności obywatelskiej.
Rozdział 2
Diagnoza i cele
§ 3. 1. Celem głównym Programu jest zwiększenie dostępności usług społecznych dla mieszkańców Żyrardowa, w szczególności seniorów, osób z niepełnosprawnościami i rodzin z dziećmi.
2. Cele szczegółowe Programu to:
1) rozwój usług opiekuńczych w miejscu zamieszkania;
2) wsparcie opiekunów nieformalnych, w tym opieka wytchnieniowa;
3) rozwój usług dla dzieci i młodzieży w osadzie fabrycznej;
4) wzmocnienie współpracy z organizacjami pozarządowymi.
§ 4. Diagnoza potrzeb mieszkańców stanowi załącznik nr 1 do Programu.
Rozdział 3
Usługi i ich realizatorzy
§ 5. 1. Centrum organizuje usługi samodzielnie albo zleca je organizacjom pozarządowym i innym podmiotom w trybie ustawy o działalności pożytku publicznego i o wolontariacie.
2. Wykaz usług wraz z kryteriami dostępu stanowi załącznik nr 2 do Programu.
3. Usługi opiekuńcze są świadczone od poniedziałku do piątku w godzinach 7:00–20:00.
§ 6. Centrum prowadzi Miejsce Aktywności Lokalnej w budynku dawnej Resursy.
Rozdział 4
Monitorowanie i ocena
§ 7. 1. Centrum składa Radzie Miasta roczne sprawozdanie z realizacji Programu do dnia 31 marca każdego roku.
2. Ocena Programu jest dokonywana w połowie okresu jego realizacji.
§ 8. Wykonanie uchwały powierza się Prezydentowi Miasta Żyrardowa.
§ 9. Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku Urzędowym Województwa Mazowieckiego.`;
