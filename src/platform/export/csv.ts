import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './spreadsheet';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export interface CsvOptions {
  /** Header names; with them, records may be objects keyed by these names. */
  columns?: readonly string[];
  /** A byte-order mark, so spreadsheets read the Polish letters (default); open data goes without. */
  bom?: boolean;
  /** Prefix text that a spreadsheet would run as a formula (default); open data keeps values as they are. */
  neutraliseFormulas?: boolean;
  /** Another field delimiter for a format built on CSV (pabulib's `.pb`: ';'); a comma by default. */
  delimiter?: string;
  /** LF after every record for a format that asks for it (pabulib's `.pb`); CRLF by default (RFC 4180). */
  lineEnd?: 'crlf' | 'lf';
}

/**
 * Every CSV the platform writes: RFC 4180 — CRLF after every record, a field quoted when it holds
 * the delimiter, a quote or any line break (a lone LF inside a text too, which the CRLF delimiter
 * alone would not quote).
 */
export function toCsv(records: readonly (readonly unknown[])[] | readonly Record<string, unknown>[], options: CsvOptions = {}): string {
  const text = stringify(records as unknown[], {
    record_delimiter: options.lineEnd === 'lf' ? 'unix' : 'windows',
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    quoted_match: /[\r\n]/,
    ...(options.columns ? { header: true, columns: [...options.columns] } : {}),
    ...(options.neutraliseFormulas === false ? {} : { cast: { string: neutraliseFormula } }),
  });
  return options.bom === false ? text : `\uFEFF${text}`;
}
