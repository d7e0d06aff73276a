import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerFromSituations, audienceFit, evaluateServices, situationsOf, TICKED_SITUATIONS, type Answers } from './eligibility';
import type { Criterion } from './criteria';
import type { Situation, TargetGroup } from './domain';

interface S {
  name: string;
  criteria: Criterion[];
  target_groups: TargetGroup[];
  situations: Situation[];
}
const R: Criterion = { type: 'residence' };
/** The demo catalogue's audiences (src/modules/catalog/fixtures.ts), shortened. */
const SERVICES: S[] = [
  { name: 'Usługi opiekuńcze w miejscu zamieszkania', criteria: [R], target_groups: ['seniors', 'people_with_disabilities'], situations: ['help_at_home'] },
  { name: 'Opieka wytchnieniowa', criteria: [R, { type: 'carer' }], target_groups: ['carers', 'people_with_disabilities'], situations: ['caring_for_someone'] },
  { name: 'Asystent osobisty osoby z niepełnosprawnością', criteria: [R, { type: 'disability_certificate' }], target_groups: ['people_with_disabilities'], situations: ['disability'] },
  { name: 'Klub Seniora „Lniane Serca”', criteria: [R, { type: 'age', min: 60 }], target_groups: ['seniors'], situations: [] },
  { name: 'Teleopieka „Bezpieczny Senior”', criteria: [R, { type: 'age', min: 65 }], target_groups: ['seniors'], situations: ['help_at_home'] },
  { name: 'Asystent rodziny', criteria: [R, { type: 'household_with_children' }], target_groups: ['families', 'children'], situations: ['family_with_children'] },
  { name: 'Poradnictwo psychologiczne i rodzinne', criteria: [R], target_groups: ['families', 'people_in_crisis', 'all_residents'], situations: [] },
  { name: 'Interwencja kryzysowa', criteria: [], target_groups: ['people_in_crisis', 'all_residents'], situations: ['crisis'] },
  { name: 'Warsztaty ekologiczne „Zielony Żyrardów”', criteria: [], target_groups: ['families', 'children'], situations: ['family_with_children'] },
  { name: 'Rodziny wspierające i rodzinna piecza zastępcza', criteria: [{ type: 'age', min: 18 }], target_groups: ['families'], situations: ['want_to_help'] },
  { name: 'Szkoła rodzenia i wsparcie po porodzie', criteria: [R], target_groups: ['families'], situations: ['expecting_child', 'family_with_children'] },
  { name: 'Inicjatywy sąsiedzkie i wolontariat w MAL', criteria: [], target_groups: ['all_residents'], situations: ['want_to_help'] },
];
const likely = (a: Answers) => evaluateServices(SERVICES, a).likely.map((e) => e.service.name);

