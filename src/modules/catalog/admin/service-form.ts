import { z } from 'zod';
import { requiredText, text } from '../../../platform/http/validation';
import { validationError, type FieldErrors } from '../../../platform/http/errors';
import type { FormState } from '../../../platform/ui/context';
import { criteriaSchema, type Criterion } from '../criteria';
import { AREAS, FEE_KINDS, SERVICE_STATUSES, SITUATIONS, TARGET_GROUPS } from '../domain';
import type { ServiceRow } from '../repository';
import { choice, choiceList, chosenId, flag, idList, lines, optionalDecimal, optionalEmail, optionalWhole, parseFields, phone, showDecimal } from './parse';

/** Languages a service can be offered in: ISO 639 codes; "pso" is Polish Sign Language (PJM). */
export const LANGUAGES = ['pl', 'en', 'uk', 'de', 'ru', 'pso'] as const;

/** The yes/no criteria, in the order the form shows them and the criteria list stores them. */
export const FLAG_CRITERIA = ['residence', 'disability_certificate', 'carer', 'household_with_children', 'unemployed'] as const;
type FlagCriterion = (typeof FLAG_CRITERIA)[number];

/** A service as the staff form edits it: the services table's columns (fee_amount as "15.50"), plus its places. */
export type ServiceInput = Omit<ServiceRow, 'id' | 'version' | 'updated_at'> & { location_ids: string[] };

const languageList = () =>
  z
    .preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(8)).max(20))
    .refine((l) => l.every((x) => /^[a-z]{2,3}$/.test(x)), { params: { code: 'invalid' } })
    .refine((l) => l.length > 0, { params: { code: 'languages_required' } })
    .transform((l) => [...new Set(l)]);

const fields = {
  name: requiredText(300).pipe(z.string().min(3)),
  summary: text(500),
  description: text(10_000),
  area: choice(AREAS),
  target_groups: choiceList(TARGET_GROUPS),
  situations: choiceList(SITUATIONS),
  how_to_apply: text(5000),
  required_documents: text(5000)
    .transform(lines)
    .pipe(z.array(z.string()).refine((l) => l.length <= 30, { params: { code: 'documents_too_many' } }).refine((l) => l.every((d) => d.length <= 300), { params: { code: 'document_too_long' } })),
  fee_kind: choice(FEE_KINDS),
  fee_amount: optionalDecimal('fee_amount', { digits: 8, scale: 2 }).transform((v) => (v === null ? null : Number(v).toFixed(2))),
  fee_rule: text(2000),
  capacity: optionalWhole('capacity', 1_000_000),
  capacity_period: text(100),
  eligibility: text(5000),
  min_age: optionalWhole('age', 130, 0),
  max_age: optionalWhole('age', 130, 0),
  max_income: optionalDecimal('income', { digits: 6, scale: 2 }).refine((v) => v === null || (Number(v) > 0 && Number(v) <= 100_000), {
    params: { code: 'income' },
  }),
  residence: flag(),
  disability_certificate: flag(),
  carer: flag(),
  household_with_children: flag(),
  unemployed: flag(),
  status: choice(SERVICE_STATUSES),
  languages: languageList(),
  contact_email: optionalEmail(),
  contact_phone: phone(),
  provider_id: chosenId(),
  location_ids: idList(),
};

type FormOutput = { [K in keyof typeof fields]: z.output<(typeof fields)[K]> };

/** The plain fields of the form → the criteria JSON (an age range, an income limit, yes/no conditions). */
export function criteriaFromForm(f: Pick<FormOutput, 'min_age' | 'max_age' | 'max_income' | FlagCriterion>): Criterion[] {
  const list: Criterion[] = [];
  if (f.min_age !== null || f.max_age !== null) {
    list.push({ type: 'age', ...(f.min_age !== null ? { min: f.min_age } : {}), ...(f.max_age !== null ? { max: f.max_age } : {}) });
  }
  if (f.residence) list.push({ type: 'residence' });
  if (f.max_income !== null) list.push({ type: 'income_per_person', max: Number(f.max_income) });
  for (const type of FLAG_CRITERIA) if (type !== 'residence' && f[type]) list.push({ type });
  return list;
}

