import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC } from '../../platform/auth/access';
import { AppError, messageKeyFor } from '../../platform/http/errors';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf, tenantOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { currentPage, draftHash, listSurveys, savePage, startResponse, submitResponse, surveyIntro, type SurveysDeps, type Viewer } from './service';
import { IntroPage, QuestionPage, ReviewPage, SurveyListPage, ThanksPage } from './views/answer';

type IdParams = { municipality: string; id: string };

export const cookieName = (surveyId: string) => `ankieta_${surveyId.replace(/-/g, '')}`;
const tokenOf = (request: FastifyRequest) => {
  const id = (request.params as { id?: string }).id ?? '';
  return request.cookies[cookieName(id)];
};

/**
 * Answering is limited per respondent, keyed so that the rate-limit store holds nothing that names them
 * (ADR 0031): the hash of the draft token in progress, otherwise a keyed hash of the address.
 */
export function answerRate(key: Buffer) {
  return {
    max: 120,
    timeWindow: 10 * 60_000,
    keyGenerator: (request: FastifyRequest) => {
      const token = tokenOf(request);
      return token ? `draft:${draftHash(token).slice(0, 32)}` : `addr:${crypto.createHmac('sha256', key).update(request.ip).digest('hex').slice(0, 32)}`;
    },
  };
}

export const viewerOf = (request: FastifyRequest): Viewer => ({ userId: request.user?.id ?? null, roles: request.tenant?.roles ?? [] });

/** Respondents: the list of open surveys, a survey's first page, the pages of questions (saved as they go), the check and the sending. */
export async function answerRoutes(app: FastifyInstance, ctx: ModuleContext, deps: SurveysDeps): Promise<void> {
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const OPEN = { config: { access: PUBLIC } };
  const ANSWERING = { config: { access: PUBLIC, rateLimit: answerRate(deps.markerKey) } };
  const base = (request: FastifyRequest<{ Params: IdParams }>) => `/${tenantOf(request).municipality.slug}/ankiety/${idParam(request)}`;
  const secure = ctx.config.publicUrl.startsWith('https://');

  app.get<{ Params: { municipality: string } }>('/:municipality/ankiety', OPEN, async (request, reply) => {
    const list = await listSurveys(deps, request.dbContext(), m(request), true);
    return reply.page((c) => <SurveyListPage ctx={c} list={list} staff={Boolean(request.tenant?.permissions.has('surveys.manage'))} />);
  });

  const renderIntro = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, message?: string, status = 200) => {
    const intro = await surveyIntro(deps, request.dbContext(), m(request), idParam(request), tokenOf(request));
    return reply.page((c) => <IntroPage ctx={c} {...intro} message={message} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/ankiety/:id', OPEN, (request, reply) => renderIntro(request, reply));

  const refusals = ['survey.closed', 'survey.already_answered', 'survey.not_for_you', 'survey.no_draft'] as const;
  const refused = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, err: unknown) => {
    if (err instanceof AppError && (refusals as readonly string[]).includes(err.code) && !request.headers.accept?.includes('application/json'))
      return renderIntro(request, reply, request.i18n.t(messageKeyFor(err.code)), err.status);
    throw err;
  };

  app.post<{ Params: IdParams }>('/:municipality/ankiety/:id/start', ANSWERING, async (request, reply) => {
    try {
      const token = await startResponse(deps, request.dbContext(), m(request), idParam(request), viewerOf(request));
      reply.setCookie(cookieName(idParam(request)), token, { path: base(request), httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 24 * 3600 });
      return reply.redirect(`${base(request)}/odpowiedzi`, 303);
    } catch (err) {
      return refused(request, reply, err);
    }
  });

  const renderPage = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200, message?: string) => {
    const view = await currentPage(deps, request.dbContext(), m(request), idParam(request), tokenOf(request));
    if (view.index >= view.pages) return reply.page((c) => <ReviewPage ctx={c} view={view} message={message} />, status);
    return reply.page((c) => <QuestionPage ctx={c} view={view} all={view.answered.map((a) => a.question)} form={form ?? emptyForm(view.values)} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/ankiety/:id/odpowiedzi', OPEN, async (request, reply) => {
    try {
      return await renderPage(request, reply);
    } catch (err) {
      return refused(request, reply, err);
    }
  });

  app.post<{ Params: IdParams }>('/:municipality/ankiety/:id/odpowiedzi', ANSWERING, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const go = body.go === 'back' ? 'back' : 'next';
    try {
      return await submitForm(request, reply, {
        run: async () => {
          const view = await savePage(deps, request.dbContext(), m(request), idParam(request), tokenOf(request), body, go);
          if (request.headers.accept?.includes('application/json')) return reply.send({ page: view.index, pages: view.pages });
          return reply.redirect(`${base(request)}/odpowiedzi`, 303);
        },
        rerender: (form, status) => renderPage(request, reply, form, status),
      });
    } catch (err) {
      return refused(request, reply, err);
    }
  });

  app.post<{ Params: IdParams }>('/:municipality/ankiety/:id/wyslij', ANSWERING, async (request, reply) => {
    try {
      await submitResponse(deps, request.dbContext(), m(request), idParam(request), tokenOf(request));
    } catch (err) {
      if (err instanceof AppError && err.code === 'survey.incomplete' && !request.headers.accept?.includes('application/json')) {
        return reply.setFlash(request.i18n.t('errors.survey.incomplete')).redirect(`${base(request)}/odpowiedzi`, 303);
      }
      return refused(request, reply, err);
    }
    reply.clearCookie(cookieName(idParam(request)), { path: base(request) });
    if (request.headers.accept?.includes('application/json')) return reply.code(201).send({ sent: true });
    return reply.redirect(`${base(request)}/dziekujemy`, 303);
  });

  app.get<{ Params: IdParams }>('/:municipality/ankiety/:id/dziekujemy', OPEN, async (request, reply) => {
    const intro = await surveyIntro(deps, request.dbContext(), m(request), idParam(request), undefined);
    return reply.page((c) => <ThanksPage ctx={c} survey={intro.survey} />);
  });
}
