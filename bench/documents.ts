/**
 * `npx tsx bench/documents.ts`: what rendering a large document does to the event loop — on the
 * loop itself (as before review 2 #3) and on the worker pool. The document is the size of the
 * review's data.pdf: 300 applications of 5 000 characters. Prints the render time and the longest
 * the event loop went without running a 10 ms timer (what every other request would wait).
 */
import { renderPdf, type Block, type PdfDocument } from '../src/platform/export/pdf';
import { renderPdfHere } from '../src/platform/export/pdf-render';

const need = 'Potrzebuję pomocy w codziennych sprawach, dojazdach do lekarza i zakupach. '.repeat(70).slice(0, 5000);
const document = (): PdfDocument => ({
  title: 'Moje dane',
  lang: 'pl-PL',
  fontSize: 9,
  blocks: Array.from({ length: 300 }, (_, i): Block[] => [
    { kind: 'heading', level: 3, text: `Usługa ${i + 1}` },
    { kind: 'facts', labelWidth: 150, rows: [['Status', `oczekuje — miejsce ${i + 1}`], ['Potrzeba', need]] },
  ]).flat(),
  footer: 'Strona {page} z {pages}',
});

async function measure(label: string, n: number, render: (d: PdfDocument) => Promise<Buffer>): Promise<void> {
  let last = performance.now();
  let stall = 0;
  const tick = setInterval(() => {
    stall = Math.max(stall, performance.now() - last);
    last = performance.now();
  }, 10);
  const started = performance.now();
  const pdfs = await Promise.all(Array.from({ length: n }, () => render(document())));
  const ms = performance.now() - started;
  clearInterval(tick);
  stall = Math.max(stall, performance.now() - last);
  process.stdout.write(`${label}: ${n} × ${Math.round(pdfs[0]!.length / 1024)} kB PDF in ${Math.round(ms)} ms; longest event-loop stall ${Math.round(stall)} ms\n`);
}

const warmUp: PdfDocument = { title: 'rozgrzewka', lang: 'pl-PL', blocks: [{ kind: 'paragraph', text: 'rozgrzewka' }] };
await renderPdfHere(warmUp);
await renderPdf(warmUp);
await measure('on the event loop', 1, renderPdfHere);
await measure('worker pool      ', 1, renderPdf);
await measure('on the event loop', 4, renderPdfHere);
await measure('worker pool      ', 4, renderPdf);
