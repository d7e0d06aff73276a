import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { organisations, type OrganisationRow } from './repository';
import { federations } from './repository-members';
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
    };
  });
}

/** Adds a verified organisation of the municipality to the federation, as a member since `since`. */
export async function linkMember(
  deps: OrganisationsDeps,
  ctx: DbContext,
  municipalityId: string,
  id: string,
  input: { memberId: string; since: string },
  who: Who,
  actor: AuditActor,
): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await managedFederation(sql, municipalityId, id, who);
    const member = await organisations.find(sql, municipalityId, input.memberId);
    if (!member || member.status !== 'verified' || member.id === id) throw validationError({ member_id: { code: 'organisation_federation_candidate' } });
    if (!(await federations.link(sql, municipalityId, id, member.id, input.since, who.userId))) {
      throw validationError({ member_id: { code: 'organisation_federation_member_exists' } });
    }
    await audit(sql, municipalityId, actor, { action: 'organisation.federation_member_added', subjectType: 'organisation', subjectId: id, details: { member: member.id, since: input.since } });
  });
}

export async function unlinkMember(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, memberId: string, who: Who, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    await managedFederation(sql, municipalityId, id, who);
    if (!(await federations.unlink(sql, municipalityId, id, memberId))) throw new AppError('not_found');
    await audit(sql, municipalityId, actor, { action: 'organisation.federation_member_removed', subjectType: 'organisation', subjectId: id, details: { member: memberId } });
  });
}
