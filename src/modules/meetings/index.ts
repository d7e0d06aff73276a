import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { meetingAnswersOf } from './personal-data';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { depsOf } from './routes-common';
import { cooperationRoutes } from './routes-cooperation';
import { dayRoutes } from './routes-day';
import { inviteRoutes } from './routes-invite';
import { rsvpRoutes } from './routes-rsvp';
import { staffRoutes } from './routes-staff';
import { REMIND_QUEUE, sendReminders } from './service';
import { meetingsMessages } from './messages';
import { meetingsErrors } from './errors';
import { meetingsPermissions } from './permissions';
import { meetingStartCards } from './start-cards';

/**
 * The community organiser's meetings: invitations of organisations (by sphere, kind, federation or by
 * hand) and residents, answers without friction, reminders, calendar files, attendance, minutes,
 * follow-up tasks, and the numbers of who was invited, answered and came.
 */
export const meetingsModule: AppModule = {
  name: 'meetings',
  startCards: meetingStartCards,
  permissions: meetingsPermissions,
  errors: meetingsErrors,
  messages: meetingsMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await staffRoutes(app, ctx);
    await inviteRoutes(app, ctx);
    await dayRoutes(app, ctx);
    await rsvpRoutes(app, ctx);
    await cooperationRoutes(app, ctx);
  },
  navigation: [
    { href: '/meetings/inbox', label: 'nav.meetings_inbox', roles: ['resident'], group: 'mine' },
    { href: '/meetings/inbox', label: 'nav.meetings_inbox', roles: ['ngo_member'], group: 'organisation' },
    { href: '/meetings', label: 'nav.meetings', permission: 'meetings.manage', group: 'work' },
  ],
  jobs: (ctx) => ({
    [REMIND_QUEUE]: async (payload) => {
      await sendReminders(depsOf(ctx), payload as { municipality: MunicipalityRow; meetingId: string; startsAt: string });
    },
  }),
  personalData: meetingAnswersOf,
};

export { seedMeetingFixtures } from './fixtures';
export { invitationToken } from './mail';
export type { MeetingAnswerRecord } from './personal-data';
export { meetingSummary, type MeetingSummary } from './read-model';
/** Read model for the exchange's benchmarks (issue 20): an aggregate of this module's own rows, never a person. */
export { meetingTurnout } from './repository-indicators';
