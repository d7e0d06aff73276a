import os from 'node:os';
import type { PdfDocument } from './pdf-render';
import { WorkerPool } from './worker-pool';
import type { ReadSheetOptions } from './xlsx-read';
import type { SheetSpec } from './xlsx-render';

export type WorkerTask =
  | { kind: 'pdf'; document: PdfDocument }
  | { kind: 'xlsx'; sheets: SheetSpec[] }
  | { kind: 'read-xlsx'; data: Uint8Array; options: ReadSheetOptions };

/**
 * Generated documents (PDFs, spreadsheets) and uploaded spreadsheets take seconds of CPU when
 * large: on the event loop that would stall every request of every municipality. Worker threads do
 * them, one core is left to the event loop; tasks wait their turn in order.
 */
const pool = new WorkerPool<WorkerTask>(new URL('./render-worker-entry.mjs', import.meta.url), Math.max(1, os.availableParallelism() - 1));

export const onWorker = <T>(task: WorkerTask): Promise<T> => pool.run(task) as Promise<T>;
