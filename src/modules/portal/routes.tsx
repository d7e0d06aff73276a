import type { FastifyInstance } from 'fastify';
import { AUTHENTICATED, PUBLIC } from '../../platform/auth/access';
import type { ModuleContext } from '../../platform/module';
import { memberships, municipalities, units } from '../../platform/tenancy/repository';
import { NO_CONTEXT } from '../../platform/db/types';
import { HomePage, MunicipalityPage } from './views';

export async function portalRoutes(app: FastifyInstance, { db }: ModuleContext) {
  app.get('/', { config: { access: PUBLIC } }, async (_request, reply) => {
    const list = await db.tx(NO_CONTEXT, (sql) => municipalities.list(sql));
    return reply.page((ctx) => <HomePage ctx={ctx} municipalities={list} />);
  });

  app.get<{ Params: { municipality: string } }>('/:municipality', { config: { access: PUBLIC } }, async (request, reply) => {
    const tenant = request.tenant!;
    const list = await db.tx(request.dbContext(), (sql) => units.list(sql, tenant.municipality.id));
    return reply.page((ctx) => <MunicipalityPage ctx={ctx} municipality={tenant.municipality} units={list} roles={tenant.roles} signedIn={Boolean(request.user)} />);
  });

  app.post<{ Params: { municipality: string } }>('/:municipality/join', { config: { access: AUTHENTICATED } }, async (request, reply) => {
    const tenant = request.tenant!;
    await db.tx(request.dbContext(), (sql) => memberships.grant(sql, tenant.municipality.id, request.user!.id, ['resident']));
    return reply.setFlash(request.i18n.t('municipality.joined')).redirect(`/${tenant.municipality.slug}`, 303);
  });
}
