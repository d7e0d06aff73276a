import type { StartCards } from '../../platform/module';

/** A resident can always see everything the centre holds about them. */
export const myDataStartCards: StartCards = async (_sql, who) =>
  who.roles.includes('resident') ? [{ role: 'resident', label: 'my_data.start.hub', href: '/my' }] : [];
