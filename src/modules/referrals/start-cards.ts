import { visibleCasesCondition } from '../cases';
import type { StartCard, StartCards } from '../../platform/module';
import { startCounts } from './repository-start';

/** A resident's open referrals; referrals waiting for an organisation's answer; overdue referrals of a coordinator's (or director's) cases. */
export const referralStartCards: StartCards = async (sql, who) => {
  const cards: StartCard[] = [];
  const m = who.municipalityId;
  if (who.roles.includes('resident')) {
    cards.push({ role: 'resident', label: 'referrals.start.mine', count: await startCounts.ofResident(sql, m, who.userId), href: '/my/referrals' });
  }
  if (who.roles.includes('ngo_member')) {
    cards.push({ role: 'ngo_member', label: 'referrals.start.to_answer', count: await startCounts.toAnswer(sql, m, who.userId), href: '/referrals/inbox' });
  }
  const section = who.roles.includes('coordinator') ? 'coordinator' : who.roles.includes('director') ? 'director' : null;
  if (section && who.permissions.has('cases.manage')) {
    const count = await startCounts.overdue(sql, m, who.userId, visibleCasesCondition(who, 2));
    cards.push({ role: section, label: 'referrals.start.overdue', count, href: '/referrals/overdue' });
  }
  return cards;
};
