import type { StartCard, StartCards } from '../../platform/module';
import { grants } from './repository-glass';
import { startCounts } from './repository-start';

/** A coordinator's open cases; "break the glass" grants the auditor has not reviewed yet. */
export const caseStartCards: StartCards = async (sql, who) => {
  const cards: StartCard[] = [];
  if (who.roles.includes('coordinator') && who.permissions.has('cases.manage')) {
    cards.push({ role: 'coordinator', label: 'cases.start.open', count: await startCounts.openOf(sql, who.municipalityId, who.userId), href: '/cases' });
  }
  if (who.roles.includes('auditor') && who.permissions.has('audit.read')) {
    cards.push({ role: 'auditor', label: 'cases.start.glass', count: await grants.unreviewed(sql, who.municipalityId), href: '/cases/glass' });
  }
  return cards;
};
