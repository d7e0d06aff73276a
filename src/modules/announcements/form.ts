import crypto from 'node:crypto';
import { z } from 'zod';
import { optionalDay, parseFields, parseTime, versionField } from '../../platform/http/form-fields';
import { email, requiredText, stringList, text } from '../../platform/http/validation';
import { warsawInstant } from '../../platform/time';
import { MAX_ATTACHMENT_BYTES, isImage, sniffMediaType } from './domain';
import { refusedLinks } from './markdown';

export interface AnnouncementInput {
  category: string;
  title: string;
  lead: string;
  body: string;
  producedBy: string;
  /** Null: at once (when published). */
  publishAt: Date | null;
  removeAt: Date | null;
}

/** The editor's fields, in the form's order (the error summary's). */
export const ANNOUNCEMENT_FIELDS = ['category', 'title', 'lead', 'body', 'produced_by', 'publish_day', 'publish_time', 'remove_day'] as const;

const optionalTime = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(10)).transform((v, ctx) => {
    if (v === '') return null;
    const t = parseTime(v);
    if (!t) {
      ctx.addIssue({ code: 'custom', params: { code: 'time' } });
      return z.NEVER;
    }
    return t;
  });

const body = () => text(20_000).refine((v) => refusedLinks(v).length === 0, { params: { code: 'announcement_link' } });

/** The editor: every mistake at once, in Polish, by field. Days and times are Warsaw's. */
export function parseAnnouncementForm(input: unknown): AnnouncementInput {
  const v = parseFields(
    {
      category: requiredText(60),
      title: requiredText(300),
      lead: requiredText(1000),
      body: body(),
      produced_by: requiredText(300),
      publish_day: optionalDay(),
      publish_time: optionalTime(),
      remove_day: optionalDay(),
    },
    input,
    (f, fail) => {
      if (f.publish_time && !f.publish_day) fail('publish_day', 'announcement_day_for_time');
      if (f.remove_day && f.publish_day && f.remove_day <= f.publish_day) fail('remove_day', 'announcement_remove_before_publish');
    },
  );
  return {
    category: v.category,
    title: v.title,
    lead: v.lead,
    body: v.body,
    producedBy: v.produced_by,
    publishAt: v.publish_day ? warsawInstant(v.publish_day, v.publish_time ?? '00:00') : null,
    removeAt: v.remove_day ? warsawInstant(v.remove_day, '00:00') : null,
  };
}

export const versionSchema = z.object({ version: versionField() });
export const reasonSchema = z.object({ reason: requiredText(1000), version: versionField() });

export const subscribeSchema = z.object({
  email: email(),
  categories: stringList().pipe(z.array(z.string().max(60)).min(1).max(20)),
});

import type { Upload } from '../../platform/http/upload';

export type { Upload };

export interface ParsedAttachment {
  filename: string;
  mediaType: string;
  altText: string;
  content: Buffer;
  sha256: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
const isUpload = (v: unknown): v is Upload => typeof v === 'object' && v !== null && Buffer.isBuffer((v as Upload).data);

/** A file name as stored and offered: its last path part, printable, at most 200 characters. */
export function attachmentName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && !'"<>|*?:'.includes(ch)).join('').trim().slice(-200);
  return clean || 'zalacznik';
}

/** An attachment: PDF, JPEG, PNG, DOCX or ODT by its bytes, at most 5 MB; an image needs its alt text. */
export function checkAttachment(a: { filename: string; mediaType: string; content: Buffer; altText: string }): { problem: string | null; parsed: ParsedAttachment | null } {
  if (a.content.length === 0) return { problem: 'attachment_empty', parsed: null };
  if (a.content.length > MAX_ATTACHMENT_BYTES) return { problem: 'attachment_too_big', parsed: null };
  const mediaType = sniffMediaType(a.content, a.mediaType);
  if (!mediaType) return { problem: 'attachment_type', parsed: null };
  const altText = a.altText.trim().slice(0, 300);
  if (isImage(mediaType) && altText === '') return { problem: 'attachment_alt', parsed: null };
  return { problem: null, parsed: { filename: attachmentName(a.filename), mediaType, altText, content: a.content, sha256: crypto.createHash('sha256').update(a.content).digest('hex') } };
}

export function parseAttachmentForm(body: unknown): ParsedAttachment {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  let parsed: ParsedAttachment | null = null;
  parseFields({ file: z.unknown(), alt_text: text(300) }, input, (f, fail) => {
    const file = input.file;
    if (!isUpload(file) || (file.data.length === 0 && !file.truncated)) return fail('file', 'attachment_missing');
    if (file.truncated) return fail('file', 'attachment_too_big');
    const declared = /\.docx$/i.test(file.filename) ? DOCX : /\.odt$/i.test(file.filename) ? ODT : '';
    const r = checkAttachment({ filename: file.filename, mediaType: declared, content: file.data, altText: f.alt_text ?? '' });
    if (r.problem) fail(r.problem === 'attachment_alt' ? 'alt_text' : 'file', r.problem);
    parsed = r.parsed;
  });
  return parsed!;
}
