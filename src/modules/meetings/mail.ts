import { subjectToken } from '../../platform/auth/tokens';
import { translator, type MessageKey } from '../../platform/i18n';
import type { MailMessage } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { placeOf, type MeetingRow } from './domain';
import { centreOrganiser, ICS_CONTENT_TYPE, meetingsIcs } from './ics';

export interface LinkDeps {
  publicUrl: string;
  linkKey: Buffer;
  /** The platform's sender address, the calendar events' organiser. */
  mailFrom: string;
}

/** The token of an invitation's answer link: made again from its id for every mail, only its hash is stored. */
export const invitationToken = (deps: Pick<LinkDeps, 'linkKey'>, invitationId: string) => subjectToken(deps.linkKey, `meeting-invitation:${invitationId}`);

export const rsvpLink = (deps: LinkDeps, municipality: Pick<MunicipalityRow, 'slug'>, invitationId: string) =>
  `${deps.publicUrl}/${municipality.slug}/rsvp/${invitationToken(deps, invitationId).token}`;

export type MeetingMailKind = 'invitation' | 'update' | 'cancellation' | 'reminder';

/**
 * A mail about a meeting to one invitee, in Polish (invitations go to organisations' addresses, whose
 * language we do not know), with the meeting as an iCalendar attachment.
 */
export function meetingMail(deps: LinkDeps, municipality: MunicipalityRow, meeting: MeetingRow, kind: MeetingMailKind, invitation: { id: string; email: string }): MailMessage {
  const i18n = translator('pl');
  const link = rsvpLink(deps, municipality, invitation.id);
  const host = new URL(deps.publicUrl).host;
  const ics = meetingsIcs([meeting], { name: municipality.name, host, organiser: centreOrganiser(municipality, deps.mailFrom), link: () => link, method: kind === 'cancellation' ? 'cancel' : 'publish' });
  const params = {
    title: meeting.title,
    municipality: municipality.name,
    when: `${i18n.dateTime(meeting.starts_at)}–${meeting.ends}`,
    place: placeOf(meeting),
    purpose: meeting.purpose || '—',
    agenda: meeting.agenda || '—',
    reason: meeting.cancel_reason,
    link,
  };
  return {
    to: invitation.email,
    subject: i18n.t(`mail.meeting_${kind}.subject` as MessageKey, params),
    text: i18n.t(`mail.meeting_${kind}.body` as MessageKey, params),
    attachments: [{ filename: 'spotkanie.ics', contentType: ICS_CONTENT_TYPE, content: ics }],
  };
}
