import { artefact, bottom, contentHeight, ensureSpace, lineHeight, measureFont, newPage, RULE, tagged, useFont, wrapMeasured, INK, type Element, type Layout } from './pdf-layout';
import type { Cell, ColumnWidth, Span } from './pdf-model';

/** pdfmake's "lightHorizontalLines", which the documents were first drawn with: no outer padding, rules between rows. */
const PAD_X = 8;
const PAD_Y = 2;
const HEADER_RULE = 2;
const ROW_RULE = 1;

interface Column {
  x: number;
  width: number;
  padLeft: number;
  padRight: number;
}

interface Line {
  text: string;
  width: number;
  words: number;
  span: Omit<Span, 'text'>;
  height: number;
}

/** A cell wrapped to its column: its lines and their height. */
interface Prepared {
  lines: Line[];
  height: number;
}

type CellKind = { type: 'TH'; scope: 'Column' | 'Row' } | { type: 'TD' };

const spansOf = (cell: Cell, heading: boolean): Span[] => {
  const spans = typeof cell === 'string' ? [{ text: cell }] : cell.filter((span) => span.text !== '');
  return (spans.length ? spans : [{ text: '' }]).map((span) => (heading ? { ...span, bold: true } : span));
};

function columns(layout: Layout, widths: ColumnWidth[], rows: Cell[][]): Column[] {
  const last = widths.length - 1;
  const pads = widths.map((_, i) => [i === 0 ? 0 : PAD_X, i === last ? 0 : PAD_X] as const);
  const natural = (i: number) =>
    Math.max(...rows.map((row) => Math.max(0, ...spansOf(row[i] ?? '', false).map((span) => {
      measureFont(layout, span);
      return Math.max(...span.text.split('\n').map((l) => layout.doc.widthOfString(l)));
    }))));
  const fixed = widths.map((w, i) => (w === '*' ? null : (w === 'auto' ? Math.min(Math.ceil(natural(i)) + 1, layout.width * 0.4) : w) + pads[i]![0] + pads[i]![1]));
  const stars = fixed.filter((w) => w === null).length;
  const share = stars ? Math.max(40, (layout.width - fixed.reduce<number>((a, w) => a + (w ?? 0), 0)) / stars) : 0;
  let x = layout.left;
  return fixed.map((w, i) => {
    const column = { x, width: w ?? share, padLeft: pads[i]![0], padRight: pads[i]![1] };
    x += column.width;
    return column;
  });
}

function prepare(layout: Layout, cell: Cell, column: Column, heading: boolean): Prepared {
  const lines = spansOf(cell, heading).flatMap(({ text, ...span }) => {
    measureFont(layout, span);
    const height = lineHeight(layout);
    return wrapMeasured(layout, text, column.width - column.padLeft - column.padRight).map((line) => ({ ...line, span, height }));
  });
  return { lines, height: lines.reduce((a, l) => a + l.height, 0) };
}

function drawLines(layout: Layout, cell: Prepared, from: number, to: number, column: Column, y: number): void {
  let span: Line['span'] | null = null;
  for (const line of cell.lines.slice(from, to)) {
    // The lines of one span share its style: the font and colour are set once for them.
    if (line.span !== span) useFont(layout, (span = line.span));
    // Its width known from wrapping: PDFKit would otherwise lay the line out once more to measure it.
    if (line.text) layout.doc.text(line.text, column.x + column.padLeft, y, { lineBreak: false, textWidth: line.width, wordCount: line.words } as PDFKit.Mixins.TextOptions);
    y += line.height;
  }
}

function rule(layout: Layout, y: number, weight: number): void {
  const { doc } = layout;
  artefact(layout, () => doc.save().moveTo(layout.left, y).lineTo(layout.left + layout.width, y).lineWidth(weight).strokeColor(weight === HEADER_RULE ? INK : RULE).stroke().restore(), 'Layout');
}

