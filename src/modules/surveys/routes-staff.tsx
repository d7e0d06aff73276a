import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/auth/access';
import { EXPORT_RATE } from '../../platform/export/rate';
import { CSV_CONTENT_TYPE } from '../../platform/export/csv';
import { versionField } from '../../platform/http/form-fields';
import { AppError } from '../../platform/http/errors';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf, tenantOf } from '../../platform/http/route-context';
import { parse } from '../../platform/http/validation';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { surveyAnalysis } from './analysis';
import { analysisCsv } from './export';
import { crossSchema, parseQuestionForm, parseSectionForm, parseSurveyForm, questionToValues, surveyToValues } from './form';
import {
  addQuestion, addSection, createSurvey, enterPaper, listSurveys, moveQuestion, removeQuestion, setSurveyStatus, structureOf, updateQuestion, updateSurvey, type SurveysDeps,
} from './service';
import { AnalysisPage } from './views/analysis';
import { AllQuestionsPage, BuilderPage, ManageListPage, QuestionFormPage, SurveyFormPage } from './views/staff';

type Params = { municipality: string };
type IdParams = Params & { id: string };
type KeyParams = IdParams & { key: string };

const versionSchema = z.object({ version: versionField() });

/** Staff with surveys.manage: surveys, their questions (versions when answered), preview, paper answers, open/close, the analysis and its CSV. */
export async function staffRoutes(app: FastifyInstance, deps: SurveysDeps): Promise<void> {
  const MANAGE = { config: { access: can('surveys.manage') } };
  const EXPORT = { config: { access: can('surveys.manage'), rateLimit: EXPORT_RATE } };
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const base = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/ankiety`;
  const keyOf = (request: FastifyRequest<{ Params: KeyParams }>) => idParam(request, 'key');
  const versionOf = (request: FastifyRequest) => parse(versionSchema, request.body).version;

  app.get<{ Params: Params }>('/:municipality/ankiety/zarzadzanie', MANAGE, async (request, reply) => {
    const list = await listSurveys(deps, request.dbContext(), m(request), false);
    return reply.page((c) => <ManageListPage ctx={c} list={list} />);
  });

  const renderNew = (reply: FastifyReply, form = emptyForm({ purpose: 'diagnosis', audience: 'link', layout: 'one_per_page', anonymous: '1', opens_time: '08:00', closes_time: '23:59', min_cell: '5' }), status = 200) =>
    reply.page((c) => <SurveyFormPage ctx={c} form={form} />, status);
  app.get<{ Params: Params }>('/:municipality/ankiety/nowa', MANAGE, (_request, reply) => renderNew(reply));
  app.post<{ Params: Params }>('/:municipality/ankiety/nowa', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createSurvey(deps, request.dbContext(), m(request), parseSurveyForm(request.body), request.auditActor());
        return reply.redirect(`${base(request)}/${id}/pytania`, 303);
      },
      rerender: (form, status) => renderNew(reply, form, status),
    }),
  );

  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const { survey } = await structureOf(deps, request.dbContext(), m(request), idParam(request));
    const shown = form ? { ...form, values: { ...form.values, version: String(survey.version) } } : emptyForm(surveyToValues(survey));
    return reply.page((c) => <SurveyFormPage ctx={c} form={shown} survey={survey} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/ankiety/:id/edycja', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/ankiety/:id/edycja', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        await updateSurvey(deps, request.dbContext(), m(request), idParam(request), parseSurveyForm(request.body), versionOf(request), request.auditActor());
        return reply.setFlash(request.i18n.t('surveys.saved')).redirect(`${base(request)}/${idParam(request)}/pytania`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );

  const renderBuilder = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, sectionForm: FormState = emptyForm(), status = 200) => {
    const view = await structureOf(deps, request.dbContext(), m(request), idParam(request));
    return reply.page((c) => <BuilderPage ctx={c} view={view} sectionForm={sectionForm} message={sectionForm.message} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/ankiety/:id/pytania', MANAGE, (request, reply) => renderBuilder(request, reply));
  const builderForm = (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, run: () => Promise<unknown>) =>
    submitForm(request, reply, {
      run: async () => {
        await run();
        return reply.setFlash(request.i18n.t('surveys.saved')).redirect(`${base(request)}/${idParam(request)}/pytania`, 303);
      },
      rerender: (form, status) => renderBuilder(request, reply, form, status),
      formErrors: ['conflict.stale', 'survey.no_questions'],
    });
  app.post<{ Params: IdParams }>('/:municipality/ankiety/:id/sekcje', MANAGE, (request, reply) =>
    builderForm(request, reply, () => addSection(deps, request.dbContext(), m(request), idParam(request), versionOf(request), parseSectionForm(request.body), request.auditActor())),
  );
  for (const [path, status] of [['otworz', 'open'], ['zamknij', 'closed']] as const) {
    app.post<{ Params: IdParams }>(`/:municipality/ankiety/:id/${path}`, MANAGE, (request, reply) =>
      builderForm(request, reply, () => setSurveyStatus(deps, request.dbContext(), m(request), idParam(request), status, versionOf(request), request.auditActor())),
    );
  }
  for (const [path, act] of [['w-gore', -1], ['w-dol', 1], ['usun', 0]] as const) {
    app.post<{ Params: KeyParams }>(`/:municipality/ankiety/:id/pytania/:key/${path}`, MANAGE, (request, reply) =>
      builderForm(request, reply, () =>
        act === 0
          ? removeQuestion(deps, request.dbContext(), m(request), idParam(request), keyOf(request), versionOf(request), request.auditActor())
          : moveQuestion(deps, request.dbContext(), m(request), idParam(request), keyOf(request), versionOf(request), act, request.auditActor()),
      ),
    );
  }

  const renderQuestion = async (request: FastifyRequest<{ Params: IdParams & { key?: string } }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const view = await structureOf(deps, request.dbContext(), m(request), idParam(request));
    const key = request.params.key === undefined ? undefined : idParam(request, 'key');
    const q = key ? view.questions.find((x) => x.key === key) : undefined;
    if (key && !q) throw new AppError('not_found');
    const saved = q ? questionToValues(q, view.sections.find((s) => s.id === q.section_id)?.key ?? '') : { section: view.sections[0]?.key ?? '', kind: 'single', scale_min: '1', scale_max: '5' };
    return reply.page((c) => <QuestionFormPage ctx={c} view={view} form={form ?? emptyForm(saved)} questionKey={key} message={form?.message} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/ankiety/:id/pytania/nowe', MANAGE, (request, reply) => renderQuestion(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/ankiety/:id/pytania/nowe', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        await addQuestion(deps, request.dbContext(), m(request), idParam(request), versionOf(request), parseQuestionForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('surveys.saved')).redirect(`${base(request)}/${idParam(request)}/pytania`, 303);
      },
      rerender: (form, status) => renderQuestion(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );
  app.get<{ Params: KeyParams }>('/:municipality/ankiety/:id/pytania/:key', MANAGE, (request, reply) => renderQuestion(request, reply));
  app.post<{ Params: KeyParams }>('/:municipality/ankiety/:id/pytania/:key', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        await updateQuestion(deps, request.dbContext(), m(request), idParam(request), keyOf(request), versionOf(request), parseQuestionForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('surveys.saved')).redirect(`${base(request)}/${idParam(request)}/pytania`, 303);
      },
      rerender: (form, status) => renderQuestion(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );

  const renderAll = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, paper: boolean, form: FormState = emptyForm(), status = 200) => {
    const view = await structureOf(deps, request.dbContext(), m(request), idParam(request));
    return reply.page((c) => <AllQuestionsPage ctx={c} view={view} form={form} paper={paper} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/ankiety/:id/podglad', MANAGE, (request, reply) => renderAll(request, reply, false));
  app.get<{ Params: IdParams }>('/:municipality/ankiety/:id/papier', MANAGE, (request, reply) => renderAll(request, reply, true));
  app.post<{ Params: IdParams }>('/:municipality/ankiety/:id/papier', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        await enterPaper(deps, request.dbContext(), m(request), idParam(request), (request.body ?? {}) as Record<string, unknown>, request.auditActor());
        return reply.setFlash(request.i18n.t('surveys.paper.saved')).redirect(`${base(request)}/${idParam(request)}/papier`, 303);
      },
      rerender: (form, status) => renderAll(request, reply, true, form, status),
      formErrors: ['survey.closed'],
    }),
  );

  app.get<{ Params: IdParams; Querystring: { a?: string; b?: string } }>('/:municipality/ankiety/:id/analiza', MANAGE, async (request, reply) => {
    const pair = parse(crossSchema, request.query);
    const data = await surveyAnalysis(deps, request.dbContext(), m(request), idParam(request), request.i18n.locale, pair);
    return reply.page((c) => <AnalysisPage ctx={c} data={data} pair={pair} />);
  });
  app.get<{ Params: IdParams; Querystring: { a?: string; b?: string } }>('/:municipality/ankiety/:id/analiza.csv', EXPORT, async (request, reply) => {
    const pair = parse(crossSchema, request.query);
    const data = await surveyAnalysis(deps, request.dbContext(), m(request), idParam(request), request.i18n.locale, pair);
    return reply
      .type(CSV_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="ankieta-${data.survey.id.slice(0, 8)}.csv"`)
      .header('cache-control', 'no-store')
      .send(analysisCsv(request.i18n, data));
  });
}
