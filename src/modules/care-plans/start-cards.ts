import type { StartCard, StartCards } from '../../platform/module';
import { DUE_WARNING_DAYS, EXPIRY_WARNING_DAYS } from './domain';
import { startCounts } from './repository-start';

/** A resident's plan in force; a coordinator's plan deadlines; plans waiting for the director's (or a team supervisor's) approval. */
export const planStartCards: StartCards = async (sql, who) => {
  const cards: StartCard[] = [];
  const m = who.municipalityId;
  if (who.roles.includes('resident')) {
    cards.push({ role: 'resident', label: 'care_plans.start.mine', count: await startCounts.ofResident(sql, m, who.userId), href: '/my/plans' });
  }
  if (who.roles.includes('coordinator')) {
    const d = await startCounts.deadlines(sql, m, who.userId, DUE_WARNING_DAYS, EXPIRY_WARNING_DAYS);
    cards.push({ role: 'coordinator', label: 'care_plans.start.due', params: { days: DUE_WARNING_DAYS }, count: d.due, href: '/cases?due=1' });
    cards.push({ role: 'coordinator', label: 'care_plans.start.expiring', params: { days: EXPIRY_WARNING_DAYS }, count: d.expiring, href: '/cases' });
  }
  const director = who.permissions.has('plans.approve');
  if (director || who.roles.includes('coordinator')) {
    // A coordinator who supervises a team approves its plans too; the list holds only what they may approve.
    const count = await startCounts.toApprove(sql, m, who.userId, director);
    cards.push({ role: director && who.roles.includes('director') ? 'director' : 'coordinator', label: 'care_plans.start.to_approve', count, href: '/plans/awaiting' });
  }
  return cards;
};
