import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { centreOrganiser, meetingsIcs } from './ics';

const MEETING = {
  id: '7f3c2a10-5b6d-4e8f-9a01-b2c3d4e5f607',
  title: 'Forum organizacji pozarządowych',
  purpose: 'Program współpracy na przyszły rok.',
  agenda: '1. Powitanie\n2. Konsultacje',
  room_label: 'Sala konferencyjna',
  address: 'ul. Limanowskiego 45, 96-300 Żyrardów',
  online_url: '',
  starts_at: new Date('2026-12-15T16:00:00Z'),
  ends_at: new Date('2026-12-15T18:00:00Z'),
  status: 'planned',
  ical_sequence: 2,
  updated_at: new Date('2026-12-01T09:30:00Z'),
} as const;
const ORGANISER = centreOrganiser({ name: 'Miasto Żyrardów', cus_name: 'Centrum Usług Społecznych w Żyrardowie' }, 'Wspólnota CUS <cus@zyrardow.example>');

const icsOf = (method: 'publish' | 'cancel', status = 'planned') =>
  meetingsIcs([{ ...MEETING, status } as never], { name: 'Miasto Żyrardów', host: 'wspolnota.example', organiser: ORGANISER, link: () => 'https://wspolnota.example/zyrardow/rsvp/abc', method });

describe('meetings: iCalendar files other calendars accept', () => {
  test('the organiser is the centre at the sender address, whatever the form of MAIL_FROM', () => {
    assert.deepEqual(ORGANISER, { name: 'Centrum Usług Społecznych w Żyrardowie', email: 'cus@zyrardow.example' });
    assert.deepEqual(centreOrganiser({ name: 'Gmina Wiskitki', cus_name: '' }, 'no-reply@wiskitki.example'), { name: 'Gmina Wiskitki', email: 'no-reply@wiskitki.example' });
  });

  for (const [method, status] of [['publish', 'planned'], ['cancel', 'cancelled']] as const) {
    test(`${method.toUpperCase()}: every line ends with CRLF, END:VCALENDAR too (RFC 5545 §3.4), and the event names its ORGANIZER (RFC 5546 §3.2.1)`, () => {
      const text = icsOf(method, status);
      assert.ok(text.endsWith('END:VCALENDAR\r\n'), JSON.stringify(text.slice(-20)));
      assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');

      const calendar = new ICAL.Component(ICAL.parse(text));
      assert.equal(calendar.getFirstPropertyValue('method'), method.toUpperCase());
      const events = calendar.getAllSubcomponents('vevent');
      assert.equal(events.length, 1);
      const event = new ICAL.Event(events[0]!);
      assert.equal(event.uid, `meeting-${MEETING.id}@wspolnota.example`);
      assert.equal(event.summary, MEETING.title);
      assert.equal(event.sequence, 2);
      assert.equal(event.startDate.toJSDate().toISOString(), MEETING.starts_at.toISOString());
      const organizer = events[0]!.getFirstProperty('organizer');
      assert.ok(organizer, 'ORGANIZER present');
      assert.equal(organizer.getFirstValue(), 'mailto:cus@zyrardow.example');
      assert.equal(organizer.getParameter('cn'), 'Centrum Usług Społecznych w Żyrardowie');
      assert.equal(events[0]!.getFirstPropertyValue('status'), method === 'cancel' ? 'CANCELLED' : 'CONFIRMED');
    });
  }
});
