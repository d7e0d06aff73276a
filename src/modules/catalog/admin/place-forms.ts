import { z } from 'zod';
import { AppError, validationError, type FieldErrors } from '../../../platform/http/errors';
import { requiredText, text } from '../../../platform/http/validation';
import type { FormState } from '../../../platform/ui/context';
import { PROVIDER_KINDS, type ProviderKind } from '../domain';
import type { LocationRow, OpeningHoursRow, ProviderRow } from '../repository';
import { choice, chosenId, flag, optionalDecimal, optionalEmail, optionalUrl, parseFields, parseTime, phone, requiredDay, showDecimal } from './parse';

/** The provider and location forms: schemas, weekly hours, and saved records back into form values. */

export interface ProviderInput {
  name: string;
  kind: ProviderKind;
  description: string;
  email: string;
  phone: string;
  website: string;
}

const providerFields = {
  name: requiredText(300).pipe(z.string().min(2)),
  kind: choice(PROVIDER_KINDS),
  description: text(5000),
  email: optionalEmail(),
  phone: phone(),
  website: optionalUrl(),
};

export const parseProviderForm = (body: unknown): ProviderInput => parseFields(providerFields, body);

export const providerToValues = (p: ProviderRow): FormState['values'] => ({
  name: p.name, kind: p.kind, description: p.description, email: p.email, phone: p.phone, website: p.website, version: String(p.version),
});

/** Poland's bounds as the database checks them. */
export const LATITUDE = { min: 49.0, max: 54.9 };
export const LONGITUDE = { min: 14.1, max: 24.2 };

const coordinate = (code: string, bounds: { min: number; max: number }) =>
  optionalDecimal(code, { digits: 2, scale: 7 })
    .transform((v) => (v === null ? null : Number(v)))
    .refine((v) => v === null || (v >= bounds.min && v <= bounds.max), { params: { code } });

const locationFields = {
  provider_id: chosenId(),
  name: requiredText(300).pipe(z.string().min(2)),
  street: requiredText(300),
  postal_code: requiredText(10)
    .refine((v) => /^\d{2}-?\d{3}$/.test(v), { params: { code: 'postal_code' } })
    .transform((v) => (v.includes('-') ? v : `${v.slice(0, 2)}-${v.slice(2)}`)),
  city: requiredText(100),
  latitude: coordinate('latitude', LATITUDE),
  longitude: coordinate('longitude', LONGITUDE),
  step_free: flag(),
  accessible_toilet: flag(),
  induction_loop: flag(),
  sign_language_on_request: flag(),
  accessibility_notes: text(2000),
};

export interface HoursRange {
  weekday: number;
  opens: string;
  closes: string;
}

export type LocationInput = { [K in keyof typeof locationFields]: z.output<(typeof locationFields)[K]> } & { hours: HoursRange[] };

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Up to two opening ranges a day (e.g. 8:00–12:00 and 13:00–16:00). */
export const SLOTS = [1, 2] as const;
export const hoursField = (weekday: number, slot: number, end: 'opens' | 'closes') => `h${weekday}_${slot}_${end}`;

const raw = (body: Record<string, unknown>, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v.trim() : '';
};

/**
 * The week's grid of hours → opening ranges, with an error on the field to fix: a time that does
 * not exist ("25:00"), half a range, closing not after opening, two ranges of one day overlapping.
 */
