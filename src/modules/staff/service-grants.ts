import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Role } from '../../platform/auth/roles';
import { hashToken, newToken } from '../../platform/auth/tokens';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { mailEach, notifyRolesChanged, roleNames, sendInvitation } from './mail';
import { members } from './repository';
import { grants, people, type GrantRow, type Person } from './repository-grants';
import type { StaffDeps } from './service';

/**
 * Granting administrator, director or auditor takes two people (review 1 #7): one asks, another
 * administrator confirms on the staff page — or, when the asker is the only administrator, a
 * director by a mailed link. Neither the asker nor the person concerned confirms.
 */
export type Second = 'administrator' | 'director' | 'none';

interface Parties {
  requestedBy: string | null;
  userId?: string | null;
  email?: string | null;
}

/** Who could confirm a grant asked by `requestedBy` for `userId`/`email`: the people, and which role they act in. */
async function confirmers(sql: Sql, municipalityId: string, parties: Parties): Promise<{ second: Second; people: Person[] }> {
  const eligible = (p: Person) => p.id !== parties.requestedBy && p.id !== parties.userId && p.email !== parties.email;
  const admins = (await people.withRole(sql, municipalityId, 'administrator')).filter(eligible);
  if (admins.length > 0) return { second: 'administrator', people: admins };
  const directors = (await people.withRole(sql, municipalityId, 'director')).filter(eligible);
  if (directors.length > 0) return { second: 'director', people: directors };
  return { second: 'none', people: [] };
}

export async function secondPerson(sql: Sql, municipalityId: string, parties: Parties): Promise<Second> {
  return (await confirmers(sql, municipalityId, parties)).second;
}

/** Records the request and tells whoever may confirm it; nothing is granted yet. */
export async function requestGrant(
  sql: Sql,
  deps: StaffDeps,
  municipality: MunicipalityRow,
  g: { userId?: string; email?: string; who?: string; roles: Role[]; memberVersion?: number; currentRoles?: Role[] },
  actor: AuditActor,
): Promise<string> {
  const requestedBy = actor.userId!;
  const { second, people: to } = await confirmers(sql, municipality.id, { requestedBy, userId: g.userId, email: g.email });
  if (second === 'none') throw new AppError('staff.grant_needs_second');
  const token = second === 'director' ? newToken() : null;
  const id = await grants.insert(sql, municipality.id, { userId: g.userId, email: g.email, roles: g.roles, memberVersion: g.memberVersion, requestedBy, tokenHash: token?.hash ?? null });
  const link = token ? `${deps.publicUrl}/${municipality.slug}/role-grants/${token.token}` : `${deps.publicUrl}/${municipality.slug}/staff`;
  await mailEach(sql, to, (t) => ({
    subject: t('mail.grant_requested.subject', { municipality: municipality.name }),
    text: t('mail.grant_requested.body', {
      actor: actor.label,
      municipality: municipality.name,
      roles: roleNames(t, g.roles),
      who: g.userId ? (g.who ?? '') : t('staff.grant_invite', { email: g.email ?? '' }),
      link,
    }),
  }));
  if (second === 'director') {
    // The administrators hear of it too: every role change, asked or made, reaches them.
    await mailEach(sql, await people.withRole(sql, municipality.id, 'administrator'), (t) => ({
      subject: t('mail.grant_requested.subject', { municipality: municipality.name }),
      text: t('mail.grant_requested.body', { actor: actor.label, municipality: municipality.name, roles: roleNames(t, g.roles), who: g.who ?? g.email ?? '', link: `${deps.publicUrl}/${municipality.slug}/staff` }),
    }));
  }
  await audit(sql, municipality.id, actor, {
    action: 'staff.grant_requested',
    subjectType: g.userId ? 'user' : 'invitation',
    subjectId: g.userId,
    details: { grant: id, email: g.email ?? null, before: g.currentRoles ?? [], roles: g.roles, confirmed_by: second },
  });
  return id;
}

function openGrant(g: GrantRow | undefined): GrantRow {
  if (!g) throw new AppError('not_found');
  if (g.decided_at || g.expired) throw new AppError('staff.grant_closed');
  return g;
}

function refuseOwn(g: GrantRow, decider: { id: string; email: string }): void {
  if (g.requested_by === decider.id || g.user_id === decider.id || g.email === decider.email) throw new AppError('staff.grant_own');
}

