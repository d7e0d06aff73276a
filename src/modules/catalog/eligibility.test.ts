import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../platform/i18n';
import type { PageContext } from '../../platform/ui/context';
import type { Criterion } from './criteria';
import { INCOME_ANSWERS, INCOME_BANDS, checkCriterion, evaluate, evaluateServices, type Answers, type IncomeBand, type Outcome } from './eligibility';
import { reasonText } from './views/eligibility';
// The module list installs the messages that the views and the mapping translate with.
import '../index';

const outcome = (c: Criterion, a: Answers): Outcome => checkCriterion(c, a).outcome;
const code = (c: Criterion, a: Answers) => checkCriterion(c, a).code;

describe('a service without criteria', () => {
  test('is open to everyone, whatever was answered', () => {
    for (const a of [{}, { age: 5, residence: 'no', income: 'over_3000', work: 'working' }] as Answers[]) {
      assert.deepEqual(evaluate([], a), { verdict: 'likely', reasons: [{ outcome: 'met', code: 'open', params: {} }] });
    }
  });
});

describe('age', () => {
  const senior: Criterion = { type: 'age', min: 60 };
  const young: Criterion = { type: 'age', min: 18, max: 30 };
  const child: Criterion = { type: 'age', max: 18 };

  test('a minimum is met from that very age on', () => {
    assert.equal(outcome(senior, { age: 59 }), 'failed');
    assert.equal(outcome(senior, { age: 60 }), 'met');
    assert.equal(outcome(senior, { age: 130 }), 'met');
  });
  test('a maximum is met up to and including that age', () => {
    assert.equal(outcome(child, { age: 0 }), 'met');
    assert.equal(outcome(child, { age: 18 }), 'met');
    assert.equal(outcome(child, { age: 19 }), 'failed');
  });
  test('a range holds at both ends and fails just outside', () => {
    assert.deepEqual([17, 18, 25, 30, 31].map((age) => outcome(young, { age })), ['failed', 'met', 'met', 'met', 'failed']);
  });
  test('a minimum of 0 is met by a newborn', () => {
    assert.equal(outcome({ type: 'age', min: 0 }, { age: 0 }), 'met');
  });
  test('no age given is unknown, not failed, and keeps the limits for the explanation', () => {
    assert.deepEqual(checkCriterion(young, {}), { outcome: 'unknown', code: 'age_unknown', params: { min: 18, max: 30 } });
    assert.equal(evaluate([senior], {}).verdict, 'maybe');
  });
});

describe('residence', () => {
  const c: Criterion = { type: 'residence' };
  test('yes is met, no fails, "not sure" and no answer are unknown with different reasons', () => {
    assert.equal(code(c, { residence: 'yes' }), 'residence_met');
    assert.equal(code(c, { residence: 'no' }), 'residence_failed');
    assert.deepEqual(checkCriterion(c, { residence: 'not_sure' }).outcome, 'unknown');
    assert.equal(code(c, { residence: 'not_sure' }), 'residence_not_sure');
    assert.equal(code(c, {}), 'residence_unknown');
    assert.equal(outcome(c, {}), 'unknown');
  });
});

describe('income per person', () => {
  const limit = (max: number): Criterion => ({ type: 'income_per_person', max });
  const verdicts = (max: number) => Object.fromEntries(INCOME_BANDS.map((b) => [b.id, outcome(limit(max), { income: b.id })])) as Record<IncomeBand, Outcome>;

  test('the social assistance threshold (1010 zł): a band whose top equals the limit is met, the next fails', () => {
    assert.deepEqual(verdicts(1010), {
      up_to_800: 'met',
      '801_1010': 'met',
      '1011_1500': 'failed',
      '1501_2020': 'failed',
      '2021_3000': 'failed',
      over_3000: 'failed',
    });
  });
  test('a limit inside a band makes that band unknown, the bands below met and above failed', () => {
    assert.deepEqual(verdicts(1000), {
      up_to_800: 'met',
      '801_1010': 'unknown',
      '1011_1500': 'failed',
      '1501_2020': 'failed',
      '2021_3000': 'failed',
      over_3000: 'failed',
    });
  });
  test('a limit equal to a band’s lower bound does not fail that band (the lower bound must exceed it)', () => {
    assert.equal(outcome(limit(801), { income: '801_1010' }), 'unknown');
    assert.equal(outcome(limit(800), { income: '801_1010' }), 'failed');
    assert.equal(outcome(limit(800), { income: 'up_to_800' }), 'met');
    assert.equal(outcome(limit(799), { income: 'up_to_800' }), 'unknown');
  });
  test('the open top band is never met: unknown under a high limit, failed when it starts above the limit', () => {
    assert.equal(outcome(limit(5000), { income: 'over_3000' }), 'unknown');
    assert.equal(outcome(limit(3000), { income: 'over_3000' }), 'failed');
    assert.equal(outcome(limit(3000), { income: '2021_3000' }), 'met');
    assert.equal(outcome(limit(3030), { income: 'over_3000' }), 'unknown');
  });
  test('a fractional limit compares with the whole-złoty bounds', () => {
    assert.equal(outcome(limit(1010.5), { income: '801_1010' }), 'met');
    assert.equal(outcome(limit(1010.5), { income: '1011_1500' }), 'failed');
  });
  test('"rather not say" and no answer are unknown; the reason carries the limit and the band', () => {
    assert.deepEqual(checkCriterion(limit(2020), { income: 'undisclosed' }), { outcome: 'unknown', code: 'income_unknown', params: { max: 2020 } });
    assert.deepEqual(checkCriterion(limit(2020), {}), { outcome: 'unknown', code: 'income_unknown', params: { max: 2020 } });
    assert.deepEqual(checkCriterion(limit(1000), { income: '801_1010' }).params, { max: 1000, lower: 801, upper: 1010 });
    assert.deepEqual(checkCriterion(limit(5000), { income: 'over_3000' }).params, { max: 5000, lower: 3001, upper: undefined });
  });
  test('every offered answer is a band or "rather not say"', () => {
    assert.deepEqual(INCOME_ANSWERS, [...INCOME_BANDS.map((b) => b.id), 'undisclosed']);
  });
});

