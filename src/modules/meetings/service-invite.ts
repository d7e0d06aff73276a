import crypto from 'node:crypto';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { isOpenForAnswers } from './domain';
import { invitationToken } from './mail';
import { audience, type AudienceFilter } from './repository-audience';
import { invitations, type NewInvitation } from './repository-invitations';
import { findMeeting, mailInvitees, type MeetingsDeps } from './service';

/** At most this many organisations are listed to tick; "invite all that match" reaches the rest. */
export const PREVIEW_LIMIT = 300;

export async function invitePage(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, meetingId: string, filter: AudienceFilter) {
  return deps.db.tx(ctx, async (sql) => {
    const meeting = await findMeeting(sql, municipalityId, meetingId);
    const preview = await audience.preview(sql, municipalityId, meetingId, filter, PREVIEW_LIMIT);
    return { meeting, preview, federations: await audience.federations(sql, municipalityId) };
  });
}

export type InviteChoice = { kind: 'chosen'; ids: string[] } | { kind: 'all_matching'; filter: AudienceFilter } | { kind: 'people'; emails: string[] };

/**
 * Invites organisations (ticked, or every one matching the filter) or people by e-mail; whoever is
 * already invited is skipped. Each invitation leaves by e-mail through the outbox, with its own answer
 * link and the calendar entry. Returns how many were new and how many were already invited.
 */
export async function invite(deps: MeetingsDeps, ctx: DbContext, municipality: MunicipalityRow, meetingId: string, choice: InviteChoice, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const meeting = await findMeeting(sql, municipality.id, meetingId, true);
    if (!isOpenForAnswers(meeting)) throw new AppError(meeting.status === 'cancelled' ? 'meeting.cancelled' : 'meeting.closed');
    const fresh = (e: Omit<NewInvitation, 'id' | 'tokenHash'>): NewInvitation => {
      const id = crypto.randomUUID();
      return { ...e, id, tokenHash: invitationToken(deps, id).hash };
    };
    let list: NewInvitation[];
    if (choice.kind === 'people') {
      const accounts = new Map((await audience.accounts(sql, choice.emails)).map((a) => [a.email, a.id]));
      list = choice.emails.map((email) => fresh({ organisationId: null, userId: accounts.get(email) ?? null, email, chosenBy: 'person' }));
    } else {
      const found = choice.kind === 'chosen' ? await audience.chosen(sql, municipality.id, choice.ids) : await audience.matching(sql, municipality.id, choice.filter);
      if (choice.kind === 'chosen' && found.length !== choice.ids.length) throw validationError({ organisations: { code: 'invalid' } });
      list = found.map((o) => fresh({ organisationId: o.id, userId: null, email: o.email, chosenBy: choice.kind === 'chosen' ? 'hand' : 'filter' }));
    }
    const added = await invitations.insertMany(sql, municipality.id, meetingId, actor.userId!, list);
    await mailInvitees(deps, sql, municipality, meeting, 'invitation', added);
    await audit(sql, municipality.id, actor, { action: 'meeting.invited', subjectType: 'meeting', subjectId: meetingId, details: { how: choice.kind, added: added.length, skipped: list.length - added.length } });
    return { added: added.length, skipped: list.length - added.length };
  });
}
