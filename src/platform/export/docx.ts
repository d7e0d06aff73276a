import type { DocxRead } from './docx-read';
import { onWorker } from './render-pool';

export type { DocxRead } from './docx-read';

/** A DOCX's paragraphs, read on the worker pool (never on the event loop). */
export const readDocx = (data: Uint8Array): Promise<DocxRead> => onWorker({ kind: 'read-docx', data });