/** One row as TR with its cells; on as many pages as it needs when it is taller than a page, the header repeated on each. */
function row(layout: Layout, parent: Element, cells: Prepared[], cols: Column[], kinds: CellKind[], options: { ruleAbove: number; repeatHeader: () => void }): void {
  const { doc } = layout;
  const height = rowHeight(cells);
  const firstLines = Math.max(...cells.map((c) => c.lines[0]?.height ?? 0)) * 3 + 2 * PAD_Y;
  // A row is split only when taller than most of a page, and then not with a line or two at the foot of one.
  if (doc.y + height > bottom(layout) && (height <= contentHeight(layout) * 0.8 || doc.y + firstLines > bottom(layout))) {
    newPage(layout);
    options.repeatHeader();
  } else if (options.ruleAbove) rule(layout, doc.y, options.ruleAbove);
  const tr = tagged(layout, parent, 'TR');
  const elements = kinds.map((kind) => tagged(layout, tr, kind.type, undefined, kind.type === 'TH' ? { scope: kind.scope } : undefined));
  const next = cells.map(() => 0);
  for (;;) {
    const y = doc.y;
    const room = bottom(layout) - y - 2 * PAD_Y;
    let used = 0;
    cells.forEach((cell, i) => {
      let to = next[i]!;
      let h = 0;
      while (to < cell.lines.length && (h + cell.lines[to]!.height <= room || h === 0)) h += cell.lines[to++]!.height;
      if (to > next[i]! || next[i] === 0) {
        const from = next[i]!;
        elements[i]!.add(() => drawLines(layout, cell, from, to, cols[i]!, y + PAD_Y));
      }
      next[i] = to;
      used = Math.max(used, h);
    });
    doc.y = y + used + 2 * PAD_Y;
    if (cells.every((cell, i) => next[i]! >= cell.lines.length)) break;
    newPage(layout);
    options.repeatHeader();
  }
  elements.forEach((e) => e.end());
  tr.end();
}

export interface TableSpec {
  caption?: string;
  header: Cell[];
  rows: Cell[][];
  widths?: ColumnWidth[];
  /** Each row's first cell heads the row (labelled values) — with no header row. */
  rowHeaders?: boolean;
}

interface Laid {
  cols: Column[];
  header: Prepared[];
  rows: Prepared[][];
  headerHeight: number;
  captionHeight: number;
}

const rowHeight = (cells: Prepared[]): number => (cells.length ? Math.max(...cells.map((c) => c.height)) + 2 * PAD_Y : 0);

function lay(layout: Layout, spec: TableSpec, rowCount = spec.rows.length): Laid {
  const count = Math.max(spec.header.length, ...spec.rows.map((r) => r.length));
  const cols = columns(layout, spec.widths ?? Array.from({ length: count }, () => '*'), spec.rows);
  const header = spec.header.map((cell, i) => prepare(layout, cell, cols[i]!, true));
  const rows = spec.rows.slice(0, rowCount).map((r) => cols.map((column, i) => prepare(layout, r[i] ?? '', column, !!spec.rowHeaders && i === 0)));
  measureFont(layout, { bold: true }, layout.size + 1);
  return { cols, header, rows, headerHeight: rowHeight(header), captionHeight: spec.caption ? lineHeight(layout) + 4 : 0 };
}

/** What must fit for a table to start on this page: its caption, header and first row (or a few lines of a row taller than a page). */
function startOf(layout: Layout, laid: Laid): number {
  const first = laid.rows[0] ? rowHeight(laid.rows[0]) : 0;
  return laid.captionHeight + laid.headerHeight + (first > contentHeight(layout) * 0.8 ? Math.max(...laid.rows[0]!.map((c) => c.lines[0]?.height ?? 0)) * 3 : first);
}

export const tableStart = (layout: Layout, spec: TableSpec): number => startOf(layout, lay(layout, spec, 1));

/** A table as Table / TR / TH / TD: columns of fixed, `auto` or shared widths, text wrapped in its cell, rows kept whole when they fit a page. */
export function table(layout: Layout, parent: Element, spec: TableSpec): void {
  const { doc } = layout;
  const laid = lay(layout, spec);
  const { cols, header, rows, headerHeight, captionHeight } = laid;
  ensureSpace(layout, startOf(layout, laid));
  const element = tagged(layout, parent, 'Table');
  if (spec.caption) {
    const y = doc.y;
    tagged(layout, element, 'Caption', () => {
      useFont(layout, { bold: true }, layout.size + 1);
      doc.text(spec.caption!, layout.left, y, { lineBreak: false });
    }).end();
    doc.y = y + captionHeight;
  }
  const drawHeader = () => {
    const y = doc.y;
    header.forEach((cell, i) => drawLines(layout, cell, 0, cell.lines.length, cols[i]!, y + PAD_Y));
    doc.y = y + headerHeight;
  };
  if (header.length) {
    row(layout, element, header, cols, header.map(() => ({ type: 'TH', scope: 'Column' })), { ruleAbove: 0, repeatHeader: () => {} });
  }
  const repeatHeader = () => {
    if (!header.length) return;
    artefact(layout, drawHeader, 'Pagination');
    rule(layout, doc.y, HEADER_RULE);
  };
  const kinds: CellKind[] = cols.map((_, i) => (spec.rowHeaders && i === 0 ? { type: 'TH', scope: 'Row' } : { type: 'TD' }));
  rows.forEach((cells, r) => row(layout, element, cells, cols, kinds, { ruleAbove: r === 0 ? (header.length ? HEADER_RULE : 0) : ROW_RULE, repeatHeader }));
  element.end();
}
