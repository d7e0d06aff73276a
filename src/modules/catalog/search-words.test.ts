import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correct, searchWords, wordQueries } from './search-words';

// Candidates as `catalog_similar_words` returns them: the catalogue's words resembling each typed word.
const candidates = [
  { term: 'rodzenia', word: 'rodzenia' },
  { term: 'rodzenia', word: 'rodzinna' },
  { term: 'rodzenia', word: 'rodziny' },
  { term: 'opeika', word: 'opieka' },
  { term: 'opeika', word: 'opiekuncze' },
];

test('a word the catalogue has is searched as typed; only a word it lacks is corrected (ADR 0026)', () => {
  const [rodzenia, opeika] = correct(searchWords(['rodzenia', 'opeika']), candidates);
  // "rodzen" begins "rodzenia": not a typo — no "rodzin" (which would match every family service).
  assert.deepEqual(rodzenia!.prefixes, ['rodzen']);
  // "opeik" begins no word of the catalogue: corrected to the words within one edit.
  assert.deepEqual(opeika!.prefixes, ['opeik', 'opiek']);
  // …and the page says what was searched for: the nearest whole word, not "opiekuncze".
  assert.equal(opeika!.correction, 'opieka');
  assert.equal(rodzenia!.correction, undefined);
  assert.deepEqual(wordQueries([rodzenia!, opeika!]), { all: "('rodzen':*) & ('opeik':* | 'opiek':*)", any: "('rodzen':*) | ('opeik':* | 'opiek':*)" });
});
