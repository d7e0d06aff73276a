import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { renderPdf, type Block, type PdfDocument } from '../../src/platform/export/pdf';
import { renderXlsx } from '../../src/platform/export/xlsx';
import { pdfPageCount, pdfText } from '../support/pdf-text';

/** What 300 applications of 5 000 characters made of data.pdf (review 2 #3), a quarter of it. */
function bigDocument(): PdfDocument {
  const long = 'Potrzebuję pomocy w codziennych sprawach, dojazdach i zakupach. '.repeat(80);
  return {
    title: 'Duży dokument',
    lang: 'pl-PL',
    blocks: Array.from({ length: 80 }, (_, i): Block[] => [{ kind: 'heading', level: 2, text: `Wniosek ${i + 1}` }, { kind: 'paragraph', text: long }]).flat(),
    footer: 'Strona {page} z {pages}',
    fontSize: 9,
  };
}

const small = (text: string, compress?: boolean): PdfDocument => ({ title: text, lang: 'pl-PL', blocks: [{ kind: 'paragraph', text }], compress });

/** Runs `work` while a 10 ms timer ticks: how long it took, and the longest the event loop went without running the timer. */
async function stallDuring<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; longestGap: number }> {
  let last = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(ticker);
  return { result, ms, longestGap: Math.max(longestGap, performance.now() - last) };
}

test('review 2 #3: a large PDF renders on a worker thread — the event loop keeps answering meanwhile', async () => {
  await renderPdf(small('rozgrzewka')); // the worker's start-up (loading PDFKit and the fonts) is not what is measured
  const { result: pdf, ms, longestGap } = await stallDuring(() => renderPdf(bigDocument()));
  console.log(`big PDF: ${pdfPageCount(pdf)} pages, ${pdf.length} bytes in ${Math.round(ms)} ms; the event loop was held at most ${Math.round(longestGap)} ms`);
  // Twelve ticks of the 10 ms timer at least, so that a render on the main thread (gap ≈ whole render) and one on a worker (gap ≈ one tick) differ.
  assert.ok(ms > 120, `the document is big enough to matter (${ms} ms)`);
  assert.ok(longestGap < ms / 4, `the event loop was held ${longestGap} ms of a ${ms} ms render`);
  const text = pdfText(pdf);
  assert.match(text, /Wniosek 80/);
  assert.match(text, new RegExp(`Strona 1 z ${pdfPageCount(pdf)}`));
});

test('review 2 #3: a large spreadsheet is written on a worker thread too, with its header, text columns and numbers', async () => {
  const columns = Array.from({ length: 20 }, (_, i) => ({ key: `c${i}`, header: `kolumna_${i}`, width: 20 }));
  const rows = Array.from({ length: 1000 }, (_, r) => Object.fromEntries(columns.map((c, i) => [c.key, i === 0 ? r : `${r}: zażółć gęślą jaźń ${'x'.repeat(40)}`])));
  const { result: xlsx, ms, longestGap } = await stallDuring(() => renderXlsx([{ name: 'Usługi', columns, rows, textColumns: ['c1'] }]));
  console.log(`big XLSX: ${xlsx.length} bytes in ${Math.round(ms)} ms; the event loop was held at most ${Math.round(longestGap)} ms`);
  assert.ok(longestGap < Math.max(ms / 4, 50), `the event loop was held ${longestGap} ms of a ${ms} ms write`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Usługi')!;
  assert.equal(sheet.rowCount, 1001);
  assert.equal(sheet.getCell('A1').value, 'kolumna_0');
  assert.equal(sheet.getRow(1).font?.bold, true);
  assert.equal(sheet.getCell('A1001').value, 999);
  assert.equal(sheet.getCell('B2').numFmt, '@');
  assert.match(String(sheet.getCell('B1001').value), /^999: zażółć gęślą jaźń/);
});

test('review 2 #3: several PDFs at once are all rendered, each the right one', async () => {
  const pdfs = await Promise.all([1, 2, 3, 4].map((n) => renderPdf(small(`Dokument numer ${n}`, false))));
  pdfs.forEach((pdf, i) => assert.match(pdfText(pdf), new RegExp(`Dokument numer ${i + 1}`)));
});

test('a document that cannot cross to a worker (a function in it) is refused, and the pool goes on rendering', async () => {
  await assert.rejects(renderPdf({ ...small('x'), footer: (() => 'x') as never }), /could not be cloned/);
  assert.match(pdfText(await renderPdf(small('Dalej działa', false))), /Dalej działa/);
});

