import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { announcementsErrors } from './errors';
import { announcementsMessages } from './messages';
import { announcementsPermissions } from './permissions';
import { subscriptionsOfPerson } from './personal-data';
import { announcementRoutes } from './routes';
import { categoryRoutes } from './routes-categories';
import { notifySubscribers, NOTIFY_QUEUE, SWEEP_QUEUE, SWEEP_SCHEDULE, sweepNotices } from './service';
import { announcementStartCards } from './start-cards';

const depsOf = (ctx: ModuleContext) => ({ db: ctx.db, publicUrl: ctx.config.publicUrl, linkKey: ctx.linkKey });

/**
 * Announcements and news (issue 16, ADR 0027): the municipality's notice board with permanent
 * addresses, record cards and change registers, Atom feeds, e-mail subscriptions to categories, and
 * the channel other modules publish through (`publishFromModule`).
 */
export const announcementsModule: AppModule = {
  name: 'announcements',
  permissions: announcementsPermissions,
  errors: announcementsErrors,
  messages: announcementsMessages,
  startCards: announcementStartCards,
  personalData: subscriptionsOfPerson,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await categoryRoutes(app, ctx);
    await announcementRoutes(app, ctx);
  },
  navigation: [
    { href: '/ogloszenia', label: 'nav.announcements' },
    { href: '/ogloszenia/zarzadzanie', label: 'nav.announcements_manage', permission: 'announcements.manage', group: 'work' },
    { href: '/ogloszenia/kanal.atom', label: 'announcements.feed_title', feed: true },
  ],
  jobs: (ctx) => ({
    [NOTIFY_QUEUE]: async (payload) => void (await notifySubscribers(depsOf(ctx), String(payload.municipalityId), String(payload.announcementId))),
    [SWEEP_QUEUE]: async () => void (await sweepNotices(depsOf(ctx))),
  }),
  schedules: [SWEEP_SCHEDULE],
};

export { publishFromModule, type AnnouncementFromModule } from './api';
export { seedAnnouncementFixtures } from './fixtures';
export { notifySubscribers, sweepNotices, NOTIFY_QUEUE } from './service';
