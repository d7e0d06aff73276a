import crypto from 'node:crypto';
import { shownFileName } from '../../platform/http/well-formed';

/** The kinds of document a resident may attach, told by their first bytes (never by the name or the declared type). */
export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** 5 MB: a phone's photo of a certificate or a scanned letter fits; the database column refuses more. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const EXTENSION: Record<MediaType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the bytes are, or null for anything else (an executable, a Word file, text). */
export function sniffMediaType(data: Buffer): MediaType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(PNG)) return 'image/png';
  return null;
}

export const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * The name to keep: the last segment of what the browser sent (some send a whole path), without
 * control characters, at most 200 characters, with the extension of what the file really is
 * ("skan.pdf" that is a PNG becomes "skan.png").
 */
export function documentFilename(raw: string, type: MediaType): string {
  const last = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').replace(/\s+/g, ' ').trim();
  const stem = clean.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/^\.+/, '').trim() || 'dokument';
  return `${stem.slice(0, 190)}.${EXTENSION[type]}`;
}

const ASCII: Record<string, string> = { ł: 'l', Ł: 'L' };

/**
 * `Content-Disposition: attachment` with the name both as ASCII (old clients) and as UTF-8
 * (RFC 6266 / 5987), so Polish letters survive and nothing in the name can break the header.
 */
export function attachmentHeader(stored: string): string {
  // Names stored before the edge cleaned them may still hold bidirectional overrides.
  const filename = shownFileName(stored);
  const ascii = filename
    .replace(/[łŁ]/g, (c) => ASCII[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
