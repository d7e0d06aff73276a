import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { makeUser, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { logIn } from '../support/session';
import { ownerQuery } from '../support/db';

/** Shared by the meetings tests: a valid meeting form, a day ahead in Warsaw, mail with attachments. */

/** A Warsaw calendar day `days` from today, YYYY-MM-DD. */
export const warsawDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));

export function meetingForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Forum organizacji pozarządowych',
    purpose: 'Omówić program współpracy na 2027 rok.',
    agenda: 'Powitanie\nProgram współpracy\nWolne wnioski',
    audience: 'Organizacje z rejestru',
    day: warsawDay(14),
    starts: '17:00',
    ends: '19:00',
    place: 'address',
    room_id: '',
    address: 'Resursa, ul. Karola Dittricha 1, Żyrardów',
    online_url: '',
    capacity: '40',
    ...over,
  };
}

export async function createMeeting(c: TestClient, m: MunicipalityRow, over: Record<string, string> = {}): Promise<string> {
  const res = await c.post(`/${m.slug}/meetings`, meetingForm(over));
  if (res.statusCode !== 303) throw new Error(`meeting not created: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.headers.location!.split('/').pop()!;
}

export interface MailRow {
  to_address: string;
  subject: string;
  body_text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** Mail to `to` about municipality `m`'s meetings (the demo registry's addresses repeat in every seeded municipality). */
export async function mailTo(h: Harness, m: MunicipalityRow, to: string): Promise<MailRow[]> {
  return ownerQuery<MailRow>(
    h,
    "SELECT to_address, subject, body_text, attachments FROM dev_mailbox WHERE to_address = $1 AND (body_text LIKE '%/' || $2 || '/rsvp/%') ORDER BY id",
    [to, m.slug],
  );
}

/** The answer link's path in a mail. */
export const rsvpPath = (mail: MailRow) => new URL(/https?:\/\/\S+\/rsvp\/\S+/.exec(mail.body_text)![0]).pathname;

/** Moves a meeting's start (and end) by `hours` from now, as if time had passed. */
export async function moveStart(h: Harness, m: MunicipalityRow, id: string, hoursFromNow: number): Promise<void> {
  await ownerQuery(h, "UPDATE meetings SET starts_at = now() + make_interval(mins => round($3::numeric * 60)::int), ends_at = now() + make_interval(mins => round($3::numeric * 60)::int + 120) WHERE municipality_id = $1 AND id = $2", [m.id, id, hoursFromNow]);
}

/** The community organiser: meetings open people's answers, so the role needs two-factor login. */
export async function organiser(h: Harness, m: MunicipalityRow, roles: Role[] = ['community_organiser']): Promise<{ user: TestUser; c: TestClient }> {
  const user = await makeUser(h.db, { municipality: m, roles, totp: true });
  return { user, c: await logIn(h, user) };
}
