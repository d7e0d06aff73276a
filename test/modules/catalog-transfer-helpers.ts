import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import crypto from 'node:crypto';
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
