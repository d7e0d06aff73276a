import type { StartCards } from '../../platform/module';
import { startCounts } from './repository-start';

/** An administrator's role grants waiting for a second person, and inviting staff. */
export const staffStartCards: StartCards = async (sql, who) => {
  if (!who.roles.includes('administrator') || !who.permissions.has('staff.manage')) return [];
  return [
    { role: 'administrator', label: 'staff.start.grants', count: await startCounts.grantsToConfirm(sql, who.municipalityId, who.userId), href: '/staff' },
    { role: 'administrator', label: 'staff.start.invite', href: '/staff' },
  ];
};
