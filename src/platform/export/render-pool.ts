import os from 'node:os';
import type { PdfDocument } from './pdf-model';
import { WorkerPool } from './worker-pool';
import type { ReadSheetOptions } from './xlsx-read';
import type { SheetSpec } from './xlsx-render';

export type WorkerTask =
  | { kind: 'pdf'; document: PdfDocument }
  | { kind: 'xlsx'; sheets: SheetSpec[] }
  | { kind: 'read-xlsx'; data: Uint8Array; options: ReadSheetOptions }
  | { kind: 'read-docx'; data: Uint8Array };

/**
 * The threads of one process's pool: the cores but one (left to the event loop), shared among the
 * `WORKERS` processes of a cluster — so that N workers start about cores − 1 threads in all, not
 * N × (cores − 1) — and at least one per process.
 */
export function renderThreads(cores: number, workers: string | undefined): number {
  const n = Number(workers);
  const processes = Number.isInteger(n) && n > 1 ? n : 1;
  return Math.max(1, Math.floor((cores - 1) / processes));
}

/**
 * Generated documents (PDFs, spreadsheets) and uploaded spreadsheets take seconds of CPU when
 * large: on the event loop that would stall every request of every municipality. Worker threads do
 * them, one core is left to the event loop; tasks wait their turn in order.
 */
// Built, this code is in dist/ beside the bundled worker; from source, the worker needs tsx registered first.
const workerEntry = import.meta.url.endsWith('.ts') ? new URL('./render-worker-entry.mjs', import.meta.url) : new URL('./render-worker.js', import.meta.url);
const pool = new WorkerPool<WorkerTask>(workerEntry, renderThreads(os.availableParallelism(), process.env.WORKERS));

export const onWorker = <T>(task: WorkerTask): Promise<T> => pool.run(task) as Promise<T>;
