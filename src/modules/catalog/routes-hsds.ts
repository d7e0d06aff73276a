import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PUBLIC } from '../../platform/auth/access';
import { AppError } from '../../platform/http/errors';
import type { ModuleContext } from '../../platform/module';
import { HSDS_PROFILE, HSDS_VERSION } from './hsds/constants';
import { datapackageZip, publishedBundles, zipFileName } from './hsds/datapackage';
import type { Place } from './hsds/map';
import { page } from './hsds/map';
import { openApiDocument } from './hsds/openapi';
import { searchListQuery, serviceListQuery, termListQuery } from './hsds/query';
import { hsds } from './hsds/service';
import { findTaxonomies, findTerms, taxonomyById, termById } from './hsds/taxonomy';
import { tenantOf } from '../../platform/http/route-context';

type M = { municipality: string };
type MI = M & { id: string };

/** Open data may be harvested, but not hammered: per client address. */
const OPEN_DATA_RATE = { max: 300, timeWindow: 60_000 };

const placeOf = (request: FastifyRequest): Place => ({ name: tenantOf(request).municipality.name, teryt: tenantOf(request).municipality.teryt });
const found = <T>(value: T | undefined): T => {
  if (value === undefined) throw new AppError('not_found');
  return value;
};
const slice = <T>(items: T[], p: { page: number; perPage: number }) => page(items.slice((p.page - 1) * p.perPage, p.page * p.perPage), items.length, p.page, p.perPage);

/**
 * The catalogue as Open Referral HSDS 3.0 open data, per municipality (only active services and
 * what they need), and the OpenAPI document of the JSON API. Public, read-only, CORS open.
 */
export async function hsdsRoutes(app: FastifyInstance, { db, config }: ModuleContext): Promise<void> {
  await app.register(async (api) => {
    api.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
    });
    const open = { config: { access: PUBLIC, rateLimit: OPEN_DATA_RATE } };
    const document = openApiDocument(config.publicUrl);

    api.get('/api/openapi.json', open, async () => document);

    const root = async () => ({ version: HSDS_VERSION, profile: HSDS_PROFILE, openapi_url: `${config.publicUrl}/api/openapi.json` });
    api.get<{ Params: M }>('/api/:municipality/hsds', open, root);
    // HSDS calls its root "/": with a trailing slash it is sent on to the one documented path.
    api.get<{ Params: M }>('/api/:municipality/hsds/', open, async (request, reply) => reply.redirect(`/api/${request.params.municipality}/hsds`, 308));

    api.get<{ Params: M }>('/api/:municipality/hsds/services', open, async (request) => {
      const q = serviceListQuery(request.query);
      return hsds.services(db, request.dbContext(), placeOf(request), q.filter, q.paging, q.full);
    });
    api.get<{ Params: MI }>('/api/:municipality/hsds/services/:id', open, async (request) =>
      found(await hsds.service(db, request.dbContext(), placeOf(request), request.params.id)),
    );

    api.get<{ Params: M }>('/api/:municipality/hsds/datapackage.zip', open, async (request, reply) => {
      const { slug, name } = tenantOf(request).municipality;
      const info = { slug, name, publicUrl: config.publicUrl, created: new Date() };
      const zip = datapackageZip(await publishedBundles(db, request.dbContext()), placeOf(request), info);
      return reply.type('application/zip').header('content-disposition', `attachment; filename="${zipFileName(info)}"`).send(Buffer.from(zip));
    });

    api.get<{ Params: M }>('/api/:municipality/hsds/organizations', open, async (request) => {
      const q = searchListQuery(request.query);
      return hsds.organizations(db, request.dbContext(), q.search, q.paging);
    });
    api.get<{ Params: MI }>('/api/:municipality/hsds/organizations/:id', open, async (request) =>
      found(await hsds.organization(db, request.dbContext(), placeOf(request), request.params.id)),
    );

    api.get<{ Params: M }>('/api/:municipality/hsds/service_at_locations', open, async (request) => {
      const q = serviceListQuery(request.query);
      return hsds.serviceAtLocations(db, request.dbContext(), q.filter, q.paging);
    });
    api.get<{ Params: MI }>('/api/:municipality/hsds/service_at_locations/:id', open, async (request) =>
      found(await hsds.serviceAtLocation(db, request.dbContext(), placeOf(request), request.params.id)),
    );

    api.get<{ Params: M }>('/api/:municipality/hsds/taxonomies', open, async (request) => {
      const q = searchListQuery(request.query);
      return slice(findTaxonomies(q.search), q.paging);
    });
    api.get<{ Params: MI }>('/api/:municipality/hsds/taxonomies/:id', open, async (request) => found(taxonomyById(request.params.id)));

    api.get<{ Params: M }>('/api/:municipality/hsds/taxonomy_terms', open, async (request) => {
      const q = termListQuery(request.query);
      return slice(findTerms(q.search, q.taxonomy), q.paging);
    });
    api.get<{ Params: MI }>('/api/:municipality/hsds/taxonomy_terms/:id', open, async (request) => found(termById(request.params.id)));
  });
}
