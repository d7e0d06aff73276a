import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { commissioningErrors } from './errors';
import { commissioningMessages } from './messages';
import { commissioningPermissions } from './permissions';
import { commissioningRoutes } from './routes';
import { commissioningStartCards } from './start-cards';

/**
 * Commissioning public tasks (issue 17, ADR 0032): open calls for offers published through the
 * announcements, offers of the registry's organisations with their sums and the call's limits checked
 * before submission, immutable submitted versions, decisions and results, and the awarded grants as
 * 360Giving open data (with CSV and XLSX).
 */
export const commissioningModule: AppModule = {
  name: 'commissioning',
  permissions: commissioningPermissions,
  errors: commissioningErrors,
  messages: commissioningMessages,
  startCards: commissioningStartCards,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await commissioningRoutes(app, ctx);
  },
  navigation: [
    { href: '/grants', label: 'nav.commissioning' },
    { href: '/grants/offers/mine', label: 'nav.commissioning_mine', roles: ['ngo_member'], group: 'organisation' },
  ],
};

export { seedCommissioningFixtures } from './fixtures';
export { offerSums, offerProblems, parseMoney, formatMoney } from './domain';
export { recipientId, grantId, funderId } from './open-data';
