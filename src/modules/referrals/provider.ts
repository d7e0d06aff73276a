import type { CaseViewer } from '../cases';
import type { Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { ProviderRef } from './domain';
import { providers } from './repository-providers';

/**
 * A provider's inbox is open to the members of that organisation, or for a unit to the members of
 * the unit's care teams and to those who approve plans (`plans.approve`). Everyone else gets 404:
 * they are not told that the inbox, or a referral in it, exists. Returns the provider's name.
 */
export async function requireProvider(sql: Sql, municipalityId: string, p: ProviderRef, viewer: CaseViewer): Promise<string> {
  const name =
    p.kind === 'organisation'
      ? await providers.organisationOfMember(sql, municipalityId, p.id, viewer.userId)
      : await providers.unitName(sql, municipalityId, p.id);
  const allowed = p.kind === 'organisation' || viewer.permissions.has('plans.approve') || (await providers.isUnitTeamMember(sql, municipalityId, p.id, viewer.userId));
  if (name === undefined || !allowed) throw new AppError('not_found');
  return name;
}

/** Where a provider's inbox lives. */
export const inboxPath = (slug: string, p: ProviderRef) => (p.kind === 'organisation' ? `/${slug}/organisations/${p.id}/referrals` : `/${slug}/referrals/units/${p.id}`);

/** Where the centre follows a case's referrals. */
export const casePath = (slug: string, caseId: string) => `/${slug}/cases/${caseId}/referrals`;
