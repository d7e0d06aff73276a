import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { TestClient } from '../support/client';

/** The import's upload as a browser sends it: a multipart form with the CSRF token and one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer | string; type?: string }) {
  const boundary = `----wspolnota${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a file to the import form, with the CSRF token of the import page. */
export async function uploadFile(c: TestClient, slug: string, name: string, data: Buffer | string, opts: { csrf?: boolean } = {}) {
  if (!c.csrfToken) await c.get(`/${slug}/catalog/import`);
  const { payload, contentType } = multipart(opts.csrf === false ? {} : { _csrf: c.csrfToken }, { name, data });
  return c.request({ method: 'POST', url: `/${slug}/catalog/import`, payload, headers: { 'content-type': contentType } });
}

/** A CSV file as records keyed by column (the export's first row), and back. */
export function csvRecords(csv: string): Record<string, string>[] {
  return parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
}

export function csvOf(records: Record<string, string>[], columns: string[]): string {
  return '\uFEFF' + stringify(records, { header: true, columns });
}

export const csvColumns = (csv: string): string[] => (parse(csv.replace(/^\uFEFF/, ''), { to_line: 1 }) as string[][])[0]!;

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The rows of the errors table: [row, column, value, message]. */
export function errorRows(body: string): string[][] {
  const tbody = /<table class="transfer-errors-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
  return [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => unescapeHtml(c[1]!.replace(/<[^>]+>/g, ''))),
  );
}

/** The form error under the file field. */
export const fileError = (body: string) => unescapeHtml(/id="f-file-error">([^<]*)</.exec(body)?.[1] ?? '');

/**
 * A "zip bomb" XLSX: a worksheet of `megabytes` MB of zeros whose header declares 1 000 bytes,
 * a few hundred bytes per megabyte on disk. Built from raw deflate blocks (one megabyte compressed
 * once, repeated) so that making it costs nothing.
 */
export function zipBomb(megabytes: number): Buffer {
  const mb = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const deflated = Buffer.concat([...Array.from({ length: megabytes }, () => mb), Buffer.from([0x03, 0x00])]);
  const entries: [string, Buffer, number, number][] = [
    ['[Content_Types].xml', zlib.deflateRawSync(CONTENT_TYPES), CONTENT_TYPES.length, zlib.crc32(CONTENT_TYPES)],
    ['xl/worksheets/sheet1.xml', deflated, 1000, 0],
  ];
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data, declared, crc] of entries) {
    const n = Buffer.from(name);
    // version 20, method 8 (deflate), crc, compressed size, the declared (false) size, name length
    const head = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], [14, 4, crc], [18, 4, data.length], [22, 4, declared], [26, 2, n.length]]);
    const dir = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], [16, 4, crc], [20, 4, data.length], [24, 4, declared], [28, 2, n.length], [42, 4, offset]]);
    local.push(head, n, data);
    central.push(dir, n);
    offset += head.length + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, cd.length], [16, 4, offset]]);
  return Buffer.concat([...local, cd, end]);
}

/** A zip header: little-endian fields [offset, bytes, value], the rest zeros. */
function record(length: number, fields: [number, 2 | 4, number][]): Buffer {
  const b = Buffer.alloc(length);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
