import type { Locale, Translator } from '../../../platform/i18n';
import type { FeeKind } from '../domain';

const numberLocale = (locale: Locale) => (locale === 'pl' ? 'pl-PL' : 'en-GB');

/** An amount in złoty in the page's number format: "15,00 zł" in Polish. */
export function money(locale: Locale, amount: string | number): string {
  return formatter(locale, 'money').format(Number(amount));
}

export function count(locale: Locale, n: number): string {
  return formatter(locale, 'count').format(n);
}

/** Built once per locale and kind: constructing an Intl.NumberFormat costs more than formatting a page of numbers. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, kind: 'money' | 'count'): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(locale), kind === 'money' ? { style: 'currency', currency: 'PLN' } : {});
    formatters.set(key, f);
  }
  return f;
}

/** The short fee label of a list: free, the fixed amount, or income-dependent. */
export function feeLabel(i18n: Translator, kind: FeeKind, amount: string | null): string {
  return kind === 'fixed' && amount !== null ? i18n.t('fee.fixed', { amount: money(i18n.locale, amount) }) : i18n.t(`fee.${kind}`);
}

/** A dialable tel: link; Polish nine-digit numbers get the +48 prefix. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
  return digits.length === 9 ? `tel:+48${digits}` : `tel:${digits}`;
}

/** Only http(s) addresses become links (never javascript: or data:). */
export function webHref(url: string): string | null {
  return /^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : null;
}

/** A language code (pl, uk, en, pjm …) in the page's language, e.g. "ukraiński". */
export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Opening intervals per ISO weekday (1–7), e.g. { 1: ['08:00–16:00'] }. */
export function weeklyHours(rows: { weekday: number; opens: string; closes: string }[]): Map<number, string[]> {
  const days = new Map<number, string[]>();
  for (const r of rows) days.set(r.weekday, [...(days.get(r.weekday) ?? []), `${r.opens}–${r.closes}`]);
  return days;
}

/** Blank-line separated paragraphs of a plain-text field. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
