import fs from 'node:fs';
import readline from 'node:readline';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { TransferRefused } from './load';
import { FORMAT, FORMAT_VERSION, type Manifest, type Snapshot, type TableSummary } from './snapshot';

/**
 * A backup file is gzip'd JSON lines: the manifest (format and version, the migrations, each table's
 * columns, row count and checksum, the sequences); then per table a header line and its rows, one JSON
 * object per line as the server wrote it; then an end line, so that a cut-off file is told apart.
 */
const BATCH_ROWS = 5_000;
const BATCH_CHARS = 4 * 1024 * 1024;

export async function writeBackupFile(file: string, snapshot: Snapshot): Promise<{ bytes: number; rows: number }> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = zlib.createGzip({ level: 4 });
  gzip.pipe(out);
  const write = async (text: string) => {
    if (!gzip.write(text)) await new Promise<void>((resolve) => gzip.once('drain', resolve));
  };
  let rows = 0;
  try {
    await write(`${JSON.stringify(snapshot.manifest)}\n`);
    for (const table of snapshot.manifest.tables) {
      await write(`${JSON.stringify({ table: table.name, rows: table.rows })}\n`);
      for await (const batch of snapshot.batches(table)) {
        // A `json` column may hold raw newlines between its tokens (never inside a string); none does today.
        await write(`${batch.map((r) => (r.includes('\n') ? r.replace(/\n/g, ' ') : r)).join('\n')}\n`);
        rows += batch.length;
      }
    }
    await write(`${JSON.stringify({ end: true, rows })}\n`);
    gzip.end();
    await finished(out);
    fs.renameSync(partial, file);
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { bytes: fs.statSync(file).size, rows };
}

/** Opens a backup file: its manifest at once, its rows as a snapshot read in the file's order. */
export async function openBackupFile<T>(file: string, fn: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  if (!fs.existsSync(file)) throw new TransferRefused(`Nie ma pliku ${file}.`);
  const input = fs.createReadStream(file);
  const lines = readline.createInterface({ input: input.pipe(zlib.createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const { value, done } = await lines.next().catch((err: Error) => {
      throw new TransferRefused(`Plik ${file} nie jest kopią Wspólnoty albo jest uszkodzony (${err.message}).`);
    });
    if (done) throw new TransferRefused(`Plik ${file} jest niepełny (ucięty): brak jego końca.`);
    return value;
  };
  try {
    const manifest = parseManifest(await next(), file);
    let position = 0;
    const result = await fn({
      manifest,
      batches: (table) => sectionBatches(table, manifest.tables[position++], next),
    });
    const end = JSON.parse(await next()) as { end?: boolean };
    if (!end.end) throw new TransferRefused(`Plik ${file} ma po ostatniej tabeli coś innego niż swój koniec.`);
    return result;
  } finally {
    input.destroy();
  }
}

function parseManifest(line: string, file: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(line) as Manifest;
  } catch {
    throw new TransferRefused(`Plik ${file} nie jest kopią Wspólnoty (brak opisu na początku).`);
  }
  if (manifest.format !== FORMAT) throw new TransferRefused(`Plik ${file} nie jest kopią Wspólnoty.`);
  if (manifest.version > FORMAT_VERSION) {
    throw new TransferRefused(`Kopia ${file} ma format w wersji ${manifest.version}, ta wersja Wspólnoty zna ${FORMAT_VERSION}: użyj nowszej.`);
  }
  return manifest;
}

async function* sectionBatches(table: TableSummary, expected: TableSummary | undefined, next: () => Promise<string>): AsyncIterable<string[]> {
  if (expected?.name !== table.name) throw new Error(`tables must be read in the manifest's order (${table.name} asked, ${expected?.name} next)`);
  const header = JSON.parse(await next()) as { table?: string; rows?: number };
  if (header.table !== table.name || header.rows !== table.rows) throw new TransferRefused(`Kopia jest uszkodzona: w miejscu tabeli ${table.name} jest ${header.table ?? 'coś innego'}.`);
  let batch: string[] = [];
  let chars = 0;
  for (let i = 0; i < table.rows; i++) {
    const row = await next();
    batch.push(row);
    chars += row.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length) yield batch;
}
