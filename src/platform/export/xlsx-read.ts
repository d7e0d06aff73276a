import type { CellValue } from 'exceljs';
import { loadExcelJS } from './spreadsheet';
import { UNZIP_LIMITS, storedZip, unzipBounded } from './unzip';

export interface ReadSheetOptions {
  /** The sheet to read if the workbook has it; otherwise the first. */
  sheet: string;
  /** More rows than this (the header included) is a problem, found before any cell is read. */
  maxRows: number;
}

export type SheetRead = { grid: string[][] } | { problem: 'broken' | 'unpacked_too_big' | 'no_sheet' | 'too_many_rows' };

/** Reads on the calling thread — only the worker calls this. The zip is unpacked within UNZIP_LIMITS before exceljs sees it. */
export async function readSheetHere(data: Uint8Array, options: ReadSheetOptions): Promise<SheetRead> {
  const unpacked = unzipBounded(data, UNZIP_LIMITS);
  if ('problem' in unpacked) return { problem: unpacked.problem === 'too_big' ? 'unpacked_too_big' : 'broken' };
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(storedZip(unpacked.files) as unknown as ArrayBuffer);
  } catch {
    return { problem: 'broken' };
  }
  const sheet = book.getWorksheet(options.sheet) ?? book.worksheets[0];
  if (!sheet) return { problem: 'no_sheet' };
  if (sheet.rowCount > options.maxRows) return { problem: 'too_many_rows' };
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    grid.push(cells);
  }
  return { grid };
}

/** A spreadsheet cell as the text a person sees: numbers with a point, rich text joined, a formula's result. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((p) => p.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return value.result === undefined || typeof value.result === 'object' ? '' : cellText(value.result);
  return '';
}
