import { rolesWith } from '../../platform/auth/roles';
import type { StartCard, StartCards } from '../../platform/module';
import { startCounts } from './repository-start';

/** A person's coming room bookings (their own, their organisation's) and the requests staff are to decide. */
export const venueStartCards: StartCards = async (sql, who) => {
  const cards: StartCard[] = [];
  const m = who.municipalityId;
  const resident = who.roles.includes('resident');
  const ngo = who.roles.includes('ngo_member');
  if (resident || ngo) {
    const mine = await startCounts.ofRequester(sql, m, who.userId);
    if (resident) cards.push({ role: 'resident', label: 'venues.start.bookings', count: mine.own, href: '/venues/bookings' });
    if (ngo) cards.push({ role: 'ngo_member', label: 'venues.start.bookings', count: mine.organisation + (resident ? 0 : mine.own), href: '/venues/bookings' });
    cards.push({ role: ngo ? 'ngo_member' : 'resident', label: 'venues.start.book', href: '/venues' });
  }
  // Every role that holds the permission (the community organiser, the director, the administrator), in the section of the first of them.
  const staff = who.permissions.has('venues.manage') ? rolesWith('venues.manage').find((r) => who.roles.includes(r)) : undefined;
  if (staff) cards.push({ role: staff, label: 'venues.start.to_decide', count: await startCounts.toDecide(sql, m), href: '/venues/queue' });
  return cards;
};
