import { z } from 'zod';
import { choice, choiceList, parseFields, parseTime, requiredDay, timeOfDay } from '../../platform/http/form-fields';
import { longText, requiredText, shortText, text } from '../../platform/http/validation';
import type { FormState } from '../../platform/ui/context';
import { warsawInstant, warsawParts } from '../../platform/time';
import { SPHERE_CODES } from '../organisations';
import { AUDIENCES, FORMS, POSITIONS, type Audience, type ConsultationForm, type ConsultationRow, type PartRow, type Position } from './domain';

/** The module's forms; each reports every mistake at once, with a Polish message per field. */

const checked = () => z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean());
const optionalId = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(40)).refine((v) => v === '' || z.uuid().safeParse(v).success, { params: { code: 'invalid' } })
    .transform((v) => (v === '' ? null : v.toLowerCase()));
const nonEmpty = <T extends string>(list: readonly T[]) => choiceList(list).refine((l) => l.length > 0, { params: { code: 'required' } });

const consultationFields = {
  subject: requiredText(300).pipe(z.string().min(3)),
  legal_basis: shortText(),
  audience: nonEmpty(AUDIENCES),
  forms: nonEmpty(FORMS),
  meeting_id: optionalId(),
  opens_on: requiredDay(),
  opens_time: timeOfDay(),
  closes_on: requiredDay(),
  closes_time: timeOfDay(),
  contact: longText(),
  documents: longText(),
  allow_anonymous: checked(),
  spheres: choiceList(SPHERE_CODES),
};
export const CONSULTATION_FIELDS = Object.keys(consultationFields);

export interface ConsultationInput {
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
  spheres: string[];
}

/** A consultation: the period is given in Warsaw time, and must end after it begins. */
export function parseConsultationForm(body: unknown): ConsultationInput {
  const f = parseFields(consultationFields, body, (v, fail) => {
    if (v.opens_on && v.opens_time && v.closes_on && v.closes_time && `${v.closes_on} ${v.closes_time}` <= `${v.opens_on} ${v.opens_time}`) fail('closes_on', 'consultation_period_order');
  });
  return {
    subject: f.subject, legal_basis: f.legal_basis, audience: f.audience, forms: f.forms, meeting_id: f.meeting_id, contact: f.contact, documents: f.documents,
    allow_anonymous: f.allow_anonymous, spheres: f.spheres, opens_at: warsawInstant(f.opens_on, f.opens_time), closes_at: warsawInstant(f.closes_on, f.closes_time),
  };
}

export function consultationToValues(c: ConsultationRow): FormState['values'] {
  const opens = warsawParts(c.opens_at);
  const closes = warsawParts(c.closes_at);
  return {
    subject: c.subject, legal_basis: c.legal_basis, audience: c.audience, forms: c.forms, meeting_id: c.meeting_id ?? '', opens_on: opens.day, opens_time: opens.time,
    closes_on: closes.day, closes_time: closes.time, contact: c.contact, documents: c.documents, allow_anonymous: c.allow_anonymous ? '1' : '', spheres: c.spheres, version: String(c.version),
  };
}

const commentFields = {
  organisation_id: optionalId(),
  anonymous: checked(),
  quote: text(1000),
  content: requiredText(5000),
  proposal: text(5000),
};
export type CommentInput = z.output<z.ZodObject<typeof commentFields>>;
export const COMMENT_FIELDS = Object.keys(commentFields);
export const parseCommentForm = (body: unknown): CommentInput => parseFields(commentFields, body);

const writtenFields = {
  part_id: optionalId(),
  source: choice(['written', 'meeting'] as const),
  author_name: requiredText(200),
  organisation_name: text(300),
  received_on: requiredDay(),
  content: requiredText(5000),
  proposal: text(5000),
};
export type WrittenInput = z.output<z.ZodObject<typeof writtenFields>>;
export const WRITTEN_FIELDS = Object.keys(writtenFields);
export const parseWrittenForm = (body: unknown): WrittenInput => parseFields(writtenFields, body);

const positionFields = {
  position: choice(POSITIONS),
  reasons: text(5000),
};
export const POSITION_FIELDS = Object.keys(positionFields);
/** A position; every one but "accepted" needs its reasons. */
export function parsePositionForm(body: unknown): { position: Position; reasons: string } {
  return parseFields(positionFields, body, (v, fail) => {
    if (v.position && v.position !== 'accepted' && !v.reasons) fail('reasons', 'consultation_reasons_required');
  });
}

const hideFields = { reason: requiredText(500) };
export const parseHideForm = (body: unknown): { reason: string } => parseFields(hideFields, body);

const partFields = { label: requiredText(200), chapter: text(300), body: requiredText(20_000) };
export const PART_FIELDS = Object.keys(partFields);
export const parsePartForm = (body: unknown): { label: string; chapter: string; body: string } => parseFields(partFields, body);
export const partToValues = (p: PartRow): FormState['values'] => ({ label: p.label, chapter: p.chapter, body: p.body, version: String(p.version) });

const titleFields = { title: requiredText(300) };
export const parseTitleForm = (body: unknown): { title: string } => parseFields(titleFields, body);

const pasteFields = { text: requiredText(20_000) };
export const parsePasteForm = (body: unknown): { text: string } => parseFields(pasteFields, body);

export { parseTime };

/** The kinds of question a consultation's short survey offers (the surveys module has more, in its builder). */
export const SURVEY_KINDS = ['single', 'multiple', 'scale', 'long_text'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

const surveyQuestionFields = {
  text: requiredText(1000),
  kind: choice(SURVEY_KINDS),
  choices: text(3000),
  required: checked(),
};
export const SURVEY_QUESTION_FIELDS = Object.keys(surveyQuestionFields);
export interface SurveyQuestionInput {
  text: string;
  kind: SurveyKind;
  /** One a line; at least two for single and multiple choice, ignored otherwise. */
  choices: string[];
  required: boolean;
}

/** A question of the short survey: a choice needs at least two answers, one a line (at most 20). */
export function parseSurveyQuestionForm(body: unknown): SurveyQuestionInput {
  const lines = (raw: string) => raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const f = parseFields(surveyQuestionFields, body, (v, fail) => {
    const n = lines(v.choices ?? '').length;
    if ((v.kind === 'single' || v.kind === 'multiple') && (n < 2 || n > 20)) fail('choices', 'consultation_survey_choices');
  });
  return { text: f.text, kind: f.kind, choices: f.kind === 'single' || f.kind === 'multiple' ? lines(f.choices) : [], required: f.required };
}
