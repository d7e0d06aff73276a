import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../platform/http/errors';
import { canonical, diff } from './history';
import { parseDecimal, parseTime, parseWhole } from './parse';
import { parseExceptionForm, parseHours } from './place-forms';
import { criteriaFromForm, criteriaToValues, parseServiceForm } from './service-form';

const fieldsOf = (fn: () => unknown): Record<string, string> => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError && err.code === 'validation.failed', String(err));
    return Object.fromEntries(Object.entries(err.fields ?? {}).map(([k, v]) => [k, v.code]));
  }
  assert.fail('expected a validation error');
};

test('decimals the Polish way: comma, spaces between thousands, "zł"', () => {
  assert.equal(parseDecimal('15,50', { digits: 8, scale: 2 }), '15.50');
  assert.equal(parseDecimal('1 010,5 zł', { digits: 8, scale: 2 }), '1010.5');
  assert.equal(parseDecimal('20.25', { digits: 8, scale: 2 }), '20.25');
  for (const bad of ['15,555', '-3', '1,2,3', 'abc', '', ',5']) assert.equal(parseDecimal(bad, { digits: 8, scale: 2 }), null, bad);
  assert.equal(parseWhole('1 000', 1_000_000), 1000);
  assert.equal(parseWhole('12.5', 100), null);
  assert.equal(parseWhole('131', 130), null);
});

test('times: 8:00 and 8.00 are 08:00; 25:00 and 12:60 do not exist', () => {
  assert.equal(parseTime('8:00'), '08:00');
  assert.equal(parseTime('8.30'), '08:30');
  assert.equal(parseTime('23:59'), '23:59');
  for (const bad of ['25:00', '24:00', '12:60', '800', '8:0', 'ósma']) assert.equal(parseTime(bad), null, bad);
});

test('weekly hours: two ranges a day, each range in order, no overlap, no half range', () => {
  const ok = parseHours({ h1_1_opens: '8:00', h1_1_closes: '12:00', h1_2_opens: '12:00', h1_2_closes: '16:00', h7_2_opens: '10:00', h7_2_closes: '11:00' });
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(ok.hours, [
    { weekday: 1, opens: '08:00', closes: '12:00' },
    { weekday: 1, opens: '12:00', closes: '16:00' },
    { weekday: 7, opens: '10:00', closes: '11:00' },
  ]);
  const bad = parseHours({
    h1_1_opens: '9:00', h1_1_closes: '9:00',
    h2_1_opens: '8:00', h2_1_closes: '14:00', h2_2_opens: '7:00', h2_2_closes: '9:00',
    h3_1_closes: '10:00',
    h4_2_opens: '10:00', h4_2_closes: '25:00',
  });
  assert.deepEqual(bad.errors, {
    h1_1_closes: { code: 'hours_order' },
    h2_2_opens: { code: 'hours_overlap' },
    h3_1_opens: { code: 'hours_incomplete' },
    h4_2_closes: { code: 'time' },
  });
  assert.deepEqual(bad.hours, [], 'no day with a mistake is kept');
});

test('a dated exception: closed all day, or special hours in order', () => {
  assert.deepEqual(parseExceptionForm({ ex_day: '2026-11-11', ex_mode: 'closed', ex_opens: '8:00', ex_note: ' Święto ' }), {
    day: '2026-11-11', closed: true, opens: null, closes: null, note: 'Święto',
  });
  assert.deepEqual(fieldsOf(() => parseExceptionForm({ ex_day: '2026-11-31', ex_mode: 'open', ex_opens: '10:00' })), { ex_day: 'date', ex_closes: 'hours_incomplete' });
});

const service = (over: Record<string, string | string[]> = {}) => ({
  name: 'Usługa testowa', area: 'health', fee_kind: 'free', status: 'active', languages: 'pl', provider_id: crypto.randomUUID(), ...over,
});

test('criteria: plain fields to the criteria JSON and back', () => {
  const input = parseServiceForm(service({ min_age: '18', max_age: '30', max_income: '1 010,00', residence: '1', carer: '1', unemployed: 'on' }));
  assert.deepEqual(input.criteria, [{ type: 'age', min: 18, max: 30 }, { type: 'residence' }, { type: 'income_per_person', max: 1010 }, { type: 'carer' }, { type: 'unemployed' }]);
  assert.deepEqual(criteriaToValues(input.criteria, 'pl'), { min_age: '18', max_age: '30', max_income: '1010', residence: '1', carer: '1', unemployed: '1' });
  assert.deepEqual(criteriaToValues([{ type: 'income_per_person', max: 2020.5 }], 'pl').max_income, '2020,50');
  assert.deepEqual(criteriaFromForm({ min_age: null, max_age: 0, max_income: null, residence: false, disability_certificate: true, carer: false, household_with_children: false, unemployed: false }), [
    { type: 'age', max: 0 }, { type: 'disability_certificate' },
  ]);
  assert.deepEqual(parseServiceForm(service()).criteria, []);
});

test('service form: contradictions and missing fee details are field errors, all reported at once', () => {
  assert.deepEqual(fieldsOf(() => parseServiceForm(service({ min_age: '65', max_age: '60', fee_kind: 'income_dependent', max_income: '0', capacity: '0' }))), {
    max_age: 'age_range', fee_rule: 'fee_rule_required', max_income: 'income', capacity: 'capacity',
  });
  assert.deepEqual(fieldsOf(() => parseServiceForm(service({ fee_kind: 'fixed', languages: [], name: '', area: 'space', provider_id: 'x' }))), {
    fee_amount: 'fee_amount_required', languages: 'languages_required', name: 'required', area: 'invalid', provider_id: 'invalid',
  });
  const fixed = parseServiceForm(service({ fee_kind: 'fixed', fee_amount: '15,5', required_documents: 'a\n\n b \r\nc' }));
  assert.equal(fixed.fee_amount, '15.50');
  assert.deepEqual(fixed.required_documents, ['a', 'b', 'c']);
  assert.equal(parseServiceForm(service({ fee_kind: 'free', fee_amount: '10' })).fee_amount, null, 'a free service has no amount');
});

test('history: only changed fields, compared by value whatever the key order', () => {
  assert.equal(canonical({ type: 'age', min: 1 }), canonical({ min: 1, type: 'age' }));
  const before = { name: 'A', criteria: [{ type: 'age', min: 60 }], languages: ['pl'], capacity: null };
  const after = { name: 'B', criteria: [{ min: 60, type: 'age' }], languages: ['pl'], capacity: 5 };
  assert.deepEqual(diff(before, after, ['name', 'criteria', 'languages', 'capacity']), { name: ['A', 'B'], capacity: [null, 5] });
  assert.deepEqual(diff(null, { name: 'A', summary: '', languages: [], capacity: 0 }, ['name', 'summary', 'languages', 'capacity']), { name: [null, 'A'], capacity: [null, 0] });
});
