import { z } from 'zod';
import { isCalendarDay, optionalWhole, parseFields, requiredDay, timeOfDay } from '../../platform/http/form-fields';
import { requiredText, text } from '../../platform/http/validation';
import { MAX_OCCURRENCES } from './domain';
import { addDays } from '../../platform/time';

/** A request for a room: one slot (a Warsaw day, from and to), or the same slot weekly for N weeks or until a day. */
export interface BookingInput {
  organisationId: string | null;
  title: string;
  people: number;
  starts: string;
  ends: string;
  /** Every day of the request, the first one first (one day unless it repeats). */
  days: string[];
}

const fields = {
  organisation_id: text(40).refine((v) => v === '' || z.uuid().safeParse(v).success, { params: { code: 'invalid' } }),
  title: requiredText(200),
  people: optionalWhole('venue_people', 1, 10000).refine((n) => n !== null, { params: { code: 'required' } }),
  day: requiredDay(),
  starts: timeOfDay(),
  ends: timeOfDay(),
  repeat: text(10).refine((v) => ['', 'none', 'weeks', 'until'].includes(v), { params: { code: 'invalid' } }),
  weeks: optionalWhole('venue_repeat_weeks', 2, MAX_OCCURRENCES),
  until: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(10)),
};

export const BOOKING_FIELDS = Object.keys(fields);

export function parseBookingForm(body: unknown): BookingInput {
  let days: string[] = [];
  const f = parseFields(fields, body, (v, fail) => {
    if (v.starts && v.ends && v.ends <= v.starts) fail('ends', 'venue_booking_end_before_start');
    if (!v.day) return;
    if (v.repeat === 'weeks') {
      if (v.weeks === null || v.weeks === undefined) return fail('weeks', 'venue_repeat_weeks');
      days = Array.from({ length: v.weeks }, (_, i) => addDays(v.day!, 7 * i));
    } else if (v.repeat === 'until') {
      const until = v.until ?? '';
      if (!isCalendarDay(until)) return fail('until', until === '' ? 'required' : 'date');
      if (until <= v.day) return fail('until', 'venue_repeat_until_after');
      for (let d = v.day; d <= until; d = addDays(d, 7)) days.push(d);
      if (days.length > MAX_OCCURRENCES) fail('until', 'venue_repeat_too_many');
    } else days = [v.day];
  });
  return { organisationId: f.organisation_id || null, title: f.title, people: f.people!, starts: f.starts, ends: f.ends, days };
}
