import { rolesWith } from '../../platform/auth/roles';
import type { StartCard, StartCards } from '../../platform/module';
import { startCounts } from './repository-start';

/** A representative's organisations (and their registrations still being verified); registrations the community organiser is to verify. */
export const organisationStartCards: StartCards = async (sql, who) => {
  const cards: StartCard[] = [];
  const m = who.municipalityId;
  if (who.roles.includes('ngo_member')) {
    const mine = await startCounts.ofMember(sql, m, who.userId);
    cards.push({ role: 'ngo_member', label: 'organisations.start.pending', count: mine.pending, href: '/organisations/mine' });
    cards.push({ role: 'ngo_member', label: 'organisations.start.mine', count: mine.organisations, href: '/organisations/mine' });
  }
  if (who.roles.includes('resident') || who.roles.includes('ngo_member')) {
    cards.push({ role: who.roles.includes('ngo_member') ? 'ngo_member' : 'resident', label: 'organisations.start.register', href: '/organisations/register' });
  }
  // Every role that holds the permission (the community organiser, the director, the administrator), in the section of the first of them.
  const staff = who.permissions.has('organisations.manage') ? rolesWith('organisations.manage').find((r) => who.roles.includes(r)) : undefined;
  if (staff) cards.push({ role: staff, label: 'organisations.start.to_verify', count: await startCounts.toVerify(sql, m), href: '/organisations/queue' });
  return cards;
};
