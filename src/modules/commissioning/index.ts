import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { commissioningErrors } from './errors';
import { committeeErrors } from './errors-committee';
import { agreementErrors } from './errors-agreements';
import { agreementMessages } from './messages-agreements';
import { agreementRoutes } from './routes-agreements';
import { agreementStartCards } from './agreement-start-cards';
import { commissioningMessages } from './messages';
import { committeeMessages } from './messages-committee';
import { commissioningPermissions } from './permissions';
import { commissioningRoutes } from './routes';
import { committeeRoutes } from './routes-committee';
import { commissioningStartCards } from './start-cards';
import { committeeStartCards } from './committee-start-cards';

/**
 * Commissioning public tasks (issue 17, ADR 0032): open calls for offers published through the
 * announcements, offers of the registry's organisations with their sums and the call's limits checked
 * before submission, immutable submitted versions, decisions and results, and the awarded grants as
 * 360Giving open data (with CSV and XLSX); agreements of funded offers with their versions and annexes,
 * and partial and final reports (ADR 0038).
 */
export const commissioningModule: AppModule = {
  name: 'commissioning',
  permissions: commissioningPermissions,
  errors: { ...commissioningErrors, ...committeeErrors, ...agreementErrors },
  messages: [...commissioningMessages, ...committeeMessages, ...agreementMessages],
  startCards: async (sql, who) => [...(await commissioningStartCards(sql, who)), ...(await committeeStartCards(sql, who)), ...(await agreementStartCards(sql, who))],
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await commissioningRoutes(app, ctx);
    await committeeRoutes(app, ctx);
    await agreementRoutes(app, ctx);
  },
  navigation: [
    { href: '/grants', label: 'nav.commissioning' },
    { href: '/grants/offers/mine', label: 'nav.commissioning_mine', roles: ['ngo_member'], group: 'organisation' },
    { href: '/grants/agreements', label: 'nav.agreements', roles: ['ngo_member'], group: 'organisation' },
    { href: '/grants/agreements', label: 'nav.agreements', roles: ['grants_officer', 'director'], group: 'work' },
    // Staff's menu only: an organisation's nominee (rarely, per call) reaches the committee by the start card that counts what awaits them.
    { href: '/grants/committee', label: 'committee.mine', roles: ['evaluator', 'grants_officer', 'community_organiser', 'director'], group: 'work' },
  ],
};

export { seedCommissioningFixtures } from './fixtures';
export { offerSums, offerProblems, parseMoney, formatMoney } from './domain';
export { recipientId, grantId, funderId } from './open-data';
