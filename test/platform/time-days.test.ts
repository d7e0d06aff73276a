import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TZDate, tz } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns';
import { addDays, daysBetween, daysUntil } from '../../src/platform/time';

/** The calendar-day difference as date-fns counts it between two Warsaw midnights (what daysBetween used to compute). */
function reference(from: string, to: string): number {
  const at = (d: string) => new TZDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), 'Europe/Warsaw');
  return differenceInCalendarDays(at(to), at(from), { in: tz('Europe/Warsaw') });
}

describe('daysBetween: calendar days as plain arithmetic', () => {
  test('known differences, across the changes of summer time and leap days', () => {
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2); // the spring change (29 March) has a 23-hour day
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2); // the autumn change (25 October) has a 25-hour day
    assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2); // 29 February
    assert.equal(daysBetween('2027-02-28', '2027-03-01'), 1);
    assert.equal(daysBetween('2026-12-31', '2026-01-01'), -364);
    assert.equal(daysBetween('2026-12-08', '2026-12-08'), 0);
    assert.equal(daysBetween('1999-12-31', '2030-01-01'), 10_959);
  });

  test('agrees with the time-zone computation on every pair of a four-year sweep', () => {
    const days: string[] = [];
    for (let d = '2025-01-01'; d < '2029-01-01'; d = addDays(d, 5)) days.push(d);
    const anchors = ['2026-03-29', '2026-10-25', '2028-02-29', '2025-01-01'];
    for (const a of anchors) {
      for (const d of days) {
        assert.equal(daysBetween(a, d), reference(a, d), `${a} → ${d}`);
        assert.equal(daysBetween(d, a), reference(d, a), `${d} → ${a}`);
      }
    }
  });

  test('daysUntil counts from the given day; a malformed day is refused', () => {
    assert.equal(daysUntil('2026-12-15', '2026-12-08'), 7);
    assert.equal(daysUntil('2026-12-01', '2026-12-08'), -7);
    assert.throws(() => daysBetween('2026-12-8', '2026-12-09'), RangeError);
    assert.throws(() => daysBetween('2026-12-08', 'jutro'), RangeError);
  });
});
