import { z } from 'zod';
import { choiceList, optionalPostalCode, parseFields, parseTime, phone } from '../../platform/http/form-fields';
import { requiredText, text } from '../../platform/http/validation';
import type { FormState } from '../../platform/ui/context';
import { ACCESSIBILITY, EQUIPMENT, WEEKDAYS, type DayHours, type RoomRow, type VenueRow } from './domain';

/** The forms staff keep venues (with their hours) and rooms with. */

const optionalEmail = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''), z.string().max(254)).refine((v) => v === '' || z.email().safeParse(v).success, {
    params: { code: 'email' },
  });

const venueFields = {
  name: requiredText(200).pipe(z.string().min(3)),
  street: text(200),
  postal_code: optionalPostalCode(),
  city: text(100),
  description: text(5000),
  email: optionalEmail(),
  phone: phone(),
};
export type VenueInput = z.output<z.ZodObject<typeof venueFields>> & { hours: DayHours[] };

export const VENUE_FIELDS = [...Object.keys(venueFields), ...WEEKDAYS.flatMap((d) => [`opens_${d}`, `closes_${d}`])];

/** A venue and its hours: each day either closed (both times empty) or open from one time to a later one. */
export function parseVenueForm(body: unknown): VenueInput {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const hours: DayHours[] = [];
  const f = parseFields(venueFields, body, (_v, fail) => {
    for (const weekday of WEEKDAYS) {
      const raw = [input[`opens_${weekday}`], input[`closes_${weekday}`]].map((x) => (typeof x === 'string' ? x.trim() : ''));
      if (raw[0] === '' && raw[1] === '') continue;
      const [opens, closes] = raw.map(parseTime);
      if (!opens) fail(`opens_${weekday}`, raw[0] === '' ? 'venue_hours_both' : 'time');
      else if (!closes) fail(`closes_${weekday}`, raw[1] === '' ? 'venue_hours_both' : 'time');
      else if (closes <= opens) fail(`closes_${weekday}`, 'venue_hours_order');
      else hours.push({ weekday, opens, closes });
    }
  });
  return { ...f, hours };
}

export function venueToValues(v: VenueRow, list: DayHours[]): FormState['values'] {
  const values: FormState['values'] = {
    name: v.name, street: v.street, postal_code: v.postal_code, city: v.city, description: v.description, email: v.email, phone: v.phone, version: String(v.version),
  };
  for (const h of list) Object.assign(values, { [`opens_${h.weekday}`]: h.opens, [`closes_${h.weekday}`]: h.closes });
  return values;
}

const roomFields = {
  name: requiredText(120),
  capacity: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(10)).transform((v, ctx) => {
    const n = /^\d{1,5}$/.test(v) ? Number(v) : NaN;
    if (n >= 1 && n <= 10000) return n;
    ctx.addIssue({ code: 'custom', params: { code: v === '' ? 'required' : 'venue_capacity' } });
    return z.NEVER;
  }),
  equipment: choiceList(EQUIPMENT),
  accessibility: choiceList(ACCESSIBILITY),
  description: text(3000),
  bookable: z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()),
};
export type RoomInput = z.output<z.ZodObject<typeof roomFields>>;
export const ROOM_FIELDS = Object.keys(roomFields);

export const parseRoomForm = (body: unknown): RoomInput => parseFields(roomFields, body);

export const roomToValues = (r: RoomRow): FormState['values'] => ({
  name: r.name,
  capacity: String(r.capacity),
  equipment: r.equipment,
  accessibility: r.accessibility,
  description: r.description,
  bookable: r.bookable ? '1' : '',
  version: String(r.version),
});