/** Applies a confirmed grant: the member's roles (if unchanged since the request) or the invitation, mailed now. */
async function apply(sql: Sql, deps: StaffDeps, municipality: MunicipalityRow, g: GrantRow, decider: { id: string; email: string }, actor: AuditActor): Promise<'confirmed' | 'stale'> {
  if (g.user_id) {
    const admins = await members.lockAdministrators(sql, municipality.id);
    const member = await members.find(sql, municipality.id, g.user_id);
    const lastAdmin = admins.includes(g.user_id) && admins.length === 1 && !g.roles.includes('administrator');
    if (!member || member.version !== g.member_version || lastAdmin || !(await members.setRoles(sql, municipality.id, g.user_id, g.roles, member.version))) {
      await grants.decide(sql, municipality.id, g.id, decider.id, false);
      await audit(sql, municipality.id, actor, { action: 'staff.grant_lapsed', subjectType: 'user', subjectId: g.user_id, details: { grant: g.id } });
      return 'stale';
    }
    await grants.decide(sql, municipality.id, g.id, decider.id, true);
    await audit(sql, municipality.id, actor, {
      action: 'staff.roles_changed',
      subjectType: 'user',
      subjectId: g.user_id,
      details: { before: member.roles, after: g.roles, grant: g.id, requested_by: g.requested_by, confirmed_by: decider.id },
    });
    await notifyRolesChanged(sql, deps, municipality, { actorLabel: `${g.requested_by_name} + ${decider.email}`, who: `${member.display_name} <${member.email}>`, before: member.roles, after: g.roles });
    return 'confirmed';
  }
  await grants.decide(sql, municipality.id, g.id, decider.id, true);
  const { id } = await sendInvitation(sql, deps, municipality, { email: g.email!, roles: g.roles, locale: 'pl', invitedBy: g.requested_by });
  await audit(sql, municipality.id, actor, {
    action: 'staff.invited',
    subjectType: 'invitation',
    subjectId: id,
    details: { email: g.email, roles: g.roles, grant: g.id, requested_by: g.requested_by, confirmed_by: decider.id },
  });
  return 'confirmed';
}

/** Another administrator confirms on the staff page. */
export async function confirmGrant(deps: StaffDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, decider: { id: string; email: string }, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const g = openGrant(await grants.find(sql, municipality.id, id));
    refuseOwn(g, decider);
    return apply(sql, deps, municipality, g, decider, actor);
  });
}

/** An open grant another administrator may decline (or its asker withdraw), for the confirmation page. */
export async function grantToDecline(deps: StaffDeps, ctx: DbContext, municipalityId: string, id: string, decider: { id: string; email: string }): Promise<GrantRow> {
  return deps.db.tx(ctx, async (sql) => {
    const g = openGrant(await grants.find(sql, municipalityId, id));
    if (g.user_id === decider.id || g.email === decider.email) throw new AppError('staff.grant_own');
    return g;
  });
}

/** Declined by another administrator, or withdrawn by the one who asked. */
export async function declineGrant(deps: StaffDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, decider: { id: string; email: string }, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    const g = openGrant(await grants.find(sql, municipality.id, id));
    if (g.user_id === decider.id || g.email === decider.email) throw new AppError('staff.grant_own');
    await grants.decide(sql, municipality.id, g.id, decider.id, false);
    await audit(sql, municipality.id, actor, { action: 'staff.grant_declined', subjectType: g.user_id ? 'user' : 'invitation', subjectId: g.user_id ?? undefined, details: { grant: g.id } });
  });
}

/** The mailed link: a director of the municipality (not the asker, not the person concerned) sees the request. */
async function byToken(sql: Sql, municipalityId: string, token: string, director: { id: string; email: string; roles: readonly Role[] }): Promise<GrantRow> {
  if (!director.roles.includes('director')) throw new AppError('auth.forbidden');
  const g = openGrant(await grants.byToken(sql, municipalityId, hashToken(token)));
  refuseOwn(g, director);
  return g;
}

export async function grantForDirector(deps: StaffDeps, ctx: DbContext, municipalityId: string, token: string, director: { id: string; email: string; roles: readonly Role[] }) {
  return deps.db.tx(ctx, (sql) => byToken(sql, municipalityId, token, director));
}

export async function decideByToken(
  deps: StaffDeps,
  ctx: DbContext,
  municipality: MunicipalityRow,
  token: string,
  director: { id: string; email: string; roles: readonly Role[] },
  confirm: boolean,
  actor: AuditActor,
): Promise<'confirmed' | 'stale' | 'declined'> {
  return deps.db.tx(ctx, async (sql) => {
    const g = await byToken(sql, municipality.id, token, director);
    if (confirm) return apply(sql, deps, municipality, g, director, actor);
    await grants.decide(sql, municipality.id, g.id, director.id, false);
    await audit(sql, municipality.id, actor, { action: 'staff.grant_declined', subjectType: g.user_id ? 'user' : 'invitation', subjectId: g.user_id ?? undefined, details: { grant: g.id } });
    return 'declined';
  });
}
