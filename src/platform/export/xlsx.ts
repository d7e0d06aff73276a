import { onWorker } from './render-pool';
import type { ReadSheetOptions, SheetRead } from './xlsx-read';
import type { SheetSpec } from './xlsx-render';

export type { SheetRead } from './xlsx-read';
export type { SheetCell, SheetSpec } from './xlsx-render';

/** An XLSX workbook of the sheets (each with a bold, frozen header row), written on a worker thread. */
export const renderXlsx = (sheets: SheetSpec[]): Promise<Buffer> => onWorker({ kind: 'xlsx', sheets });

/** An uploaded XLSX's sheet as rows of cell texts, read on a worker thread; a zip bomb is stopped while it unpacks. */
export const readSheet = (data: Uint8Array, options: ReadSheetOptions): Promise<SheetRead> => onWorker({ kind: 'read-xlsx', data, options });
