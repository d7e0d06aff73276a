import { AREA_KINDS } from './words';
/**
 * `n` different search questions (words of the generated services' names, typos, filters, pages), so
 * that none is answered from the search cache during a run.
 */
export function distinctSearches(slug: string, n: number): string[] {
  const words = [...new Set(Object.values(AREA_KINDS).flatMap((k) => k.stems.flatMap(([name, summary]) => `${name} ${summary}`.toLowerCase().split(/[^\p{L}]+/u))))]
    .filter((w) => w.length >= 4);
  const typo = (w: string) => w.slice(0, 2) + w.slice(3);
  const filters = ['', '&free=1', '&group=seniors', '&step_free=1', '&open_now=1', '&page=2', '&area=social_assistance', '&group=families&free=1'];
  const out = new Set<string>();
  const questions = [...words, ...words.map(typo), ...words.flatMap((a) => words.filter((b) => b !== a).map((b) => `${a} ${b}`))];
  for (const filter of filters) {
    for (const q of questions) {
      if (out.size >= n) return [...out];
      out.add(`/${slug}/services?q=${encodeURIComponent(q)}${filter}`);
    }
  }
  return [...out];
}
