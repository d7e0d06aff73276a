/**
 * The forgiving part of the public search (ADR 0026): typed words reduced to a stem that matches
 * their inflected forms as a prefix ("opiekę", "opieki" → opiek:*), and corrected to the catalogue's
 * own words when one letter is missing, doubled, wrong or two are swapped ("opeika" → opiek:*).
 */

/** Lower case without diacritics, as `search_normalize()` (unaccent) makes the indexed text. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ß/g, 'ss');
}

/** Words that say nothing about a service: required as search words, they would hide what fits. */
const STOPWORDS = new Set([
  'dla', 'oraz', 'lub', 'albo', 'przy', 'nad', 'pod', 'przez', 'bez', 'czy', 'jak', 'jest', 'sie', 'nie', 'tak', 'the', 'and', 'for',
  'moj', 'moja', 'moje', 'mojej', 'mojego', 'moich', 'mam', 'mnie', 'dla', 'ktory', 'ktora', 'ktore', 'jaka', 'jakie', 'gdzie', 'kto',
  'szukam', 'potrzebuje', 'chce', 'chcialbym', 'chcialabym', 'prosze', 'pomoz', 'help', 'with',
]);

/**
 * Polish endings of nouns and adjectives, longest first (on normalized text: "ą" is "a"). A light
 * stemmer: it only shortens a word, so that the stem, matched as the beginning of a word, finds the
 * other forms; it never leaves fewer than three letters.
 */
const ENDINGS = [
  'owych', 'owego', 'owemu', 'owymi', 'owej', 'iami', 'ach', 'ami', 'ego', 'emu', 'ych', 'ymi', 'ich', 'imi', 'owa', 'owe', 'owy',
  'iej', 'ej', 'ow', 'om', 'ie', 'ia', 'iu', 'ii', 'ji', 'y', 'a', 'e', 'i', 'u', 'o',
];

export function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= 3 && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** How many edits a typed stem of this length may be from a word of the catalogue. */
export const allowedEdits = (length: number): number => (length < 4 ? 0 : length < 7 ? 1 : 2);

/**
 * The beginning of `word` closest to `typed` (optimal string alignment: insertions, deletions,
 * substitutions and swaps of neighbours) and its distance: "opeik" against "opieka" → "opiek", 1.
 */
export function closestPrefix(typed: string, word: string): { prefix: string; distance: number } {
  const a = [...typed];
  const b = [...word];
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  const last = rows[a.length]!;
  let best = a.length;
  // The shortest prefix at least as long as the typed stem less one letter, among the closest.
  for (let j = Math.max(1, a.length - 1); j <= b.length; j++) if (last[j]! < last[best]!) best = j;
  return { prefix: b.slice(0, best).join(''), distance: last[best]! };
}

export interface SearchWord {
  /** As typed, normalized. */
  typed: string;
  /** The prefixes that count as this word: its stem and the catalogue's words it was corrected to. */
  prefixes: string[];
  /** Corrected: the catalogue's whole word closest to what was typed (normalized), to say what was searched for. */
  correction?: string;
  /** Not corrected (its stem begins a word of the catalogue) but not itself a word of it: the nearest one, to write it out when another word was corrected. */
  nearest?: string;
}

/** The typed words (three letters or more, normalized, without words such as "dla"), each with its stem. */
export function searchWords(terms: readonly string[]): SearchWord[] {
  const seen = new Set<string>();
  const words: SearchWord[] = [];
  for (const term of terms) {
    const typed = normalizeWord(term).replace(/[^\p{L}\p{N}]/gu, '');
    if (typed.length < 3 || STOPWORDS.has(typed) || seen.has(typed)) continue;
    seen.add(typed);
    words.push({ typed, prefixes: [stem(typed)] });
  }
  return words;
}

/**
 * Adds to each word the beginnings of the catalogue's words within its allowed edits (candidates from
 * `catalog_similar_words`) — only to a word whose stem begins none of the catalogue's words: a word the
 * catalogue has ("rodzenia") is not a typo, and correcting it ("rodzin") would match thousands of services
 * nobody asked for, and make the search slower (docs/performance.md).
 */
export function correct(words: readonly SearchWord[], candidates: readonly { term: string; word: string }[]): SearchWord[] {
  return words.map((w) => {
    const base = w.prefixes[0]!;
    const allowed = allowedEdits(base.length);
    if (allowed === 0) return w;
    const mine = candidates.filter((c) => c.term === w.typed);
    if (mine.some((c) => c.word.startsWith(base))) {
      if (mine.some((c) => c.word === w.typed)) return w;
      const near = nearestWhole(w.typed, mine, allowed);
      return near ? { ...w, nearest: near } : w;
    }
    const prefixes = new Set(w.prefixes);
    const kept: { term: string; word: string }[] = [];
    for (const c of mine) {
      const { prefix, distance } = closestPrefix(base, c.word);
      if (distance > allowed || prefix.length < 3) continue;
      prefixes.add(prefix);
      kept.push(c);
    }
    const correction = nearestWhole(w.typed, kept, Infinity);
    return correction && prefixes.size > 1 ? { typed: w.typed, prefixes: [...prefixes], correction } : w;
  });
}

/** The candidate whole word nearest to the whole typed word, within `allowed` edits (the candidates come most similar first). */
function nearestWhole(typed: string, candidates: readonly { word: string }[], allowed: number): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const c of candidates) {
    const whole = closestPrefix(typed, c.word);
    const distance = whole.distance + (c.word.length - whole.prefix.length);
    if (distance <= allowed && (!best || distance < best.distance)) best = { word: c.word, distance };
  }
  return best?.word;
}

const lexeme = (prefix: string) => `'${prefix.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`;
const anyOf = (w: SearchWord) => `(${w.prefixes.map(lexeme).join(' | ')})`;

/** Every word (one of its prefixes) — and any word, for when every word finds nothing — as tsquery text. */
export function wordQueries(words: readonly SearchWord[]): { all: string | null; any: string | null } {
  if (words.length === 0) return { all: null, any: null };
  return { all: words.map(anyOf).join(' & '), any: words.length > 1 ? words.map(anyOf).join(' | ') : null };
}
