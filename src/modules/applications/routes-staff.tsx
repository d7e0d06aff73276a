import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { neutraliseFormula } from '../../platform/export/spreadsheet';
import { submitForm } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseBatchDecline, parseRegistration } from './form';
import { basePath, depsOf, idParam, MANAGE, municipalityOf, type Params, type ServiceParams } from './routes-common';
import { register } from './service-apply';
import { declineBatch } from './service-decide';
import { queuePage, queueSummaries, serviceChoices } from './service-read';
import { ApplyPage } from './views/apply';
import { QueuePageView } from './views/queue';
import { ServicesPage } from './views/services';

/** Staff with applications.manage: the queues, one queue, registering on a resident's behalf, a queue's CSV. */
export async function staffRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/applications', MANAGE, async (request, reply) => {
    const services = await queueSummaries(deps, request.dbContext(), municipalityOf(request).id);
    return reply.page((c) => <ServicesPage ctx={c} services={services} />);
  });

  const renderQueue = async (request: FastifyRequest<{ Params: ServiceParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await queuePage(deps, request.dbContext(), municipalityOf(request).id, idParam(request.params.serviceId), request.auditActor(), 'page');
    return reply.page((c) => <QueuePageView ctx={c} data={data} form={form} />, status);
  };

  app.get<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId', MANAGE, (request, reply) => renderQueue(request, reply));

  app.post<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/decline', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const serviceId = idParam(request.params.serviceId);
        const { items, reason } = parseBatchDecline(request.body);
        const count = await declineBatch(deps, request.dbContext(), municipalityOf(request), serviceId, items, reason, request.auditActor());
        return reply.setFlash(request.i18n.t('applications.batch.done', { count })).redirect(`${basePath(request)}/services/${serviceId}`, 303);
      },
      rerender: (form, status) => renderQueue(request, reply, form, status),
      formErrors: ['conflict.stale', 'application.closed'],
    }),
  );

  app.get<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/export.csv', MANAGE, async (request, reply) => {
    const data = await queuePage(deps, request.dbContext(), municipalityOf(request).id, idParam(request.params.serviceId), request.auditActor(), 'export');
    const header = ['position', 'status', 'applicant', 'beneficiary', 'birth_year', 'relation', 'phone', 'email', 'channel', 'submitted_at', 'warnings', 'id'];
    const rows = data.entries.map((e) => [e.queue_position, e.status, e.applicant_name, e.beneficiary_name, e.beneficiary_birth_year, e.relation, e.contact_phone, e.contact_email, e.channel, e.submitted_at.toISOString(), e.warnings.map((w) => w.code).join(' '), e.id]);
    const csv = stringify([header, ...rows.map((r) => r.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c)))], { bom: true });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="kolejka.csv"')
      .header('cache-control', 'no-store')
      .send(csv);
  });

  const renderRegister = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const services = await serviceChoices(deps, request.dbContext(), municipalityOf(request).id);
    return reply.page((c) => <ApplyPage ctx={c} form={form} services={services} staff={true} />, status);
  };

  app.get<{ Params: Params }>('/:municipality/applications/register', MANAGE, (request, reply) => renderRegister(request, reply, emptyForm({ relation: 'self', channel: 'in_person' })));

  app.post<{ Params: Params }>('/:municipality/applications/register', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parseRegistration(request.body);
        const { id, position } = await register(deps, request.dbContext(), municipalityOf(request), input, request.auditActor());
        return reply.setFlash(request.i18n.t('applications.registered', { position })).redirect(`${basePath(request)}/${id}`, 303);
      },
      rerender: (form, status) => renderRegister(request, reply, form, status),
    }),
  );
}
