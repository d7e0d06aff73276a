import { TZDate, tz } from '@date-fns/tz';
import { addDays as addCalendarDays, addMonths as addCalendarMonths, format, getISODay, startOfISOWeek } from 'date-fns';

/**
 * The one clock of the product: Europe/Warsaw calendar days ("2026-12-03") and wall-clock times
 * ("17:00") and the instants they are, both ways, across the changes of summer time (ADR 0021).
 * A day is always a YYYY-MM-DD string; an instant is always a Date.
 */
export const TIME_ZONE = 'Europe/Warsaw';

const warsaw = tz(TIME_ZONE);
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

function midnight(day: string): TZDate {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a calendar day: ${day}`);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), TIME_ZONE);
}

const dayOf = (date: Date) => format(date, 'yyyy-MM-dd', { in: warsaw });

/** The day on the Warsaw calendar of an instant, YYYY-MM-DD (today by default). */
export const warsawDay = (instant: Date = new Date()): string => dayOf(instant);

/** The Warsaw year of an instant (this year by default). */
export const warsawYear = (instant: Date = new Date()): number => Number(format(instant, 'yyyy', { in: warsaw }));

/** The Warsaw day and wall-clock time (HH:MM, 24-hour) of an instant. */
export function warsawParts(instant: Date): { day: string; time: string } {
  return { day: dayOf(instant), time: format(instant, 'HH:mm', { in: warsaw }) };
}

/**
 * The instant of a Warsaw day and time: 2026-12-03 17:00 is 16:00 UTC, 2026-07-03 17:00 is 15:00 UTC.
 * A time the spring change skips (02:30 on the last Sunday of March) is the instant an hour later
 * by the clock (03:30); one the autumn change repeats (02:30 on the last Sunday of October) is the later one.
 */
export function warsawInstant(day: string, time: string): Date {
  const t = TIME.exec(time);
  if (!t) throw new RangeError(`Not a time: ${time}`);
  const d = midnight(day);
  return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), Number(t[1]), Number(t[2]), TIME_ZONE).getTime());
}

/** The first instant of a Warsaw day. */
export const startOfWarsawDay = (day: string): Date => new Date(midnight(day).getTime());

/** The end of a Warsaw day: the first instant of the next one (exclusive), 23, 24 or 25 hours after its start. */
export const endOfWarsawDay = (day: string): Date => startOfWarsawDay(addDays(day, 1));

/** `day` plus `n` calendar days (n may be negative). */
export const addDays = (day: string, n: number): string => dayOf(addCalendarDays(midnight(day), n));

/** `day` plus `n` calendar months; a day the month lacks becomes its last (31 January + 1 → 28 or 29 February). */
export const addMonths = (day: string, n: number): string => dayOf(addCalendarMonths(midnight(day), n));

/** A calendar day's number (days since 1970-01-01): two days' difference is the calendar days between them, whatever the time zone. */
function dayNumber(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a calendar day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier). Plain arithmetic on the days'
 * numbers: a case list computed each row's deadline through two time-zone dates (15 % of a page's CPU).
 */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Whole calendar days from today (Warsaw) until `day`: 0 today, negative once past. */
export const daysUntil = (day: string, today: string = warsawDay()): number => daysBetween(today, day);

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => getISODay(midnight(day));

/** The Monday of the week a day is in. */
export const mondayOf = (day: string): string => dayOf(startOfISOWeek(midnight(day), { in: warsaw }));
