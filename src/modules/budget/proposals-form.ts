import { z } from 'zod';
import { choice, chosenId, optionalDay, optionalWhole, parseFields, versionField } from '../../platform/http/form-fields';
import { longText, requiredText } from '../../platform/http/validation';
import { validationError, type FieldErrors } from '../../platform/http/errors';
import { endOfWarsawDay, startOfWarsawDay } from '../../platform/time';
import { BALLOT_KINDS, PHASES, RULES, type CostLine, type Phase, type PoolKind } from './domain';
import { CHECKS, type ProposalInput } from './proposals-domain';
import type { ChecksInput } from './repository-proposals';
import type { RuleName } from './rules';

/** The forms of proposals, verification, appeals and a new edition: every mistake at once, a Polish message per field. */

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Rows of cost lines on the proposal form (no JavaScript: a fixed number, empty ones ignored). */
export const COST_LINE_ROWS = 8;
export const lineItem = (i: number) => `line_item_${i}`;
export const lineAmount = (i: number) => `line_amount_${i}`;

const proposalFields = {
  pool_id: chosenId(),
  title: requiredText(300).pipe(z.string().min(3)),
  description: requiredText(5000),
  place: requiredText(300),
};
export const PROPOSAL_FIELDS = [...Object.keys(proposalFields), lineItem(0)];

export function parseProposal(body: unknown): ProposalInput {
  const b = (body ?? {}) as Body;
  const errors: FieldErrors = {};
  let f: z.output<z.ZodObject<typeof proposalFields>> | null = null;
  try {
    f = parseFields(proposalFields, body);
  } catch (err) {
    Object.assign(errors, (err as { fields?: FieldErrors }).fields ?? {});
    if (!(err as { fields?: FieldErrors }).fields) throw err;
  }
  const lines: CostLine[] = [];
  const amount = optionalWhole('budget_amount', 1, 999_999_999);
  for (let i = 0; i < COST_LINE_ROWS; i++) {
    const item = str(b[lineItem(i)]);
    const raw = str(b[lineAmount(i)]);
    if (item === '' && raw === '') continue;
    if (item === '') errors[lineItem(i)] = { code: 'required' };
    else if (item.length > 300 || item.includes('\u0000')) errors[lineItem(i)] = { code: 'too_long', params: { max: 300 } };
    const parsed = amount.safeParse(raw);
    if (!parsed.success || parsed.data === null) errors[lineAmount(i)] = { code: 'budget_amount' };
    else if (item !== '') lines.push({ item, amount: parsed.data });
  }
  if (lines.length === 0 && !Object.keys(errors).some((k) => k.startsWith('line_'))) errors[lineItem(0)] = { code: 'budget_cost_lines' };
  if (Object.keys(errors).length || !f) throw validationError(errors);
  return { pool_id: f.pool_id.toLowerCase(), title: f.title, description: f.description, place: f.place, lines };
}

export const parseVersion = (body: unknown): number => parseFields({ version: versionField() }, body).version;

const verdictChoice = () =>
  z.preprocess((v) => (v === undefined ? '' : v), z.string())
    .refine((v) => ['', 'yes', 'no'].includes(v), { params: { code: 'invalid' } })
    .transform((v) => (v === '' ? null : v === 'yes'));

/** The four checks: each passed, failed or not yet done; a failed one needs its reason. */
export function parseChecks(body: unknown): ChecksInput {
  const shape = Object.fromEntries(CHECKS.flatMap((c) => [[`${c}_ok`, verdictChoice()], [`${c}_reason`, longText()]]));
  const f = parseFields(shape, body, (v, fail) => {
    for (const c of CHECKS) if (v[`${c}_ok`] === false && v[`${c}_reason`] === '') fail(`${c}_reason`, 'budget_reason_required');
  }) as unknown as ChecksInput;
  return f;
}
export const CHECK_FIELDS = CHECKS.flatMap((c) => [`${c}_ok`, `${c}_reason`]);

export const parseAppeal = (body: unknown) => parseFields({ appeal_text: requiredText(5000) }, body).appeal_text;

export function parseAppealDecision(body: unknown) {
  return parseFields({ decision: choice(['upheld', 'dismissed'] as const), appeal_reason: requiredText(5000) }, body);
}

/** Pool rows on the new-edition form. */
export const POOL_ROWS = 6;
export const poolField = (i: number, f: 'name' | 'kind' | 'budget' | 'residents' | 'threshold') => `pool_${i}_${f}`;
export const phaseField = (phase: Phase, end: 'from' | 'to') => `${phase}_${end}`;
export const REQUIRED_PHASES: readonly Phase[] = ['proposals', 'verification', 'voting'];

export interface NewEdition {
  name: string;
  year: number;
  ballot_kind: (typeof BALLOT_KINDS)[number];
  max_projects: number | null;
  max_points: number | null;
  rule: RuleName;
  min_score: number | null;
  age_limit: number | null;
  appeal_days: number;
  change_allowed: boolean;
  publish: boolean;
  phases: { phase: Phase; starts_at: Date; ends_at: Date }[];
  pools: { kind: PoolKind; name: string; budget: number; residents: number | null; threshold: number | null }[];
}

