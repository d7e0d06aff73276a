import type { Role } from '../../platform/auth/roles';
import type { StartCard, StartCards } from '../../platform/module';
import { openCount } from './repository';

const PUBLIC: readonly Role[] = ['resident', 'ngo_member'];

/** A resident or an organisation's member: the surveys open now. Staff with surveys.manage: the same count, to their builder's list. */
export const surveyStartCards: StartCards = async (sql, who) => {
  const publicRole = PUBLIC.find((r) => who.roles.includes(r));
  const staffRole = who.permissions.has('surveys.manage') ? who.roles.find((r) => !PUBLIC.includes(r)) : undefined;
  if (!publicRole && !staffRole) return [];
  const open = await openCount(sql, who.municipalityId);
  const cards: StartCard[] = [];
  if (publicRole) cards.push({ role: publicRole, label: 'surveys.start.open_public', count: open, href: '/ankiety' });
  if (staffRole) cards.push({ role: staffRole, label: 'surveys.start.open_staff', count: open, href: '/ankiety/zarzadzanie' });
  return cards;
};
