import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { offerOnErrorPage, wantsJson } from '../../platform/http/error-handler';
import { idParam } from '../../platform/http/params';
import { AppError } from '../../platform/http/errors';
import { safeNext, submitForm } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseGlass, parseReview } from './form';
import { AUDIT, casesPath, depsOf, MANAGE, municipalityOf, viewerOf, type IdParams, type Params } from './routes-common';
import { breakGlass, glassList, reviewGrant, type GlassPage } from './service-glass';
import { GlassListView, GlassOffer, GlassOfferPage, reviewField } from './views/glass';


/** After the grant: back where the person was going (a page of this case), else the case itself. */
function nextOf(request: FastifyRequest, caseId: string, asked: unknown): string {
  const own = `/${municipalityOf(request).slug}/cases/${caseId}`;
  const next = safeNext(asked, own);
  return next === own || next.startsWith(`${own}/`) || next.startsWith(`${own}?`) ? next : own;
}

/**
 * "Break the glass": the offer on the error page of `case.need_to_know` (every route that asks
 * `requireCaseAccess`, the plan's and referrals' pages too), the grant, and the auditor's review.
 */
export async function glassRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  offerOnErrorPage('case.need_to_know', (c, error, request) => {
    const caseId = error.opts.params?.caseId;
    if (typeof caseId !== 'string' || !request.tenant || !request.user) return null;
    const next = request.method === 'GET' ? nextOf(request, caseId, request.url) : nextOf(request, caseId, undefined);
    return <GlassOffer ctx={c} caseId={caseId} next={next} form={emptyForm()} heading={true} />;
  });

  app.post<{ Params: IdParams }>('/:municipality/cases/:id/glass', MANAGE, (request, reply) => {
    const id = idParam(request);
    const next = nextOf(request, id, (request.body as { next?: unknown } | undefined)?.next);
    return submitForm(request, reply, {
      run: async () => {
        const { reason } = parseGlass(request.body);
        const until = await breakGlass(deps, request.dbContext(), municipalityOf(request).id, id, reason, viewerOf(request), request.auditActor());
        if (until) reply.setFlash(request.i18n.t('cases.glass.granted', { until: request.i18n.dateTime(until) }));
        return reply.redirect(next, 303);
      },
      rerender: (form, status) => reply.page((c) => <GlassOfferPage ctx={c} caseId={id} next={next} form={form} />, status),
    });
  });

  const renderList = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), failedId: string | null = null, status = 200, notice?: (data: GlassPage) => string) => {
    const data = await glassList(deps, request.dbContext(), municipalityOf(request).id);
    return reply.page((c) => <GlassListView ctx={c} data={data} form={form} failedId={failedId} notice={notice?.(data)} />, status);
  };

  app.get<{ Params: Params }>('/:municipality/cases/glass', AUDIT, (request, reply) => renderList(request, reply));

  app.post<{ Params: IdParams }>('/:municipality/cases/glass/:id/review', AUDIT, async (request, reply) => {
    const id = idParam(request);
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    // The note's field is named per grant (unique ids on one page); its errors show on that field.
    const input = { ...body, review_note: body[reviewField(id)] };
    try {
      const { note, version } = parseReview(input);
      await reviewGrant(deps, request.dbContext(), municipalityOf(request).id, id, { note, version }, request.auditActor());
      return reply.setFlash(request.i18n.t('cases.glass.review_done')).redirect(`${casesPath(request)}/glass`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || wantsJson(request)) throw err;
      // Only text is echoed back: a JSON object in the field (even one with its own toString) is not the person's typing.
      const typed = typeof input.review_note === 'string' ? input.review_note : '';
      if (err.code === 'validation.failed') {
        const errors = err.fields?.review_note ? { [reviewField(id)]: err.fields.review_note } : {};
        return renderList(request, reply, { values: { [reviewField(id)]: typed }, errors }, id, 422);
      }
      if (err.code !== 'conflict.stale') throw err;
      // Reviewed by someone else meanwhile: their note and this one, side by side; nothing overwritten.
      return renderList(request, reply, emptyForm(), null, 409, (data) =>
        request.i18n.t('cases.glass.review_conflict', { saved: data.grants.find((g) => g.id === id)?.review_note ?? '', yours: typed }),
      );
    }
  });
}
