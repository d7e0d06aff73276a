import { z } from 'zod';
import { choice, lines, optionalWhole, parseFields, requiredDay, timeOfDay } from '../../platform/http/form-fields';
import { longText, requiredText, shortText, text } from '../../platform/http/validation';
import { warsawInstant, warsawParts } from '../../platform/time';
import type { FormState } from '../../platform/ui/context';
import { AUDIENCES, KINDS, LAYOUTS, parseNumber, PURPOSES, type Audience, type Choice, type Purpose, type QuestionRow, type SurveyLayout, type SurveyRow } from './domain';

/** The builder's forms; each reports every mistake at once, with a Polish message per field. */

const checked = () => z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean());

const surveyFields = {
  title_pl: requiredText(300).pipe(z.string().min(3)),
  title_en: shortText(),
  intro_pl: longText(),
  intro_en: longText(),
  purpose: choice(PURPOSES),
  audience: choice(AUDIENCES),
  layout: choice(LAYOUTS),
  anonymous: checked(),
  opens_on: requiredDay(),
  opens_time: timeOfDay(),
  closes_on: requiredDay(),
  closes_time: timeOfDay(),
  min_cell: optionalWhole('survey_min_cell', 3, 100),
};
export const SURVEY_FIELDS = Object.keys(surveyFields);

export interface SurveyInput {
  title_pl: string;
  title_en: string;
  intro_pl: string;
  intro_en: string;
  purpose: Purpose;
  audience: Audience;
  layout: SurveyLayout;
  anonymous: boolean;
  opens_at: Date;
  closes_at: Date;
  min_cell: number;
}

export function parseSurveyForm(body: unknown): SurveyInput {
  const f = parseFields(surveyFields, body, (v, fail) => {
    if (v.opens_on && v.opens_time && v.closes_on && v.closes_time && `${v.closes_on} ${v.closes_time}` <= `${v.opens_on} ${v.opens_time}`) fail('closes_on', 'survey_period_order');
  });
  return {
    title_pl: f.title_pl, title_en: f.title_en, intro_pl: f.intro_pl, intro_en: f.intro_en, purpose: f.purpose, audience: f.audience, layout: f.layout, anonymous: f.anonymous,
    opens_at: warsawInstant(f.opens_on, f.opens_time), closes_at: warsawInstant(f.closes_on, f.closes_time), min_cell: f.min_cell ?? 5,
  };
}

export function surveyToValues(s: SurveyRow): FormState['values'] {
  const opens = warsawParts(s.opens_at);
  const closes = warsawParts(s.closes_at);
  return {
    title_pl: s.title_pl, title_en: s.title_en, intro_pl: s.intro_pl, intro_en: s.intro_en, purpose: s.purpose, audience: s.audience, layout: s.layout, anonymous: s.anonymous ? '1' : '',
    opens_on: opens.day, opens_time: opens.time, closes_on: closes.day, closes_time: closes.time, min_cell: String(s.min_cell), version: String(s.version),
  };
}

/** Choices typed one a line, "Polish | English" (the English optional); values a, b, c… in order. */
export function parseChoices(raw: string): Choice[] {
  return lines(raw).map((line, i) => {
    const [pl, en] = line.split('|').map((x) => x.trim());
    return { value: i < 26 ? String.fromCharCode(97 + i) : `c${i + 1}`, pl: pl ?? '', en: en ?? '' };
  });
}
export const choicesToText = (list: readonly Choice[]) => list.map((c) => (c.en ? `${c.pl} | ${c.en}` : c.pl)).join('\n');

const optionalNumber = (code: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(40)).transform((v, ctx) => {
    if (v === '') return null;
    const n = parseNumber(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', params: { code } });
      return z.NEVER;
    }
    return n;
  });

const questionFields = {
  section: requiredText(40),
  kind: choice(KINDS),
  text_pl: requiredText(1000),
  text_en: text(1000),
  required: checked(),
  choices: text(5000),
  grid_rows: text(5000),
  scale_min: optionalWhole('survey_scale_bounds', 0, 100),
  scale_max: optionalWhole('survey_scale_bounds', 0, 100),
  scale_min_pl: shortText(),
  scale_max_pl: shortText(),
  scale_min_en: shortText(),
  scale_max_en: shortText(),
  number_min: optionalNumber('survey_number'),
  number_max: optionalNumber('survey_number'),
  show_if: text(200),
};
export const QUESTION_FIELDS = Object.keys(questionFields);

