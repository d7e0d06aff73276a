import { diffWords } from 'diff';

/** Who is consulted: everyone signed in, residents, organisations of the registry (their members, on their behalf), the public benefit council. */
export const AUDIENCES = ['everyone', 'residents', 'organisations', 'council'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The forms of the consultation: comments on the text, written remarks entered by staff, a meeting (optionally one of the meetings module). */
export const FORMS = ['comments', 'written', 'meeting'] as const;
export type ConsultationForm = (typeof FORMS)[number];

export const POSITIONS = ['accepted', 'partly', 'rejected', 'not_applicable'] as const;
export type Position = (typeof POSITIONS)[number];

export const SOURCES = ['comment', 'written', 'meeting'] as const;
export type RemarkSource = (typeof SOURCES)[number];

/** Before the opening, open, closed (remarks being answered), reported (the report published). */
export type Phase = 'planned' | 'open' | 'closed' | 'reported';

export interface ConsultationRow {
  id: string;
  subject: string;
  legal_basis: string;
  audience: Audience[];
  forms: ConsultationForm[];
  meeting_id: string | null;
  opens_at: Date;
  closes_at: Date;
  contact: string;
  documents: string;
  allow_anonymous: boolean;
  /** The spheres of public benefit it concerns: verified organisations working in them are mailed at the opening. */
  spheres: string[];
  text_title: string;
  consulted_text: ConsultedText | null;
  report_published_at: Date | null;
  report_path: string | null;
  version: number;
}

export interface ConsultedText {
  title: string;
  parts: { id: string; label: string; chapter: string; body: string }[];
}

export interface PartRow {
  id: string;
  consultation_id: string;
  position: number;
  label: string;
  chapter: string;
  body: string;
  removed_at: Date | null;
  version: number;
}

export interface RemarkRow {
  id: string;
  consultation_id: string;
  part_id: string | null;
  part_label: string | null;
  source: RemarkSource;
  author_id: string | null;
  author_name: string;
  organisation_id: string | null;
  organisation_name: string;
  anonymous: boolean;
  quote: string;
  content: string;
  proposal: string;
  received_on: string | null;
  hidden_at: Date | null;
  hidden_reason: string;
  position: Position | null;
  reasons: string;
  position_at: Date | null;
  version: number;
  created_at: Date;
}

/**
 * Whether a consultation's audience includes a person, and in which capacity: as themselves (everyone
 * signed in; residents — the resident role) or for an organisation (organisations of the registry — or
 * everyone — when they belong to a verified one). The public benefit council speaks through written
 * remarks staff enter, never online. The start card and the comment's POST ask the same question.
 */
export function consultedAs(audience: readonly Audience[], who: { resident: boolean; organisations: number }): { person: boolean; organisation: boolean } {
  const everyone = audience.includes('everyone');
  return {
    person: everyone || (audience.includes('residents') && who.resident),
    organisation: (everyone || audience.includes('organisations')) && who.organisations > 0,
  };
}

export function phaseOf(c: Pick<ConsultationRow, 'opens_at' | 'closes_at' | 'report_published_at'>, now: Date = new Date()): Phase {
  if (c.report_published_at) return 'reported';
  if (now < c.opens_at) return 'planned';
  if (now < c.closes_at) return 'open';
  return 'closed';
}

/**
 * Who a remark is shown as. An anonymous remark is "anonimowo" to everyone — other residents and
 * staff alike, in pages, the report and its PDF (ADR 0028); the author is kept only to mail them the report.
 */
export function shownAuthor(r: Pick<RemarkRow, 'anonymous' | 'author_name' | 'organisation_name'>, anonymousLabel: string): string {
  if (r.anonymous) return anonymousLabel;
  return r.organisation_name ? `${r.organisation_name} (${r.author_name})` : r.author_name;
}

export type DiffPiece = { kind: 'same' | 'added' | 'removed'; text: string };

/** A word diff of `before` → `after`: runs kept, added, removed. */
export function wordDiff(before: string, after: string): DiffPiece[] {
  return diffWords(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** A quote must be a span of the part's text (spaces and case as people select them do not matter). */
export function quoteOccurs(quote: string, body: string): boolean {
  const norm = (s: string) => s.replace(/\s+/gu, ' ').trim().toLocaleLowerCase('pl');
  return norm(body).includes(norm(quote));
}
