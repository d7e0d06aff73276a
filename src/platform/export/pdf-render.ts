import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Margins, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * A pdfmake document definition that can cross to a worker thread: plain data only. The two
 * callbacks the platform's documents need are described instead of written as functions.
 */
export interface PdfDocument extends Omit<TDocumentDefinitions, 'footer' | 'header' | 'background' | 'pageBreakBefore'> {
  /** Functions cannot cross to a worker: use `pageFooter` and `keepHeadlinesWithNext`. */
  footer?: never;
  header?: never;
  background?: never;
  pageBreakBefore?: never;
  /** A centred footer on every page: `{page}` and `{pages}` in the text are filled in. */
  pageFooter?: { text: string; style?: string; margin?: Margins };
  /** A node with `headlineLevel: 1` never ends a page: it moves to the next one with what follows it. */
  keepHeadlinesWithNext?: boolean;
}

/** The Roboto fonts shipped with pdfmake: they cover the Polish letters (ąćęłńóśźż). */
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.addFonts({
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
// A document definition never fetches anything: no URLs at all, and on disk only the fonts above.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));

function definition({ pageFooter, keepHeadlinesWithNext, ...document }: PdfDocument): TDocumentDefinitions {
  return {
    ...document,
    ...(pageFooter && {
      footer: (page: number, pages: number) => ({
        text: pageFooter.text.replace(/\{page\}/g, String(page)).replace(/\{pages\}/g, String(pages)),
        alignment: 'center' as const,
        ...(pageFooter.style && { style: pageFooter.style }),
        ...(pageFooter.margin && { margin: pageFooter.margin }),
      }),
    }),
    ...(keepHeadlinesWithNext && {
      pageBreakBefore: (node, following) => node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
    }),
  };
}

/** Renders on the calling thread: CPU-bound for as long as the document is long — only the worker calls this. */
export function renderPdfHere(document: PdfDocument): Promise<Buffer> {
  return pdfmake.createPdf(definition(document)).getBuffer();
}
