import { CsvError, parse } from 'csv-parse/sync';
import { UNZIP_LIMITS } from '../../../platform/export/unzip';
import { readSheet } from '../../../platform/export/xlsx';
import type { Params } from '../../../platform/i18n';
import { COLUMNS, REQUIRED_COLUMNS, unneutralise } from './columns';

/** The uploaded file as rows of named cells; `row` is the spreadsheet's row number (the header is row 1). */
export interface Table {
  rows: { row: number; cells: Record<string, string> }[];
  columns: string[];
}

/** The file as a whole cannot be used: a message for the form (`error.<code>`). */
export class FileProblem extends Error {
  constructor(
    readonly code: string,
    readonly params?: Params,
  ) {
    super(code);
  }
}

export const MAX_ROWS = 5000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads a CSV or XLSX upload, chosen by the content (a zip is an XLSX) and the file name's extension. */
export async function readTable(filename: string, data: Buffer): Promise<Table> {
  if (data.length === 0) throw new FileProblem('transfer_file_empty');
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const zip = ZIP_MAGIC.every((b, i) => data[i] === b);
  let grid: string[][];
  if (zip || ext === 'xlsx') {
    if (!zip) throw new FileProblem('transfer_file_broken');
    grid = await readXlsx(data);
  } else if (ext === 'csv' || ext === 'txt' || ext === '') {
    grid = readCsv(data);
  } else {
    throw new FileProblem('transfer_file_type');
  }
  return toTable(grid);
}

function readCsv(data: Buffer): string[][] {
  if (data.includes(0)) throw new FileProblem('transfer_file_type');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new FileProblem('transfer_file_encoding');
  }
  text = text.replace(/^\uFEFF/, '');
  // Polish Excel saves CSV with semicolons: the header (machine names only) tells which separator it is.
  const header = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) throw new FileProblem('transfer_file_malformed', { line: Number(err.lines ?? 1) || 1 });
    throw err;
  }
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const read = await readSheet(data, { sheet: 'Usługi', maxRows: MAX_ROWS + 1 });
  if ('grid' in read) return read.grid;
  switch (read.problem) {
    case 'unpacked_too_big':
      throw new FileProblem('transfer_file_unpacked_too_big', { max: UNZIP_LIMITS.totalBytes / 1024 / 1024 });
    case 'too_many_rows':
      throw new FileProblem('transfer_too_many_rows', { max: MAX_ROWS });
    case 'no_sheet':
      throw new FileProblem('transfer_file_no_rows');
    default:
      throw new FileProblem('transfer_file_broken');
  }
}

function toTable(grid: string[][]): Table {
  const [header, ...body] = grid;
  const columns = (header ?? []).map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const known = new Set<string>(COLUMNS);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new FileProblem('transfer_missing_columns', { columns: missing.join(', ') });
  if (body.length > MAX_ROWS) throw new FileProblem('transfer_too_many_rows', { max: MAX_ROWS });
  const rows: Table['rows'] = [];
  body.forEach((cells, i) => {
    if (cells.every((v) => v.trim() === '')) return;
    const named: Record<string, string> = {};
    columns.forEach((name, c) => {
      if (known.has(name) && !(name in named)) named[name] = unneutralise(cells[c] ?? '');
    });
    rows.push({ row: i + 2, cells: named });
  });
  if (rows.length === 0) throw new FileProblem('transfer_file_no_rows');
  return { rows, columns };
}
