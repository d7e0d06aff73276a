import type { Role } from '../../platform/auth/roles';
import type { StartCards } from '../../platform/module';
import { committeeWork } from './repository-committee';

const SECTIONS: readonly Role[] = ['evaluator', 'grants_officer', 'director', 'community_organiser', 'coordinator', 'ngo_member'];

/** A committee member: the offers waiting for their declaration or their sheet (only to people on a committee). */
export const committeeStartCards: StartCards = async (sql, who) => {
  const role = SECTIONS.find((r) => who.roles.includes(r)) ?? who.roles[0];
  if (!role) return [];
  const waiting = await committeeWork(sql, who.municipalityId, who.userId);
  return waiting === null ? [] : [{ role, label: 'committee.start.waiting', count: waiting, href: '/grants/committee' }];
};
