import { z } from 'zod';
import { validationError, type FieldErrors } from './errors';
import { toFieldErrors } from './validation';

/**
 * Parsers of form fields as people type them, each failing with its own `error.<code>` message,
 * and `parseFields`, which reports every mistake of a form at once.
 */

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v);
const asList = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** One of fixed choices (a select or radio group); nothing chosen is `required`. */
export const choice = <T extends string>(choices: readonly T[]) =>
  z
    .preprocess((v) => (v === undefined ? '' : v), z.string())
    .refine((v) => v !== '', { params: { code: 'required' } })
    .refine((v) => v === '' || (choices as readonly string[]).includes(v), { params: { code: 'invalid' } })
    .transform((v) => v as T);

/** Several of fixed choices (checkboxes), without repeats. */
export const choiceList = <T extends string>(choices: readonly T[], max = 100) =>
  z
    .preprocess(asList, z.array(z.string().max(64)).max(max).refine((l) => l.every((x) => (choices as readonly string[]).includes(x)), { params: { code: 'invalid' } }))
    .transform((l) => [...new Set(l)] as T[]);

/** An optional whole number from `min` to `max`, spaces between thousands allowed; '' → null. */
export const optionalWhole = (code: string, min: number, max: number) =>
  z.preprocess(trimmed, z.string().max(40)).transform((v, ctx) => {
    if (v === '') return null;
    const s = v.replace(/[\s\u00a0\u202f]/g, '');
    const n = /^\d{1,9}$/.test(s) ? Number(s) : NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', params: { code } });
      return z.NEVER;
    }
    return n;
  });

const WEB_ADDRESS = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
export const isWebAddress = (v: string) => WEB_ADDRESS.test(v) && !v.includes('\u0000');

/** An optional web address starting http:// or https://. */
export const optionalUrl = () => z.preprocess(trimmed, z.string().max(500)).refine((v) => v === '' || isWebAddress(v), { params: { code: 'url' } });

/** A telephone number as people write it: digits, spaces, +, -, parentheses. */
export const phone = () => z.preprocess(trimmed, z.string().max(40)).refine((v) => v === '' || /^\+?[0-9 ()-]{3,30}$/.test(v), { params: { code: 'phone' } });

/** A Polish postal code, "96-300"; '' when not given. */
export const optionalPostalCode = () =>
  z.preprocess(trimmed, z.string().max(20)).refine((v) => v === '' || /^\d{2}-\d{3}$/.test(v), { params: { code: 'postal_code' } });

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= '1900' && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** An optional calendar day: '' → null. */
export const optionalDay = () =>
  z.preprocess(trimmed, z.string().max(10)).transform((v, ctx) => {
    if (v === '') return null;
    if (!isCalendarDay(v)) {
      ctx.addIssue({ code: 'custom', params: { code: 'date' } });
      return z.NEVER;
    }
    return v;
  });

/** A required calendar day. */
export const requiredDay = () =>
  z.preprocess(trimmed, z.string().max(10)).refine((v) => v !== '', { params: { code: 'required' } }).refine((v) => v === '' || isCalendarDay(v), { params: { code: 'date' } });

/** "8:00", "08:00", "8.00" → "08:00"; hours 0–23, minutes 0–59 ("25:00" and "12:60" are null). */
export function parseTime(raw: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** A required time of day, as people write it ("8:00", "17.30"), → "HH:MM". */
export const timeOfDay = () =>
  z.preprocess(trimmed, z.string().max(10)).transform((v, ctx) => {
    const time = v === '' ? null : parseTime(v);
    if (time === null) {
      ctx.addIssue({ code: 'custom', params: { code: v === '' ? 'required' : 'time' } });
      return z.NEVER;
    }
    return time;
  });

/** A list of ids from checkboxes or a select: each must be a uuid (anything else is tampering). */
export const idList = (max = 200) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(max)).transform((l) => [...new Set(l.map((id) => id.toLowerCase()))]);

/** A uuid chosen in a select: nothing chosen is `required`, anything else not a uuid is invalid. */
export const chosenId = () =>
  z.preprocess((v) => (v === undefined ? '' : v), z.string()).refine((v) => v !== '', { params: { code: 'required' } })
    .refine((v) => v === '' || z.uuid().safeParse(v).success, { params: { code: 'invalid' } });

/** The hidden optimistic-concurrency version of the record being edited. */
export const versionField = () => z.coerce.number().int().min(1).max(2_147_483_647);

/** One item per non-empty line, trimmed. */
export const lines = (raw: string): string[] =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

type Shape = Record<string, z.ZodType>;
export type Parsed<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

/**
 * Parses a form field by field, so that every mistake is reported at once, then runs the
 * cross-field `checks` on the fields that parsed (a check reports on a field without an error yet).
 * Errors come in the form's order, so an error summary reads top to bottom.
 */
export function parseFields<S extends Shape>(
  shape: S,
  body: unknown,
  checks: (values: Partial<Parsed<S>>, fail: (field: string, code: string) => void) => void = () => undefined,
): Parsed<S> {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Partial<Parsed<S>> = {};
  const errors: FieldErrors = {};
  for (const [name, schema] of Object.entries(shape)) {
    const r = schema.safeParse(input[name]);
    if (r.success) values[name as keyof S] = r.data as Parsed<S>[keyof S];
    else errors[name] = Object.values(toFieldErrors(r.error))[0]!;
  }
  checks(values, (field, code) => {
    errors[field] ??= { code };
  });
  if (Object.keys(errors).length) {
    const order = Object.keys(shape);
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    throw validationError(Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b))));
  }
  return values as Parsed<S>;
}
