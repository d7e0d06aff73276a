import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block, PdfDocument } from '../../src/platform/export/pdf';
import { renderPdfHere } from '../../src/platform/export/pdf-render';
import { assertTaggedPdf, structureTypes } from '../support/pdf-structure';
import { pdfPageCount, pdfText } from '../support/pdf-text';

const rows = (n: number) => Array.from({ length: n }, (_, i) => [String(i + 1), [{ text: `Działanie ${i + 1}`, bold: true }, { text: 'opis działania '.repeat(12), muted: true }], 'w toku']);

const everyBlock = (): PdfDocument => ({
  title: 'Plan działań na rok 2026',
  lang: 'pl-PL',
  footer: 'Strona {page} z {pages}',
  compress: false,
  blocks: [
    { kind: 'heading', level: 1, text: 'Plan działań na rok 2026' },
    { kind: 'facts', rows: [['Gmina', 'Żyrardów'], ['Uwagi', '']] },
    { kind: 'heading', level: 2, text: 'Spis treści' },
    { kind: 'contents' },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 2, text: 'Cele', contents: true },
    { kind: 'list', items: ['pierwszy cel', [{ text: 'drugi: ', bold: true }, { text: 'ważniejszy' }]] },
    { kind: 'section', keepTogether: true, blocks: [{ kind: 'heading', level: 3, text: 'Świetlica' }, { kind: 'paragraph', text: 'Szczegóły: https://example.org/s', link: 'https://example.org/s' }] },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 2, text: 'Działania', contents: true },
    { kind: 'table', header: ['Nr', 'Działanie', 'Status'], widths: [24, '*', 80], rows: rows(60) },
    { kind: 'signatures', slots: [{ role: 'Podpis mieszkańca', name: 'Jan Przykładowy' }, { role: 'Podpis koordynatora', name: 'Anna Wzorcowa' }] },
  ],
});

test('every block becomes a structure element: headings, paragraphs, a list, labelled values, a table, contents, a link, signatures', async () => {
  const pdf = await renderPdfHere(everyBlock());
  assertTaggedPdf(pdf, { title: 'Plan działań na rok 2026', lang: 'pl-PL', types: ['H2', 'H3', 'L', 'LI', 'Lbl', 'LBody', 'TOC', 'TOCI', 'Sect', 'Link', 'Div'] });
  const raw = pdf.toString('latin1');
  assert.match(raw, /\/Scope \/Column/, 'column headers say so');
  assert.match(raw, /\/Scope \/Row/, 'the labels of labelled values head their rows');
  assert.match(raw, /%PDF-1\.7/);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  assert.ok(!text.includes('Uwagi'), 'an empty value is left out with its label');
  for (const phrase of ['Żyrardów', 'drugi: ważniejszy', 'Podpis mieszkańca', 'Anna Wzorcowa', 'Działanie 60']) assert.ok(text.includes(phrase), phrase);
});

test('a table across pages: its header repeated on each as an artefact, tagged once; rows in order; the contents give each heading its page', async () => {
  const pdf = await renderPdfHere(everyBlock());
  const pages = pdfPageCount(pdf);
  assert.ok(pages >= 4, `${pages} pages`);
  const types = structureTypes(pdf);
  assert.equal(types.get('TH'), 3 + 1, 'three column headers and one row header (Gmina), never the repeats');
  assert.equal(types.get('TR'), 1 + 60 + 1, 'a header row, 60 rows, one row of labelled values');
  const text = pdfText(pdf);
  const headerRepeats = text.split('\n').filter((l) => /^NrDziałanieStatus$/.test(l.replace(/\s+/g, ''))).length;
  assert.ok(headerRepeats >= pages - 2, `the header on every page the table spans (${headerRepeats} of ${pages} pages)`);
  const order = Array.from({ length: 60 }, (_, i) => text.indexOf(`Działanie ${i + 1}\n`));
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'rows in order');
  // The page numbers are drawn once every page is laid out: after the entries in the content stream.
  assert.match(text, /Spis treści\nCele\nDziałania\n2\n3\n/, 'the contents: "Cele" on page 2, "Działania" on page 3');
  assert.match(text, new RegExp(`Strona ${pages} z ${pages}`));
});

test('a row taller than a page is split across pages rather than cut off; a shorter one moves whole to the next page', async () => {
  const long = 'Potrzebuję pomocy w codziennych sprawach, dojazdach i zakupach. '.repeat(160);
  const blocks: Block[] = [
    { kind: 'paragraph', text: 'Wstęp. '.repeat(600) },
    { kind: 'facts', labelWidth: 150, rows: [['Status', 'oczekuje'], ['Potrzeba', `${long} KONIEC`]] },
  ];
  const pdf = await renderPdfHere({ title: 'Wniosek', lang: 'pl-PL', fontSize: 9, blocks, compress: false });
  const text = pdfText(pdf);
  assert.ok(text.includes('KONIEC'), 'the end of the long value is printed');
  assert.ok(pdfPageCount(pdf) >= 3);
  assert.equal(structureTypes(pdf).get('TD'), 2, 'one data cell per row, however many pages it spans');
});

test('the document language follows the reader: English', async () => {
  const pdf = await renderPdfHere({ ...everyBlock(), title: 'Action plan', lang: 'en-GB' });
  assertTaggedPdf(pdf, { title: 'Action plan', lang: 'en-GB' });
});