describe('the eligibility check ranks what fits the person', () => {
  test('a 78-year-old living alone: help at home and seniors first; never a birth school or foster care as "probably for you"', () => {
    const answers: Answers = { age: 78, residence: 'yes', householdSize: 1, children: 'no', work: 'retired', situations: ['help_at_home'] };
    const r = evaluateServices(SERVICES, answers);
    const names = r.likely.map((e) => e.service.name);
    assert.deepEqual(names.slice(0, 3), ['Teleopieka „Bezpieczny Senior”', 'Usługi opiekuńcze w miejscu zamieszkania', 'Klub Seniora „Lniane Serca”']);
    for (const other of ['Szkoła rodzenia i wsparcie po porodzie', 'Rodziny wspierające i rodzinna piecza zastępcza', 'Warsztaty ekologiczne „Zielony Żyrardów”']) {
      assert.ok(!names.includes(other), `${other} is not "probably for you"`);
      assert.ok(r.other.some((e) => e.service.name === other), `${other} is among services for other situations`);
    }
    // Open to everyone comes after what fits the person.
    assert.ok(names.indexOf('Interwencja kryzysowa') === -1 || names.indexOf('Interwencja kryzysowa') > names.indexOf('Klub Seniora „Lniane Serca”'));
  });

  test('the same without ticking a situation: age alone keeps the birth school out of "probably for you"', () => {
    const names = likely({ age: 78, residence: 'yes', householdSize: 1 });
    assert.ok(!names.includes('Szkoła rodzenia i wsparcie po porodzie'));
    assert.ok(!names.includes('Rodziny wspierające i rodzinna piecza zastępcza'));
    assert.equal(names[0], 'Klub Seniora „Lniane Serca”');
  });

  test('a young family expecting a child: the birth school first, then services for families', () => {
    const names = likely({ age: 29, residence: 'yes', householdSize: 2, children: 'no', work: 'working', situations: ['expecting_child'] });
    assert.equal(names[0], 'Szkoła rodzenia i wsparcie po porodzie');
    assert.ok(!names.includes('Klub Seniora „Lniane Serca”'));
    assert.ok(!names.includes('Opieka wytchnieniowa'));
  });

  test('a carer of a disabled adult: respite care first, ahead of what is open to all', () => {
    const r = evaluateServices(SERVICES, { age: 52, residence: 'yes', householdSize: 2, carer: 'yes', disability: 'no', situations: ['caring_for_someone'] });
    const names = r.likely.map((e) => e.service.name);
    assert.equal(names[0], 'Opieka wytchnieniowa');
    assert.ok(names.includes('Poradnictwo psychologiczne i rodzinne'), 'open to all is still offered');
    assert.ok(names.indexOf('Opieka wytchnieniowa') < names.indexOf('Poradnictwo psychologiczne i rodzinne'));
    assert.ok(!names.includes('Szkoła rodzenia i wsparcie po porodzie'));
  });

  test('nothing told about the person: nothing is moved away, everything open stays "probably for you"', () => {
    const r = evaluateServices(SERVICES, {});
    assert.deepEqual(r.other, []);
    assert.ok(r.likely.some((e) => e.service.name === 'Warsztaty ekologiczne „Zielony Żyrardów”'));
  });

  test('fit: a shared situation counts more than a shared group; open to all is 0; others are null once the person is known', () => {
    const senior: Answers = { age: 70 };
    assert.equal(audienceFit({ target_groups: ['seniors'], situations: ['help_at_home'] }, { ...senior, situations: ['help_at_home'] }), 3);
    assert.equal(audienceFit({ target_groups: ['seniors'], situations: [] }, senior), 1);
    assert.equal(audienceFit({ target_groups: ['all_residents'], situations: [] }, senior), 0);
    assert.equal(audienceFit({ target_groups: ['families'], situations: ['expecting_child'] }, senior), null);
    assert.equal(audienceFit({ target_groups: ['families'], situations: ['expecting_child'] }, {}), 0);
  });
});

describe('each fact asked once (issue 14)', () => {
  test('a situation with its own question is not offered as a tick; the answer stands for it', () => {
    for (const asked of ['caring_for_someone', 'family_with_children', 'looking_for_work', 'disability'] as const) assert.ok(!TICKED_SITUATIONS.includes(asked), asked);
    assert.ok(TICKED_SITUATIONS.includes('help_at_home') && TICKED_SITUATIONS.includes('expecting_child'));
    assert.deepEqual([...situationsOf({ carer: 'yes', children: 'yes', work: 'unemployed', disability: 'in_progress' })].sort(),
      ['caring_for_someone', 'disability', 'family_with_children', 'looking_for_work']);
    // A carer who answered the carer question (no tick) gets respite care first, as with the tick before.
    const r = evaluateServices(SERVICES, { age: 52, residence: 'yes', householdSize: 2, carer: 'yes', disability: 'no' });
    assert.equal(r.likely[0]!.service.name, 'Opieka wytchnieniowa');
    assert.equal(audienceFit({ target_groups: [], situations: ['caring_for_someone'] }, { carer: 'yes' }), 2);
  });

  test('a tick of a situation that has its own question answers that question when it was left out, never against an answer', () => {
    assert.deepEqual(answerFromSituations({ situations: ['caring_for_someone', 'looking_for_work'] }), { situations: ['caring_for_someone', 'looking_for_work'], carer: 'yes', children: undefined, work: 'unemployed' });
    assert.equal(answerFromSituations({ situations: ['caring_for_someone'], carer: 'no' }).carer, 'no');
    assert.equal(answerFromSituations({ situations: ['family_with_children'], householdSize: 1 }).children, undefined);
  });
});
