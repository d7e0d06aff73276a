import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { organisations, type OrganisationRow } from './repository';
import { federationInvitations, federations, members } from './repository-members';
import { refuse, rightsOf, type Who } from './rights';
import type { OrganisationsDeps } from './service';

/** A verified federation, if `who` may list its members: staff, or the federation's administrators. */
async function managedFederation(sql: Sql, municipalityId: string, id: string, who: Who): Promise<OrganisationRow> {
  const o = await organisations.find(sql, municipalityId, id);
  if (!o || o.kind !== 'federation' || o.status !== 'verified') throw new AppError('not_found');
  const rights = await rightsOf(sql, municipalityId, o, who);
  if (!who.staff && rights.role !== 'admin') refuse(rights);
  return o;
}

export async function federationOverview(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, who: Who) {
  return deps.db.tx(ctx, async (sql) => {
    const federation = await managedFederation(sql, municipalityId, id, who);
    return {
      federation,
      members: await federations.members(sql, municipalityId, id, false),
      candidates: await federations.candidates(sql, municipalityId, id),
      invitations: await federationInvitations.openOfFederation(sql, municipalityId, id),
    };
  });
}

/**
 * Invites a verified organisation of the municipality to the federation, as a member since `since`.
 * It becomes one only when its administrator accepts (review 1 #16b); they are mailed.
 */
export async function inviteToFederation(
  deps: OrganisationsDeps,
  ctx: DbContext,
  municipality: MunicipalityRow,
  id: string,
  input: { memberId: string; since: string },
  who: Who,
  actor: AuditActor,
): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const federation = await managedFederation(sql, municipality.id, id, who);
    const member = await organisations.find(sql, municipality.id, input.memberId);
    if (!member || member.status !== 'verified' || member.id === id) throw validationError({ member_id: { code: 'organisation_federation_candidate' } });
    if ((await federations.members(sql, municipality.id, id, false)).some((m) => m.id === member.id)) {
      throw validationError({ member_id: { code: 'organisation_federation_member_exists' } });
    }
    const invitationId = await federationInvitations.insert(sql, municipality.id, { federationId: id, memberId: member.id, since: input.since, invitedBy: who.userId });
    if (!invitationId) throw validationError({ member_id: { code: 'organisation_federation_member_exists' } });
    const link = `${deps.publicUrl}/${municipality.slug}/organisations/${member.id}/federation-invitations`;
    for (const admin of await members.admins(sql, municipality.id, member.id)) {
      const { t } = translator(admin.locale);
      await enqueue(sql, MAIL_QUEUE, {
        to: admin.email,
        subject: t('mail.federation_invite.subject', { federation: federation.name }),
        text: t('mail.federation_invite.body', { federation: federation.name, member: member.name, link }),
      });
    }
    await audit(sql, municipality.id, actor, {
      action: 'organisation.federation_member_invited',
      subjectType: 'organisation',
      subjectId: id,
      details: { member: member.id, since: input.since, invitation: invitationId },
    });
  });
}

/** The federation (its administrators or staff) withdraws an invitation not yet answered. */
export async function withdrawFederationInvitation(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, invitationId: string, who: Who, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    await managedFederation(sql, municipalityId, id, who);
    const invitation = await federationInvitations.open(sql, municipalityId, invitationId);
    if (!invitation || invitation.federation_id !== id) throw new AppError('not_found');
    await federationInvitations.answer(sql, municipalityId, invitationId, who.userId, false);
    await audit(sql, municipalityId, actor, { action: 'organisation.federation_invitation_withdrawn', subjectType: 'organisation', subjectId: id, details: { invitation: invitationId } });
  });
}

/** The member organisation's administrators (only they answer for it). */
async function administeredMember(sql: Sql, municipalityId: string, id: string, who: Who): Promise<OrganisationRow> {
  const o = await organisations.find(sql, municipalityId, id);
  if (!o) throw new AppError('not_found');
  const rights = await rightsOf(sql, municipalityId, o, { ...who, staff: false });
  if (!rights.manageMembers) refuse(rights);
  return o;
}

export async function federationInvitationsFor(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, who: Who) {
  return deps.db.tx(ctx, async (sql) => {
    const organisation = await administeredMember(sql, municipalityId, id, who);
    return { organisation, invitations: await federationInvitations.openForMember(sql, municipalityId, id) };
  });
}

/** The member organisation's administrator accepts (it joins the federation) or declines. */
export async function answerFederationInvitation(
  deps: OrganisationsDeps,
  ctx: DbContext,
  municipalityId: string,
  id: string,
  invitationId: string,
  accept: boolean,
  who: Who,
  actor: AuditActor,
): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await administeredMember(sql, municipalityId, id, who);
    const invitation = await federationInvitations.open(sql, municipalityId, invitationId);
    if (!invitation || invitation.member_id !== id) throw new AppError('not_found');
    await federationInvitations.answer(sql, municipalityId, invitationId, who.userId, accept);
    if (accept) await federations.link(sql, municipalityId, invitation.federation_id, id, invitation.since, invitation.invited_by ?? who.userId);
    await audit(sql, municipalityId, actor, {
      action: accept ? 'organisation.federation_member_added' : 'organisation.federation_invitation_declined',
      subjectType: 'organisation',
      subjectId: invitation.federation_id,
      details: { member: id, since: invitation.since, invitation: invitationId, answered_by: who.userId },
    });
  });
}

export async function unlinkMember(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, memberId: string, who: Who, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    await managedFederation(sql, municipalityId, id, who);
    if (!(await federations.unlink(sql, municipalityId, id, memberId))) throw new AppError('not_found');
    await audit(sql, municipalityId, actor, { action: 'organisation.federation_member_removed', subjectType: 'organisation', subjectId: id, details: { member: memberId } });
  });
}
