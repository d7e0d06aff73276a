import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Role } from '../../platform/auth/roles';
import { hashToken, newToken } from '../../platform/auth/tokens';
import type { Database, DbContext } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { translator, type Locale } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import { memberships, type MunicipalityRow } from '../../platform/tenancy/repository';
import { invitations, members } from './repository';

export interface StaffDeps {
  db: Database;
  publicUrl: string;
}

export async function staffOverview(deps: StaffDeps, ctx: DbContext, municipalityId: string, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const list = await members.list(sql, municipalityId);
    const pending = await invitations.pending(sql, municipalityId);
    await audit(sql, municipalityId, actor, { action: 'staff.list_viewed', subjectType: 'staff', details: { people: list.length } });
    return { members: list, pending };
  });
}

export async function invite(
  deps: StaffDeps,
  ctx: DbContext,
  municipality: MunicipalityRow,
  input: { email: string; roles: Role[]; locale: Locale },
  actor: AuditActor,
): Promise<{ link: string }> {
  const { token, hash } = newToken();
  const link = `${deps.publicUrl}/${municipality.slug}/invitations/${token}`;
  await deps.db.tx(ctx, async (sql) => {
    const id = await invitations.insert(sql, municipality.id, { email: input.email, roles: input.roles, tokenHash: hash, invitedBy: actor.userId });
    const { t } = translator(input.locale);
    await enqueue(sql, MAIL_QUEUE, {
      to: input.email,
      subject: t('mail.invite.subject', { municipality: municipality.name }),
      text: t('mail.invite.body', { municipality: municipality.name, roles: input.roles.map((r) => t(`role.${r}`)).join(', '), link }),
    });
    await audit(sql, municipality.id, actor, { action: 'staff.invited', subjectType: 'invitation', subjectId: id, details: { email: input.email, roles: input.roles } });
  });
  return { link };
}

export async function revokeInvitation(deps: StaffDeps, ctx: DbContext, municipalityId: string, id: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    if (!(await invitations.revoke(sql, municipalityId, id))) throw new AppError('not_found');
    await audit(sql, municipalityId, actor, { action: 'staff.invitation_revoked', subjectType: 'invitation', subjectId: id });
  });
}

export async function findInvitation(deps: StaffDeps, ctx: DbContext, municipalityId: string, token: string) {
  const row = await deps.db.tx(ctx, (sql) => invitations.byToken(sql, municipalityId, hashToken(token)));
  if (!row) throw new AppError('token.invalid');
  if (row.accepted_at || row.revoked_at) throw new AppError('invitation.closed');
  if (row.expired) throw new AppError('token.expired');
  return row;
}

export async function acceptInvitation(deps: StaffDeps, ctx: DbContext, municipalityId: string, token: string, user: { id: string; email: string }, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    const row = await invitations.byToken(sql, municipalityId, hashToken(token));
    if (!row) throw new AppError('token.invalid');
    if (row.accepted_at || row.revoked_at) throw new AppError('invitation.closed');
    if (row.expired) throw new AppError('token.expired');
    if (row.email !== user.email) throw new AppError('invitation.email_mismatch');
    await memberships.grant(sql, municipalityId, user.id, row.roles);
    await invitations.accept(sql, municipalityId, row.id, user.id);
    await audit(sql, municipalityId, actor, { action: 'staff.invitation_accepted', subjectType: 'user', subjectId: user.id, details: { roles: row.roles } });
  });
}

export async function memberForEdit(deps: StaffDeps, ctx: DbContext, municipalityId: string, userId: string, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const member = await members.find(sql, municipalityId, userId);
    if (!member) throw new AppError('not_found');
    await audit(sql, municipalityId, actor, { action: 'staff.member_viewed', subjectType: 'user', subjectId: userId });
    return member;
  });
}

/**
 * Changes a person's roles. A stale `version` (someone saved in between) is refused with
 * `conflict.stale`, never silently overwritten; the last administrator cannot be removed.
 */
export async function changeRoles(deps: StaffDeps, ctx: DbContext, municipalityId: string, userId: string, roles: Role[], version: number, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    const admins = await members.lockAdministrators(sql, municipalityId);
    const before = await members.find(sql, municipalityId, userId);
    if (!before) throw new AppError('not_found');
    if (before.version !== version) throw new AppError('conflict.stale');
    if (admins.includes(userId) && admins.length === 1 && !roles.includes('administrator')) throw new AppError('staff.last_admin');
    if (!(await members.setRoles(sql, municipalityId, userId, roles, version))) throw new AppError('conflict.stale');
    await audit(sql, municipalityId, actor, { action: 'staff.roles_changed', subjectType: 'user', subjectId: userId, details: { before: before.roles, after: roles } });
  });
}
