import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSV_CONTENT_TYPE, toCsv } from '../../platform/export/csv';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseBatchDecline, parseBatchSelection, parseRegistration } from './form';
import { basePath, depsOf, MANAGE, municipalityOf, type Params, type ServiceParams } from './routes-common';
import { register } from './service-apply';
import { declineBatch } from './service-decide';
import { queuePage, queueSummaries, serviceChoices } from './service-read';
import { ApplyPage } from './views/apply';
import { BatchDeclinePage } from './views/batch-decline';
import { AppError, messageKeyFor } from '../../platform/http/errors';
import { formValues } from '../../platform/http/forms';
import { wantsJson } from '../../platform/http/error-handler';
import { requireConfirmation } from '../../platform/http/confirm';
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
    const data = await queuePage(deps, request.dbContext(), municipalityOf(request).id, idParam(request, 'serviceId'), request.auditActor(), 'page');
    return reply.page((c) => <QueuePageView ctx={c} data={data} form={form} />, status);
  };

  app.get<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId', MANAGE, (request, reply) => renderQueue(request, reply));

  // Declining the ticked applications: the queue's GET form brings them to a confirmation page, where the reason is typed.
  const renderBatch = async (request: FastifyRequest<{ Params: ServiceParams }>, reply: FastifyReply, selected: { id: string; version: number }[], form: FormState, status = 200) => {
    const data = await queuePage(deps, request.dbContext(), municipalityOf(request).id, idParam(request, 'serviceId'), request.auditActor(), 'page');
    // One of them left the queue meanwhile: back on the queue, which shows where each one is now.
    if (selected.some((s) => !data.entries.some((e) => e.id === s.id))) throw new AppError('application.closed');
    return reply.header('cache-control', 'no-store').page((c) => <BatchDeclinePage ctx={c} data={data} selected={selected} form={form} />, status);
  };
  /** A refusal shown on the queue page (nothing ticked, stale, already closed), with the ticks kept. */
  const backOnQueue = (request: FastifyRequest<{ Params: ServiceParams }>, reply: FastifyReply, err: unknown, values: FormState['values']) => {
    if (!(err instanceof AppError) || wantsJson(request)) throw err;
    if (err.code === 'validation.failed') return renderQueue(request, reply, { values, errors: err.fields ?? {} }, err.status);
    if (err.code === 'conflict.stale' || err.code === 'application.closed') return renderQueue(request, reply, { values, errors: {}, message: request.i18n.t(messageKeyFor(err.code), err.opts.params) }, err.status);
    throw err;
  };

  app.get<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/decline', MANAGE, async (request, reply) => {
    try {
      return await renderBatch(request, reply, parseBatchSelection(request.query), emptyForm());
    } catch (err) {
      return backOnQueue(request, reply, err, formValues(request.query));
    }
  });

  app.post<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/decline', MANAGE, async (request, reply) => {
    try {
      requireConfirmation(request.body);
      const serviceId = idParam(request, 'serviceId');
      const { items, reason } = parseBatchDecline(request.body);
      const count = await declineBatch(deps, request.dbContext(), municipalityOf(request), serviceId, items, reason, request.auditActor());
      return reply.setFlash(request.i18n.t('applications.batch.done', { count })).redirect(`${basePath(request)}/services/${serviceId}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || wantsJson(request)) throw err;
      const values = formValues(request.body);
      // No confirmation or no reason: the confirmation page again; anything about the applications themselves: the queue.
      if ((err.code === 'confirmation.required' || (err.code === 'validation.failed' && !err.fields?.ids))) {
        const form: FormState = { values, errors: err.fields ?? {}, message: err.code === 'confirmation.required' ? request.i18n.t(messageKeyFor(err.code)) : undefined };
        try {
          return await renderBatch(request, reply, parseBatchSelection(request.body), form, err.status);
        } catch (again) {
          return backOnQueue(request, reply, again, values);
        }
      }
      return backOnQueue(request, reply, err, values);
    }
  });

  app.get<{ Params: ServiceParams }>('/:municipality/applications/services/:serviceId/export.csv', MANAGE, async (request, reply) => {
    const data = await queuePage(deps, request.dbContext(), municipalityOf(request).id, idParam(request, 'serviceId'), request.auditActor(), 'export');
    const header = ['position', 'status', 'applicant', 'beneficiary', 'birth_year', 'relation', 'phone', 'email', 'channel', 'submitted_at', 'warnings', 'id'];
    const rows = data.entries.map((e) => [e.queue_position, e.status, e.applicant_name, e.beneficiary_name, e.beneficiary_birth_year, e.relation, e.contact_phone, e.contact_email, e.channel, e.submitted_at.toISOString(), e.warnings.map((w) => w.code).join(' '), e.id]);
    const csv = toCsv([header, ...rows]);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
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
