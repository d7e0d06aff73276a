import type { Sql } from '../../platform/db/types';
import { validationError, type FieldErrors } from '../../platform/http/errors';
import { checkAttachment, type ParsedAttachment } from './form';
import { refusedLinks } from './markdown';
import { publishFromModuleIn } from './service';

/** An announcement another module publishes (a consultation's notice, its report): see `publishFromModule`. */
export interface AnnouncementFromModule {
  /** The category's slug in the municipality, e.g. 'konsultacje'. */
  categorySlug: string;
  title: string;
  lead: string;
  bodyMarkdown: string;
  /** Who produced the information (the record card), e.g. 'Dział Organizowania Społeczności Lokalnej'. */
  producedBy: string;
  /** The calling module's record, e.g. { module: 'consultations', id }: the same source again is a correction. */
  source: { module: string; id: string };
  /** Default: now. */
  publishAt?: Date;
  attachments?: { name: string; mediaType: string; content: Buffer }[];
}


/**
 * Publishes (or, with the same source, corrects as a new version) within the caller's transaction.
 * `enteredBy`: the user on whose behalf the module publishes (the record card's "entered by").
 * The text is checked as the editor checks it (`validation.failed` with the field named).
 */
export async function publishFromModule(sql: Sql, municipalityId: string, enteredBy: string, a: AnnouncementFromModule): Promise<{ id: string; path: string }> {
  const errors: FieldErrors = {};
  if (a.title.trim() === '' || a.title.length > 300) errors.title = { code: 'invalid' };
  if (a.lead.trim() === '' || a.lead.length > 1000) errors.lead = { code: 'invalid' };
  if (a.bodyMarkdown.length > 20_000) errors.body = { code: 'too_long', params: { max: 20_000 } };
  else if (refusedLinks(a.bodyMarkdown).length > 0) errors.body = { code: 'announcement_link' };
  if (a.producedBy.trim() === '' || a.producedBy.length > 300) errors.produced_by = { code: 'invalid' };
  const files: ParsedAttachment[] = [];
  for (const f of a.attachments ?? []) {
    const r = checkAttachment({ filename: f.name, mediaType: f.mediaType, content: f.content, altText: f.name });
    if (r.problem) errors.attachments = { code: r.problem };
    else files.push(r.parsed!);
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return publishFromModuleIn(sql, municipalityId, enteredBy, { ...a, title: a.title.trim(), lead: a.lead.trim(), producedBy: a.producedBy.trim() }, { attachments: files });
}