/** What the question form gives: a stored question's content, and the section it goes in. */
export type QuestionInput = Omit<QuestionRow, 'id' | 'key' | 'section_id' | 'position' | 'version'> & { section_key: string; section_id?: string };

/** A question: choices for single/multiple (at least two), a scale's bounds (min below max), a grid's rows; the skip condition "key:choice". */
export function parseQuestionForm(body: unknown): QuestionInput {
  const f = parseFields(questionFields, body, (v, fail) => {
    const choiceCount = parseChoices(v.choices ?? '').length;
    if ((v.kind === 'single' || v.kind === 'multiple') && choiceCount < 2) fail('choices', 'survey_choices');
    if (v.kind === 'grid' && parseChoices(v.grid_rows ?? '').length < 1) fail('grid_rows', 'survey_grid_rows');
    if ((v.kind === 'scale' || v.kind === 'grid') && (v.scale_min ?? 1) >= (v.scale_max ?? 5)) fail('scale_max', 'survey_scale_bounds');
    if (v.number_min !== null && v.number_min !== undefined && v.number_max !== null && v.number_max !== undefined && v.number_min > v.number_max) fail('number_max', 'survey_number_bounds');
    if (v.show_if && !/^[0-9a-f-]{36}:[a-z0-9]{1,12}$/.test(v.show_if)) fail('show_if', 'invalid');
  });
  const scaled = f.kind === 'scale' || f.kind === 'grid';
  const [showQ, showC] = f.show_if ? f.show_if.split(':') : [null, null];
  return {
    section_key: f.section, kind: f.kind, text_pl: f.text_pl, text_en: f.text_en, required: f.required,
    choices: f.kind === 'single' || f.kind === 'multiple' ? parseChoices(f.choices) : [],
    grid_rows: f.kind === 'grid' ? parseChoices(f.grid_rows) : [],
    scale_min: scaled ? (f.scale_min ?? 1) : null, scale_max: scaled ? (f.scale_max ?? 5) : null,
    scale_labels: scaled ? { min_pl: f.scale_min_pl, max_pl: f.scale_max_pl, min_en: f.scale_min_en, max_en: f.scale_max_en } : {},
    number_min: f.kind === 'number' ? f.number_min : null, number_max: f.kind === 'number' ? f.number_max : null,
    show_if_question: showQ ?? null, show_if_choice: showC ?? null,
  };
}

export function questionToValues(q: QuestionRow, sectionKey: string): FormState['values'] {
  const n = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));
  return {
    section: sectionKey, kind: q.kind, text_pl: q.text_pl, text_en: q.text_en, required: q.required ? '1' : '', choices: choicesToText(q.choices), grid_rows: choicesToText(q.grid_rows),
    scale_min: n(q.scale_min), scale_max: n(q.scale_max), scale_min_pl: q.scale_labels.min_pl ?? '', scale_max_pl: q.scale_labels.max_pl ?? '',
    scale_min_en: q.scale_labels.min_en ?? '', scale_max_en: q.scale_labels.max_en ?? '', number_min: n(q.number_min), number_max: n(q.number_max),
    show_if: q.show_if_question ? `${q.show_if_question}:${q.show_if_choice}` : '', version: String(q.version),
  };
}

const sectionFields = { title_pl: requiredText(300), title_en: shortText(), show_if: text(200) };
export const SECTION_FIELDS = Object.keys(sectionFields);
export function parseSectionForm(body: unknown) {
  const f = parseFields(sectionFields, body, (v, fail) => {
    if (v.show_if && !/^[0-9a-f-]{36}:[a-z0-9]{1,12}$/.test(v.show_if)) fail('show_if', 'invalid');
  });
  const [q, c] = f.show_if ? f.show_if.split(':') : [null, null];
  return { title_pl: f.title_pl, title_en: f.title_en, show_if_question: q ?? null, show_if_choice: c ?? null };
}

export const crossSchema = z.object({ a: z.string().max(40).optional(), b: z.string().max(40).optional() });
