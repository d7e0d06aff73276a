import type { StartCard, StartCards } from '../../platform/module';
import { startCounts } from './repository-start';

/** A community organiser's start page counts the meetings of this many days ahead. */
export const COMING_MEETING_DAYS = 14;

/** Invitations to answer (a resident's own, an organisation's), meetings a resident goes to, the organiser's coming meetings. */
export const meetingStartCards: StartCards = async (sql, who) => {
  const cards: StartCard[] = [];
  const m = who.municipalityId;
  const resident = who.roles.includes('resident');
  const ngo = who.roles.includes('ngo_member');
  if (resident || ngo) {
    const i = await startCounts.invitations(sql, m, { id: who.userId, email: who.email });
    // Someone invited in person who is only an organisation's representative still sees their invitation, in that section.
    const own = resident ? 'resident' : 'ngo_member';
    cards.push({ role: own, label: 'meetings.start.invitations', count: i.own_open, href: '/meetings/inbox' });
    cards.push({ role: own, label: 'meetings.start.going', count: i.own_going, href: '/meetings/inbox' });
    if (ngo) cards.push({ role: 'ngo_member', label: 'meetings.start.org_invitations', count: i.org_open, href: '/meetings/inbox' });
  }
  if (who.roles.includes('community_organiser') && who.permissions.has('meetings.manage')) {
    cards.push({ role: 'community_organiser', label: 'meetings.start.coming', params: { days: COMING_MEETING_DAYS }, count: await startCounts.coming(sql, m, COMING_MEETING_DAYS), href: '/meetings' });
    cards.push({ role: 'community_organiser', label: 'meetings.start.plan', href: '/meetings/new' });
  }
  return cards;
};
