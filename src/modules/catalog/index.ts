import type { AppModule, ModuleContext } from '../../platform/module';
import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './routes-admin';
import { eligibilityRoutes } from './routes-eligibility';
import { hsdsRoutes } from './routes-hsds';
import { programmeRoutes } from './routes-programme';
import { publicRoutes } from './routes-public';
import { transferRoutes } from './routes-transfer';
import type { CatalogueView } from './public-service';
import { SearchCache } from './search-cache';


/**
 * The programme and catalogue of social services: the public directory and search, the anonymous
 * "what can I get" check, HSDS 3.0 open data, and the staff's editing of services, providers,
 * locations and programmes.
 */
export const catalogModule: AppModule = {
  name: 'catalog',
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    const ttlMs = ctx.config.searchCacheSeconds * 1000;
    const searches = new SearchCache<CatalogueView>({ ttlMs, maxEntries: 2000 });
    const pages = new SearchCache<{ html: string; status: number }>({ ttlMs, maxEntries: 2000 });
    // Any staff write to a municipality's catalogue that succeeded forgets its cached searches (public
    // POSTs, such as the eligibility check, write nothing).
    app.addHook('onResponse', async (request, reply) => {
      const staffWrite = request.method !== 'GET' && request.method !== 'HEAD' && request.routeOptions.config.access?.kind === 'permission';
      if (staffWrite && reply.statusCode < 400 && request.tenant) {
        searches.invalidate(request.tenant.municipality.id);
        pages.invalidate(request.tenant.municipality.id);
      }
    });
    await publicRoutes(app, ctx, { searches, pages });
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
