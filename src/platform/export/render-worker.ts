import { parentPort } from 'node:worker_threads';
import { renderPdfHere } from './pdf-render';
import type { WorkerTask } from './render-pool';
import { readDocxHere } from './docx-read';
import { readSheetHere } from './xlsx-read';
import { renderXlsxHere } from './xlsx-render';

const run = (task: WorkerTask) =>
  task.kind === 'pdf'
    ? renderPdfHere(task.document)
    : task.kind === 'xlsx'
      ? renderXlsxHere(task.sheets)
      : task.kind === 'read-docx'
        ? readDocxHere(task.data)
        : readSheetHere(task.data, task.options);

/** One task at a time: the pool sends a task only to an idle worker. */
parentPort!.on('message', async (task: WorkerTask) => {
  try {
    const value = await run(task);
    if (!Buffer.isBuffer(value)) return parentPort!.postMessage({ ok: true, value });
    // Bytes are transferred, not copied — but never a slice of Node's shared small-buffer pool.
    const own = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
    const bytes = own ? new Uint8Array(value.buffer, 0, value.byteLength) : new Uint8Array(value);
    parentPort!.postMessage({ ok: true, value: bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
