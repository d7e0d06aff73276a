import type { PdfDocument } from './pdf-render';
import { onWorker } from './render-pool';

export type { PdfDocument } from './pdf-render';

/** A PDF of a document definition, in the Roboto fonts, with no outside access — rendered on a worker thread. */
export const renderPdf = (document: PdfDocument): Promise<Buffer> => onWorker({ kind: 'pdf', document });
