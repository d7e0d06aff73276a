import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { CHOICE_KINDS, inLocale, type QuestionRow, type SurveyRow } from './domain';
import { analysis, type CrossCell, type TrendRow } from './repository-analysis';
import { surveyStructure, type SurveysDeps } from './service';

/** What the analysis shows: counts per answer, a cross-tabulation, trends; every count under the survey's minimum shown as "<n" (ADR 0031). */

export interface Cell {
  n: number;
  /** The count as shown: the number, or "<5" where it is suppressed. */
  shown: string;
  suppressed: boolean;
}
export interface FrequencyTable {
  question: QuestionRow;
  /** One row per grid row ('' for other kinds). */
  rows: { key: string; label: string; cells: { choice: string; label: string; cell: Cell }[] }[];
}
export interface CrossTable {
  a: QuestionRow;
  b: QuestionRow;
  columns: { choice: string; label: string }[];
  rows: { choice: string; label: string; cells: Cell[] }[];
}
export interface Trend {
  question: QuestionRow;
  surveys: { id: string; title: string; opens_at: Date; cells: { choice: string; label: string; cell: Cell }[] }[];
}

export const cell = (n: number, minCell: number): Cell => (n > 0 && n < minCell ? { n, shown: `<${minCell}`, suppressed: true } : { n, shown: String(n), suppressed: false });

/**
 * Secondary suppression: a row or a column with exactly one hidden cell would give it away by
 * subtraction from its total, so its smallest other non-zero cell is hidden too (until no line has one).
 */
export function protectLines(grid: Cell[][], minCell: number): Cell[][] {
  const hide = (c: Cell): Cell => ({ ...c, shown: `<${minCell}`, suppressed: true });
  const g = grid.map((r) => [...r]);
  for (let changed = true; changed; ) {
    changed = false;
    const lines: [number, number][][] = [...g.map((r, i) => r.map((_, j) => [i, j] as [number, number])), ...(g[0] ?? []).map((_, j) => g.map((_, i) => [i, j] as [number, number]))];
    for (const line of lines) {
      if (line.filter(([i, j]) => g[i]![j]!.suppressed).length !== 1) continue;
      const others = line.filter(([i, j]) => !g[i]![j]!.suppressed && g[i]![j]!.n > 0).sort(([a, b], [c, d]) => g[a]![b]!.n - g[c]![d]!.n);
      if (others[0]) {
        const [i, j] = others[0];
        g[i]![j] = hide(g[i]![j]!);
        changed = true;
      }
    }
  }
  return g;
}

const choicesOf = (q: QuestionRow, locale: string): { choice: string; label: string }[] =>
  q.kind === 'scale' || q.kind === 'grid'
    ? Array.from({ length: (q.scale_max ?? 5) - (q.scale_min ?? 1) + 1 }, (_, i) => String((q.scale_min ?? 1) + i)).map((c) => ({ choice: c, label: c }))
    : q.choices.map((c) => ({ choice: c.value, label: inLocale(locale, c.pl, c.en) }));

export interface SurveyAnalysis {
  survey: SurveyRow;
  responses: number;
  questions: QuestionRow[];
  frequencies: FrequencyTable[];
  numbers: { question: QuestionRow; n: number; shown: string; min: string; mean: string; max: string }[];
  texts: { question: QuestionRow; shown: string }[];
  cross: CrossTable | null;
  trends: Trend[];
}

export const surveyAnalysis = (deps: SurveysDeps, ctx: DbContext, m: string, id: string, locale: string, pair?: { a?: string; b?: string }): Promise<SurveyAnalysis> =>
  deps.db.tx(ctx, (sql) => analyseIn(sql, m, id, locale, pair));

/** The analysis in the caller's transaction (also the read model other modules call through index.ts). */
export async function analyseIn(sql: Sql, m: string, id: string, locale: string, pair?: { a?: string; b?: string }): Promise<SurveyAnalysis> {
  {
    const { survey, questions, responses } = await surveyStructure(sql, m, id);
    const min = survey.min_cell;
    const counts = await analysis.frequencies(sql, m, id);
    const count = (key: string, row: string, choice: string) => counts.find((c) => c.question_key === key && c.row_key === row && c.choice === choice)?.n ?? 0;
    const frequencies = questions
      .filter((q) => CHOICE_KINDS.includes(q.kind) || q.kind === 'grid')
      .map((q) => ({
        question: q,
        rows: (q.kind === 'grid' ? q.grid_rows.map((r) => ({ key: r.value, label: inLocale(locale, r.pl, r.en) })) : [{ key: '', label: '' }]).map((r) => ({
          ...r,
          cells: choicesOf(q, locale).map((c) => ({ ...c, cell: cell(count(q.key, r.key, c.choice), min) })),
        })),
      }));
    const fmt = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v));
    const numbers = (await analysis.numbers(sql, m, id)).flatMap((n) => {
      const q = questions.find((x) => x.key === n.question_key);
      if (!q) return [];
      const hidden = n.n < min;
      return [{ question: q, n: n.n, shown: cell(n.n, min).shown, min: hidden ? '—' : fmt(n.min), mean: hidden ? '—' : fmt(n.mean), max: hidden ? '—' : fmt(n.max) }];
    });
    const texts = (await analysis.textCounts(sql, m, id)).flatMap((t) => {
      const q = questions.find((x) => x.key === t.question_key);
      return q ? [{ question: q, shown: cell(t.n, min).shown }] : [];
    });
    let cross: CrossTable | null = null;
    const a = questions.find((q) => q.key === pair?.a);
    const b = questions.find((q) => q.key === pair?.b);
    if ((pair?.a || pair?.b) && (!a || !b || a.kind === 'grid' || b.kind === 'grid' || !CHOICE_KINDS.includes(a.kind) || !CHOICE_KINDS.includes(b.kind))) throw new AppError('survey.cross_tab_pair');
    if (a && b) cross = crossTable(a, b, await analysis.crossTab(sql, m, id, a.key, b.key), min, locale);
    const trends: Trend[] = [];
    for (const q of questions.filter((x) => x.kind === 'single' || x.kind === 'scale')) {
      const rows = await analysis.trend(sql, m, survey.purpose, q.kind, q.text_pl);
      const ids = [...new Set(rows.map((r) => r.survey_id))];
      if (ids.length > 1) trends.push(trendOf(q, rows, ids, min, locale));
    }
    return { survey, responses, questions, frequencies, numbers, texts, cross, trends };
  }
}

export function crossTable(a: QuestionRow, b: QuestionRow, cells: CrossCell[], min: number, locale: string): CrossTable {
  const columns = choicesOf(b, locale);
  const rows = choicesOf(a, locale);
  const grid = rows.map((r) => columns.map((c) => cell(cells.find((x) => x.a === r.choice && x.b === c.choice)?.n ?? 0, min)));
  const safe = protectLines(grid, min);
  return { a, b, columns, rows: rows.map((r, i) => ({ ...r, cells: safe[i]! })) };
}

function trendOf(q: QuestionRow, rows: TrendRow[], ids: string[], min: number, locale: string): Trend {
  return {
    question: q,
    surveys: ids.map((sid) => {
      const of = rows.filter((r) => r.survey_id === sid);
      return { id: sid, title: of[0]!.title_pl, opens_at: of[0]!.opens_at, cells: choicesOf(q, locale).map((c) => ({ ...c, cell: cell(of.find((r) => r.choice === c.choice)?.n ?? 0, min) })) };
    }),
  };
}
