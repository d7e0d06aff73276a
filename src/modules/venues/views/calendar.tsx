import { PageLayout } from '../../../platform/ui/layout';
import type { PageContext } from '../../../platform/ui/context';
import type { DayHours, RoomRow } from '../domain';
import type { CalendarEntry, Viewer } from '../service-bookings';
import { addDays, isoWeekday, warsawInstant, warsawParts } from '../../../platform/time';
import { slot, statusLabel, venuesBase, weekdayLabel } from './common';

const pad = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The hours the grid shows: from the earliest opening to the latest closing of the week (and any booking outside them). */
function hourRange(hours: DayHours[], entries: CalendarEntry[]): number[] {
  const ceilHour = (time: string) => Number(time.slice(0, 2)) + (time.endsWith(':00') ? 0 : 1);
  let from = Math.min(...hours.map((h) => Number(h.opens.slice(0, 2))), 24);
  let to = Math.max(...hours.map((h) => ceilHour(h.closes)), 0);
  for (const e of entries) {
    const [s, f] = [warsawParts(e.starts_at), warsawParts(e.ends_at)];
    const sameDay = s.day === f.day;
    from = Math.min(from, sameDay ? Number(s.time.slice(0, 2)) : 0);
    to = Math.max(to, sameDay ? ceilHour(f.time) : 24);
  }
  if (from >= to) [from, to] = [8, 20];
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function Cell(props: { ctx: PageContext; day: string; hour: number; hours: DayHours[]; entries: CalendarEntry[] }) {
  const { ctx, day, hour } = props;
  const { t } = ctx.i18n;
  const start = warsawInstant(day, pad(hour));
  const end = new Date(start.getTime() + 3_600_000);
  const here = props.entries.filter((e) => e.starts_at < end && e.ends_at > start);
  if (here.length) {
    return (
      <td>
        {here.map((e) => (
          <p>
            <strong>{e.title ?? t('venues.calendar.taken')}</strong>
            {e.status ? <span class="muted"> ({statusLabel(ctx, e.status)}{e.who ? `, ${e.who}` : ''})</span> : null}
          </p>
        ))}
      </td>
    );
  }
  const open = props.hours.find((h) => h.weekday === isoWeekday(day));
  const inside = open && open.opens < pad(hour + 1) && open.closes > pad(hour);
  return <td class={inside ? undefined : 'muted'}>{inside ? t('venues.calendar.free') : t('venues.calendar.closed')}</td>;
}

/** A room's week as a table (hours by days), the week's bookings as a list, and the previous and next weeks. */
export function CalendarPage(props: { ctx: PageContext; room: RoomRow; hours: DayHours[]; entries: CalendarEntry[]; monday: string; viewer: Viewer }) {
  const { ctx, room, monday } = props;
  const { t, date } = ctx.i18n;
  const base = venuesBase(ctx);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const week = t('venues.calendar.week', { from: date(`${days[0]}T12:00:00Z`), to: date(`${days[6]}T12:00:00Z`) });
  const title = t('venues.calendar.title', { room: room.name, venue: room.venue_name });
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: `${base}/${room.venue_id}`, label: t('venues.calendar.back', { venue: room.venue_name }) }}>
      {!room.bookable ? <p class="notice">{t('venues.room.not_bookable')}</p> : null}
      <nav aria-label={t('venues.calendar.weeks')}>
        <ul class="links">
          <li>
            <a href={`?week=${addDays(monday, -7)}`}>{t('venues.calendar.previous')}</a>
          </li>
          <li>
            <a href={`?week=${addDays(monday, 7)}`}>{t('venues.calendar.next')}</a>
          </li>
          <li>
            <a href={`${base}/rooms/${room.id}`}>{t('venues.calendar.this_week')}</a>
          </li>
          {room.bookable ? (
            <li>
              <a href={`${base}/rooms/${room.id}/book`}>{t('venues.room.book_link', { room: room.name })}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <h2>{week}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={week}>
        <table>
          <caption>{t('venues.calendar.caption', { room: room.name, week })}</caption>
          <thead>
            <tr>
              <td />
              {days.map((d) => (
                <th scope="col">
                  {weekdayLabel(ctx, isoWeekday(d))}
                  <br />
                  {date(`${d}T12:00:00Z`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hourRange(props.hours, props.entries).map((h) => (
              <tr>
                <th scope="row">{`${pad(h)}–${pad(h + 1 === 24 ? 0 : h + 1)}`}</th>
                {days.map((d) => (
                  <Cell ctx={ctx} day={d} hour={h} hours={props.hours} entries={props.entries} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('venues.calendar.list')}</h2>
      {props.entries.length === 0 ? (
        <p>{t('venues.calendar.none')}</p>
      ) : (
        <ul>
          {props.entries.map((e) => (
            <li>
              {slot(ctx, e)} — {e.title ?? t('venues.calendar.taken')}
              {e.status ? ` (${statusLabel(ctx, e.status)}${e.who ? `, ${e.who}` : ''})` : ''}
            </li>
          ))}
        </ul>
      )}
    </PageLayout>
  );
}
