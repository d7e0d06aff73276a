import type ExcelJS from 'exceljs';

type ExcelJSModule = typeof ExcelJS;

/** exceljs, loaded on first use: it takes a noticeable part of the server's start-up and few requests need it. */
export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import('exceljs')) as unknown as { default?: ExcelJSModule } & ExcelJSModule;
  return mod.default ?? mod;
}
