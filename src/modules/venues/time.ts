import { TIME_ZONE, translator, type Locale } from '../../platform/i18n';

/**
 * Europe/Warsaw wall-clock days and times ("2026-12-03", "17:00") and the instants they are, both
 * ways, across the changes of summer time; and the calendar arithmetic of weeks.
 */

const wall = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The Warsaw day and time of an instant. */
export function warsawParts(instant: Date): { day: string; time: string } {
  const p = Object.fromEntries(wall.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

const asUtc = (day: string, time: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh, mm);
};
const offsetAt = (t: number) => {
  const p = warsawParts(new Date(t));
  return asUtc(p.day, p.time) - Math.floor(t / 60_000) * 60_000;
};

/** The instant of a Warsaw day and time: 2026-12-03 17:00 is 16:00 UTC, 2026-07-03 17:00 is 15:00 UTC. */
export function warsawInstant(day: string, time: string): Date {
  const local = asUtc(day, time);
  const guess = local - offsetAt(local);
  return new Date(local - offsetAt(guess));
}

/** Today on the Warsaw calendar. */
export const warsawToday = (now = new Date()) => warsawParts(now).day;

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The Monday of the week a day is in. */
export const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));

const hm: Record<Locale, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};
export const timeOf = (instant: Date, locale: Locale = 'pl') => hm[locale].format(instant);

/** A slot as people say it: "3 grudnia 2026 17:00–19:00" (both days named when it runs past midnight). */
export function slotText(slot: { starts_at: Date; ends_at: Date }, locale: Locale = 'pl'): string {
  const { date } = translator(locale);
  const sameDay = warsawParts(slot.starts_at).day === warsawParts(new Date(slot.ends_at.getTime() - 1)).day;
  return sameDay
    ? `${date(slot.starts_at)} ${timeOf(slot.starts_at, locale)}–${timeOf(slot.ends_at, locale)}`
    : `${date(slot.starts_at)} ${timeOf(slot.starts_at, locale)} – ${date(slot.ends_at)} ${timeOf(slot.ends_at, locale)}`;
}
