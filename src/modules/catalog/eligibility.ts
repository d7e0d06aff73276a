import type { Criterion } from './criteria';

/**
 * The anonymous "what can I get" check: a pure evaluation of a service's structured criteria
 * against what a person chose to tell us. Nothing here touches storage, so nothing is kept.
 */

/** Net monthly household income per person, in whole złoty; `max: null` has no upper bound. */
export const INCOME_BANDS = [
  { id: 'up_to_800', min: 0, max: 800 },
  { id: '801_1010', min: 801, max: 1010 },
  { id: '1011_1500', min: 1011, max: 1500 },
  { id: '1501_2020', min: 1501, max: 2020 },
  { id: '2021_3000', min: 2021, max: 3000 },
  { id: 'over_3000', min: 3001, max: null },
] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number]['id'];

export const YES_NO = ['yes', 'no'] as const;
export const RESIDENCE_ANSWERS = ['yes', 'no', 'not_sure'] as const;
export const INCOME_ANSWERS = ['up_to_800', '801_1010', '1011_1500', '1501_2020', '2021_3000', 'over_3000', 'undisclosed'] as const satisfies readonly (IncomeBand | 'undisclosed')[];
export const DISABILITY_ANSWERS = ['yes', 'no', 'in_progress'] as const;
export const WORK_ANSWERS = ['working', 'unemployed', 'retired', 'studying', 'other'] as const;

