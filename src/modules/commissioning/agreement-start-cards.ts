import type { StartCard, StartCards } from '../../platform/module';
import { agreementCounts } from './repository-agreements';
import { reportWindow } from './service-agreements';

/**
 * Agreements (ADR 0038): staff see reports and change requests waiting for an answer and final reports past
 * their deadline; an organisation's member sees its final reports due within 14 days, and those overdue.
 */
export const agreementStartCards: StartCards = async (sql, who) => {
  const staffRole = who.permissions.has('commissioning.manage') ? (['grants_officer', 'director'] as const).find((r) => who.roles.includes(r)) : undefined;
  const member = who.roles.includes('ngo_member');
  if (!staffRole && !member) return [];
  const { today, until } = reportWindow();
  const counts = await agreementCounts(sql, who.municipalityId, who.userId, today, until);
  const cards: StartCard[] = [];
  const href = '/grants/agreements';
  if (staffRole) {
    if (counts.toReview > 0) cards.push({ role: staffRole, label: 'agreement.start.to_review', count: counts.toReview, href });
    if (counts.overdue > 0) cards.push({ role: staffRole, label: 'agreement.start.overdue', count: counts.overdue, href });
  }
  if (member) {
    if (counts.mineDue > 0) cards.push({ role: 'ngo_member', label: 'agreement.start.mine_due', count: counts.mineDue, href });
    if (counts.mineOverdue > 0) cards.push({ role: 'ngo_member', label: 'agreement.start.mine_overdue', count: counts.mineOverdue, href });
  }
  return cards;
};
