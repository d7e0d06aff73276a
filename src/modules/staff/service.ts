import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Role } from '../../platform/auth/roles';
import { hashToken } from '../../platform/auth/tokens';
import type { Database, DbContext } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import type { Locale } from '../../platform/i18n';
import { memberships, type MunicipalityRow } from '../../platform/tenancy/repository';
import { privilegedGain } from './domain';
import { requestGrant, secondPerson } from './service-grants';
import { invitations, members, type InvitationRow } from './repository';
import { grants, people } from './repository-grants';
import { notifyRolesChanged, sendInvitation } from './mail';

export interface StaffDeps {
  db: Database;
  publicUrl: string;
}

export async function staffOverview(deps: StaffDeps, ctx: DbContext, municipalityId: string, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const list = await members.list(sql, municipalityId);
    const pending = await invitations.pending(sql, municipalityId);
    const pendingGrants = await grants.pending(sql, municipalityId);
    const second = await secondPerson(sql, municipalityId, { requestedBy: actor.userId });
    await audit(sql, municipalityId, actor, { action: 'staff.list_viewed', subjectType: 'staff', details: { people: list.length } });
    return { members: list, pending, grants: pendingGrants, second };
  });
}

/**
 * Invites someone by e-mail. An administrator never invites their own address; an invitation with
 * administrator, director or auditor waits for a second person (review 1 #7) — except the platform
 * operator's (no user: the municipality's first administrator, from the CLI).
 */
export async function invite(
  deps: StaffDeps,
  ctx: DbContext,
  municipality: MunicipalityRow,
  input: { email: string; roles: Role[]; locale: Locale },
  actor: AuditActor,
): Promise<{ link: string | null; pendingGrant: string | null }> {
  return deps.db.tx(ctx, async (sql) => {
    if (actor.userId) {
      const me = await people.byId(sql, actor.userId);
      if (me?.email === input.email) throw validationError({ email: { code: 'staff_own_email' } });
      if (privilegedGain([], input.roles).length > 0) {
        const grantId = await requestGrant(sql, deps, municipality, { email: input.email, roles: input.roles }, actor);
        return { link: null, pendingGrant: grantId };
      }
    }
    const { id, link } = await sendInvitation(sql, deps, municipality, { ...input, invitedBy: actor.userId });
    await audit(sql, municipality.id, actor, { action: 'staff.invited', subjectType: 'invitation', subjectId: id, details: { email: input.email, roles: input.roles } });
    return { link, pendingGrant: null };
  });
}

/** A pending invitation, for the confirmation page of its revocation (none pending under that id: not_found). */
export async function invitationToRevoke(deps: StaffDeps, ctx: DbContext, municipalityId: string, id: string): Promise<InvitationRow> {
  const pending = await deps.db.tx(ctx, (sql) => invitations.pending(sql, municipalityId));
  const row = pending.find((i) => i.id === id);
  if (!row) throw new AppError('not_found');
  return row;
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

export async function acceptInvitation(
  deps: StaffDeps,
  ctx: DbContext,
  municipality: MunicipalityRow,
  token: string,
  user: { id: string; email: string },
  actor: AuditActor,
) {
  await deps.db.tx(ctx, async (sql) => {
    const row = await invitations.byToken(sql, municipality.id, hashToken(token));
    if (!row) throw new AppError('token.invalid');
    if (row.accepted_at || row.revoked_at) throw new AppError('invitation.closed');
    if (row.expired) throw new AppError('token.expired');
    if (row.email !== user.email) throw new AppError('invitation.email_mismatch');
    if (row.invited_by === user.id) throw new AppError('staff.own_roles');
    const before = (await memberships.find(sql, municipality.id, user.id))?.roles ?? [];
    await memberships.grant(sql, municipality.id, user.id, row.roles);
    await invitations.accept(sql, municipality.id, row.id, user.id);
    const after = (await memberships.find(sql, municipality.id, user.id))?.roles ?? [];
    await audit(sql, municipality.id, actor, { action: 'staff.invitation_accepted', subjectType: 'user', subjectId: user.id, details: { roles: row.roles, before, after } });
    await notifyRolesChanged(sql, deps, municipality, { actorLabel: user.email, who: user.email, before, after });
  });
}

export async function memberForEdit(deps: StaffDeps, ctx: DbContext, municipalityId: string, userId: string, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const member = await members.find(sql, municipalityId, userId);
    if (!member) throw new AppError('not_found');
    const second = await secondPerson(sql, municipalityId, { requestedBy: actor.userId, userId });
    await audit(sql, municipalityId, actor, { action: 'staff.member_viewed', subjectType: 'user', subjectId: userId });
    return { member, second };
  });
}

/**
 * Changes a person's roles. Nobody changes their own (`staff.own_roles`); adding administrator,
 * director or auditor waits for a second person (returns the pending grant); a stale `version` is
 * refused with `conflict.stale`, never silently overwritten; the last administrator stays. Every
 * change is audited and mailed to all administrators.
 */
export async function changeRoles(
  deps: StaffDeps,
  ctx: DbContext,
  municipality: MunicipalityRow,
  userId: string,
  roles: Role[],
  version: number,
  actor: AuditActor,
): Promise<{ pendingGrant: string | null }> {
  if (actor.userId === userId) throw new AppError('staff.own_roles');
  return deps.db.tx(ctx, async (sql) => {
    const admins = await members.lockAdministrators(sql, municipality.id);
    const before = await members.find(sql, municipality.id, userId);
    if (!before) throw new AppError('not_found');
    assertVersion(before, version);
    if (admins.includes(userId) && admins.length === 1 && !roles.includes('administrator')) throw new AppError('staff.last_admin');
    if (privilegedGain(before.roles, roles).length > 0) {
      const grantId = await requestGrant(sql, deps, municipality, { userId, who: before.display_name, roles, memberVersion: version, currentRoles: before.roles }, actor);
      return { pendingGrant: grantId };
    }
    expectUpdated(await members.setRoles(sql, municipality.id, userId, roles, version));
    await audit(sql, municipality.id, actor, { action: 'staff.roles_changed', subjectType: 'user', subjectId: userId, details: { before: before.roles, after: roles } });
    await notifyRolesChanged(sql, deps, municipality, { actorLabel: actor.label, who: `${before.display_name} <${before.email}>`, before: before.roles, after: roles });
    return { pendingGrant: null };
  });
}
