import { loadExcelJS } from './spreadsheet';

export type SheetCell = string | number | null;

/** A worksheet as plain data (it crosses to a worker thread): a bold, frozen header row of the columns, then the rows. */
export interface SheetSpec {
  name: string;
  columns: { key: string; header: string; width: number }[];
  /** Cells by column key. Strings stay text, never formulas. */
  rows: Record<string, SheetCell>[];
  /** Columns shown as text whatever they hold (ids, phone numbers, dates as YYYY-MM-DD). */
  textColumns?: string[];
}

/** Writes the workbook on the calling thread — only the worker calls this. */
export async function renderXlsxHere(sheets: SheetSpec[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  book.creator = 'Wspólnota';
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns;
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
    for (const c of spec.textColumns ?? []) sheet.getColumn(c).numFmt = '@';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
