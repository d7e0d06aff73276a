import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseApplication } from './form';
import { basePath, depsOf, municipalityOf, requireMember, SIGNED_IN, SUBMIT, type IdParams, type Params } from './routes-common';
import { apply, withdraw } from './service-apply';
import { mine, myApplication, serviceChoices, whoReadMine } from './service-read';
import { WithdrawPage } from './views/withdraw';
import { confirmedAction } from '../../platform/http/confirm';
import { ApplyPage } from './views/apply';
import { MinePage } from './views/mine';
import { ReadsPage } from './views/reads';
import { userOf } from '../../platform/http/route-context';


const serviceQuery = z.object({ service: z.string().max(40).catch('') });

/** A logged-in resident: apply for a service, see "Moje wnioski" with places and estimates, withdraw. */
export async function residentRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const renderApply = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const services = await serviceChoices(deps, request.dbContext(), municipalityOf(request).id);
    return reply.page((c) => <ApplyPage ctx={c} form={form} services={services} staff={false} />, status);
  };

  app.get<{ Params: Params }>('/:municipality/applications/new', SIGNED_IN, (request, reply) => {
    requireMember(request);
    const { service } = serviceQuery.parse(request.query ?? {});
    return renderApply(request, reply, emptyForm({ service_id: service, relation: 'self', contact_email: userOf(request).email }));
  });

  app.post<{ Params: Params }>('/:municipality/applications', SUBMIT, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        requireMember(request);
        const input = parseApplication(request.body);
        const user = { id: userOf(request).id, name: userOf(request).display_name };
        const { position } = await apply(deps, request.dbContext(), municipalityOf(request), input, user, request.auditActor());
        return reply.setFlash(request.i18n.t('applications.submitted', { position })).redirect(`${basePath(request)}/mine`, 303);
      },
      rerender: (form, status) => renderApply(request, reply, form, status),
    }),
  );

  app.get<{ Params: Params }>('/:municipality/applications/mine', SIGNED_IN, async (request, reply) => {
    const list = await mine(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    return reply.page((c) => <MinePage ctx={c} applications={list} />);
  });

  // The same list as JSON (no personal data beyond the person's own): place and estimate read from each row.
  app.get<{ Params: Params }>('/api/:municipality/applications/mine', SIGNED_IN, async (request, reply) => {
    const list = await mine(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    return reply.header('cache-control', 'no-store').send({
      applications: list.map((a) => ({ id: a.id, service: { id: a.service_id, name: a.service_name }, status: a.status, queue_position: a.queue_position, estimate_weeks: a.estimate })),
    });
  });

  app.get<{ Params: Params }>('/:municipality/applications/mine/reads', SIGNED_IN, async (request, reply) => {
    const list = await whoReadMine(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    return reply.header('cache-control', 'no-store').page((c) => <ReadsPage ctx={c} reads={list} />);
  });

  const withdrawal = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const application = await myApplication(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id, idParam(request));
      return reply.header('cache-control', 'no-store').page((c) => <WithdrawPage ctx={c} application={application} form={form} />, status);
    },
    run: async (request, reply) => {
      const service = await withdraw(deps, request.dbContext(), municipalityOf(request), idParam(request), userOf(request).id, request.auditActor());
      return reply.setFlash(request.i18n.t('applications.withdrawn', { service })).redirect(`${basePath(request)}/mine`, 303);
    },
  });
  app.get<{ Params: IdParams }>('/:municipality/applications/mine/:id/withdraw', SIGNED_IN, withdrawal.get);
  app.post<{ Params: IdParams }>('/:municipality/applications/mine/:id/withdraw', SIGNED_IN, withdrawal.post);
}