export function parseHours(body: Record<string, unknown>): { hours: HoursRange[]; errors: FieldErrors } {
  const hours: HoursRange[] = [];
  const errors: FieldErrors = {};
  for (const weekday of WEEKDAYS) {
    const day: (HoursRange & { slot: number })[] = [];
    for (const slot of SLOTS) {
      const [opensName, closesName] = [hoursField(weekday, slot, 'opens'), hoursField(weekday, slot, 'closes')];
      const [opensRaw, closesRaw] = [raw(body, opensName), raw(body, closesName)];
      if (opensRaw === '' && closesRaw === '') continue;
      const opens = opensRaw === '' ? null : parseTime(opensRaw);
      const closes = closesRaw === '' ? null : parseTime(closesRaw);
      if (opensRaw === '') errors[opensName] = { code: 'hours_incomplete' };
      else if (opens === null) errors[opensName] = { code: 'time' };
      if (closesRaw === '') errors[closesName] = { code: 'hours_incomplete' };
      else if (closes === null) errors[closesName] = { code: 'time' };
      if (opens === null || closes === null) continue;
      if (closes <= opens) {
        errors[closesName] = { code: 'hours_order' };
        continue;
      }
      day.push({ weekday, opens, closes, slot });
    }
    const [a, b] = day;
    if (a && b && a.opens < b.closes && b.opens < a.closes) {
      errors[hoursField(weekday, b.slot, 'opens')] = { code: 'hours_overlap' };
      continue;
    }
    hours.push(...day.map(({ weekday: w, opens, closes }) => ({ weekday: w, opens, closes })));
  }
  return { hours, errors };
}

/** Parses the location form and its hours; every problem of both is reported at once. */
export function parseLocationForm(body: unknown): LocationInput {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const { hours, errors } = parseHours(input);
  try {
    const fields = parseFields(locationFields, input, (l, fail) => {
      // A point needs both coordinates.
      if (l.latitude === null && typeof l.longitude === 'number') fail('latitude', 'coordinates_pair');
      if (l.longitude === null && typeof l.latitude === 'number') fail('longitude', 'coordinates_pair');
    });
    if (Object.keys(errors).length) throw validationError(errors);
    return { ...fields, hours };
  } catch (err) {
    if (err instanceof AppError && err.fields && Object.keys(errors).length) throw validationError({ ...err.fields, ...errors });
    throw err;
  }
}

export function hoursToValues(list: OpeningHoursRow[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const weekday of WEEKDAYS) {
    list
      .filter((h) => h.weekday === weekday)
      .slice(0, SLOTS.length)
      .forEach((h, i) => {
        values[hoursField(weekday, i + 1, 'opens')] = h.opens;
        values[hoursField(weekday, i + 1, 'closes')] = h.closes;
      });
  }
  return values;
}

export const locationToValues = (l: LocationRow, list: OpeningHoursRow[], locale: 'pl' | 'en'): FormState['values'] => ({
  provider_id: l.provider_id,
  name: l.name,
  street: l.street,
  postal_code: l.postal_code,
  city: l.city,
  latitude: showDecimal(l.latitude, locale),
  longitude: showDecimal(l.longitude, locale),
  step_free: l.step_free ? '1' : '',
  accessible_toilet: l.accessible_toilet ? '1' : '',
  induction_loop: l.induction_loop ? '1' : '',
  sign_language_on_request: l.sign_language_on_request ? '1' : '',
  accessibility_notes: l.accessibility_notes,
  ...hoursToValues(list),
  version: String(l.version),
});

export interface ExceptionInput {
  day: string;
  closed: boolean;
  opens: string | null;
  closes: string | null;
  note: string;
}

const exceptionFields = { ex_day: requiredDay(), ex_mode: choice(['closed', 'open'] as const), ex_note: text(300) };

/** A dated exception: closed all day, or open at special hours. */
export function parseExceptionForm(body: unknown): ExceptionInput {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const [o, c] = [raw(input, 'ex_opens'), raw(input, 'ex_closes')];
  const [opens, closes] = [parseTime(o), parseTime(c)];
  const e = parseFields(exceptionFields, input, (v, fail) => {
    if (v.ex_mode !== 'open') return;
    if (opens === null) fail('ex_opens', o === '' ? 'hours_incomplete' : 'time');
    if (closes === null) fail('ex_closes', c === '' ? 'hours_incomplete' : 'time');
    else if (opens !== null && closes <= opens) fail('ex_closes', 'hours_order');
  });
  const open = e.ex_mode === 'open';
  return { day: e.ex_day, closed: !open, opens: open ? opens : null, closes: open ? closes : null, note: e.ex_note };
}
