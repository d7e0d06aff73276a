import type { StartCard, StartCards } from '../../platform/module';
import { startCounts } from './repository-start';

/** Applications that came in within this many days count as new on a coordinator's start page. */
export const NEW_APPLICATION_DAYS = 7;

/** A resident's applications in the queues (with the nearest place); a coordinator's new and waiting applications. */
export const applicationStartCards: StartCards = async (sql, who) => {
  const cards: StartCard[] = [];
  if (who.roles.includes('resident')) {
    const mine = await startCounts.ofApplicant(sql, who.municipalityId, who.userId);
    if (mine.nearest_place !== null) cards.push({ role: 'resident', label: 'applications.start.in_queue_place', params: { place: mine.nearest_place }, count: mine.in_queue, href: '/applications/mine' });
    else cards.push({ role: 'resident', label: 'applications.start.in_queue', count: mine.in_queue, href: '/applications/mine' });
    cards.push({ role: 'resident', label: 'applications.start.apply', href: '/applications/new' });
  }
  if (who.roles.includes('coordinator') && who.permissions.has('applications.manage')) {
    const queues = await startCounts.waiting(sql, who.municipalityId, NEW_APPLICATION_DAYS);
    cards.push({ role: 'coordinator', label: 'applications.start.new', params: { days: NEW_APPLICATION_DAYS }, count: queues.new, href: '/applications' });
    cards.push({ role: 'coordinator', label: 'applications.start.waiting', count: queues.waiting, href: '/applications' });
    cards.push({ role: 'coordinator', label: 'applications.start.register', href: '/applications/register' });
  }
  return cards;
};
