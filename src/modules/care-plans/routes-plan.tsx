import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { parse } from '../../platform/http/validation';
import type { MessageKey } from '../../platform/i18n';
import { warsawDay } from '../../platform/time';
import type { ModuleContext } from '../../platform/module';
import type { FormState } from '../../platform/ui/context';
import { parseClose, parseHeader, parseNote, parseReturn, parseReviewDone, versionSchema } from './form';
import { depsOf, MANAGE, municipalityOf, planPath, whereOf, type CaseParams, type PlanParams } from './routes-common';
import { approvePlan, returnPlan, revisePlan, submitPlan } from './service-approval';
import { createPlan } from './service-draft';
import { addNote, closePlan, markReviewDone } from './service-monitor';
import { renderPlan } from './routes-render';
import { planView } from './service-read';
import { ClosePlanPage } from './views/close-plan';
import { confirmedAction } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';


type Req = FastifyRequest<{ Params: PlanParams }>;

/** The errors a plan's page shows on itself (what is saved now, and why nothing changed). */
const ON_PAGE = ['conflict.stale', 'plan.wrong_status', 'plan.own_approval', 'plan.exists'] as const;

/**
 * A case's plan page and what is done from it: drafting a first plan; submitting, approving, returning
 * and revising; monitoring notes, reviews done, closing. Every route: cases.manage and the case's
 * need-to-know; what each may do is the services' (coordinator and supervisor edit, approvers approve).
 */
export async function planRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = (request: FastifyRequest<{ Params: CaseParams & Partial<PlanParams> }>, reply: FastifyReply, form?: FormState, status?: number) => renderPlan(deps, request, reply, form, status);

  app.get<{ Params: CaseParams }>('/:municipality/cases/:caseId/plan', MANAGE, (request, reply) => render(request, reply));
  app.get<{ Params: PlanParams }>('/:municipality/cases/:caseId/plan/:planId', MANAGE, (request, reply) => render(request, reply));

  app.post<{ Params: CaseParams }>('/:municipality/cases/:caseId/plan', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createPlan(deps, request.dbContext(), whereOf(request), parseHeader(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('care_plan.flash.created')).redirect(planPath(request, id), 303);
      },
      rerender: (form, status) => render(request, reply, form, status),
      formErrors: [...ON_PAGE],
    }),
  );

  /** A form of the plan's page: `run` does it and names where to go next. */
  const action = (name: string, flash: MessageKey, run: (request: Req) => Promise<string | void>) =>
    app.post<{ Params: PlanParams }>(`/:municipality/cases/:caseId/plan/:planId/${name}`, MANAGE, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const to = await run(request);
          return reply.setFlash(request.i18n.t(flash)).redirect(to ?? planPath(request, idParam(request, 'planId')), 303);
        },
        rerender: (form, status) => render(request, reply, form, status),
        formErrors: [...ON_PAGE],
      }),
    );
  const args = (r: Req) => [deps, r.dbContext(), whereOf(r), idParam(r, 'planId')] as const;
  const version = (r: Req) => parse(versionSchema, r.body).version;

  action('submit', 'care_plan.flash.submitted', (r) => submitPlan(...args(r), version(r), r.auditActor()));
  action('approve', 'care_plan.flash.approved', (r) => {
    const [d, c, w, id] = args(r);
    return approvePlan(d, c, municipalityOf(r), w, id, () => version(r), r.auditActor());
  });
  action('return', 'care_plan.flash.returned', (r) => {
    const [d, c, w, id] = args(r);
    const v = parseReturn(r.body);
    return returnPlan(d, c, municipalityOf(r), w, id, v.version, v.note, r.auditActor());
  });
  action('revise', 'care_plan.flash.revised', async (r) => planPath(r, await revisePlan(...args(r), version(r), r.auditActor())));
  action('notes', 'care_plan.flash.noted', async (r) => {
    await addNote(...args(r), parseNote(r.body, warsawDay()), r.auditActor());
    return `${planPath(r, idParam(r, 'planId'))}#notes`;
  });
  action('reviews/done', 'care_plan.flash.reviewed', async (r) => {
    const v = parseReviewDone(r.body);
    await markReviewDone(...args(r), v.reviewId, v.note, r.auditActor());
  });
  // Closing asks first (what it does, that it cannot be undone); the final interview and summary are written on that page.
  const closing = confirmedAction<Req>({
    page: async (request, reply, form, status) => {
      const data = await planView(deps, request.dbContext(), whereOf(request), idParam(request, 'planId'), request.auditActor());
      if (status === 200 && (!data.canEdit || data.plan!.status !== 'approved')) throw new AppError(data.canEdit ? 'plan.wrong_status' : 'auth.forbidden');
      return reply.header('cache-control', 'no-store').page((c) => <ClosePlanPage ctx={c} data={data} form={form} />, status);
    },
    run: async (r, reply) => {
      await closePlan(...args(r), parseClose(r.body, warsawDay()), r.auditActor());
      return reply.setFlash(r.i18n.t('care_plan.flash.closed')).redirect(planPath(r, idParam(r, 'planId')), 303);
    },
    formErrors: [...ON_PAGE],
  });
  app.get<{ Params: PlanParams }>('/:municipality/cases/:caseId/plan/:planId/close', MANAGE, closing.get);
  app.post<{ Params: PlanParams }>('/:municipality/cases/:caseId/plan/:planId/close', MANAGE, closing.post);
}
