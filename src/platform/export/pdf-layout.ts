import { LRUCache } from 'lru-cache';
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
  /** The font file in use (set by useFont and measureFont): the key of the word widths' cache. */
  font?: string;
}

export const fontOf = (span: Pick<Span, 'bold' | 'italic'>): keyof typeof FONT_FILES =>
  span.bold ? (span.italic ? 'boldItalic' : 'bold') : span.italic ? 'italic' : 'regular';

/** Muted text is a point smaller than the body. */
export const sizeOf = (layout: Layout, span: Pick<Span, 'muted'>): number => (span.muted ? layout.size - 1 : layout.size);

export function useFont(layout: Layout, span: Omit<Span, 'text'>, size = sizeOf(layout, span)): void {
  measureFont(layout, span, size);
  layout.doc.fillColor(span.muted ? MUTED : INK);
}

/**
 * The font and size only, to measure with: no colour written into the page's content stream (a table
 * of thousands of rows measures each cell before drawing any).
 */
export function measureFont(layout: Layout, span: Omit<Span, 'text'>, size = sizeOf(layout, span)): void {
  const file = FONT_FILES[fontOf(span)];
  // By path, never by a registered name: PDFKit re-reads a font registered under a second name on every switch to it.
  layout.doc.font(file).fontSize(size);
  layout.font = file;
}

/**
 * Words' advance widths at size 1 by font file, shared by every document a thread renders (the fonts
 * never change): a report of thousands of remarks repeats most of its words, and PDFKit's own measuring
 * re-splits and re-reads each string. Keyed by font file and word; the least recently used go first.
 */
const WORD_WIDTHS = new LRUCache<string, number>({ max: 200_000 });

function wordWidth(layout: Layout, word: string): number {
  const { doc } = layout;
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  if (!layout.font || !size) return doc.widthOfString(word);
  const key = `${layout.font}\0${word}`;
  let w = WORD_WIDTHS.get(key);
  if (w === undefined) {
    // Measured as PDFKit later draws it inside a line ("word " — its layout cache is keyed so), less the space.
    w = (doc.widthOfString(`${word} `) - doc.widthOfString(' ')) / size;
    WORD_WIDTHS.set(key, w);
  }
  return w * size;
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
  return wrapMeasured(layout, text, width).map((l) => l.text);
}

/** A wrapped line with its width (PDFKit need not measure it again to draw it) and its words. */
export interface MeasuredLine {
  text: string;
  width: number;
  words: number;
}

/** `wrap`, each line with its width and word count. */
export function wrapMeasured(layout: Layout, text: string, width: number): MeasuredLine[] {
  const measure = (s: string) => wordWidth(layout, s);
  const space = layout.doc.widthOfString(' ');
  const lines: MeasuredLine[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let words = 0;
    for (const word of paragraph.split(/ +/)) {
      let w = measure(word);
      if (line && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        words += 1;
        continue;
      }
      if (line) lines.push({ text: line, width: lineWidth, words });
      let rest = word;
      while (w > width && rest.length > 1) {
        let cut = Math.max(1, Math.floor((rest.length * width) / w));
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
        const piece = rest.slice(0, cut);
        lines.push({ text: piece, width: measure(piece), words: 1 });
        rest = rest.slice(cut);
        w = measure(rest);
      }
      line = rest;
      lineWidth = w;
      words = rest ? 1 : 0;
    }
    lines.push({ text: line, width: lineWidth, words });
  }
  return lines;
}

/** The height of one line of text in the current font and size. */
export const lineHeight = (layout: Layout): number => layout.doc.currentLineHeight() * (1 + LINE_GAP);

/** PDFKit's `lineGap` that gives `lineHeight`. */
export const lineGap = (layout: Layout): number => lineHeight(layout) - layout.doc.currentLineHeight(true);