const editionFields = {
  name: requiredText(300).pipe(z.string().min(3)),
  year: optionalWhole('budget_year', 2000, 2200).refine((v) => v !== null, { params: { code: 'required' } }),
  ballot_kind: choice(BALLOT_KINDS),
  max_projects: optionalWhole('budget_whole', 1, 1000),
  max_points: optionalWhole('budget_whole', 1, 1000),
  rule: choice(RULES),
  min_score: optionalWhole('budget_whole', 0, 1_000_000),
  age_limit: optionalWhole('budget_whole', 0, 120),
  appeal_days: optionalWhole('budget_whole', 1, 60),
  change_allowed: z.preprocess((v) => v === '1' || v === 'on', z.boolean()),
  publish: z.preprocess((v) => v === '1' || v === 'on', z.boolean()),
};
export const EDITION_FIELDS = Object.keys(editionFields);

/** A new edition: its rules, the phases as Warsaw days (from the first day's start to the last day's end), the pools. */
export function parseEdition(body: unknown): NewEdition {
  const b = (body ?? {}) as Body;
  const errors: FieldErrors = {};
  let f: z.output<z.ZodObject<typeof editionFields>> | null = null;
  try {
    f = parseFields(editionFields, body, (v, fail) => {
      if (v.ballot_kind === 'cumulative' && v.max_points === null) fail('max_points', 'required');
      if (v.rule === 'greedy-threshold' && v.min_score === null) fail('min_score', 'required');
    });
  } catch (err) {
    if (!(err as { fields?: FieldErrors }).fields) throw err;
    Object.assign(errors, (err as { fields: FieldErrors }).fields);
  }
  const phases: NewEdition['phases'] = [];
  for (const phase of PHASES) {
    const from = optionalDay().safeParse(b[phaseField(phase, 'from')]);
    const to = optionalDay().safeParse(b[phaseField(phase, 'to')]);
    if (!from.success) errors[phaseField(phase, 'from')] = { code: 'date' };
    if (!to.success) errors[phaseField(phase, 'to')] = { code: 'date' };
    if (!from.success || !to.success) continue;
    if (from.data === null && to.data === null) {
      if (REQUIRED_PHASES.includes(phase)) errors[phaseField(phase, 'from')] = { code: 'required' };
      continue;
    }
    if (from.data === null || to.data === null) {
      errors[phaseField(phase, from.data === null ? 'from' : 'to')] = { code: 'required' };
      continue;
    }
    if (to.data < from.data) {
      errors[phaseField(phase, 'to')] = { code: 'budget_phase_order' };
      continue;
    }
    phases.push({ phase, starts_at: startOfWarsawDay(from.data), ends_at: endOfWarsawDay(to.data) });
  }
  const pools: NewEdition['pools'] = [];
  for (let i = 0; i < POOL_ROWS; i++) {
    const name = str(b[poolField(i, 'name')]);
    const rawBudget = str(b[poolField(i, 'budget')]);
    if (name === '' && rawBudget === '') continue;
    if (name === '') errors[poolField(i, 'name')] = { code: 'required' };
    else if (name.length > 200) errors[poolField(i, 'name')] = { code: 'too_long', params: { max: 200 } };
    const kind = str(b[poolField(i, 'kind')]);
    if (kind !== 'city' && kind !== 'district') errors[poolField(i, 'kind')] = { code: 'required' };
    const budget = optionalWhole('budget_amount', 1, 999_999_999).safeParse(rawBudget);
    if (!budget.success || budget.data === null) errors[poolField(i, 'budget')] = { code: 'budget_amount' };
    const residents = optionalWhole('budget_whole', 0, 10_000_000).safeParse(b[poolField(i, 'residents')]);
    if (!residents.success) errors[poolField(i, 'residents')] = { code: 'budget_whole' };
    const threshold = optionalWhole('budget_whole', 0, 10_000).safeParse(b[poolField(i, 'threshold')]);
    if (!threshold.success) errors[poolField(i, 'threshold')] = { code: 'budget_whole' };
    else if (threshold.data !== null && (!residents.success || residents.data === null || threshold.data * 1000 > residents.data)) {
      errors[poolField(i, 'threshold')] = { code: 'budget_threshold_max', params: { max: residents.success && residents.data ? Math.floor(residents.data / 1000) : 0 } };
    }
    if (errors[poolField(i, 'name')] || errors[poolField(i, 'kind')] || !budget.success || !residents.success || !threshold.success) continue;
    pools.push({ kind: kind as PoolKind, name, budget: budget.data!, residents: residents.data, threshold: threshold.data });
  }
  if (pools.length === 0 && !Object.keys(errors).some((k) => k.startsWith('pool_'))) errors[poolField(0, 'name')] = { code: 'budget_pools_required' };
  if (Object.keys(errors).length || !f) throw validationError(errors);
  return {
    name: f.name, year: f.year!, ballot_kind: f.ballot_kind, max_projects: f.max_projects, max_points: f.max_points, rule: f.rule, min_score: f.min_score,
    age_limit: f.age_limit, appeal_days: f.appeal_days ?? 7, change_allowed: f.change_allowed, publish: f.publish, phases, pools,
  };
}

