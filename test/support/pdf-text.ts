import zlib from 'node:zlib';

/**
 * The objects of a PDF by number: their dictionary text and, for streams, the (inflated) stream
 * bytes. A stream is read by its /Length, never by looking for "endobj": compressed bytes can
 * happen to spell it.
 */
export function pdfObjects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const text = pdf.toString('latin1');
  const result = new Map<number, { dict: string; stream: Buffer | null }>();
  const header = /(\d+) 0 obj/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const from = m.index + m[0].length;
    const streamAt = text.indexOf('stream', from);
    const endobjAt = text.indexOf('endobj', from);
    if (endobjAt < 0) break;
    if (streamAt < 0 || endobjAt < streamAt) {
      result.set(Number(m[1]), { dict: text.slice(from, endobjAt), stream: null });
      header.lastIndex = endobjAt;
      continue;
    }
    const dict = text.slice(from, streamAt);
    const start = streamAt + 'stream'.length + (text.startsWith('\r\n', streamAt + 6) ? 2 : 1);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const end = length ? start + Number(length[1]) : text.indexOf('endstream', start);
    let data = Buffer.from(text.slice(start, end), 'latin1');
    if (!length) data = Buffer.from(data.toString('latin1').replace(/\r?\n$/, ''), 'latin1');
    if (/\/Filter\s*\/FlateDecode/.test(dict)) data = zlib.inflateSync(data);
    result.set(Number(m[1]), { dict, stream: data });
    header.lastIndex = text.indexOf('endobj', end) + 'endobj'.length;
  }
  return result;
}

/** A font's ToUnicode map: glyph code → text. */
function unicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const from = parseInt(r[1]!, 16);
      const to = parseInt(r[2]!, 16);
      if (r[3]!.startsWith('[')) [...r[3]!.matchAll(/<([0-9a-f\s]+)>/gi)].forEach((e, i) => map.set(from + i, hexText(e[1]!)));
      else for (let c = from, u = parseInt(r[3]!.slice(1, -1), 16); c <= to; c++, u++) map.set(c, String.fromCodePoint(u));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(r[1]!, 16), hexText(r[2]!));
  }
  return map;
}

/**
 * The text of a PDF written by PDFKit: each page's content streams decoded through the
 * fonts' ToUnicode maps, one line per baseline. Enough to check what a PDF says.
 */
export function pdfText(pdf: Buffer): string {
  const objs = pdfObjects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objs.values()) {
    for (const f of dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(f[2]));
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(font?.dict ?? '');
      const cmap = toUnicode ? objs.get(Number(toUnicode[1]))?.stream : null;
      if (cmap && !fonts.has(f[1]!)) fonts.set(f[1]!, unicodeMap(cmap.toString('latin1')));
    }
  }
  let out = '';
  let lastY = '';
  for (const { dict, stream } of objs.values()) {
    if (!stream || /\/Type\s*\/(XObject|Metadata)|\/Length1|\/Subtype\s*\/(Type1C|CIDFontType0C|OpenType)/.test(dict)) continue;
    let current = new Map<number, string>();
    for (const op of stream.toString('latin1').matchAll(/[\d.-]+\s+([\d.-]+)\s+Tm|\/(F\d+)\s+[\d.]+\s+Tf|(\[[^\]]*\]|<[0-9a-f]*>)\s*T[Jj]/gi)) {
      if (op[1]) {
        // Each line (or run of a line) is shown at its own position: a new baseline is a new line.
        if (op[1] !== lastY && out) out += '\n';
        lastY = op[1];
      } else if (op[2]) {
        current = fonts.get(op[2]) ?? new Map();
      } else {
        const codes = [...op[3]!.matchAll(/<([0-9a-f]*)>/gi)].flatMap((c) => c[1]!.match(/.{4}/g) ?? []);
        out += codes.map((c) => current.get(parseInt(c, 16)) ?? '').join('');
      }
    }
  }
  return out;
}

/** The number of pages (page objects, not the page tree). */
export const pdfPageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

/** A document information entry (Title, Author, …) decoded from pdfkit's UTF-16 string object. */
export function pdfInfo(pdf: Buffer, key: string): string | undefined {
  const text = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text);
  const raw = ref ? new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*\\(([\\s\\S]*?)\\)\\s*endobj`).exec(text)?.[1] : undefined;
  if (raw === undefined) return undefined;
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const bytes = Buffer.from(raw.replace(/\\([0-7]{1,3}|.)/gs, (_, c: string) => (/^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (escapes[c] ?? c))), 'latin1');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
}
