import { z } from 'zod';
import { validationError, type FieldErrors } from './errors';

/**
 * Turns zod issues into field errors whose codes name Polish messages (`error.<code>` in i18n).
 * A custom refinement sets its code with `params: { code: '...' }`.
 */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.length ? issue.path.map(String).join('.') : '_form';
    if (fields[name]) continue;
    fields[name] = fieldErrorFor(issue);
  }
  return fields;
}

function fieldErrorFor(issue: z.core.$ZodIssue): FieldErrors[string] {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.input === undefined || issue.input === '' ? 'required' : 'invalid' };
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? { code: 'required' }
        : issue.origin === 'array'
          ? { code: 'required' }
          : { code: 'too_short', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { code: 'too_long', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'email' : 'invalid' };
    case 'custom': {
      const code = (issue.params as { code?: string } | undefined)?.code;
      return { code: code ?? 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/** Parses input or throws `validation.failed` with field errors. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw validationError(toFieldErrors(result.error));
  return result.data;
}

/** PostgreSQL cannot store a NUL character in text: refuse it as invalid input rather than fail in the database. */
const noNul = (v: string) => !v.includes('\u0000');

/**
 * Free text, platform-wide: a name or a line takes at most SHORT_TEXT characters, a description
 * LONG_TEXT, and no field more than MAX_TEXT (a meeting's minutes, a pasted list of addresses) — everything typed ends
 * up in pages, exports and PDFs, so its size is bounded where it comes in.
 */
export const SHORT_TEXT = 300;
export const LONG_TEXT = 5000;
export const MAX_TEXT = 20_000;

function bounded(max: number): number {
  if (!(max >= 1 && max <= MAX_TEXT)) throw new Error(`a text field takes at most ${MAX_TEXT} characters, not ${max}`);
  return max;
}

/** Form text: trimmed; a missing field reads as ''. */
export const text = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v), z.string().max(bounded(max)).refine(noNul, { params: { code: 'invalid' } }));
export const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v), z.string().min(1).max(bounded(max)).refine(noNul, { params: { code: 'invalid' } }));
/** A name, a title, a line: at most SHORT_TEXT characters. */
export const shortText = () => text(SHORT_TEXT);
/** A description, a note, a need: at most LONG_TEXT characters. */
export const longText = () => text(LONG_TEXT);
export const email = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v === undefined ? '' : v),
    z.string().min(1).max(254).pipe(z.email()),
  );
/** Checkbox groups arrive as a string, an array, or nothing. */
export const stringList = () =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(64)).max(50));
/** Passwords are never trimmed: a space is a character like any other. */
export const passwordInput = () =>
  z.preprocess((v) => (v === undefined ? '' : v), z.string().min(1).max(256));
