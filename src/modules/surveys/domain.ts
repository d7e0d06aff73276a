import type { FieldErrors } from '../../platform/http/errors';

/** Surveys (ADR 0031): kinds of questions, the survey's settings, skip logic and the check of one page's answers. */

export const KINDS = ['single', 'multiple', 'scale', 'number', 'short_text', 'long_text', 'grid'] as const;
export type Kind = (typeof KINDS)[number];
export const PURPOSES = ['diagnosis', 'consultation', 'satisfaction', 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const AUDIENCES = ['link', 'residents', 'organisations'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const LAYOUTS = ['one_per_page', 'all_on_one_page'] as const;
export type SurveyLayout = (typeof LAYOUTS)[number];
export type Status = 'draft' | 'open' | 'closed';

/** Kinds whose answers are choices another question can depend on, and that the analysis counts. */
export const CHOICE_KINDS: readonly Kind[] = ['single', 'multiple', 'scale'];

export interface Choice {
  value: string;
  pl: string;
  en: string;
}

export interface SurveyRow {
  id: string;
  title_pl: string;
  title_en: string;
  intro_pl: string;
  intro_en: string;
  purpose: Purpose;
  owner_module: string | null;
  owner_id: string | null;
  anonymous: boolean;
  audience: Audience;
  layout: SurveyLayout;
  opens_at: Date;
  closes_at: Date;
  status: Status;
  current_version: number;
  min_cell: number;
  version: number;
}

export interface SectionRow {
  id: string;
  key: string;
  position: number;
  title_pl: string;
  title_en: string;
  show_if_question: string | null;
  show_if_choice: string | null;
}

export interface QuestionRow {
  id: string;
  key: string;
  section_id: string;
  position: number;
  kind: Kind;
  text_pl: string;
  text_en: string;
  required: boolean;
  choices: Choice[];
  grid_rows: Choice[];
  scale_min: number | null;
  scale_max: number | null;
  scale_labels: Record<string, string>;
  number_min: number | null;
  number_max: number | null;
  show_if_question: string | null;
  show_if_choice: string | null;
  version: number;
}

/** One stored item of an answer (a choice, a number or a text; a grid row's value). */
export interface AnswerItem {
  row_key: string;
  choice: string;
  number_value: number | null;
  text_value: string | null;
}
export type Answers = Map<string, AnswerItem[]>;

/** Answering is possible while the survey is open and the server's clock is within its period. */
export function isAnswerable(s: Pick<SurveyRow, 'status' | 'opens_at' | 'closes_at'>, now = new Date()): boolean {
  return s.status === 'open' && new Date(s.opens_at) <= now && now < new Date(s.closes_at);
}

/** The text in the reader's language, Polish when there is no translation. */
export const inLocale = (locale: string, pl: string, en: string): string => (locale === 'en' && en.trim() ? en : pl);

/** The chosen values of each question (by its key, which lasts across versions). */
export function chosenByKey(questions: readonly QuestionRow[], answers: Answers): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const q of questions) {
    const items = answers.get(q.id);
    if (items?.length) map.set(q.key, new Set(items.map((i) => i.choice)));
  }
  return map;
}

const conditionHolds = (question: string | null, choice: string | null, chosen: Map<string, Set<string>>) => !question || Boolean(chosen.get(question)?.has(choice ?? ''));

/** The questions shown with these answers, in order: a section's or a question's condition not met hides it (skip logic, server-side). */
export function visibleQuestions(sections: readonly SectionRow[], questions: readonly QuestionRow[], answers: Answers): QuestionRow[] {
  const shown: QuestionRow[] = [];
  // Conditions only look back: walking in order, what an earlier hidden question "chose" does not count.
  const kept: Answers = new Map();
  for (const section of [...sections].sort((a, b) => a.position - b.position)) {
    if (!conditionHolds(section.show_if_question, section.show_if_choice, chosenByKey(shown, kept))) continue;
    for (const q of questions.filter((x) => x.section_id === section.id).sort((a, b) => a.position - b.position)) {
      if (!conditionHolds(q.show_if_question, q.show_if_choice, chosenByKey(shown, kept))) continue;
      shown.push(q);
      const items = answers.get(q.id);
      if (items) kept.set(q.id, items);
    }
  }
  return shown;
}

/** The pages: one question each, or every visible question on one page. */
export function pagesOf(layout: SurveyLayout, visible: readonly QuestionRow[]): QuestionRow[][] {
  if (visible.length === 0) return [];
  return layout === 'all_on_one_page' ? [[...visible]] : visible.map((q) => [q]);
}

