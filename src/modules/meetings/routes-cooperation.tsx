import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module';
import { depsOf, municipalityOf, SIGNED_IN, type IdParams } from './routes-common';
import { cooperationOf } from './service-cooperation';
import { CooperationPage } from './views/cooperation';
import { tenantOf, userOf } from '../../platform/http/route-context';
import { idParam } from '../../platform/http/params';


/** An organisation's cooperation history: for staff (organisations or meetings) and the organisation's own people. */
export async function cooperationRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/cooperation', SIGNED_IN, async (request, reply) => {
    const permissions = tenantOf(request).permissions;
    const who = { userId: userOf(request).id, staff: permissions.has('organisations.manage') || permissions.has('meetings.manage') };
    const id = idParam(request);
    const data = await cooperationOf(deps, request.dbContext(), municipalityOf(request).id, id, who);
    return reply.page((c) => <CooperationPage ctx={c} data={data} organisationId={id} />);
  });
}
