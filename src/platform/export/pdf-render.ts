import PDFDocument from 'pdfkit';
import { artefact, bottom, contentHeight, ensureSpace, FONT_FILES, lineGap, lineHeight, newPage, sizeOf, tagged, useFont, type Element, type Layout } from './pdf-layout';
import type { Block, ParagraphStyle, PdfDocument, RichText, Span } from './pdf-model';
import { table, tableStart, type TableSpec } from './pdf-table';

export type { PdfDocument } from './pdf-model';

const LINK = '#1d4f91';
const STYLE: Record<ParagraphStyle, Omit<Span, 'text'>> = { body: {}, muted: { muted: true }, notice: { bold: true }, empty: { italic: true }, kicker: {} };
const HEADING_SPACE: Record<1 | 2 | 3, [before: number, after: number]> = { 1: [0, 12], 2: [10, 6], 3: [6, 3] };
const BULLET_INDENT = 12;

/** Where the table of contents waits for the page numbers of its entries. */
interface ContentsSlot {
  element: Element;
  page: number;
  y: number;
}

interface Flow extends Layout {
  contents: { slots: ContentsSlot[]; pages: number[] };
}

const factsTable = (block: Extract<Block, { kind: 'facts' }>): TableSpec => ({
  header: [],
  rows: block.rows.filter(([, value]) => value !== ''),
  widths: [block.labelWidth ?? 'auto', '*'],
  rowHeaders: true,
});

const spansOf = (text: RichText): Span[] => (typeof text === 'string' ? [{ text }] : text);
const currentPage = (flow: Flow): number => flow.doc.bufferedPageRange().count - 1;

function textHeight(flow: Flow, spans: Span[], size: number, width = flow.width): number {
  useFont(flow, spans[0] ?? {}, size);
  return flow.doc.heightOfString(spans.map((s) => s.text).join(''), { width, lineGap: lineGap(flow) });
}

/** How much of a block must fit below a heading for the heading to stay on this page. */
function startHeight(flow: Flow, block: Block | undefined): number {
  useFont(flow, {});
  const lines = lineHeight(flow);
  if (block?.kind === 'table') return tableStart(flow, block);
  if (block?.kind === 'facts') return tableStart(flow, factsTable(block));
  if (block?.kind !== 'section') return lines * 3;
  const whole = block.blocks.reduce((a, b) => a + (b.kind === 'paragraph' ? textHeight(flow, spansOf(b.text), flow.size) + (b.spaceAfter ?? 6) : b.kind === 'heading' ? lines * 1.6 : lines * 3), 0);
  return block.keepTogether ? Math.min(whole, contentHeight(flow) / 2) : startHeight(flow, block.blocks[0]);
}

function heading(flow: Flow, parent: Element, block: Extract<Block, { kind: 'heading' }>, next: Block | undefined): void {
  const { doc } = flow;
  const size = flow.headingSizes[block.level - 1]!;
  const [before, after] = HEADING_SPACE[block.level];
  const own = textHeight(flow, [{ text: block.text, bold: true }], size);
  if (doc.y > flow.doc.page.margins.top) doc.y += before;
  ensureSpace(flow, own + after + startHeight(flow, next));
  if (block.contents) flow.contents.pages.push(currentPage(flow));
  tagged(flow, parent, `H${block.level}`, () => {
    useFont(flow, { bold: true }, size);
    doc.text(block.text, flow.left, doc.y, { width: flow.width, lineGap: lineGap(flow) });
  }).end();
  doc.y += after;
}

function richText(flow: Flow, spans: Span[], size: number | null, x: number, width: number, link?: string): void {
  const { doc } = flow;
  spans.forEach((span, i) => {
    useFont(flow, span, size ?? sizeOf(flow, span));
    if (link) doc.fillColor(LINK);
    const options = { width, lineGap: lineGap(flow), continued: i < spans.length - 1, ...(link && { link, underline: true }) };
    if (i === 0) doc.text(span.text, x, doc.y, options);
    else doc.text(span.text, options);
  });
}

function paragraph(flow: Flow, parent: Element, block: Extract<Block, { kind: 'paragraph' }>): void {
  const { doc } = flow;
  const style = STYLE[block.style ?? 'body'];
  const spans = spansOf(block.text).map((span) => ({ ...style, ...span }));
  const size = block.style === 'kicker' ? flow.size + 2 : sizeOf(flow, style);
  doc.y += block.spaceBefore ?? 0;
  useFont(flow, style, size);
  ensureSpace(flow, Math.min(textHeight(flow, spans, size), lineHeight(flow) * 2));
  const draw = () => richText(flow, spans, size, flow.left, flow.width, block.link);
  const p = tagged(flow, parent, 'P', block.link ? undefined : draw);
  if (block.link) tagged(flow, p, 'Link', draw).end();
  p.end();
  doc.y += block.spaceAfter ?? (block.style === 'kicker' ? 8 : 6);
}

function list(flow: Flow, parent: Element, items: RichText[]): void {
  const { doc } = flow;
  const l = tagged(flow, parent, 'L');
  for (const item of items) {
    useFont(flow, {});
    ensureSpace(flow, lineHeight(flow));
    const y = doc.y;
    const li = tagged(flow, l, 'LI');
    tagged(flow, li, 'Lbl', () => {
      useFont(flow, {});
      doc.text('•', flow.left + 2, y, { lineBreak: false });
    }).end();
    doc.y = y;
    tagged(flow, li, 'LBody', () => richText(flow, spansOf(item), null, flow.left + BULLET_INDENT, flow.width - BULLET_INDENT)).end();
    li.end();
    doc.y += 1;
  }
  l.end();
  doc.y += 5;
}

