/**
 * Splits a document into the numbered parts people comment on, the way Polish legal texts are built
 * (pure; no I/O). The first paragraph is the title; paragraphs before the first unit are the preamble
 * ("Wstęp"); "Rozdział 2" / "DZIAŁ II" (with its heading on the same or the next line) opens a chapter;
 * "§ 3." and "Art. 5." open a unit. A unit with numbered paragraphs ("1. …" — ustępy, "§ 2. 1. …"
 * included) becomes one part per ustęp ("§ 2 ust. 1"); points ("1) …", "a) …", "– …") stay in the
 * part they belong to. A text without § or articles (a programme, a strategy) is split by paragraphs,
 * numbered within each chapter ("Rozdział 2, akapit 3").
 */

export interface SplitPart {
  /** "§ 3 ust. 2", "Art. 5", "Wstęp", "Rozdział 2, akapit 1". */
  label: string;
  /** The chapter the part is in ("Rozdział 2. Cele programu"), or ''. */
  chapter: string;
  body: string;
}

export interface SplitText {
  title: string;
  parts: SplitPart[];
}

const CHAPTER = /^(rozdział|dział)\s+([0-9]+[a-z]?|[IVXLC]+)\.?(?:\s+(.*))?$/iu;
const PARAGRAPH_SIGN = /^§\s*(\d+[a-z]?)\.?(?:\s+(.*))?$/u;
const ARTICLE = /^art\.\s*(\d+[a-z]?)\.?(?:\s+(.*))?$/iu;
const USTEP = /^(\d+[a-z]?)\.\s+(.+)$/u;

type Unit = { label: string; chapter: string; lead: string[]; ustepy: { n: string; lines: string[] }[] };

/** Lines of a pasted text or of a DOCX's paragraphs, without blank ones and with spaces made single. */
export function toParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/gu, ' ').trim())
    .filter((l) => l !== '');
}

function chapterName(kind: string, number: string, rest: string | undefined): string {
  const word = kind.toLowerCase() === 'dział' ? 'Dział' : 'Rozdział';
  return rest ? `${word} ${number}. ${rest}` : `${word} ${number}`;
}

export function splitText(paragraphs: string[]): SplitText {
  const lines = paragraphs.map((l) => l.trim()).filter((l) => l !== '');
  const title = lines[0] ?? '';
  const rest = lines.slice(1);
  const legal = rest.some((l) => PARAGRAPH_SIGN.test(l) || ARTICLE.test(l));
  return { title, parts: legal ? splitLegal(rest) : splitPlain(rest) };
}

/** "1" opens the numbering; then the next number ("3" after "2") or an inserted one ("2a" after "2"). */
function continuesNumbering(last: string | null, n: string): boolean {
  if (last === null) return n === '1';
  const lastNumber = Number.parseInt(last, 10);
  return n === String(lastNumber + 1) || new RegExp(`^${lastNumber}[a-z]$`).test(n);
}

function splitLegal(lines: string[]): SplitPart[] {
  const parts: SplitPart[] = [];
  const preamble: string[] = [];
  let chapter = '';
  let unit: Unit | null = null;
  let awaitingChapterHeading = false;

  const flush = () => {
    if (!unit) return;
    if (unit.ustepy.length === 0) parts.push({ label: unit.label, chapter: unit.chapter, body: unit.lead.join('\n') });
    else {
      // Words before "1." (rare) stay with the first ustęp.
      unit.ustepy.forEach((u, i) =>
        parts.push({ label: `${unit!.label} ust. ${u.n}`, chapter: unit!.chapter, body: [...(i === 0 ? unit!.lead : []), ...u.lines].join('\n') }),
      );
    }
    unit = null;
  };
  const open = (label: string, first: string | undefined) => {
    flush();
    unit = { label, chapter, lead: [], ustepy: [] };
    if (first) addLine(first);
  };
  const addLine = (line: string) => {
    const u = unit!;
    const ust = USTEP.exec(line);
    // An ustęp continues the numbering: "1." first, then the next number (a "2." inside points does not start one).
    if (ust && continuesNumbering(u.ustepy.at(-1)?.n ?? null, ust[1]!)) {
      u.ustepy.push({ n: ust[1]!, lines: [ust[2]!] });
    } else if (u.ustepy.length) u.ustepy.at(-1)!.lines.push(line);
    else u.lead.push(line);
  };

  for (const line of lines) {
    const ch = CHAPTER.exec(line);
    if (ch) {
      flush();
      chapter = chapterName(ch[1]!, ch[2]!, ch[3]);
      awaitingChapterHeading = !ch[3];
      continue;
    }
    const sign = PARAGRAPH_SIGN.exec(line);
    const art = sign ? null : ARTICLE.exec(line);
    if (sign || art) {
      awaitingChapterHeading = false;
      open(sign ? `§ ${sign[1]}` : `Art. ${art![1]}`, (sign ?? art)![2]);
      continue;
    }
    if (awaitingChapterHeading) {
      chapter = `${chapter}. ${line}`;
      awaitingChapterHeading = false;
      continue;
    }
    if (unit) addLine(line);
    else preamble.push(line);
  }
  flush();
  return preamble.length ? [{ label: 'Wstęp', chapter: '', body: preamble.join('\n') }, ...parts] : parts;
}

function splitPlain(lines: string[]): SplitPart[] {
  const parts: SplitPart[] = [];
  let chapter = '';
  let n = 0;
  let awaitingChapterHeading = false;
  for (const line of lines) {
    const ch = CHAPTER.exec(line);
    if (ch) {
      chapter = chapterName(ch[1]!, ch[2]!, ch[3]);
      awaitingChapterHeading = !ch[3];
      n = 0;
      continue;
    }
    if (awaitingChapterHeading) {
      chapter = `${chapter}. ${line}`;
      awaitingChapterHeading = false;
      continue;
    }
    n += 1;
    const short = chapter.split('.')[0]!;
    parts.push({ label: chapter ? `${short}, akapit ${n}` : `Akapit ${n}`, chapter, body: line });
  }
  return parts;
}
