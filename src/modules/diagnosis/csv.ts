import { parse, CsvError } from 'csv-parse/sync';
import { isCalendarDay } from '../../platform/http/form-fields';

/**
 * Public statistics as CSV (e.g. a table of GUS's Bank Danych Lokalnych saved as CSV): a header row, then
 * one value a row. Columns (Polish names; case, accents and spaces do not matter; English aliases):
 * wskaznik (indicator), przekroj (breakdown, e.g. "65 lat i więcej"), okres (period: 2025), wartosc (value:
 * 1 234,5 or 1234.5), jednostka (unit), zrodlo (source), data_zrodla (source date, YYYY-MM-DD). Source and
 * date may come from the form for every row; each value keeps its own. `;` or `,` between fields.
 */
export interface IndicatorInput {
  line: number;
  indicator: string;
  breakdown: string;
  period: string;
  value: number;
  unit: string;
  source: string;
  source_date: string;
}

/** A problem of the file: the row (the file's line number, the header being 1) and the column named as in the file. */
export interface CsvProblem {
  row: number;
  column: string;
  code: 'csv_column_missing' | 'csv_required' | 'csv_number' | 'csv_date' | 'csv_too_long' | 'csv_malformed' | 'csv_empty' | 'csv_too_many';
}

export const MAX_ROWS = 1000;
const COLUMNS = {
  indicator: ['wskaznik', 'indicator', 'nazwa'],
  breakdown: ['przekroj', 'breakdown', 'grupa'],
  period: ['okres', 'rok', 'period', 'year'],
  value: ['wartosc', 'value'],
  unit: ['jednostka', 'jednostka miary', 'unit'],
  source: ['zrodlo', 'source'],
  source_date: ['data zrodla', 'data_zrodla', 'source date', 'source_date'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['indicator', 'period', 'value'];
const LIMITS: Partial<Record<Column, number>> = { indicator: 300, breakdown: 300, period: 20, unit: 50, source: 300 };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase().replace(/[\s_]+/g, ' ').trim();
const columnOf = (header: string): Column | undefined => (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).some((alias) => fold(alias) === fold(header)));

/** "1 234,5", "1234.5", "-3" → a number; anything else null. */
export function readNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/**
 * Reads the whole file or nothing: every problem found (at most 50, each naming its row and column); no
 * row is returned while any is wrong, so nothing is half-saved.
 */
export function readIndicatorsCsv(text: string, defaults: { source: string; source_date: string }): { ok: true; rows: IndicatorInput[] } | { ok: false; problems: CsvProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: false, skip_empty_lines: true, trim: true });
  } catch (err) {
    if (err instanceof CsvError) return { ok: false, problems: [{ row: Number((err as CsvError & { lines?: number }).lines ?? 1), column: '—', code: 'csv_malformed' }] };
    throw err;
  }
  const [header, ...data] = records;
  if (!header || data.length === 0) return { ok: false, problems: [{ row: 1, column: '—', code: 'csv_empty' }] };
  if (data.length > MAX_ROWS) return { ok: false, problems: [{ row: MAX_ROWS + 2, column: '—', code: 'csv_too_many' }] };
  const at = new Map<Column, number>();
  header.forEach((h, i) => {
    const c = columnOf(h);
    if (c && !at.has(c)) at.set(c, i);
  });
  const problems: CsvProblem[] = REQUIRED.filter((c) => !at.has(c)).map((c) => ({ row: 1, column: COLUMNS[c][0], code: 'csv_column_missing' }));
  if (problems.length > 0) return { ok: false, problems };
  const rows: IndicatorInput[] = [];
  data.forEach((record, i) => {
    const row = i + 2;
    const name = (c: Column) => header[at.get(c)!] ?? COLUMNS[c][0];
    const cell = (c: Column) => (at.has(c) ? (record[at.get(c)!] ?? '').trim() : '');
    const problem = (c: Column, code: CsvProblem['code']) => problems.push({ row, column: at.has(c) ? name(c) : COLUMNS[c][0], code });
    for (const c of REQUIRED) if (cell(c) === '') problem(c, 'csv_required');
    for (const [c, max] of Object.entries(LIMITS) as [Column, number][]) if (cell(c).length > max) problem(c, 'csv_too_long');
    const value = cell('value') === '' ? null : readNumber(cell('value'));
    if (cell('value') !== '' && value === null) problem('value', 'csv_number');
    const source = cell('source') || defaults.source;
    const sourceDate = cell('source_date') || defaults.source_date;
    if (!source) problem('source', 'csv_required');
    if (!sourceDate) problem('source_date', 'csv_required');
    else if (!isCalendarDay(sourceDate)) problem('source_date', 'csv_date');
    rows.push({ line: row, indicator: cell('indicator'), breakdown: cell('breakdown'), period: cell('period'), value: value ?? 0, unit: cell('unit'), source, source_date: sourceDate });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 50) };
  return { ok: true, rows };
}