/** The questionnaire's form fields, in the order asked. */
export const ANSWER_FIELDS = ['age', 'residence', 'household_size', 'children', 'income', 'disability', 'carer', 'work'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** Every answer is optional: a question left out is unknown, never a "no". */
export interface Answers {
  age?: number;
  residence?: (typeof RESIDENCE_ANSWERS)[number];
  householdSize?: number;
  children?: (typeof YES_NO)[number];
  income?: (typeof INCOME_ANSWERS)[number];
  disability?: (typeof DISABILITY_ANSWERS)[number];
  carer?: (typeof YES_NO)[number];
  work?: (typeof WORK_ANSWERS)[number];
}

export type Outcome = 'met' | 'failed' | 'unknown';
export type Verdict = 'likely' | 'maybe' | 'unlikely';

/** Why a criterion came out as it did; `eligibility.reason.<code>` is its plain-language text. */
export type ReasonCode =
  | 'open'
  | 'age_met' | 'age_failed' | 'age_unknown'
  | 'residence_met' | 'residence_failed' | 'residence_not_sure' | 'residence_unknown'
  | 'income_met' | 'income_failed' | 'income_band_straddles' | 'income_unknown'
  | 'disability_met' | 'disability_failed' | 'disability_in_progress' | 'disability_unknown'
  | 'carer_met' | 'carer_failed' | 'carer_unknown'
  | 'children_met' | 'children_failed' | 'children_single_person' | 'children_unknown'
  | 'unemployed_met' | 'unemployed_failed' | 'unemployed_retired' | 'unemployed_studying' | 'unemployed_other' | 'unemployed_unknown'
  | 'unrecognised';

export interface Reason {
  outcome: Outcome;
  code: ReasonCode;
  /** Numbers the text needs: age limits, the income limit and the chosen band's bounds. */
  params: { min?: number; max?: number; lower?: number; upper?: number };
}

export interface Evaluation {
  verdict: Verdict;
  /** One reason per criterion (or `open` for a service without criteria), in the service's order. */
  reasons: Reason[];
}

const reason = (outcome: Outcome, code: ReasonCode, params: Reason['params'] = {}): Reason => ({ outcome, code, params });

function checkAge(c: Extract<Criterion, { type: 'age' }>, age: number | undefined): Reason {
  const params = { min: c.min, max: c.max };
  if (age === undefined) return reason('unknown', 'age_unknown', params);
  const ok = (c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max);
  return reason(ok ? 'met' : 'failed', ok ? 'age_met' : 'age_failed', params);
}

/** A band meets the limit only when all of it does, fails only when none of it does. */
function checkIncome(limit: number, answer: Answers['income']): Reason {
  const band = INCOME_BANDS.find((b) => b.id === answer);
  if (!band) return reason('unknown', 'income_unknown', { max: limit });
  const params = { max: limit, lower: band.min, upper: band.max ?? undefined };
  if (band.max !== null && band.max <= limit) return reason('met', 'income_met', params);
  if (band.min > limit) return reason('failed', 'income_failed', params);
  return reason('unknown', 'income_band_straddles', params);
}

const yesNo = (answer: string | undefined, met: ReasonCode, failed: ReasonCode, unknown: ReasonCode): Reason =>
  answer === 'yes' ? reason('met', met) : answer === 'no' ? reason('failed', failed) : reason('unknown', unknown);

export function checkCriterion(c: Criterion, a: Answers): Reason {
  switch (c.type) {
    case 'age':
      return checkAge(c, a.age);
    case 'residence':
      return a.residence === 'not_sure' ? reason('unknown', 'residence_not_sure') : yesNo(a.residence, 'residence_met', 'residence_failed', 'residence_unknown');
    case 'income_per_person':
      return checkIncome(c.max, a.income);
    case 'disability_certificate':
      return a.disability === 'in_progress' ? reason('unknown', 'disability_in_progress') : yesNo(a.disability, 'disability_met', 'disability_failed', 'disability_unknown');
    case 'carer':
      return yesNo(a.carer, 'carer_met', 'carer_failed', 'carer_unknown');
    case 'household_with_children':
      // A one-person household has no children in it, even if the question itself was skipped.
      if (a.children === undefined && a.householdSize === 1) return reason('failed', 'children_single_person');
      return yesNo(a.children, 'children_met', 'children_failed', 'children_unknown');
    case 'unemployed':
      switch (a.work) {
        case 'unemployed':
          return reason('met', 'unemployed_met');
        case 'working':
          return reason('failed', 'unemployed_failed');
        case 'retired':
          return reason('unknown', 'unemployed_retired');
        case 'studying':
          return reason('unknown', 'unemployed_studying');
        case 'other':
          return reason('unknown', 'unemployed_other');
        default:
          return reason('unknown', 'unemployed_unknown');
      }
    default:
      // A criterion this version does not know (stored JSON is not re-validated on read): ask, don't guess.
      return reason('unknown', 'unrecognised');
  }
}

/** All criteria must hold: one failure makes it unlikely, otherwise any unknown makes it a maybe. */
export function evaluate(criteria: readonly Criterion[], answers: Answers): Evaluation {
  if (criteria.length === 0) return { verdict: 'likely', reasons: [reason('met', 'open')] };
  const reasons = criteria.map((c) => checkCriterion(c, answers));
  const verdict: Verdict = reasons.some((r) => r.outcome === 'failed') ? 'unlikely' : reasons.some((r) => r.outcome === 'unknown') ? 'maybe' : 'likely';
  return { verdict, reasons };
}

export interface Evaluated<S> extends Evaluation {
  service: S;
}

/**
 * Every service evaluated and grouped by verdict. Within a group, services that matched more of
 * the person's situation come first (a senior's club before what is open to all), then by name.
 */
export function evaluateServices<S extends { name: string; criteria: readonly Criterion[] }>(
  services: readonly S[],
  answers: Answers,
): Record<Verdict, Evaluated<S>[]> {
  const groups: Record<Verdict, Evaluated<S>[]> = { likely: [], maybe: [], unlikely: [] };
  for (const service of services) {
    const evaluation = evaluate(service.criteria, answers);
    groups[evaluation.verdict].push({ service, ...evaluation });
  }
  const met = (e: Evaluation) => e.reasons.filter((r) => r.outcome === 'met' && r.code !== 'open').length;
  for (const list of Object.values(groups)) list.sort((x, y) => met(y) - met(x) || x.service.name.localeCompare(y.service.name, 'pl'));
  return groups;
}
