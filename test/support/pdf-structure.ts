import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pdfInfo, pdfObjects } from './pdf-text';

/** The structure types (/S) of a PDF's structure elements, each with how often it occurs. */
export function structureTypes(pdf: Buffer): Map<string, number> {
  const types = new Map<string, number>();
  for (const { dict } of pdfObjects(pdf).values()) {
    const type = /\/S\s*\/([A-Za-z0-9]+)/.exec(dict)?.[1];
    if (type && /\/P\s+\d+ 0 R/.test(dict)) types.set(type, (types.get(type) ?? 0) + 1);
  }
  return types;
}

/** The content streams' marked-content operators: how much is tagged content and how much artefact. */
export function markedContent(pdf: Buffer): { tagged: number; artefacts: number } {
  let tagged = 0;
  let artefacts = 0;
  for (const { stream } of pdfObjects(pdf).values()) {
    const text = stream?.toString('latin1') ?? '';
    tagged += text.match(/\/MCID \d+\s*>>\s*BDC/g)?.length ?? 0;
    artefacts += text.match(/\/Artifact\s*(<<[^>]*>>)?\s*BDC/g)?.length ?? 0;
  }
  return { tagged, artefacts };
}

/** Whether poppler's pdfinfo is installed (CI installs poppler-utils; the checks below do not need it). */
export const hasPdfinfo = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** pdfinfo's report (`-struct` for the structure tree) of the PDF. */
export function pdfinfo(pdf: Buffer, ...args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', [...args, file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A tagged PDF as PDF/UA wants it: marked (/MarkInfo), a structure tree with a level-1 heading and
 * a table of header and data cells, the document language, the title shown in the window, fonts
 * embedded, page furniture as artefacts. Read from the bytes; poppler confirms it where installed.
 */
export function assertTaggedPdf(pdf: Buffer, expected: { title: string; lang: string; types?: string[] }): void {
  const raw = pdf.toString('latin1');
  assert.match(raw, /\/MarkInfo\s+\d+ 0 R|\/MarkInfo\s*<<\s*\/Marked true/, 'a MarkInfo dictionary');
  assert.ok([...pdfObjects(pdf).values()].some(({ dict }) => /\/Marked true/.test(dict)), '/MarkInfo << /Marked true >>');
  assert.match(raw, /\/StructTreeRoot \d+ 0 R/, 'a structure tree');
  assert.ok(raw.includes(`/Lang (${expected.lang})`), `the document language ${expected.lang}`);
  assert.match(raw, /\/DisplayDocTitle true/, 'the title, not the file name, in the window');
  assert.match(raw, /<pdfuaid:part>1<\/pdfuaid:part>|pdfuaid/, 'declares PDF/UA-1');
  assert.equal(pdfInfo(pdf, 'Title'), expected.title, 'the title in the metadata');
  assert.match(raw, /\/FontFile2 \d+ 0 R/, 'fonts embedded');
  assert.doesNotMatch(raw, /\/BaseFont \/(Helvetica|Times|Courier)/, 'no standard font left unembedded');
  const types = structureTypes(pdf);
  for (const type of ['Document', 'H1', 'P', 'Table', 'TR', 'TH', 'TD', ...(expected.types ?? [])]) assert.ok(types.has(type), `a ${type} element (has ${[...types.keys()].join(' ')})`);
  const marked = markedContent(pdf);
  assert.ok(marked.tagged > 0, 'content marked for its structure elements');
  assert.ok(marked.artefacts > 0, 'the page footer is an artefact');
  if (hasPdfinfo) {
    assert.match(pdfinfo(pdf), /^Tagged:\s+yes$/m, 'pdfinfo: Tagged: yes');
    const tree = pdfinfo(pdf, '-struct');
    for (const type of ['Document', 'H1', 'Table', 'TH', 'TD']) assert.match(tree, new RegExp(`^\\s*${type}\\b`, 'm'), `pdfinfo -struct shows ${type}`);
  }
}