function contents(flow: Flow, parent: Element, entries: string[]): void {
  const { doc } = flow;
  const toc = tagged(flow, parent, 'TOC');
  for (const entry of entries) {
    useFont(flow, {});
    ensureSpace(flow, lineHeight(flow));
    const y = doc.y;
    const element = tagged(flow, toc, 'TOCI', () => {
      useFont(flow, {});
      doc.text(entry, flow.left, y, { width: flow.width - 40, lineGap: lineGap(flow) });
    });
    flow.contents.slots.push({ element, page: currentPage(flow), y });
    doc.y += 3;
  }
}

/** The page numbers of the contents, known once every page is laid out. */
function fillContents(flow: Flow): void {
  const { doc } = flow;
  flow.contents.slots.forEach((slot, i) => {
    doc.switchToPage(slot.page);
    const number = String((flow.contents.pages[i] ?? 0) + 1);
    slot.element.add(() => {
      useFont(flow, {});
      doc.text(number, flow.left + flow.width - doc.widthOfString(number), slot.y, { lineBreak: false });
    });
    slot.element.end();
  });
}

function signatures(flow: Flow, parent: Element, slots: { role: string; name: string }[]): void {
  const { doc } = flow;
  const gap = 16;
  const width = (flow.width - gap * (slots.length - 1)) / slots.length;
  useFont(flow, {});
  const lines = lineHeight(flow);
  doc.y += 24;
  ensureSpace(flow, lines * 7);
  const top = doc.y;
  let end = top;
  slots.forEach((slot, i) => {
    const x = flow.left + i * (width + gap);
    const div = tagged(flow, parent, 'Div');
    artefact(flow, () => {
      useFont(flow, {});
      doc.text('……………………………………………', x, top + lines * 3, { lineBreak: false });
    }, 'Layout');
    doc.y = top + lines * 4;
    tagged(flow, div, 'P', () => richText(flow, [{ text: slot.role, bold: true }], null, x, width)).end();
    if (slot.name) tagged(flow, div, 'P', () => richText(flow, [{ text: slot.name, muted: true }], null, x, width)).end();
    div.end();
    end = Math.max(end, doc.y);
  });
  doc.y = end + 6;
}

/** Headings to list in a `contents` block: those marked so that follow it, sections included. */
const contentsHeadings = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'heading' && b.contents ? [b.text] : b.kind === 'section' ? contentsHeadings(b.blocks) : []));

function blocks(flow: Flow, parent: Element, list_: Block[]): void {
  list_.forEach((block, i) => {
    const next = list_[i + 1];
    switch (block.kind) {
      case 'heading': return heading(flow, parent, block, next);
      case 'paragraph': return paragraph(flow, parent, block);
      case 'list': return list(flow, parent, block.items);
      case 'table': {
        table(flow, parent, block);
        flow.doc.y += 10;
        return;
      }
      case 'facts': {
        const spec = factsTable(block);
        if (spec.rows.length) table(flow, parent, spec);
        flow.doc.y += 8;
        return;
      }
      case 'section': {
        if (block.keepTogether) ensureSpace(flow, startHeight(flow, block));
        const sect = tagged(flow, parent, 'Sect');
        blocks(flow, sect, block.blocks);
        sect.end();
        return;
      }
      case 'contents': return contents(flow, parent, contentsHeadings(list_.slice(i + 1)));
      case 'signatures': return signatures(flow, parent, block.slots);
      case 'pageBreak': {
        if (flow.doc.y > flow.doc.page.margins.top) newPage(flow);
        return;
      }
    }
  });
}

function footer(flow: Flow, text: string): void {
  const { doc } = flow;
  const { count } = doc.bufferedPageRange();
  for (let page = 0; page < count; page++) {
    doc.switchToPage(page);
    const line = text.replace(/\{page\}/g, String(page + 1)).replace(/\{pages\}/g, String(count));
    artefact(flow, () => {
      useFont(flow, { muted: true });
      doc.text(line, flow.left + (flow.width - doc.widthOfString(line)) / 2, bottom(flow) + 20, { lineBreak: false });
    }, 'Pagination');
  }
}

/**
 * Lays the document out on the calling thread — CPU-bound for as long as the document is long:
 * only the worker calls this. A tagged PDF 1.7 declaring PDF/UA: structure tree in reading order,
 * document language, the title shown in the window, fonts embedded, page furniture as artefacts.
 */
export function renderPdfHere(document: PdfDocument): Promise<Buffer> {
  const [left, topMargin, right, bottomMargin] = document.margins ?? [40, 40, 40, 50];
  const doc = new PDFDocument({
    size: 'A4',
    layout: document.landscape ? 'landscape' : 'portrait',
    margins: { left, top: topMargin, right, bottom: bottomMargin },
    pdfVersion: '1.7',
    // PDFKit supports it; its type definitions know only the PDF/A subsets.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: document.lang,
    displayTitle: true,
    bufferPages: true,
    compress: document.compress ?? true,
    font: FONT_FILES.regular,
    info: { Title: document.title, Creator: 'Wspólnota', ...(document.author && { Author: document.author }), ...(document.subject && { Subject: document.subject }) },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const flow: Flow = {
    doc,
    size: document.fontSize ?? 10,
    headingSizes: document.headingSizes ?? [18, 13, 11],
    left,
    width: doc.page.width - left - right,
    contents: { slots: [], pages: [] },
  };
  const root = doc.struct('Document');
  doc.addStructure(root);
  blocks(flow, root, document.blocks);
  fillContents(flow);
  if (document.footer) footer(flow, document.footer);
  root.end();
  doc.end();
  return done;
}
