import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module';
import { dashboard } from './admin/dashboard';
import { MANAGE, municipalityId, type Params } from './admin/editor-routes';
import { DashboardPage } from './admin/views-dashboard';
import { adminPlaceRoutes } from './routes-admin-places';
import { adminProgrammeRoutes } from './routes-admin-programmes';
import { adminServiceRoutes } from './routes-admin-services';

/**
 * Staff editing of the catalogue (permission catalog.manage): the overview, then services,
 * providers, locations and programmes — each with its form, optimistic concurrency and history.
 */
export async function adminRoutes(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  app.get<{ Params: Params }>('/:municipality/catalog', MANAGE, async (request, reply) => {
    const data = await dashboard(db, request.dbContext(), municipalityId(request));
    return reply.page((ctx) => <DashboardPage ctx={ctx} {...data} />);
  });
  adminServiceRoutes(app, db);
  adminPlaceRoutes(app, db);
  adminProgrammeRoutes(app, db);
}
