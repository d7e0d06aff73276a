import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { placeOf, type MeetingRow } from './domain';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

type IcsMeeting = Pick<MeetingRow, 'id' | 'title' | 'purpose' | 'agenda' | 'room_label' | 'address' | 'online_url' | 'starts_at' | 'ends_at' | 'status' | 'ical_sequence' | 'updated_at'>;

/** Who sends the calendar's events: RFC 5546 requires an ORGANIZER on every PUBLISH and CANCEL. */
export interface IcsOrganiser {
  name: string;
  email: string;
}

/** The centre as the organiser, reached at the platform's sender address ("Name <address>" or a bare address). */
export function centreOrganiser(municipality: { name: string; cus_name: string }, mailFrom: string): IcsOrganiser {
  const email = /<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return { name: municipality.cus_name.trim() || municipality.name, email };
}

/** One meeting's stable calendar identity: a new time, place or a cancellation updates the same event. */
const uidOf = (m: Pick<MeetingRow, 'id'>, host: string) => `meeting-${m.id}@${host}`;

/**
 * An iCalendar file (RFC 5545, times in UTC) of meetings. PUBLISH puts them into the calendar
 * without asking for an answer by mail (answers go through the link); CANCEL removes one.
 */
export function meetingsIcs(
  list: IcsMeeting[],
  opts: { name: string; host: string; organiser: IcsOrganiser; link: (m: IcsMeeting) => string; method?: 'publish' | 'cancel' },
): string {
  const calendar = ical({
    name: opts.name,
    prodId: { company: 'Wspolnota', product: 'meetings', language: 'PL' },
    method: opts.method === 'cancel' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  for (const m of list) {
    const link = opts.link(m);
    calendar.createEvent({
      id: uidOf(m, opts.host),
      sequence: m.ical_sequence,
      stamp: m.updated_at,
      start: m.starts_at,
      end: m.ends_at,
      summary: m.title,
      description: [m.purpose, m.agenda, link].filter((p) => p).join('\n\n'),
      location: placeOf(m) || null,
      url: link,
      organizer: { name: opts.organiser.name, email: opts.organiser.email },
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 §3.4: every content line, END:VCALENDAR included, ends with CRLF.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
