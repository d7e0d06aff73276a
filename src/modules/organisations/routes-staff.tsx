import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { XLSX_CONTENT_TYPE } from '../../platform/export/spreadsheet';
import { versionField } from '../../platform/http/form-fields';
import { idParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import { parse, text } from '../../platform/http/validation';
import { translator } from '../../platform/i18n';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { organisationsCsv, organisationsXlsx } from './export';
import { basePath, depsOf, MANAGE, municipalityOf, type IdParams, type Params } from './routes-common';
import { decide, exportRegistry, queue, reviewData } from './service-review';
import { QueuePage } from './views/queue';
import { ReviewPage } from './views/review';
import { RejectPage } from './views/confirm';
import { confirmedAction } from '../../platform/http/confirm';


const rejectSchema = z.object({
  version: versionField(),
  reason: text(2000).refine((v) => v !== '', { params: { code: 'organisation_reason_required' } }),
});

/** Staff with organisations.manage: the verification queue, each registration's review and decision, the registry's export. */
export async function staffRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/organisations/queue', MANAGE, async (request, reply) => {
    const lists = await queue(deps, request.dbContext(), municipalityOf(request).id);
    return reply.page((c) => <QueuePage ctx={c} {...lists} />);
  });

  const renderReview = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await reviewData(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
    return reply.page((c) => <ReviewPage ctx={c} data={data} form={form} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/review', MANAGE, (request, reply) => renderReview(request, reply));

  app.post<{ Params: IdParams }>('/:municipality/organisations/:id/verify', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const { version } = parse(z.object({ version: versionField() }), request.body);
        const id = idParam(request);
        const { name } = await decide(deps, request.dbContext(), municipalityOf(request), id, version, { status: 'verified' }, request.auditActor());
        return reply.setFlash(request.i18n.t('organisations.review.verified', { name })).redirect(`${basePath(request)}/queue`, 303);
      },
      rerender: (form, status) => renderReview(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );

  // Rejecting: the review links to the confirmation page, which holds the reason; changed meanwhile (stale): the page again, on
  // the saved registration, the reason kept; decided meanwhile: the review, which shows the decision.
  const rejection = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const data = await reviewData(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
      if (data.organisation.status !== 'pending') return renderReview(request, reply, form, status);
      return reply.page((c) => <RejectPage ctx={c} organisation={data.organisation} registrant={data.registrant} form={form} />, status);
    },
    run: async (request, reply) => {
      const { version, reason } = parse(rejectSchema, request.body);
      const id = idParam(request);
      const { name } = await decide(deps, request.dbContext(), municipalityOf(request), id, version, { status: 'rejected', reason }, request.auditActor());
      return reply.setFlash(request.i18n.t('organisations.review.rejected', { name })).redirect(`${basePath(request)}/queue`, 303);
    },
    formErrors: ['conflict.stale'],
  });
  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/reject', MANAGE, rejection.get);
  app.post<{ Params: IdParams }>('/:municipality/organisations/:id/reject', MANAGE, rejection.post);

  const exportFile = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, kind: 'csv' | 'xlsx') => {
    const municipality = municipalityOf(request);
    const rows = await exportRegistry(deps, request.dbContext(), municipality.id, kind, request.auditActor());
    const name = `organizacje-${municipality.slug}-${new Date().toISOString().slice(0, 10)}.${kind}`;
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    if (kind === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(organisationsCsv(rows));
    return reply.header('content-type', XLSX_CONTENT_TYPE).send(await organisationsXlsx(rows, translator('pl')));
  };
  app.get<{ Params: Params }>('/:municipality/organisations/export.csv', MANAGE, (request, reply) => exportFile(request, reply, 'csv'));
  app.get<{ Params: Params }>('/:municipality/organisations/export.xlsx', MANAGE, (request, reply) => exportFile(request, reply, 'xlsx'));
}
