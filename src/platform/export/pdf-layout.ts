import { createRequire } from 'node:module';
import path from 'node:path';
import type { Span } from './pdf-model';

/** Roboto (Google Fonts): it covers the Polish letters (ąćęłńóśźż); every glyph used is embedded. */
const FONT_DIR = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/roboto/package.json'));
export const FONT_FILES = {
  regular: path.join(FONT_DIR, '400Regular', 'Roboto_400Regular.ttf'),
  bold: path.join(FONT_DIR, '500Medium', 'Roboto_500Medium.ttf'),
  italic: path.join(FONT_DIR, '400Regular_Italic', 'Roboto_400Regular_Italic.ttf'),
  boldItalic: path.join(FONT_DIR, '500Medium_Italic', 'Roboto_500Medium_Italic.ttf'),
} as const;

export const INK = '#0b0c0c';
export const MUTED = '#505a5f';
export const RULE = '#aaaaaa';
/** pdfmake's `lineHeight: 1.2`, which the documents were first drawn with. */
export const LINE_GAP = 0.2;

export type Doc = PDFKit.PDFDocument;
export type Element = PDFKit.PDFStructureElement;

/** What the block renderers share: the PDFKit document, the body size and the content box. */
export interface Layout {
  doc: Doc;
  size: number;
  headingSizes: [number, number, number];
  left: number;
  width: number;
}

export const fontOf = (span: Pick<Span, 'bold' | 'italic'>): keyof typeof FONT_FILES =>
  span.bold ? (span.italic ? 'boldItalic' : 'bold') : span.italic ? 'italic' : 'regular';

/** Muted text is a point smaller than the body. */
export const sizeOf = (layout: Layout, span: Pick<Span, 'muted'>): number => (span.muted ? layout.size - 1 : layout.size);

export function useFont(layout: Layout, span: Omit<Span, 'text'>, size = sizeOf(layout, span)): void {
  // By path, never by a registered name: PDFKit re-reads a font registered under a second name on every switch to it.
  layout.doc.font(FONT_FILES[fontOf(span)]).fontSize(size).fillColor(span.muted ? MUTED : INK);
}

/** The structure element `type` under `parent`, its content drawn by `draw` (on as many pages as it flows onto). */
export function tagged(layout: Layout, parent: Element, type: string, draw?: () => void, options?: PDFKit.Mixins.StructureElementOptions & { scope?: string }): Element {
  const element = layout.doc.struct(type, options);
  parent.add(element);
  if (draw) element.add(draw);
  return element;
}

/** Drawing that is not content (rules, repeated table headers, page numbers): assistive technology skips it. */
export function artefact(layout: Layout, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  layout.doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  layout.doc.endMarkedContent();
}

export const bottom = (layout: Layout): number => layout.doc.page.maxY();
export const top = (layout: Layout): number => layout.doc.page.margins.top;
export const contentHeight = (layout: Layout): number => bottom(layout) - top(layout);

/** A new page unless this one has `height` points left (or is still empty: a taller block would not fit anywhere). */
export function ensureSpace(layout: Layout, height: number): void {
  if (layout.doc.y + height > bottom(layout) && layout.doc.y > top(layout) + 1) newPage(layout);
}

export function newPage(layout: Layout): void {
  layout.doc.addPage();
  layout.doc.x = layout.left;
  layout.doc.y = top(layout);
}

/** Lines of at most `width` points: at spaces and line breaks, a word too long for a line cut where it must. */
export function wrap(layout: Layout, text: string, width: number): string[] {
  const { doc } = layout;
  const measure = (s: string) => doc.widthOfString(s);
  const space = measure(' ');
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      let w = measure(word);
      if (line && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (w > width && rest.length > 1) {
        let cut = Math.max(1, Math.floor((rest.length * width) / w));
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        w = measure(rest);
      }
      line = rest;
      lineWidth = w;
    }
    lines.push(line);
  }
  return lines;
}

/** The height of one line of text in the current font and size. */
export const lineHeight = (layout: Layout): number => layout.doc.currentLineHeight() * (1 + LINE_GAP);

/** PDFKit's `lineGap` that gives `lineHeight`. */
export const lineGap = (layout: Layout): number => lineHeight(layout) - layout.doc.currentLineHeight(true);
