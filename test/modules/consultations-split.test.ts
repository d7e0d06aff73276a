import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DRAFT_PROGRAMME_TEXT as DRAFT_PROGRAMME } from '../../src/modules/catalog';
import { splitText, toParagraphs } from '../../src/modules/consultations';

const labels = (text: string) => splitText(toParagraphs(text)).parts.map((p) => p.label);

test('a resolution: preamble, chapters with headings on the next line, § with ustępy ("§ 1. 1." on one line), points kept in their ustęp', () => {
  const s = splitText(
    toParagraphs(`UCHWAŁA NR XII/85/2026 RADY MIASTA ŻYRARDOWA w sprawie programu
Na podstawie art. 18 ust. 2 pkt 15 ustawy o samorządzie gminnym uchwala się, co następuje:
Rozdział 1
Przepisy ogólne
§ 1. 1. Przyjmuje się program.
2. Program realizuje Centrum.
§ 2. Cele programu to:
1) rozwój usług;
2) wsparcie opiekunów.
Rozdział II. Przepisy końcowe
§ 3. Uchwała wchodzi w życie po upływie 14 dni.`),
  );
  assert.equal(s.title, 'UCHWAŁA NR XII/85/2026 RADY MIASTA ŻYRARDOWA w sprawie programu');
  assert.deepEqual(
    s.parts.map((p) => [p.label, p.chapter]),
    [
      ['Wstęp', ''],
      ['§ 1 ust. 1', 'Rozdział 1. Przepisy ogólne'],
      ['§ 1 ust. 2', 'Rozdział 1. Przepisy ogólne'],
      ['§ 2', 'Rozdział 1. Przepisy ogólne'],
      ['§ 3', 'Rozdział II. Przepisy końcowe'],
    ],
  );
  assert.equal(s.parts[3]!.body, 'Cele programu to:\n1) rozwój usług;\n2) wsparcie opiekunów.', 'points stay in their paragraph');
  assert.equal(s.parts[1]!.body, 'Przyjmuje się program.');
});

test('an act: articles with ustępy, an inserted ustęp "2a", points that restart at 1 do not open an ustęp, "Art. 5a."', () => {
  assert.deepEqual(
    labels(`Ustawa o czymś
Art. 1. 1. Ustawa określa zasady.
2. Zadania obejmują:
1. pierwsze zadanie wymienione po kropce;
2a. Dodany ustęp.
3. Trzeci ustęp.
Art. 5a. Przepis dodany.`),
    ['Art. 1 ust. 1', 'Art. 1 ust. 2', 'Art. 1 ust. 2a', 'Art. 1 ust. 3', 'Art. 5a'],
  );
});

test('a text without § or articles (a programme) is split by paragraphs, numbered within each chapter; blank lines and spaces do not matter', () => {
  const s = splitText(toParagraphs('Program\r\n\r\nWprowadzenie do  programu.\n\nRozdział 1\nDiagnoza\nPierwszy akapit.\n   \nDrugi akapit.\nDZIAŁ II Cele\nJedyny akapit.'));
  assert.deepEqual(
    s.parts.map((p) => [p.label, p.body]),
    [
      ['Akapit 1', 'Wprowadzenie do programu.'],
      ['Rozdział 1, akapit 1', 'Pierwszy akapit.'],
      ['Rozdział 1, akapit 2', 'Drugi akapit.'],
      ['Dział II, akapit 1', 'Jedyny akapit.'],
    ],
  );
});

test('the demo programme splits as staff would number it', () => {
  const s = splitText(toParagraphs(DRAFT_PROGRAMME));
  assert.deepEqual(s.parts.map((p) => p.label), [
    'Wstęp', '§ 1 ust. 1', '§ 1 ust. 2', '§ 2', '§ 3 ust. 1', '§ 3 ust. 2', '§ 4', '§ 5 ust. 1', '§ 5 ust. 2', '§ 5 ust. 3', '§ 6', '§ 7 ust. 1', '§ 7 ust. 2', '§ 8', '§ 9',
  ]);
  assert.match(s.parts.find((p) => p.label === '§ 3 ust. 2')!.body, /4\) wzmocnienie współpracy/);
  assert.equal(s.parts.find((p) => p.label === '§ 6')!.chapter, 'Rozdział 3. Usługi i ich realizatorzy');
});
