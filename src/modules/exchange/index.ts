import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { exchangeErrors } from './errors';
import { exchangeMessages } from './messages';
import { exchangePermissions } from './permissions';
import { exchangeRoutes } from './routes';

/**
 * Learning between municipalities (issue 20, ADR 0036): exchange groups across the installation's
 * municipalities, their delegates, each member's consent to share indicators, benchmark rounds computed
 * from each member's own data through the owner modules' read models, and the delegates' comparison.
 * Only shared aggregates cross municipalities, and cells under the group's minimum count never leave.
 */
export const exchangeModule: AppModule = {
  name: 'exchange',
  permissions: exchangePermissions,
  errors: exchangeErrors,
  messages: exchangeMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await exchangeRoutes(app, ctx);
  },
  navigation: [{ href: '/wymiana', label: 'nav.exchange', permission: 'exchange.take_part', group: 'work' }],
};

export { INDICATORS, type Indicator } from './indicators';
export { seedExchangeFixtures, type ExchangeDemo } from './fixtures';
