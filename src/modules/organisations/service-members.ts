import { audit, type AuditActor } from '../../platform/audit/audit';
import { hashToken, newToken } from '../../platform/auth/tokens';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { translator, type Locale } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import { memberships, type MunicipalityRow } from '../../platform/tenancy/repository';
import { organisations, type OrganisationRow } from './repository';
import { invitations, members } from './repository-members';
import { refuse, rightsOf, type Who } from './rights';
import type { OrganisationsDeps } from './service';

/**
 * The organisation, if `who` administers it; with `staffToo`, also for the centre's staff
 * (organisations.manage), who see its people and may remove them (review 2 #10).
 */
async function administered(sql: Sql, municipalityId: string, id: string, who: Who, staffToo = false): Promise<OrganisationRow> {
  const o = await organisations.find(sql, municipalityId, id);
  if (!o) throw new AppError('not_found');
  const rights = await rightsOf(sql, municipalityId, o, who);
  if (!rights.manageMembers && !(staffToo && who.staff && o.status === 'verified')) refuse(rights);
  return o;
}

export async function membersOverview(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, who: Who) {
  return deps.db.tx(ctx, async (sql) => {
    const organisation = await administered(sql, municipalityId, id, who, true);
    const rights = await rightsOf(sql, municipalityId, organisation, who);
    return { organisation, members: await members.list(sql, municipalityId, id), pending: await invitations.pending(sql, municipalityId, id), invites: rights.manageMembers };
  });
}

/**
 * An organisation's administrator invites someone by e-mail. An address that already belongs to a
 * member, or has an invitation waiting, is a field error; the mail leaves through the outbox.
 */
export async function inviteMember(
  deps: OrganisationsDeps,
  ctx: DbContext,
  municipality: MunicipalityRow,
  id: string,
  input: { email: string; locale: Locale },
  who: Who,
  actor: AuditActor,
): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const o = await administered(sql, municipality.id, id, who);
    if (await members.isMemberByEmail(sql, municipality.id, id, input.email)) throw validationError({ email: { code: 'organisation_member_exists' } });
    if (await invitations.pendingFor(sql, municipality.id, id, input.email)) throw validationError({ email: { code: 'organisation_invitation_pending' } });
    const { token, hash } = newToken();
    const link = `${deps.publicUrl}/${municipality.slug}/organisation-invitations/${token}`;
    const invitationId = await invitations.insert(sql, municipality.id, { organisationId: id, email: input.email, tokenHash: hash, invitedBy: who.userId });
    const { t } = translator(input.locale);
    await enqueue(sql, MAIL_QUEUE, {
      to: input.email,
      subject: t('mail.organisation_invite.subject', { name: o.name }),
      text: t('mail.organisation_invite.body', { name: o.name, municipality: municipality.name, link }),
    });
    await audit(sql, municipality.id, actor, { action: 'organisation.member_invited', subjectType: 'organisation', subjectId: id, details: { invitation: invitationId, email: input.email } });
  });
}

/** A pending invitation its organisation's administrator may revoke, for the confirmation page. */
export async function invitationToRevoke(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, invitationId: string, who: Who) {
  return deps.db.tx(ctx, async (sql) => {
    const organisation = await administered(sql, municipalityId, id, who);
    const invitation = (await invitations.pending(sql, municipalityId, id)).find((i) => i.id === invitationId);
    if (!invitation) throw new AppError('not_found');
    return { organisation, invitation };
  });
}

export async function revokeInvitation(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, invitationId: string, who: Who, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    await administered(sql, municipalityId, id, who);
    if (!(await invitations.revoke(sql, municipalityId, id, invitationId))) throw new AppError('not_found');
    await audit(sql, municipalityId, actor, { action: 'organisation.invitation_revoked', subjectType: 'organisation', subjectId: id, details: { invitation: invitationId } });
  });
}

async function openInvitation(sql: Sql, municipalityId: string, token: string) {
  const invitation = await invitations.byToken(sql, municipalityId, hashToken(token));
  if (!invitation) throw new AppError('token.invalid');
  if (invitation.accepted_at || invitation.revoked_at) throw new AppError('invitation.closed');
  if (invitation.expired) throw new AppError('token.expired');
  const organisation = await organisations.find(sql, municipalityId, invitation.organisation_id);
  if (!organisation) throw new AppError('token.invalid');
  return { invitation, organisation };
}

export async function findInvitation(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, token: string) {
  const { invitation, organisation } = await deps.db.tx(ctx, (sql) => openInvitation(sql, municipalityId, token));
  return { email: invitation.email, organisationName: organisation.name, expiresAt: invitation.expires_at };
}

/** The invited person, logged in with the invited address, joins the organisation (one person may belong to several). */
export async function acceptInvitation(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, token: string, user: { id: string; email: string }, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const { invitation, organisation } = await openInvitation(sql, municipalityId, token);
    if (invitation.email !== user.email) throw new AppError('invitation.email_mismatch');
    await members.add(sql, municipalityId, organisation.id, user.id, 'member');
    await memberships.grant(sql, municipalityId, user.id, ['ngo_member']);
    await invitations.accept(sql, municipalityId, invitation.id, user.id);
    await audit(sql, municipalityId, actor, { action: 'organisation.invitation_accepted', subjectType: 'organisation', subjectId: organisation.id, details: { invitation: invitation.id } });
    return { organisationId: organisation.id, organisationName: organisation.name };
  });
}

/** The member to remove, for the confirmation page. */
export async function memberToRemove(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, userId: string, who: Who) {
  return deps.db.tx(ctx, async (sql) => {
    const organisation = await administered(sql, municipalityId, id, who, true);
    const member = await members.find(sql, municipalityId, id, userId);
    if (!member) throw new AppError('not_found');
    return { organisation, member };
  });
}

/**
 * Removes a person from the organisation (review 2 #10): their access to its matters — the referral
 * inbox with residents' data among them — ends with this transaction. The last administrator stays.
 */
export async function removeMember(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, userId: string, who: Who, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    await administered(sql, municipalityId, id, who, true);
    const admins = await members.lockAdmins(sql, municipalityId, id);
    const member = await members.find(sql, municipalityId, id, userId);
    if (!member) throw new AppError('not_found');
    if (member.role === 'admin' && admins.length === 1) throw new AppError('organisation.last_admin');
    await members.remove(sql, municipalityId, id, userId);
    await audit(sql, municipalityId, actor, { action: 'organisation.member_removed', subjectType: 'organisation', subjectId: id, details: { user: userId, role: member.role } });
    return member;
  });
}
