import { z } from 'zod';
import { isCalendarDay } from '../../../platform/http/form-fields';

/**
 * Form input as Polish staff type it: decimal commas ("15,50"), spaces between thousands
 * ("1 010"), "zł" after an amount, "8:00" or "8.00" for a time. Each parser returns null for an
 * impossible value; the zod helpers turn that into a field error with its own message.
 */

const SPACES = /[\s\u00a0\u202f]/g;

/** "1 010,50 zł" → "1010.50"; at most `scale` decimals and `digits` digits before the point. */
export function parseDecimal(raw: string, opts: { digits: number; scale: number; negative?: boolean }): string | null {
  const s = raw.replace(SPACES, '').replace(/zł$/i, '');
  const m = new RegExp(`^(${opts.negative ? '-?' : ''}\\d{1,${opts.digits}})(?:[.,](\\d{1,${opts.scale}}))?$`).exec(s);
  if (!m) return null;
  return m[2] ? `${m[1]}.${m[2]}` : m[1]!;
}

/** A whole number without sign, up to `max`. */
export function parseWhole(raw: string, max: number): number | null {
  const s = raw.replace(SPACES, '');
  if (!/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n <= max ? n : null;
}

/** A stored decimal ("15.50") shown the way the locale writes it ("15,50" in Polish). */
export function showDecimal(value: string | number | null, locale: 'pl' | 'en'): string {
  if (value === null) return '';
  const s = String(value);
  return locale === 'pl' ? s.replace('.', ',') : s;
}

/** One item per non-empty line, trimmed. */


const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v);

/** A text field holding an optional decimal: '' → null, otherwise a normalised string or the error `code`. */
export const optionalDecimal = (code: string, opts: { digits: number; scale: number; negative?: boolean }) =>
  z.preprocess(trimmed, z.string().max(40)).transform((v, ctx) => {
    if (v === '') return null;
    const parsed = parseDecimal(v, opts);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', params: { code } });
      return z.NEVER;
    }
    return parsed;
  });

/** A text field holding an optional whole number from 1 to `max`. */
export const optionalWhole = (code: string, max: number, min = 1) =>
  z.preprocess(trimmed, z.string().max(40)).transform((v, ctx) => {
    if (v === '') return null;
    const n = parseWhole(v, max);
    if (n === null || n < min) {
      ctx.addIssue({ code: 'custom', params: { code } });
      return z.NEVER;
    }
    return n;
  });

/** A checkbox: present ("1", "on", "true") is true, absent false. */
export const flag = () => z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean());

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

/** The hidden optimistic-concurrency version of the record being edited. */
export const versionField = () => z.coerce.number().int().min(1).max(2_147_483_647);

/** A list of fixed choices from checkboxes. */
export const choiceList = <T extends string>(choices: readonly T[]) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(64)).max(50).refine((l) => l.every((x) => (choices as readonly string[]).includes(x)), { params: { code: 'invalid' } }),
  ).transform((l) => [...new Set(l)] as T[]);

/** One of fixed choices (a select or radio group); nothing chosen is `required`. */
export const choice = <T extends string>(choices: readonly T[]) =>
  z.preprocess((v) => (v === undefined ? '' : v), z.string()).refine((v) => v !== '', { params: { code: 'required' } })
    .refine((v) => v === '' || (choices as readonly string[]).includes(v), { params: { code: 'invalid' } })
    .transform((v) => v as T);

/** A telephone number as people write it: digits, spaces, +, -, parentheses. */
export const phone = () =>
  z.preprocess(trimmed, z.string().max(40)).refine((v) => v === '' || /^\+?[0-9 ()-]{3,30}$/.test(v), { params: { code: 'phone' } });

/** An optional e-mail address: '' or a valid one (stored lower-case). */
export const optionalEmail = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v === undefined ? '' : v), z.string().max(254))
    .refine((v) => v === '' || z.email().safeParse(v).success, { params: { code: 'email' } });

/** An optional web address starting http:// or https://. */
export const optionalUrl = () =>
  z.preprocess(trimmed, z.string().max(500)).refine((v) => v === '' || (/^https?:\/\/[^\s/$.?#]\S*$/i.test(v) && !v.includes('\u0000')), { params: { code: 'url' } });

// Shared with every module's forms.
export { chosenId, idList, isCalendarDay, lines, parseFields, parseTime, requiredDay } from '../../../platform/http/form-fields';
