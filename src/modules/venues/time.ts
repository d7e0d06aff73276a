import { translator, type Locale } from '../../platform/i18n';
import { TIME_ZONE, warsawParts } from '../../platform/time';

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
