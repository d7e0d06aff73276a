import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, addMonths, daysBetween, daysUntil, endOfWarsawDay, isoWeekday, mondayOf, startOfWarsawDay, warsawDay, warsawInstant, warsawParts, warsawYear } from './time';

const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;

test('the Warsaw calendar day of an instant, around midnight and the new year', () => {
  assert.equal(warsawDay(new Date('2026-12-31T22:59:00Z')), '2026-12-31');
  assert.equal(warsawDay(new Date('2026-12-31T23:00:00Z')), '2027-01-01', 'midnight in winter is 23:00 UTC');
  assert.equal(warsawDay(new Date('2026-07-14T22:00:00Z')), '2026-07-15', 'midnight in summer is 22:00 UTC');
  assert.equal(warsawYear(new Date('2026-12-31T23:30:00Z')), 2027);
});

test('the spring change (last Sunday of March): a 23-hour day, 02:00–03:00 does not exist', () => {
  assert.equal(startOfWarsawDay('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(hours(startOfWarsawDay('2026-03-29'), endOfWarsawDay('2026-03-29')), 23);
  assert.equal(warsawInstant('2026-03-29', '01:59').toISOString(), '2026-03-29T00:59:00.000Z');
  assert.equal(warsawInstant('2026-03-29', '03:00').toISOString(), '2026-03-29T01:00:00.000Z', '03:00 CEST follows 01:59 CET');
  assert.equal(warsawInstant('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z', 'a skipped time is the hour after');
  assert.deepEqual(warsawParts(new Date('2026-03-29T01:00:00Z')), { day: '2026-03-29', time: '03:00' });
});

test('the autumn change (last Sunday of October): a 25-hour day, 02:00–03:00 comes twice', () => {
  assert.equal(startOfWarsawDay('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z');
  assert.equal(hours(startOfWarsawDay('2026-10-25'), endOfWarsawDay('2026-10-25')), 25);
  assert.deepEqual(warsawParts(new Date('2026-10-25T00:30:00Z')), { day: '2026-10-25', time: '02:30' }, 'the first 02:30 (CEST)');
  assert.deepEqual(warsawParts(new Date('2026-10-25T01:30:00Z')), { day: '2026-10-25', time: '02:30' }, 'the second 02:30 (CET)');
  assert.equal(warsawInstant('2026-10-25', '02:30').toISOString(), '2026-10-25T01:30:00.000Z', 'a repeated time is the later one');
  assert.equal(warsawInstant('2026-10-25', '12:00').toISOString(), '2026-10-25T11:00:00.000Z');
  assert.equal(endOfWarsawDay('2026-10-24').getTime(), startOfWarsawDay('2026-10-25').getTime());
});

test('adding days and months stays on the calendar across the clock changes, months and years', () => {
  assert.equal(addDays('2026-03-28', 1), '2026-03-29');
  assert.equal(addDays('2026-03-28', 2), '2026-03-30', 'over the 23-hour day');
  assert.equal(addDays('2026-10-24', 2), '2026-10-26', 'over the 25-hour day');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29', 'a leap year');
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28', 'a day the month lacks becomes its last');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
  assert.equal(addMonths('2026-03-15', -3), '2025-12-15');
  assert.equal(addMonths('2026-09-29', 1), '2026-10-29', 'into the month of the autumn change');
});

test('days between and days until count calendar days, not 24-hour spans', () => {
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2, 'the spring change has 47 hours between these midnights');
  assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2, 'the autumn change has 49');
  assert.equal(daysBetween('2026-10-26', '2026-10-24'), -2);
  assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
  assert.equal(daysUntil('2026-12-08', '2026-12-03'), 5);
  assert.equal(daysUntil('2026-12-03', '2026-12-03'), 0);
  assert.equal(daysUntil('2026-11-30', '2026-12-03'), -3);
});

test('weeks: the ISO weekday and the Monday of the week, on the change days too', () => {
  assert.equal(isoWeekday('2026-03-29'), 7);
  assert.equal(isoWeekday('2026-03-30'), 1);
  assert.equal(mondayOf('2026-03-29'), '2026-03-23');
  assert.equal(mondayOf('2026-10-26'), '2026-10-26');
  assert.equal(mondayOf('2027-01-01'), '2026-12-28');
});

test('a malformed day or time is refused, never silently shifted', () => {
  assert.throws(() => addDays('2026-3-1', 1), RangeError);
  assert.throws(() => warsawInstant('2026-03-01', '7:00'), RangeError);
});
