/**
 * What both probes need to speak to the app: route URLs filled with real ids, the forms a page
 * holds (read the way a browser reads them), and requests in each body encoding.
 */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { unzipSync } from 'fflate';
import type { TestClient } from '../test/support/client';
import { pdfText } from '../test/support/pdf-text';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `/api/:municipality/hsds/services/:id` → [['id', 'hsds/services/:id']]: each parameter and the key of its id. */
export function paramKeys(url: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of url.matchAll(/:([A-Za-z_]+)|\*/g)) {
    if (m[1] === 'municipality') continue;
    const upTo = url.slice(0, m.index + m[0].length).replace(/^\/api\//, '/').replace('/:municipality', '').replace(/^\//, '');
    out.push([m[1] ?? '*', upTo]);
  }
  return out;
}

/**
 * Parameters that name nothing of a municipality: tokens of one-time account links, static files,
 * the development mailbox's messages (served only with development aids on, to nobody in production).
 */
const NOT_TENANT_DATA: Record<string, () => string> = {
  'dev/mail/:id': () => '1',
  'dev/mail/:id/attachments/:index': () => '0',
  'confirm/:token': () => crypto.randomBytes(32).toString('base64url'),
  'password/reset/:token': () => crypto.randomBytes(32).toString('base64url'),
  'static/*': () => 'site.css',
};

/** Whether a route parameter names a record of a municipality (not a one-time account link or a static file). */
export const isTenantParam = (key: string): boolean => !(key in NOT_TENANT_DATA);

/**
 * The route's URL for municipality `slug` with the real ids of `ids`; throws for a parameter it has
 * no id for. `replace` puts an already encoded segment in place of one parameter instead.
 */
export function fillUrl(url: string, slug: string, ids: Record<string, string>, replace?: { name: string; segment: string }): string {
  let out = url.replace(/:municipality\b/g, replace?.name === 'municipality' ? replace.segment : slug);
  for (const [name, key] of paramKeys(url)) {
    const real = ids[key] ?? NOT_TENANT_DATA[key]?.();
    if (real === undefined && replace?.name !== name) throw new Error(`no id for ${key} (route ${url})`);
    const segment = replace?.name === name ? replace.segment : encodeURIComponent(real!);
    out = out.replace(name === '*' ? '*' : new RegExp(`:${name}\\b`), () => segment);
  }
  return out;
}

export interface FormField {
  name: string;
  /** input type, or select / textarea / button. */
  kind: string;
  /** What a browser submits for it untouched (none for an unticked box or a button). */
  value?: string;
  /** The choices of a select or of a group of boxes. */
  options: string[];
}

export interface HtmlForm {
  action: string;
  method: 'get' | 'post';
  multipart: boolean;
  fields: FormField[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? all),
  );

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Every form of a page with its fields, in document order. */
export function parseForms(html: string, pageUrl: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const a = attributes(m[1]!);
    const fields = new Map<string, FormField>();
    const add = (name: string | undefined, kind: string, value: string | undefined, option?: string) => {
      if (!name) return;
      const f = fields.get(name) ?? { name, kind, options: [] };
      if (option !== undefined && !f.options.includes(option)) f.options.push(option);
      if (value !== undefined) f.value = f.value === undefined || kind !== 'checkbox' ? value : f.value;
      fields.set(name, f);
    };
    for (const el of m[2]!.matchAll(/<(input|button)\b([^>]*)>|<(select)\b([^>]*)>([\s\S]*?)<\/select>|<(textarea)\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      if (el[1]) {
        const at = attributes(el[2]!);
        const kind = el[1].toLowerCase() === 'button' ? 'button' : (at.type ?? 'text').toLowerCase();
        if (kind === 'submit' || kind === 'button') add(at.name, 'button', undefined, at.value);
        else if (kind === 'checkbox' || kind === 'radio') add(at.name, kind, 'checked' in at ? (at.value ?? 'on') : undefined, at.value ?? 'on');
        else add(at.name, kind, at.value ?? '');
      } else if (el[3]) {
        const at = attributes(el[4]!);
        const options = [...el[5]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => {
          const oa = attributes(o[1]!);
          return { value: oa.value ?? decodeEntities(o[2]!.trim()), selected: 'selected' in oa };
        });
        const chosen = options.find((o) => o.selected) ?? options[0];
        add(at.name, 'select', chosen?.value);
        for (const o of options) add(at.name, 'select', undefined, o.value);
      } else {
        add(attributes(el[7]!).name, 'textarea', decodeEntities(el[8]!.replace(/^\n/, '')));
      }
    }
    forms.push({
      action: new URL(a.action || pageUrl, 'http://localhost').pathname,
      method: a.method?.toLowerCase() === 'post' ? 'post' : 'get',
      multipart: (a.enctype ?? '').toLowerCase() === 'multipart/form-data',
      fields: [...fields.values()],
    });
  }
  return forms;
}

