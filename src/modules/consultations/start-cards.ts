import type { Role } from '../../platform/auth/roles';
import type { StartCard, StartCards } from '../../platform/module';
import { openForPerson, startCounts } from './repository';

const STAFF: readonly Role[] = ['community_organiser', 'director', 'administrator'];
const PUBLIC: readonly Role[] = ['resident', 'ngo_member'];

/**
 * Staff running consultations: the ones open now and the remarks still without the centre's position;
 * a resident or an organisation's member: the consultations open now whose audience includes them (they can send remarks).
 */
export const consultationStartCards: StartCards = async (sql, who) => {
  const staffRole = who.permissions.has('consultations.manage') ? STAFF.find((r) => who.roles.includes(r)) : undefined;
  const publicRole = PUBLIC.find((r) => who.roles.includes(r));
  if (!staffRole && !publicRole) return [];
  const cards: StartCard[] = [];
  if (staffRole) {
    const counts = await startCounts(sql, who.municipalityId);
    cards.push({ role: staffRole, label: 'consultations.start.open', count: counts.open, href: '/consultations' });
    cards.push({ role: staffRole, label: 'consultations.start.unanswered', count: counts.unanswered, href: '/consultations' });
  }
  // Only the consultations whose audience includes the person (the comment's POST asks the same).
  if (publicRole) cards.push({ role: publicRole, label: 'consultations.start.open_public', count: await openForPerson(sql, who.municipalityId, who.userId, who.roles.includes('resident')), href: '/consultations' });
  return cards;
};
