import { installedMessages, type MessageKey } from './catalogue';
import type { Message } from './types';

export { installMessages, mergeMessages, type MessageKey, type MessagesOwner, type MessagesPart, type ModuleMessages } from './catalogue';
export type { Message, Plural } from './types';
export type Locale = 'pl' | 'en';
export const LOCALES: readonly Locale[] = ['pl', 'en'];
import { TIME_ZONE } from '../time';
export { TIME_ZONE, warsawDay } from '../time';

const pluralRules: Record<Locale, Intl.PluralRules> = { pl: new Intl.PluralRules('pl'), en: new Intl.PluralRules('en') };
const dateTime: Record<Locale, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
};
const dateOnly: Record<Locale, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', { timeZone: TIME_ZONE, dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long' }),
};

export type Params = Record<string, string | number>;

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day given as YYYY-MM-DD is written in words ("14 grudnia 2026"): people read messages and mails, not ISO dates. */
function interpolate(locale: Locale, text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    const day = typeof value === 'string' && CALENDAR_DAY.test(value) ? new Date(`${value}T12:00:00Z`) : null;
    return day && !Number.isNaN(day.getTime()) ? dateOnly[locale].format(day) : String(value);
  });
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
  return {
    locale,
    t(key, params) {
      const message = installedMessages()[locale][key];
      if (message === undefined) throw new Error(`no message ${key}: no module defines it, or the modules' messages are not installed (src/modules/index.ts does it)`);
      const count = params?.count;
      const text = typeof message === 'string' ? message : typeof count === 'number' ? pluralForm(locale, message, count) : message.other;
      return interpolate(locale, text, params);
    },
    dateTime: (value) => dateTime[locale].format(new Date(value)),
    date: (value) => dateOnly[locale].format(new Date(value)),
  };
}

export function isLocale(value: unknown): value is Locale {
  return value === 'pl' || value === 'en';
}

export function hasMessage(key: string): key is MessageKey {
  return key in installedMessages().pl;
}
