import { audit, type AuditActor } from '../../platform/audit/audit';
import { hashToken, newToken } from '../../platform/auth/tokens';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { isOpenForAnswers, type MeetingRow } from './domain';
import type { RsvpInput } from './form';
import { meetings } from './repository';
import { invitations, type InvitationRow } from './repository-invitations';
import { feeds, inbox } from './repository-inbox';
import { findMeeting, type MeetingsDeps } from './service';

type Person = { id: string; email: string };

/** The invitation behind a token (locked) and its meeting, asked together: one round trip on PostgreSQL. */
async function byToken(sql: Sql, municipalityId: string, token: string): Promise<{ invitation: InvitationRow; meeting: MeetingRow }> {
  if (typeof token !== 'string' || token.length > 100) throw new AppError('token.invalid');
  const hash = hashToken(token);
  const [invitation, meeting] = await Promise.all([invitations.byToken(sql, municipalityId, hash), meetings.byInvitationToken(sql, municipalityId, hash)]);
  if (!invitation) throw new AppError('token.invalid');
  if (!meeting) throw new AppError('not_found');
  return { invitation, meeting };
}

/** The invitation behind an answer link, and its meeting. */
export async function invitationByToken(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, token: string) {
  return deps.db.tx(ctx, (sql) => byToken(sql, municipalityId, token));
}

/** Answers are taken until the meeting starts, and not for a cancelled one. Two answers at once are applied one after the other. */
async function answer(sql: Sql, municipalityId: string, invitation: InvitationRow, meeting: MeetingRow, input: RsvpInput, userId: string | null, actor: AuditActor) {
  if (meeting.status === 'cancelled') throw new AppError('meeting.cancelled');
  if (!isOpenForAnswers(meeting)) throw new AppError('meeting.closed');
  await invitations.respond(sql, municipalityId, invitation.id, input, userId);
  await audit(sql, municipalityId, actor, {
    action: 'meeting.answered',
    subjectType: 'meeting_invitation',
    subjectId: invitation.id,
    details: { meeting: meeting.id, response: input.response, people: input.peopleCount, changed_from: invitation.response },
  });
}

/** An answer through the e-mailed link (no login needed). */
export async function answerByToken(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, token: string, input: RsvpInput, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const { invitation, meeting } = await byToken(sql, municipalityId, token);
    await answer(sql, municipalityId, invitation, meeting, input, actor.userId, actor);
    return { meeting, previous: invitation.response };
  });
}

/** An answer from the inbox by someone logged in: only to their own or their organisation's invitation. */
export async function answerAsMember(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, invitationId: string, input: RsvpInput, person: Person, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    if (!(await inbox.mayAnswer(sql, municipalityId, invitationId, person))) throw new AppError('not_found');
    const invitation = (await invitations.find(sql, municipalityId, invitationId))!;
    const meeting = await findMeeting(sql, municipalityId, invitation.meeting_id);
    await answer(sql, municipalityId, invitation, meeting, input, person.id, actor);
    return { meeting };
  });
}

/** The person's invitations from a week ago on, and whether they have a calendar feed. */
export async function inboxOf(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, person: Person) {
  return deps.db.tx(ctx, async (sql) => ({
    invitations: await inbox.of(sql, municipalityId, person, new Date(Date.now() - 7 * 86_400_000)),
    hasFeed: await feeds.exists(sql, municipalityId, person.id),
  }));
}

/** A new private calendar address (the previous one stops working). Shown once. */
export async function resetFeed(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, userId: string): Promise<string> {
  const { token, hash } = newToken();
  await deps.db.tx(ctx, async (sql) => {
    if (!(await feeds.eligible(sql, municipalityId, userId))) throw new AppError('auth.forbidden');
    await feeds.set(sql, municipalityId, userId, hash);
  });
  return token;
}

/** The meetings of a calendar feed's owner (their and their organisations' invitations, from 90 days ago on). */
export async function feedMeetings(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, token: string) {
  return deps.db.tx(ctx, async (sql) => {
    const owner = token.length <= 100 ? await feeds.owner(sql, municipalityId, hashToken(token)) : undefined;
    if (!owner) throw new AppError('token.invalid');
    const rows = await inbox.of(sql, municipalityId, owner, new Date(Date.now() - 90 * 86_400_000));
    const ids = [...new Set(rows.map((r) => r.meeting_id))];
    const list: MeetingRow[] = [];
    for (const id of ids) list.push((await meetings.find(sql, municipalityId, id))!);
    return list;
  });
}

/** An invitation of the person's own or of their organisation's, and its meeting (anyone else's is not found). */
export async function invitationForMember(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, invitationId: string, person: Person) {
  return deps.db.tx(ctx, async (sql) => {
    if (!(await inbox.mayAnswer(sql, municipalityId, invitationId, person))) throw new AppError('not_found');
    const invitation = (await invitations.find(sql, municipalityId, invitationId))!;
    return { invitation, meeting: await findMeeting(sql, municipalityId, invitation.meeting_id) };
  });
}
