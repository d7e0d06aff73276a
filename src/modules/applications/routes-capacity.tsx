import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseFields } from '../../platform/http/form-fields';
import { idParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseCapacity, placesSchema } from './form';
import { basePath, depsOf, MANAGE, municipalityOf, type ServiceParams } from './routes-common';
import { addPeriod, capacityPage, changePeriod } from './service-capacity';
import { CapacityPage } from './views/capacity';
import { RemovePeriodPage } from './views/remove-period';
import { confirmedAction } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';


/** Places per service per period: the periods of a service, a new one, a change of places, removal — on the version shown. */
export async function capacityRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = async (request: FastifyRequest, reply: FastifyReply, serviceId: string, form: FormState, status = 200) => {
    const data = await capacityPage(deps, request.dbContext(), municipalityOf(request).id, serviceId);
    return reply.page((c) => <CapacityPage ctx={c} {...data} form={form} />, status);
  };
  const capacityPath = (request: FastifyRequest, serviceId: string) => `${basePath(request)}/services/${serviceId}/capacity`;

  app.get<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/capacity', MANAGE, (request, reply) =>
    render(request, reply, idParam(request, 'serviceId'), emptyForm()),
  );

  app.post<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/capacity', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const serviceId = idParam(request, 'serviceId');
        await addPeriod(deps, request.dbContext(), municipalityOf(request).id, serviceId, parseCapacity(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('applications.capacity.added')).redirect(capacityPath(request, serviceId), 303);
      },
      rerender: (form, status) => render(request, reply, idParam(request, 'serviceId'), form, status),
    }),
  );

  type PeriodParams = ServiceParams & { id: string };
  app.post<{ Params: PeriodParams }>('/:municipality/applications/services/:serviceId/capacity/:id', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const serviceId = idParam(request, 'serviceId');
        const v = parseFields(placesSchema, request.body, (v, fail) => {
          if (v.places === null) fail('places', 'required');
        });
        await changePeriod(deps, request.dbContext(), municipalityOf(request).id, serviceId, idParam(request), v.version, v.places, request.auditActor());
        return reply.setFlash(request.i18n.t('applications.capacity.changed')).redirect(capacityPath(request, serviceId), 303);
      },
      rerender: (form, status) => render(request, reply, idParam(request, 'serviceId'), { ...form, values: { ...form.values, period: request.params.id } }, status),
      formErrors: ['conflict.stale'],
    }),
  );

  // Removing a period asks first (what it had, that the accepted stay); a stale version comes back to the same page.
  const removal = confirmedAction<FastifyRequest<{ Params: PeriodParams }>>({
    page: async (request, reply, form, status) => {
      const data = await capacityPage(deps, request.dbContext(), municipalityOf(request).id, idParam(request, 'serviceId'));
      const period = data.periods.find((p) => p.id === idParam(request));
      if (!period) throw new AppError('not_found');
      return reply.page((c) => <RemovePeriodPage ctx={c} service={data.service} period={period} form={form} />, status);
    },
    run: async (request, reply) => {
      const serviceId = idParam(request, 'serviceId');
      const v = parseFields(placesSchema, request.body);
      await changePeriod(deps, request.dbContext(), municipalityOf(request).id, serviceId, idParam(request), v.version, null, request.auditActor());
      return reply.setFlash(request.i18n.t('applications.capacity.removed')).redirect(capacityPath(request, serviceId), 303);
    },
    formErrors: ['conflict.stale'],
  });
  app.get<{ Params: PeriodParams }>('/:municipality/applications/services/:serviceId/capacity/:id/delete', MANAGE, removal.get);
  app.post<{ Params: PeriodParams }>('/:municipality/applications/services/:serviceId/capacity/:id/delete', MANAGE, removal.post);
}
