import { z } from 'zod';
import { choiceList as sharedChoiceList } from '../../../platform/http/form-fields';

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

/** An optional e-mail address: '' or a valid one (stored lower-case). */
export const optionalEmail = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v === undefined ? '' : v), z.string().max(254))
    .refine((v) => v === '' || z.email().safeParse(v).success, { params: { code: 'email' } });

/** Up to 50 of fixed choices from checkboxes. */
export const choiceList = <T extends string>(choices: readonly T[]) => sharedChoiceList(choices, 50);

// Shared with every module's forms.
export {
  choice, chosenId, idList, isCalendarDay, lines, optionalDay, optionalUrl, parseFields, parseTime, phone, requiredDay, versionField,
} from '../../../platform/http/form-fields';
