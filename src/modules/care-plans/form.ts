import { z } from 'zod';
import { choice, chosenId, optionalDay, parseFields, requiredDay, versionField } from '../../platform/http/form-fields';
import { requiredText, text } from '../../platform/http/validation';
import { ITEM_COLUMNS, type AnyItemValues } from './repository-items';
import { MOVES, oneYearAfter, PROVIDER_KINDS, SUMMARY_MIN, type ItemKind } from './domain';

/** The plan's forms: every mistake at once, each field's error in Polish; checks against the saved plan are the services'. */

/** Required text of `min`–`max` characters: empty is `required`, short is `too_short` (with its minimum). */
const between = (min: number, max: number) => requiredText(max).pipe(z.string().min(min));
const optionalId = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v), z.string().max(64))
    .refine((v) => v === '' || z.uuid().safeParse(v).success, { params: { code: 'invalid' } })
    .transform((v) => (v === '' ? null : v.toLowerCase()));

export const versionSchema = z.object({ version: versionField() });
export const moveSchema = z.object({ version: versionField(), move: z.enum(MOVES) });

export const HEADER_FIELDS = ['valid_from', 'valid_until', 'situation'] as const;
const headerShape = { valid_from: requiredDay(), valid_until: requiredDay(), situation: text(10000) };

export interface HeaderInput {
  situation: string;
  validFrom: string;
  validUntil: string;
}

/** Validity from–until, at most a year ("until" no later than the same day a year on), and the resident's situation. */
export function parseHeader(body: unknown): HeaderInput {
  const v = parseFields(headerShape, body, (v, fail) => {
    if (!v.valid_from || !v.valid_until) return;
    if (v.valid_until < v.valid_from) fail('valid_until', 'date_range');
    else if (v.valid_until > oneYearAfter(v.valid_from)) fail('valid_until', 'care_plan_longer_than_year');
  });
  return { situation: v.situation, validFrom: v.valid_from, validUntil: v.valid_until };
}

const itemShapes = {
  goals: { description: between(3, 2000), measure: text(1000) },
  services: {
    service_id: optionalId(),
    description: between(3, 1000),
    frequency: between(2, 200),
    provider_kind: choice(PROVIDER_KINDS),
    provider_unit_id: optionalId(),
    provider_organisation_id: optionalId(),
    provider_name: text(300),
  },
  commitments: { description: between(3, 1000), due_on: optionalDay() },
  reviews: { review_on: requiredDay() },
} satisfies Record<ItemKind, Record<string, z.ZodType>>;

/** The labels' order on a page: the form's fields, for error summaries and conflict panels. */
export const ITEM_FIELDS: Record<ItemKind, readonly string[]> = {
  goals: ITEM_COLUMNS.goals,
  services: ['service_id', 'description', 'frequency', 'provider_kind', 'provider_unit_id', 'provider_organisation_id', 'provider_name'],
  commitments: ITEM_COLUMNS.commitments,
  reviews: ITEM_COLUMNS.reviews,
};

/** One item of a plan; a service names one provider: a unit, an organisation, or another by name (the others are cleared). */
export function parseItem(kind: ItemKind, body: unknown): AnyItemValues {
  const values = parseFields(itemShapes[kind] as Record<string, z.ZodType>, body, (v, fail) => {
    if (kind !== 'services') return;
    if (v.provider_kind === 'unit' && !v.provider_unit_id) fail('provider_unit_id', 'required');
    if (v.provider_kind === 'organisation' && !v.provider_organisation_id) fail('provider_organisation_id', 'required');
    if (v.provider_kind === 'other' && !v.provider_name) fail('provider_name', 'required');
  }) as Record<string, string | null>;
  if (kind === 'services') {
    const k = values.provider_kind;
    return { ...values, provider_unit_id: k === 'unit' ? values.provider_unit_id! : null, provider_organisation_id: k === 'organisation' ? values.provider_organisation_id! : null, provider_name: k === 'other' ? values.provider_name! : '' };
  }
  return values;
}

/** A saved item as the values of its form. */
export function itemToValues(kind: ItemKind, row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(ITEM_FIELDS[kind].map((f) => [f, row[f] === null || row[f] === undefined ? '' : String(row[f])]));
}

const noteShape = { noted_on: requiredDay(), note_body: between(3, 5000) };
export function parseNote(body: unknown, today: string): { notedOn: string; body: string } {
  const v = parseFields(noteShape, body, (v, fail) => {
    if (v.noted_on && v.noted_on > today) fail('noted_on', 'care_plan_future_day');
  });
  return { notedOn: v.noted_on, body: v.note_body };
}

const reviewShape = { review_id: chosenId(), review_note: between(3, 5000) };
/** A review date done: which one, and what the review found. */
export function parseReviewDone(body: unknown): { reviewId: string; note: string } {
  const v = parseFields(reviewShape, body);
  return { reviewId: v.review_id.toLowerCase(), note: v.review_note };
}

export function parseReturn(body: unknown): { version: number; note: string } {
  const v = parseFields({ version: versionField(), return_note: between(3, 2000) }, body);
  return { version: v.version, note: v.return_note };
}

const closeShape = { version: versionField(), final_interview_on: requiredDay(), final_summary: text(10000) };
/** Closing: the day of the final interview (not in the future) and a written summary of the course and results. */
export function parseClose(body: unknown, today: string): { version: number; interviewOn: string; summary: string } {
  const v = parseFields(closeShape, body, (v, fail) => {
    if (v.final_interview_on && v.final_interview_on > today) fail('final_interview_on', 'care_plan_future_day');
    if (v.final_summary !== undefined && v.final_summary.length < SUMMARY_MIN) fail('final_summary', 'care_plan_summary_short');
  });
  return { version: v.version, interviewOn: v.final_interview_on, summary: v.final_summary };
}
