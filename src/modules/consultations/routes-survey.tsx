import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { parse } from '../../platform/http/validation';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseSurveyQuestionForm } from './form';
import { basePath, depsOf, MANAGE, municipalityOf, versionSchema, type IdParams } from './routes-common';
import { addSurveyQuestion, setSurveyOpen, surveyPage } from './service-survey';
import { SurveyPage } from './views/survey';

/** Staff (consultations.manage): the consultation's short survey — its questions added, and the survey opened and closed, here (surveys.manage not needed). */
export async function surveyRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const m = (request: FastifyRequest) => municipalityOf(request).id;

  const render = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm({ kind: 'single', required: '1' }), status = 200) => {
    const data = await surveyPage(deps, request.dbContext(), m(request), idParam(request));
    const surveysStaff = Boolean(request.tenant?.permissions.has('surveys.manage'));
    return reply.page((c) => <SurveyPage ctx={c} consultation={data.consultation} results={data.results} form={form} surveysStaff={surveysStaff} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/consultations/:id/survey', MANAGE, (request, reply) => render(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/consultations/:id/survey', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const surveyId = await addSurveyQuestion(deps, request.dbContext(), m(request), id, parseSurveyQuestionForm(request.body), request.auditActor());
        if (request.headers.accept?.includes('application/json')) return reply.code(201).send({ survey: surveyId });
        return reply.setFlash(request.i18n.t('consultations.survey.added')).redirect(`${basePath(request)}/${id}/survey`, 303);
      },
      rerender: (form, status) => render(request, reply, form, status),
      formErrors: ['consultation.survey_not_draft', 'consultation.report_state'],
    }),
  );
  // Opening and closing through the surveys module's owner API: the consultation's permission is the one checked.
  for (const [action, open] of [['open', true], ['close', false]] as const) {
    app.post<{ Params: IdParams }>(`/:municipality/consultations/:id/survey/${action}`, MANAGE, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const id = idParam(request);
          const { version } = parse(versionSchema, request.body);
          await setSurveyOpen(deps, request.dbContext(), m(request), id, open, version, request.auditActor());
          if (request.headers.accept?.includes('application/json')) return reply.code(200).send({ status: open ? 'open' : 'closed' });
          return reply.setFlash(request.i18n.t(open ? 'consultations.survey.opened' : 'consultations.survey.closed')).redirect(`${basePath(request)}/${id}/survey`, 303);
        },
        rerender: (form, status) => render(request, reply, form, status),
        formErrors: ['conflict.stale', 'consultation.report_state', 'survey.no_questions'],
      }),
    );
  }
}
