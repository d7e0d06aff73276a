/**
 * A document the platform prints, as plain data (it crosses to a worker thread): what it says and
 * its structure, never its drawing. The renderer (pdf-render.ts) lays it out with PDFKit as a
 * tagged PDF — every block becomes a structure element, so readers and validators see headings,
 * paragraphs, lists and tables in reading order (PDF/UA, ISO 14289-1).
 */
export interface PdfDocument {
  /** Shown in the viewer's window (DisplayDocTitle) and in the metadata. */
  title: string;
  /** A BCP 47 tag: "pl-PL", "en-GB". */
  lang: string;
  author?: string;
  subject?: string;
  /** A4; landscape for wide tables. */
  landscape?: boolean;
  /** Left, top, right, bottom in points. */
  margins?: [number, number, number, number];
  /** The body text's size in points (10 unless told). */
  fontSize?: number;
  /** Sizes of headings of level 1, 2 and 3. */
  headingSizes?: [number, number, number];
  /** A centred footer on every page, an artefact for assistive technology: `{page}` and `{pages}` are filled in. */
  footer?: string;
  blocks: Block[];
  /** Uncompressed content streams (to inspect the text in tests). */
  compress?: boolean;
}

/** A run of text within a paragraph, in its own weight, slant or colour. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  muted?: boolean;
}

export type RichText = string | Span[];

/** A table cell: a text, or paragraphs — each span its own — in their styles (a bold title over a muted description). */
export type Cell = string | Span[];

/** Points, an equal share of what is left (`*`), or as wide as the column's longest text needs (`auto`). */
export type ColumnWidth = number | '*' | 'auto';

export type ParagraphStyle = 'body' | 'muted' | 'notice' | 'empty' | 'kicker';

export type Block =
  /** `contents`: listed in the document's table of contents (a `contents` block) with its page. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; contents?: boolean }
  | { kind: 'paragraph'; text: RichText; style?: ParagraphStyle; spaceBefore?: number; spaceAfter?: number; link?: string }
  | { kind: 'list'; items: RichText[] }
  /** A header row of column headings (repeated on every page the table spans), then rows; a row is split only when taller than a page. */
  | { kind: 'table'; caption?: string; header: Cell[]; rows: Cell[][]; widths?: ColumnWidth[] }
  /** Labelled values ("Status: oczekuje"): a two-column table whose labels head their rows. Empty values are left out. */
  | { kind: 'facts'; rows: [string, string][]; labelWidth?: number | 'auto' }
  /** Blocks that belong together; `keepTogether` moves the whole section to the next page when it fits there and not here. */
  | { kind: 'section'; blocks: Block[]; keepTogether?: boolean }
  /** The headings marked `contents` that follow, each with its page number. */
  | { kind: 'contents' }
  /** Lines to sign on, side by side, each with who signs and their name. */
  | { kind: 'signatures'; slots: { role: string; name: string }[] }
  | { kind: 'pageBreak' };
