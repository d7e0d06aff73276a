import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slotText } from './time';
import { addDays, isoWeekday, mondayOf, warsawInstant, warsawParts } from '../../platform/time';

test('Warsaw wall-clock times are the right instants in winter, in summer and on the days the clocks change', () => {
  assert.equal(warsawInstant('2026-12-03', '17:00').toISOString(), '2026-12-03T16:00:00.000Z', 'CET, UTC+1');
  assert.equal(warsawInstant('2026-07-03', '17:00').toISOString(), '2026-07-03T15:00:00.000Z', 'CEST, UTC+2');
  assert.equal(warsawInstant('2026-03-29', '01:30').toISOString(), '2026-03-29T00:30:00.000Z', 'before the spring change');
  assert.equal(warsawInstant('2026-03-29', '03:30').toISOString(), '2026-03-29T01:30:00.000Z', 'after the spring change');
  assert.equal(warsawInstant('2026-10-25', '12:00').toISOString(), '2026-10-25T11:00:00.000Z', 'the autumn change day, after it');
  for (const [day, time] of [['2026-12-03', '17:00'], ['2026-07-03', '09:15'], ['2026-10-25', '23:45'], ['2027-01-01', '00:00']] as const) {
    assert.deepEqual(warsawParts(warsawInstant(day, time)), { day, time }, `${day} ${time} round trip`);
  }
});

test('weeks: weekdays, Mondays, adding days across months and years', () => {
  assert.equal(isoWeekday('2026-11-23'), 1);
  assert.equal(isoWeekday('2026-11-29'), 7);
  assert.equal(mondayOf('2026-12-03'), '2026-11-30');
  assert.equal(mondayOf('2026-11-30'), '2026-11-30');
  assert.equal(addDays('2026-12-28', 7), '2027-01-04');
  assert.equal(addDays('2028-02-27', 2), '2028-02-29');
});

test('a slot in words, Polish and English', () => {
  const slot = { starts_at: warsawInstant('2026-12-03', '17:00'), ends_at: warsawInstant('2026-12-03', '19:00') };
  assert.equal(slotText(slot), '3 grudnia 2026 17:00–19:00');
  assert.equal(slotText(slot, 'en'), '3 December 2026 17:00–19:00');
  assert.equal(slotText({ starts_at: slot.starts_at, ends_at: warsawInstant('2026-12-04', '01:00') }), '3 grudnia 2026 17:00 – 4 grudnia 2026 01:00');
});
