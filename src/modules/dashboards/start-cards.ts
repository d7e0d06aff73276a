import type { StartCard, StartCards } from '../../platform/module';

/** The centre's numbers, for those who read them: the analyst first of all, the director. */
export const dashboardStartCards: StartCards = async (_sql, who) => {
  if (!who.permissions.has('cases.statistics')) return [];
  const cards: StartCard[] = [];
  for (const role of ['analyst', 'director'] as const) {
    if (who.roles.includes(role)) cards.push({ role, label: 'dashboards.start.open', href: '/dashboards' });
  }
  return cards;
};
