/** Announcements' statuses, the standard categories, and what the public may see. */

export const STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type AnnouncementStatus = (typeof STATUSES)[number];

/** The five categories every municipality starts with (slug, Polish name). */
export const STANDARD_CATEGORIES: readonly (readonly [string, string])[] = [
  ['ogloszenia', 'Ogłoszenia'],
  ['aktualnosci', 'Aktualności'],
  ['konsultacje', 'Konsultacje społeczne'],
  ['konkursy-ofert', 'Konkursy ofert'],
  ['budzet-obywatelski', 'Budżet obywatelski'],
];

export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  position: number;
  /** Retired by staff: kept with its announcements, pages and feed, no longer offered for new ones or subscriptions. */
  retired_at: Date | null;
  version: number;
}

/** The categories offered for new announcements and subscriptions (a retired one is not). */
export const activeCategories = (list: CategoryRow[]): CategoryRow[] => list.filter((c) => c.retired_at === null);

export interface AnnouncementRow {
  id: string;
  number: number;
  category_id: string;
  category_slug: string;
  category_name: string;
  status: AnnouncementStatus;
  title: string;
  lead: string;
  body: string;
  produced_by: string;
  entered_by: string | null;
  entered_by_name: string | null;
  publish_at: Date | null;
  remove_at: Date | null;
  published_at: Date | null;
  published_version: number;
  withdrawn_at: Date | null;
  withdrawn_reason: string;
  source_module: string | null;
  source_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface VersionRow {
  n: number;
  title: string;
  lead: string;
  body: string;
  produced_by: string;
  reason: string;
  created_by_name: string | null;
  created_at: Date;
}

export interface AttachmentRow {
  id: string;
  filename: string;
  media_type: string;
  alt_text: string;
  size_bytes: number;
  added_at: Date;
}

/** Published (or withdrawn after publication) and its publication time has come: the public may open its page. */
export const isPublic = (a: Pick<AnnouncementRow, 'status' | 'publish_at'>, now: Date = new Date()): boolean =>
  a.status !== 'draft' && a.publish_at !== null && a.publish_at.getTime() <= now.getTime();

/** On the notice board now: published, its time has come, not yet taken off. */
export const isOnBoard = (a: Pick<AnnouncementRow, 'status' | 'publish_at' | 'remove_at'>, now: Date = new Date()): boolean =>
  a.status === 'published' && isPublic(a, now) && (a.remove_at === null || a.remove_at.getTime() > now.getTime());

export const isImage = (mediaType: string) => mediaType.startsWith('image/');

/** Attachments: what may be attached and how big (kept in the database, as residents' documents are). */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** The media type the bytes say (magic numbers), or null: a file is never trusted by its name or declared type alone. */
export function sniffMediaType(content: Buffer, declared: string): string | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  // DOCX and ODT are zip files: the declared type is kept when the bytes are a zip.
  if (content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) {
    if (declared === ATTACHMENT_TYPES[3] || declared === ATTACHMENT_TYPES[4]) return declared;
  }
  return null;
}