describe('disability certificate, carer, children', () => {
  test('a certificate: yes met, no failed, in progress and no answer unknown', () => {
    const c: Criterion = { type: 'disability_certificate' };
    assert.deepEqual(
      (['yes', 'no', 'in_progress', undefined] as const).map((disability) => code(c, { disability })),
      ['disability_met', 'disability_failed', 'disability_in_progress', 'disability_unknown'],
    );
    assert.equal(outcome(c, { disability: 'in_progress' }), 'unknown');
  });
  test('caring for a dependent person', () => {
    const c: Criterion = { type: 'carer' };
    assert.deepEqual([outcome(c, { carer: 'yes' }), outcome(c, { carer: 'no' }), outcome(c, {})], ['met', 'failed', 'unknown']);
  });
  test('children under 18 in the household; a one-person household has none even if the question was skipped', () => {
    const c: Criterion = { type: 'household_with_children' };
    assert.deepEqual([outcome(c, { children: 'yes' }), outcome(c, { children: 'no' }), outcome(c, {})], ['met', 'failed', 'unknown']);
    assert.deepEqual(checkCriterion(c, { householdSize: 1 }), { outcome: 'failed', code: 'children_single_person', params: {} });
    assert.equal(outcome(c, { householdSize: 4 }), 'unknown');
    assert.equal(outcome(c, { householdSize: 4, children: 'yes' }), 'met');
  });
});

describe('not working', () => {
  const c: Criterion = { type: 'unemployed' };
  test('unemployed is met, working fails, retired, studying, other and no answer are unknown', () => {
    const cases = [
      ['unemployed', 'met', 'unemployed_met'],
      ['working', 'failed', 'unemployed_failed'],
      ['retired', 'unknown', 'unemployed_retired'],
      ['studying', 'unknown', 'unemployed_studying'],
      ['other', 'unknown', 'unemployed_other'],
      [undefined, 'unknown', 'unemployed_unknown'],
    ] as const;
    for (const [work, expected, reason] of cases) {
      assert.equal(outcome(c, { work }), expected, String(work));
      assert.equal(code(c, { work }), reason, String(work));
    }
  });
});

test('a stored criterion of a kind this version does not know is unknown, never a crash or a pass', () => {
  const strange = { type: 'pet_owner' } as unknown as Criterion;
  assert.deepEqual(checkCriterion(strange, {}), { outcome: 'unknown', code: 'unrecognised', params: {} });
  assert.equal(evaluate([{ type: 'residence' }, strange], { residence: 'yes' }).verdict, 'maybe');
  assert.equal(evaluate([{ type: 'residence' }, strange], { residence: 'no' }).verdict, 'unlikely');
});

