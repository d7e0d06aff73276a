import type { StartCard, StartCards } from '../../platform/module';
import type { Role } from '../../platform/auth/roles';
import { startCounts } from './service';

const EDITORS: readonly Role[] = ['community_organiser', 'director', 'administrator'];

/** For the people who publish: drafts waiting, announcements scheduled, and writing a new one (in the section of their first editing role). */
export const announcementStartCards: StartCards = async (sql, who) => {
  if (!who.permissions.has('announcements.manage')) return [];
  const role = EDITORS.find((r) => who.roles.includes(r));
  if (!role) return [];
  const counts = await startCounts(sql, who.municipalityId);
  const cards: StartCard[] = [
    { role, label: 'announcements.start.drafts', count: counts.drafts, href: '/ogloszenia/zarzadzanie' },
    { role, label: 'announcements.start.scheduled', count: counts.scheduled, href: '/ogloszenia/zarzadzanie' },
    { role, label: 'announcements.start.new', href: '/ogloszenia/nowe' },
  ];
  return cards;
};
