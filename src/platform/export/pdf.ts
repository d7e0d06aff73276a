import type { PdfDocument } from './pdf-model';
import { onWorker } from './render-pool';

export type { Block, Cell, ColumnWidth, ParagraphStyle, PdfDocument, RichText, Span } from './pdf-model';

/** A tagged PDF (PDF/UA) of a document, in the Roboto fonts, with no outside access — laid out on a worker thread. */
export const renderPdf = (document: PdfDocument): Promise<Buffer> => onWorker({ kind: 'pdf', document });