/** What a browser would submit for the form untouched: [name, value] pairs, the CSRF token left out. */
export function submission(form: HtmlForm): [string, string][] {
  const out: [string, string][] = [];
  for (const f of form.fields) {
    if (f.name === '_csrf' || f.kind === 'button' || f.kind === 'file' || f.value === undefined) continue;
    out.push([f.name, f.value]);
  }
  return out;
}

export type Body =
  | { kind: 'none' }
  | { kind: 'form'; pairs: [string, string][] }
  /** Already urlencoded (bytes a browser would never send, e.g. invalid UTF-8). */
  | { kind: 'raw-form'; payload: string }
  | { kind: 'raw-json'; payload: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; fields: [string, string][]; file?: { name: string; filename: string; type: string; data: Buffer } };

/** Sends a request as `client`, with its CSRF token in a header for every state-changing method. */
export function send(
  client: TestClient,
  method: Method,
  url: string,
  body: Body = { kind: 'none' },
  headers: Record<string, string> = {},
  remoteAddress?: string,
): Promise<LightMyRequestResponse> {
  const h: Record<string, string> = { ...headers };
  if (method !== 'GET' && method !== 'HEAD' && client.csrfToken) h['x-csrf-token'] = client.csrfToken;
  let payload: string | Buffer | undefined;
  if (body.kind === 'form') {
    payload = new URLSearchParams(body.pairs).toString();
    h['content-type'] = 'application/x-www-form-urlencoded';
  } else if (body.kind === 'raw-form') {
    payload = body.payload;
    h['content-type'] = 'application/x-www-form-urlencoded';
  } else if (body.kind === 'raw-json') {
    payload = body.payload;
    h['content-type'] = 'application/json';
  } else if (body.kind === 'json') {
    payload = JSON.stringify(body.value) ?? 'null';
    h['content-type'] = 'application/json';
  } else if (body.kind === 'multipart') {
    const boundary = `----probe${crypto.randomBytes(8).toString('hex')}`;
    const parts: Buffer[] = body.fields.map(([k, v]) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    if (body.file) {
      const f = body.file;
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\ncontent-type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    payload = Buffer.concat(parts);
    h['content-type'] = `multipart/form-data; boundary=${boundary}`;
  }
  // Keep the client's CSRF token: an error page without a form must not make it forget it.
  const token = client.csrfToken;
  return client.request({ method, url, payload, headers: h, ...(remoteAddress ? { remoteAddress } : {}) }).finally(() => {
    client.csrfToken ||= token;
  });
}

/** A short description of a response for a failure line. */
export const describe = (res: LightMyRequestResponse) => `${res.statusCode}${res.headers.location ? ` → ${res.headers.location}` : ''}`;

/** The text of a response as a person would read it: pages and JSON as they are, PDFs' text, the files in a ZIP or XLSX. */
export function readable(res: LightMyRequestResponse): string {
  const type = String(res.headers['content-type'] ?? '');
  try {
    if (type.includes('application/pdf')) return pdfText(res.rawPayload);
    if (type.includes('zip') || type.includes('spreadsheetml')) {
      return Object.values(unzipSync(new Uint8Array(res.rawPayload))).map((data) => Buffer.from(data).toString('utf8')).join('\n');
    }
  } catch {
    return res.body;
  }
  return res.body;
}
