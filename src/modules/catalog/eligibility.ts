import type { Criterion } from './criteria';
import { SITUATIONS, type Situation, type TargetGroup } from './domain';

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
export const ANSWER_FIELDS = ['situations', 'age', 'residence', 'household_size', 'children', 'income', 'disability', 'carer', 'work'] as const;
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
  /** The situations the person ticked ("needs help at home", "expecting a child", …). */
  situations?: Situation[];
}

/**
 * Situations with a question of their own (carer, children, work, disability certificate): the questionnaire asks
 * each once — they are not offered as ticks too — and the answer stands for the situation (`situationsOf`).
 */
export const ASKED_SITUATIONS = ['caring_for_someone', 'family_with_children', 'looking_for_work', 'disability'] as const satisfies readonly Situation[];
/** The situations offered as ticks: the rest. */
export const TICKED_SITUATIONS = SITUATIONS.filter((s) => !(ASKED_SITUATIONS as readonly Situation[]).includes(s));

/** The situations the answers tell: those ticked and those the questions answered ("Czy opiekujesz się…? Tak"). */
export function situationsOf(a: Answers): Set<Situation> {
  const situations = new Set(a.situations ?? []);
  if (a.carer === 'yes') situations.add('caring_for_someone');
  if (a.children === 'yes') situations.add('family_with_children');
  if (a.work === 'unemployed') situations.add('looking_for_work');
  if (a.disability === 'yes' || a.disability === 'in_progress') situations.add('disability');
  return situations;
}

/**
 * A situation ticked although it has its own question (a link or a form of an older version): it answers that
 * question when the question was left out, so the person is not asked twice.
 */
export function answerFromSituations(a: Answers): Answers {
  const ticked = new Set(a.situations ?? []);
  return {
    ...a,
    carer: a.carer ?? (ticked.has('caring_for_someone') ? 'yes' : undefined),
    children: a.children ?? (ticked.has('family_with_children') && a.householdSize !== 1 ? 'yes' : undefined),
    work: a.work ?? (ticked.has('looking_for_work') ? 'unemployed' : undefined),
  };
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
  /** How closely the service's audience fits the person: 0 open to everyone, more for each group or situation shared. */
  fit: number;
}

/** Who a service is for: its target groups and the life situations it answers. */
export interface Audience {
  target_groups: readonly TargetGroup[];
  situations: readonly Situation[];
}

/** The target groups the answers place a person in (a 78-year-old is a senior; a carer, a carer). */
export function groupsOf(a: Answers): Set<TargetGroup> {
  const groups = new Set<TargetGroup>();
  const situations = situationsOf(a);
  if (a.age !== undefined && a.age >= 60) groups.add('seniors');
  if (a.age !== undefined && a.age < 18) groups.add('children');
  if (a.age !== undefined && a.age >= 15 && a.age <= 29) groups.add('youth');
  if (a.disability === 'yes' || a.disability === 'in_progress' || situations.has('disability')) groups.add('people_with_disabilities');
  if (a.carer === 'yes' || situations.has('caring_for_someone')) groups.add('carers');
  if (a.children === 'yes' || situations.has('family_with_children') || situations.has('expecting_child')) groups.add('families');
  if (a.work === 'unemployed' || situations.has('looking_for_work')) groups.add('unemployed');
  if (situations.has('crisis')) groups.add('people_in_crisis');
  return groups;
}

/**
 * How a service's audience fits the person: a shared situation counts 2, a shared target group 1.
 * `null` when the service is for particular people or situations and the person is none of them
 * (a birth school for a 78-year-old living alone) — known only once the person told something
 * about themselves; otherwise 0 (open to all, or nothing to compare).
 */
export function audienceFit(service: Partial<Audience>, a: Answers): number | null {
  const groups = groupsOf(a);
  const situations = situationsOf(a);
  const [targetGroups, declared] = [service.target_groups ?? [], service.situations ?? []];
  const particular = targetGroups.filter((g) => g !== 'all_residents');
  const fit = 2 * declared.filter((s) => situations.has(s)).length + particular.filter((g) => groups.has(g)).length;
  if (fit > 0) return fit;
  const restricted = declared.length > 0 || (particular.length > 0 && !targetGroups.includes('all_residents'));
  // Without an age, a service for seniors, children or youth may still be the person's.
  const byAge = a.age === undefined && particular.some((g) => g === 'seniors' || g === 'children' || g === 'youth');
  const known = (groups.size > 0 || situations.size > 0) && !byAge;
  return restricted && known ? null : 0;
}

export type Group = Verdict | 'other';

/**
 * Every service evaluated and grouped by verdict; a service the person may use but whose audience is
 * other people (`audienceFit` null) goes to `other`, never to "probably for you". Within a group,
 * services that fit the person's situation come first (a senior's club before what is open to all),
 * then those whose conditions matched more answers, then by name in Polish order.
 */
export function evaluateServices<S extends Partial<Audience> & { name: string; criteria: readonly Criterion[] }>(
  services: readonly S[],
  answers: Answers,
): Record<Group, Evaluated<S>[]> {
  const groups: Record<Group, Evaluated<S>[]> = { likely: [], maybe: [], unlikely: [], other: [] };
  for (const service of services) {
    const evaluation = evaluate(service.criteria, answers);
    const fit = audienceFit(service, answers);
    const group: Group = fit === null && evaluation.verdict !== 'unlikely' ? 'other' : evaluation.verdict;
    groups[group].push({ service, ...evaluation, fit: fit ?? 0 });
  }
  const met = (e: Evaluation) => e.reasons.filter((r) => r.outcome === 'met' && r.code !== 'open').length;
  const polish = new Intl.Collator('pl');
  for (const list of Object.values(groups)) list.sort((x, y) => y.fit - x.fit || met(y) - met(x) || polish.compare(x.service.name, y.service.name));
  return groups;
}
