import { en } from './en';
import { pl, type MessageKey } from './pl';
import type { Message } from './types';

export type { MessageKey } from './pl';
export type Locale = 'pl' | 'en';
export const LOCALES: readonly Locale[] = ['pl', 'en'];
export const TIME_ZONE = 'Europe/Warsaw';

const catalogues: Record<Locale, Record<MessageKey, Message>> = { pl, en };
const pluralRules: Record<Locale, Intl.PluralRules> = { pl: new Intl.PluralRules('pl'), en: new Intl.PluralRules('en') };
const dateTime: Record<Locale, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
};
const dateOnly: Record<Locale, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', { timeZone: TIME_ZONE, dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long' }),
};

const calendarDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
/** The day on the Warsaw calendar, YYYY-MM-DD (today by default). */
export const warsawDay = (now: Date = new Date()): string => calendarDayFormat.format(now);

export type Params = Record<string, string | number>;

function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the Polish plural form by Intl.PluralRules (1 plik, 2 pliki, 5 plików, 22 pliki, 1,5 pliku). */
export function pluralForm(locale: Locale, message: Message, count: number): string {
  if (typeof message === 'string') return message;
  const category = pluralRules[locale].select(count) as keyof typeof message;
  return message[category] ?? message.other;
}

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  /** A date and time in Europe/Warsaw, e.g. "23 listopada 2026 17:11". */
  dateTime(value: Date | string): string;
  date(value: Date | string): string;
}

export function translator(locale: Locale): Translator {
  const catalogue = catalogues[locale];
  return {
    locale,
    t(key, params) {
      const message = catalogue[key];
      const count = params?.count;
      const text = typeof message === 'string' ? message : typeof count === 'number' ? pluralForm(locale, message, count) : message.other;
      return interpolate(text, params);
    },
    dateTime: (value) => dateTime[locale].format(new Date(value)),
    date: (value) => dateOnly[locale].format(new Date(value)),
  };
}

export function isLocale(value: unknown): value is Locale {
  return value === 'pl' || value === 'en';
}

export function hasMessage(key: string): key is MessageKey {
  return key in pl;
}
