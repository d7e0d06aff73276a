import type { AppModule, ModuleContext } from '../../platform/module';
import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './routes-admin';
import { eligibilityRoutes } from './routes-eligibility';
import { hsdsRoutes } from './routes-hsds';
import { programmeRoutes } from './routes-programme';
import { publicRoutes } from './routes-public';
import { transferRoutes } from './routes-transfer';

/**
 * The programme and catalogue of social services: the public directory and search, the anonymous
 * "what can I get" check, HSDS 3.0 open data, and the staff's editing of services, providers,
 * locations and programmes.
 */
export const catalogModule: AppModule = {
  name: 'catalog',
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await publicRoutes(app, ctx);
    await programmeRoutes(app, ctx);
    await eligibilityRoutes(app, ctx);
    await hsdsRoutes(app, ctx);
    await adminRoutes(app, ctx);
    await transferRoutes(app, ctx);
  },
  navigation: [
    { href: '/services', label: 'nav.catalog' },
    { href: '/programme', label: 'nav.programme' },
    { href: '/check', label: 'nav.eligibility' },
    { href: '/catalog', label: 'nav.catalog_admin', permission: 'catalog.manage' },
  ],
};

export type { Criterion } from './criteria';
export type { Area, FeeKind, ProviderKind, TargetGroup } from './domain';
export { seedCatalogFixtures } from './fixtures';