/** Which form field a criterion belongs to, for an error found by criteriaSchema. */
const CRITERION_FIELD: Record<Criterion['type'], string> = {
  age: 'max_age',
  residence: 'residence',
  income_per_person: 'max_income',
  disability_certificate: 'disability_certificate',
  carer: 'carer',
  household_with_children: 'household_with_children',
  unemployed: 'unemployed',
};

/** Parses the submitted form, or throws `validation.failed` with an error for each field to fix. */
export function parseServiceForm(body: unknown): ServiceInput {
  const f = parseFields(fields, body, (v, fail) => {
    if (v.fee_kind === 'fixed' && v.fee_amount === null) fail('fee_amount', 'fee_amount_required');
    if (v.fee_kind === 'income_dependent' && v.fee_rule === '') fail('fee_rule', 'fee_rule_required');
    if (typeof v.min_age === 'number' && typeof v.max_age === 'number' && v.min_age > v.max_age) fail('max_age', 'age_range');
  });
  const criteria = criteriaFromForm(f);
  const checked = criteriaSchema.safeParse(criteria);
  if (!checked.success) {
    const fields: FieldErrors = {};
    for (const issue of checked.error.issues) {
      const index = issue.path[0];
      const c = typeof index === 'number' ? criteria[index] : undefined;
      const field = c ? CRITERION_FIELD[c.type] : 'min_age';
      fields[field] ??= { code: (issue.code === 'custom' && (issue.params as { code?: string } | undefined)?.code) || 'invalid' };
    }
    throw validationError(fields);
  }
  return {
    name: f.name,
    summary: f.summary,
    description: f.description,
    area: f.area,
    target_groups: f.target_groups,
    situations: f.situations,
    how_to_apply: f.how_to_apply,
    required_documents: f.required_documents,
    fee_kind: f.fee_kind,
    // A free service has no amount; a typed-in rule stays (it may explain why it is free).
    fee_amount: f.fee_kind === 'free' ? null : f.fee_amount,
    fee_rule: f.fee_rule,
    capacity: f.capacity,
    capacity_period: f.capacity_period,
    eligibility: f.eligibility,
    criteria: checked.data,
    status: f.status,
    languages: f.languages,
    contact_email: f.contact_email,
    contact_phone: f.contact_phone,
    provider_id: f.provider_id,
    location_ids: f.location_ids,
  };
}

/** The criteria JSON → the plain fields of the form ("1" for a ticked box). */
export function criteriaToValues(criteria: Criterion[], locale: 'pl' | 'en'): Record<string, string> {
  const values: Record<string, string> = { min_age: '', max_age: '', max_income: '' };
  for (const c of criteria) {
    if (c.type === 'age') {
      if (c.min !== undefined) values.min_age = String(c.min);
      if (c.max !== undefined) values.max_age = String(c.max);
    } else if (c.type === 'income_per_person') {
      values.max_income = showDecimal(Number.isInteger(c.max) ? c.max : c.max.toFixed(2), locale);
    } else {
      values[c.type] = '1';
    }
  }
  return values;
}

/** A saved service as the form's values, for editing (or for showing the current state after a conflict). */
export function serviceToValues(s: ServiceRow, locationIds: string[], locale: 'pl' | 'en'): FormState['values'] {
  return {
    name: s.name,
    summary: s.summary,
    description: s.description,
    area: s.area,
    target_groups: s.target_groups,
    situations: s.situations ?? [],
    how_to_apply: s.how_to_apply,
    required_documents: s.required_documents.join('\n'),
    fee_kind: s.fee_kind,
    fee_amount: showDecimal(s.fee_amount, locale),
    fee_rule: s.fee_rule,
    capacity: s.capacity === null ? '' : String(s.capacity),
    capacity_period: s.capacity_period,
    eligibility: s.eligibility,
    ...criteriaToValues(s.criteria, locale),
    status: s.status,
    languages: s.languages,
    contact_email: s.contact_email,
    contact_phone: s.contact_phone,
    provider_id: s.provider_id,
    location_ids: locationIds,
    version: String(s.version),
  };
}

/** A new service's form: active, free, offered in Polish, for residents of the municipality. */
export const newServiceValues = (): FormState['values'] => ({ status: 'active', fee_kind: 'free', languages: ['pl'], residence: '1', target_groups: [], situations: [], location_ids: [] });