export const fieldName = (q: Pick<QuestionRow, 'id'>, row?: string) => (row === undefined ? `q_${q.id}` : `q_${q.id}_${row}`);

const asList = (v: unknown): string[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const asText = (v: unknown): string => (typeof v === 'string' ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? v[0].trim() : '');

/** A number as people type it: spaces between thousands, a decimal comma. */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(s) ? Number(s) : null;
}

function scaleValue(raw: string, q: QuestionRow): number | 'invalid' {
  const n = parseNumber(raw);
  if (n === null || !Number.isInteger(n) || n < (q.scale_min ?? 1) || n > (q.scale_max ?? 5)) return 'invalid';
  return n;
}

/**
 * One page's answers from the form: every question's items, and its field errors (in Polish by code) —
 * a required one left empty only when `requireAnswers` (going forward or sending), never when going back.
 */
export function readPage(page: readonly QuestionRow[], body: Record<string, unknown>, requireAnswers: boolean): { answers: Answers; errors: FieldErrors } {
  const answers: Answers = new Map();
  const errors: FieldErrors = {};
  for (const q of page) {
    const name = fieldName(q);
    const items: AnswerItem[] = [];
    const item = (over: Partial<AnswerItem>): AnswerItem => ({ row_key: '', choice: '', number_value: null, text_value: null, ...over });
    if (q.kind === 'single' || q.kind === 'multiple') {
      const values = asList(body[name]);
      const known = new Set(q.choices.map((c) => c.value));
      if (values.some((v) => !known.has(v)) || (q.kind === 'single' && values.length > 1)) errors[name] = { code: 'invalid' };
      else for (const v of new Set(values)) items.push(item({ choice: v }));
    } else if (q.kind === 'scale') {
      const raw = asText(body[name]);
      if (raw) {
        const n = scaleValue(raw, q);
        if (n === 'invalid') errors[name] = { code: 'survey_scale_range', params: { min: q.scale_min ?? 1, max: q.scale_max ?? 5 } };
        else items.push(item({ choice: String(n), number_value: n }));
      }
    } else if (q.kind === 'grid') {
      for (const row of q.grid_rows) {
        const raw = asText(body[fieldName(q, row.value)]);
        if (!raw) continue;
        const n = scaleValue(raw, q);
        if (n === 'invalid') errors[name] = { code: 'survey_scale_range', params: { min: q.scale_min ?? 1, max: q.scale_max ?? 5 } };
        else items.push(item({ row_key: row.value, choice: String(n), number_value: n }));
      }
      if (!errors[name] && requireAnswers && q.required && items.length > 0 && items.length < q.grid_rows.length) errors[name] = { code: 'survey_grid_incomplete' };
    } else if (q.kind === 'number') {
      const raw = asText(body[name]);
      if (raw) {
        const n = parseNumber(raw);
        if (n === null) errors[name] = { code: 'survey_number' };
        else if ((q.number_min !== null && n < q.number_min) || (q.number_max !== null && n > q.number_max))
          errors[name] = { code: 'survey_number_range', params: { min: q.number_min ?? '—', max: q.number_max ?? '—' } };
        else items.push(item({ number_value: n }));
      }
    } else {
      const raw = asText(body[name]);
      const max = q.kind === 'short_text' ? 300 : 5000;
      if (raw.length > max) errors[name] = { code: 'too_long', params: { max } };
      else if (raw) items.push(item({ text_value: raw }));
    }
    if (!errors[name] && requireAnswers && q.required && items.length === 0) errors[name] = { code: 'required' };
    if (!errors[name]) answers.set(q.id, items);
  }
  return { answers, errors };
}

/** The answers' values to put back into a form (what was saved, or what was typed). */
export function answersToValues(questions: readonly QuestionRow[], answers: Answers): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const q of questions) {
    const items = answers.get(q.id) ?? [];
    if (q.kind === 'multiple') values[fieldName(q)] = items.map((i) => i.choice);
    else if (q.kind === 'grid') for (const i of items) values[fieldName(q, i.row_key)] = i.choice;
    else if (q.kind === 'number') values[fieldName(q)] = items[0]?.number_value === null || items[0] === undefined ? '' : String(items[0].number_value).replace('.', ',');
    else if (q.kind === 'short_text' || q.kind === 'long_text') values[fieldName(q)] = items[0]?.text_value ?? '';
    else values[fieldName(q)] = items[0]?.choice ?? '';
  }
  return values;
}

/** The smallest count shown: a cell below it reads "<n" (ADR 0031). */
export const suppressed = (count: number, minCell: number): string | null => (count > 0 && count < minCell ? `<${minCell}` : null);
