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
import { catalogMessages } from './messages';
import { catalogPermissions } from './permissions';
import { catalogStartCards } from './start-cards';

/** The message every instance hears when a municipality's catalogue changed (its id). */
const CATALOG_CHANGED = 'catalog_changed';

/**
 * The programme and catalogue of social services: the public directory and search, the anonymous
 * "what can I get" check, HSDS 3.0 open data, and the staff's editing of services, providers,
 * locations and programmes.
 */
export const catalogModule: AppModule = {
  name: 'catalog',
  startCards: catalogStartCards,
  permissions: catalogPermissions,
  messages: catalogMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    const ttlMs = ctx.config.searchCacheSeconds * 1000;
    const lookups = ctx.metrics.counter('wspolnota_search_cache_lookups_total', 'Public catalogue search cache lookups: answers and anonymous pages, hit or miss', ['cache', 'outcome']);
    const searches = new SearchCache<CatalogueView>({ ttlMs, maxEntries: 2000, count: (outcome) => lookups.inc({ cache: 'answers', outcome }) });
    const pages = new SearchCache<{ html: string; status: number }>({ ttlMs, maxEntries: 2000, count: (outcome) => lookups.inc({ cache: 'pages', outcome }) });
    const forget = (municipalityId: string | null) => {
      if (municipalityId === null) {
        searches.invalidateAll();
        pages.invalidateAll();
      } else {
        searches.invalidate(municipalityId);
        pages.invalidate(municipalityId);
      }
    };
    ctx.channels.subscribe(CATALOG_CHANGED, forget);
    // Any staff write to a municipality's catalogue that succeeded forgets its cached searches, here at
    // once and in every other instance on the database (public POSTs, such as the eligibility check,
    // write nothing).
    app.addHook('onResponse', async (request, reply) => {
      const staffWrite = request.method !== 'GET' && request.method !== 'HEAD' && request.routeOptions.config.access?.kind === 'permission';
      if (staffWrite && reply.statusCode < 400 && request.tenant) {
        await ctx.channels.publish(CATALOG_CHANGED, request.tenant.municipality.id).catch((err: unknown) =>
          request.log.warn({ err }, 'other instances were not told of a catalogue change; they see it within SEARCH_CACHE_SECONDS'),
        );
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
    { href: '/catalog', label: 'nav.catalog_admin', permission: 'catalog.manage', group: 'work' },
  ],
};

export type { Criterion } from './criteria';
export type { Area, FeeKind, ProviderKind, TargetGroup } from './domain';
/** The 14 statutory areas and the target groups (their labels: messages `area.<code>`, `group.<code>`) — the diagnosis' lists too. */
export { AREAS, TARGET_GROUPS, isArea, isTargetGroup } from './domain';
export { seedCatalogFixtures } from './fixtures';
export { DRAFT_PROGRAMME_TEXT } from './fixtures-draft-programme';
export { draftProgramme, type DraftProgramme } from './repository-draft-programme';
/** Read model for the exchange's benchmarks (issue 20): an aggregate of this module's own rows, never a person. */
export { activeServiceCount } from './repository-indicators';