describe('combined criteria', () => {
  const firstJob: Criterion[] = [{ type: 'age', min: 18, max: 30 }, { type: 'unemployed' }];
  const meals: Criterion[] = [{ type: 'residence' }, { type: 'income_per_person', max: 2020 }];

  test('all met is likely, with one met reason per criterion in order', () => {
    const e = evaluate(firstJob, { age: 25, work: 'unemployed' });
    assert.equal(e.verdict, 'likely');
    assert.deepEqual(e.reasons.map((r) => r.code), ['age_met', 'unemployed_met']);
  });
  test('none failed but one unknown is maybe, and says which', () => {
    const e = evaluate(firstJob, { work: 'unemployed' });
    assert.equal(e.verdict, 'maybe');
    assert.deepEqual(e.reasons.map((r) => [r.code, r.outcome]), [['age_unknown', 'unknown'], ['unemployed_met', 'met']]);
  });
  test('a failure wins over unknowns: unlikely', () => {
    assert.equal(evaluate(firstJob, { age: 45 }).verdict, 'unlikely');
    assert.equal(evaluate(meals, { residence: 'no' }).verdict, 'unlikely');
    assert.equal(evaluate(meals, { residence: 'yes', income: '2021_3000' }).verdict, 'unlikely');
  });
  test('nothing answered: everything with criteria is a maybe, nothing is unlikely', () => {
    assert.equal(evaluate(firstJob, {}).verdict, 'maybe');
    assert.equal(evaluate(meals, {}).verdict, 'maybe');
  });
  test('the answers are not changed', () => {
    const answers: Answers = { age: 25 };
    evaluate(firstJob, answers);
    assert.deepEqual(answers, { age: 25 });
  });
});

describe('evaluateServices', () => {
  const services = [
    { name: 'Zajęcia dla wszystkich', criteria: [] },
    { name: 'Klub Seniora', criteria: [{ type: 'residence' }, { type: 'age', min: 60 }] },
    { name: 'Asystent rodziny', criteria: [{ type: 'residence' }, { type: 'household_with_children' }] },
    { name: 'Aktywni 60+', criteria: [{ type: 'residence' }, { type: 'age', min: 60 }] },
    { name: 'Świetlica', criteria: [{ type: 'age', max: 18 }] },
    { name: 'Ćwiczenia', criteria: [{ type: 'residence' }] },
  ] satisfies { name: string; criteria: Criterion[] }[];

  test('groups by verdict; more matched criteria first, then by Polish name order', () => {
    const r = evaluateServices(services, { age: 70, residence: 'yes' });
    assert.deepEqual(r.likely.map((e) => e.service.name), ['Aktywni 60+', 'Klub Seniora', 'Ćwiczenia', 'Zajęcia dla wszystkich']);
    assert.deepEqual(r.maybe.map((e) => e.service.name), ['Asystent rodziny']);
    assert.deepEqual(r.unlikely.map((e) => e.service.name), ['Świetlica']);
    assert.equal(r.likely[0]!.service, services[3], 'the service itself is kept');
  });
  test('every service lands in exactly one group', () => {
    const r = evaluateServices(services, {});
    assert.equal(r.likely.length + r.maybe.length + r.unlikely.length, services.length);
    assert.deepEqual(r.unlikely, []);
  });
});

describe('reasons in plain Polish', () => {
  const ctx = { i18n: translator('pl') } as PageContext;
  const text = (c: Criterion, a: Answers) => reasonText(ctx, checkCriterion(c, a));

  test('age, with Polish plurals', () => {
    assert.equal(text({ type: 'age', min: 60 }, { age: 70 }), 'masz co najmniej 60 lat');
    assert.equal(text({ type: 'age', min: 22 }, { age: 70 }), 'masz co najmniej 22 lata');
    assert.equal(text({ type: 'age', min: 1 }, { age: 3 }), 'masz co najmniej 1 rok');
    assert.equal(text({ type: 'age', min: 18, max: 30 }, { age: 25 }), 'masz od 18 do 30 lat');
    assert.equal(text({ type: 'age', max: 18 }, { age: 40 }), 'usługa jest dla osób, które mają najwyżej 18 lat');
    assert.equal(text({ type: 'age', min: 65 }, {}), 'nie podano wieku (usługa jest dla osób, które mają co najmniej 65 lat)');
  });
  test('residence, income and the rest', () => {
    assert.equal(text({ type: 'residence' }, { residence: 'yes' }), 'mieszkasz w gminie');
    assert.equal(text({ type: 'income_per_person', max: 2020 }, { income: '801_1010' }), 'dochód na osobę do 1010 zł (limit: 2020 zł)');
    assert.equal(text({ type: 'income_per_person', max: 2020 }, { income: '2021_3000' }), 'dochód na osobę od 2021 zł, a limit to 2020 zł');
    assert.equal(text({ type: 'income_per_person', max: 12500 }, {}), 'nie podano dochodu (limit: 12\u00a0500 zł na osobę)');
    assert.equal(text({ type: 'unemployed' }, { work: 'working' }), 'pracujesz, a usługa jest dla osób bez pracy');
    assert.equal(reasonText(ctx, evaluate([], {}).reasons[0]!), 'usługa jest dla wszystkich');
  });
});
