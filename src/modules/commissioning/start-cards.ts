import type { StartCard, StartCards } from '../../platform/module';
import { startCounts } from './repository';

/** Grants officer (or director): submitted offers waiting for assessment; an organisation's member: drafts before a call's deadline. */
export const commissioningStartCards: StartCards = async (sql, who) => {
  const staffRole = who.permissions.has('commissioning.manage') ? (['grants_officer', 'director'] as const).find((r) => who.roles.includes(r)) : undefined;
  const member = who.roles.includes('ngo_member');
  if (!staffRole && !member) return [];
  const counts = await startCounts(sql, who.municipalityId, who.userId);
  const cards: StartCard[] = [];
  if (staffRole) cards.push({ role: staffRole, label: 'commissioning.start.to_assess', count: counts.toAssess, href: '/grants' });
  if (member) cards.push({ role: 'ngo_member', label: 'commissioning.start.drafts', count: counts.drafts, href: '/grants/offers/mine' });
  return cards;
};
