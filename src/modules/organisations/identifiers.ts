/**
 * Polish registry numbers of organisations, validated for real: KRS (10 digits), NIP (10 digits
 * with a check digit), REGON (9 or 14 digits with a check digit; a 14-digit REGON of a local unit
 * begins with the 9-digit REGON of its parent, which must be valid too).
 */

export type IdentifierProblem = 'format' | 'checksum';
export type Checked = { ok: true; value: string } | { ok: false; problem: IdentifierProblem };

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];
const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

/** Spaces, dashes and dots people type between groups of digits ("123-456-32-18", "0000 123 456"). */
const compact = (raw: string) => raw.trim().replace(/[\s\u00a0.-]/g, '');

const weightedSum = (digits: string, weights: number[]) => weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);

export function nipCheckDigit(first9: string): number | null {
  const r = weightedSum(first9, NIP_WEIGHTS) % 11;
  return r === 10 ? null : r;
}

export function regon9CheckDigit(first8: string): number {
  return (weightedSum(first8, REGON9_WEIGHTS) % 11) % 10;
}

export function regon14CheckDigit(first13: string): number {
  return (weightedSum(first13, REGON14_WEIGHTS) % 11) % 10;
}

export function isValidNip(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const check = nipCheckDigit(digits.slice(0, 9));
  return check !== null && check === Number(digits[9]);
}

export function isValidRegon(digits: string): boolean {
  if (/^\d{9}$/.test(digits)) return regon9CheckDigit(digits.slice(0, 8)) === Number(digits[8]);
  if (/^\d{14}$/.test(digits)) return isValidRegon(digits.slice(0, 9)) && regon14CheckDigit(digits.slice(0, 13)) === Number(digits[13]);
  return false;
}

/** KRS numbers have no check digit; they are written with leading zeros, and 0000000000 was never given. */
export function isValidKrs(digits: string): boolean {
  return /^\d{10}$/.test(digits) && digits !== '0000000000';
}

export function checkKrs(raw: string): Checked {
  const v = compact(raw);
  return isValidKrs(v) ? { ok: true, value: v } : { ok: false, problem: 'format' };
}

/** A NIP as typed, with or without the "PL" of an EU VAT number. */
export function checkNip(raw: string): Checked {
  const v = compact(raw).replace(/^PL/i, '');
  if (!/^\d{10}$/.test(v)) return { ok: false, problem: 'format' };
  return isValidNip(v) ? { ok: true, value: v } : { ok: false, problem: 'checksum' };
}

export function checkRegon(raw: string): Checked {
  const v = compact(raw);
  if (!/^(\d{9}|\d{14})$/.test(v)) return { ok: false, problem: 'format' };
  return isValidRegon(v) ? { ok: true, value: v } : { ok: false, problem: 'checksum' };
}
