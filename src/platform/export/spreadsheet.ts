import type ExcelJS from 'exceljs';

type ExcelJSModule = typeof ExcelJS;

/** A cell starting with = + - @ (or a tab or carriage return) would run as a formula in a spreadsheet: prefix an apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** exceljs, loaded on first use: it takes a noticeable part of the server's start-up and few requests need it. */
export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import('exceljs')) as unknown as { default?: ExcelJSModule } & ExcelJSModule;
  return mod.default ?? mod;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
