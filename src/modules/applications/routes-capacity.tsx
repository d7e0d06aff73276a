import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseFields } from '../../platform/http/form-fields';
import { submitForm } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseCapacity, placesSchema } from './form';
import { basePath, depsOf, idParam, MANAGE, municipalityOf, type ServiceParams } from './routes-common';
import { addPeriod, capacityPage, changePeriod } from './service-capacity';
import { CapacityPage } from './views/capacity';

/** Places per service per period: the periods of a service, a new one, a change of places, removal — on the version shown. */
export async function capacityRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = async (request: FastifyRequest, reply: FastifyReply, serviceId: string, form: FormState, status = 200) => {
    const data = await capacityPage(deps, request.dbContext(), municipalityOf(request).id, serviceId);
    return reply.page((c) => <CapacityPage ctx={c} {...data} form={form} />, status);
  };
  const capacityPath = (request: FastifyRequest, serviceId: string) => `${basePath(request)}/services/${serviceId}/capacity`;

  app.get<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/capacity', MANAGE, (request, reply) =>
    render(request, reply, idParam(request.params.serviceId), emptyForm()),
  );

  app.post<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/capacity', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const serviceId = idParam(request.params.serviceId);
        await addPeriod(deps, request.dbContext(), municipalityOf(request).id, serviceId, parseCapacity(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('applications.capacity.added')).redirect(capacityPath(request, serviceId), 303);
      },
      rerender: (form, status) => render(request, reply, idParam(request.params.serviceId), form, status),
    }),
  );

  type PeriodParams = ServiceParams & { id: string };
  const change = (request: FastifyRequest<{ Params: PeriodParams }>, reply: FastifyReply, remove: boolean) =>
    submitForm(request, reply, {
      run: async () => {
        const serviceId = idParam(request.params.serviceId);
        const v = parseFields(placesSchema, request.body, (v, fail) => {
          if (!remove && v.places === null) fail('places', 'required');
        });
        await changePeriod(deps, request.dbContext(), municipalityOf(request).id, serviceId, idParam(request.params.id), v.version, remove ? null : v.places, request.auditActor());
        return reply.setFlash(request.i18n.t(remove ? 'applications.capacity.removed' : 'applications.capacity.changed')).redirect(capacityPath(request, serviceId), 303);
      },
      rerender: (form, status) => render(request, reply, idParam(request.params.serviceId), { ...form, values: { ...form.values, period: request.params.id } }, status),
      formErrors: ['conflict.stale'],
    });

  app.post<{ Params: PeriodParams }>('/:municipality/applications/services/:serviceId/capacity/:id', MANAGE, (request, reply) => change(request, reply, false));
  app.post<{ Params: PeriodParams }>('/:municipality/applications/services/:serviceId/capacity/:id/delete', MANAGE, (request, reply) => change(request, reply, true));
}
