import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPdf } from '../../platform/export/pdf';
import { AppError } from '../../platform/http/errors';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { userOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseCommentForm } from './form';
import { reportPdf } from './report';
import { basePath, COMMENTING, depsOf, municipalityOf, OPEN, PDF, viewerOf, type IdParams, type Params, type PartParams } from './routes-common';
import { addComment, listConsultations, reportData, textChanges } from './service';
import { afterOf, consultationPage, partPage } from './service-pages';
import { ChangesPage, ConsultationPage, ConsultationsPage, PartPage } from './views/public';
import { ReportPage } from './views/report';

/** Consultations for everyone: the list, a consultation with its text and remarks, a part's comment form, the report (HTML, PDF), the changes. */
export async function publicRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const m = (request: FastifyRequest) => municipalityOf(request).id;

  app.get<{ Params: Params }>('/:municipality/consultations', OPEN, async (request, reply) => {
    const list = await listConsultations(deps, request.dbContext(), m(request));
    return reply.page((c) => <ConsultationsPage ctx={c} list={list} staff={viewerOf(request).staff} />);
  });

  app.get<{ Params: IdParams }>('/:municipality/consultations/:id', OPEN, async (request, reply) => {
    const viewer = viewerOf(request);
    const data = await consultationPage(deps, request.dbContext(), m(request), idParam(request), afterOf(request.query), viewer);
    // The meeting's own page is the meetings staff's (meetings.manage): everyone else sees its title and time, not a link that answers 403.
    const meetingLink = Boolean(request.tenant?.permissions.has('meetings.manage'));
    return reply.page((c) => <ConsultationPage ctx={c} view={data.view} page={data.page} counts={data.counts} survey={data.survey} staff={viewer.staff} meetingLink={meetingLink} />);
  });

  const renderPart = async (request: FastifyRequest<{ Params: PartParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const viewer = viewerOf(request);
    const after = status === 200 ? afterOf(request.query) : null;
    const view = await partPage(deps, request.dbContext(), m(request), idParam(request), idParam(request, 'partId'), after, viewer, status === 200 ? 'not_found' : 'consultation.part_gone');
    return reply.page((c) => <PartPage ctx={c} consultation={view.consultation} part={view.part} page={view.page} organisations={view.organisations} resident={viewer.roles.includes('resident')} form={form} staff={viewer.staff} />, status);
  };
  app.get<{ Params: PartParams }>('/:municipality/consultations/:id/parts/:partId', OPEN, (request, reply) => renderPart(request, reply));
  app.post<{ Params: PartParams }>('/:municipality/consultations/:id/parts/:partId/comments', COMMENTING, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        userOf(request);
        const id = idParam(request);
        const partId = idParam(request, 'partId');
        const remarkId = await addComment(deps, request.dbContext(), m(request), id, partId, parseCommentForm(request.body), viewerOf(request), request.auditActor());
        if (request.headers.accept?.includes('application/json')) return reply.code(201).send({ id: remarkId });
        return reply.setFlash(request.i18n.t('consultations.comment.sent')).redirect(`${basePath(request)}/${id}/parts/${partId}#remark-${remarkId}`, 303);
      },
      rerender: (form, status) => renderPart(request, reply, form, status),
      formErrors: ['consultation.not_open'],
    }),
  );

  app.get<{ Params: IdParams }>('/:municipality/consultations/:id/report', OPEN, async (request, reply) => {
    const report = await reportData(deps, request.dbContext(), m(request), idParam(request));
    if (!report.consultation.report_published_at && !viewerOf(request).staff) throw new AppError('not_found');
    return reply.page((c) => <ReportPage ctx={c} report={report} />);
  });

  app.get<{ Params: IdParams }>('/:municipality/consultations/:id/report.pdf', PDF, async (request, reply) => {
    const report = await reportData(deps, request.dbContext(), m(request), idParam(request));
    if (!report.consultation.report_published_at && !viewerOf(request).staff) throw new AppError('not_found');
    const pdf = await renderPdf(reportPdf(request.i18n, report, municipalityOf(request).cus_name));
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="raport-z-konsultacji-${report.consultation.id.slice(0, 8)}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get<{ Params: IdParams }>('/:municipality/consultations/:id/changes', OPEN, async (request, reply) => {
    const data = await textChanges(deps, request.dbContext(), m(request), idParam(request));
    return reply.page((c) => <ChangesPage ctx={c} consultation={data.consultation} consulted={data.consulted} current={data.current} />);
  });
}
