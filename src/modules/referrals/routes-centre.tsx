import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { idParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseStatusChange } from './form';
import { casePath } from './provider';
import { depsOf, MANAGE, municipalityOf, slugOf, viewerOf, type CaseParams, type CaseReferralParams, type Params } from './routes-common';
import { caseReferral, caseReferrals, overdueReferrals } from './service-read';
import { changeStatus } from './service-status';
import { CaseReferralPage, CaseReferralsPage } from './views/case';
import { CancelReferralPage } from './views/cancel';
import { isConfirmed } from '../../platform/http/confirm';
import { isOpen } from './domain';
import { OverduePage } from './views/overdue';


/** Staff follow a case's referrals (need-to-know), cancel one with a reason, and see the overdue ones of their cases. */
export async function centreRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: CaseParams }>('/:municipality/cases/:caseId/referrals', MANAGE, async (request, reply) => {
    const data = await caseReferrals(deps, request.dbContext(), municipalityOf(request), viewerOf(request), idParam(request, 'caseId'), request.auditActor());
    return reply.header('cache-control', 'no-store').page((c) => <CaseReferralsPage ctx={c} data={data} />);
  });

  const render = async (request: FastifyRequest<{ Params: CaseReferralParams }>, reply: FastifyReply, form: FormState = emptyForm(), stale = false, status = 200) => {
    const data = await caseReferral(deps, request.dbContext(), municipalityOf(request), viewerOf(request), idParam(request, 'caseId'), idParam(request), request.auditActor());
    return reply.header('cache-control', 'no-store').page((c) => <CaseReferralPage ctx={c} data={data} form={form} stale={stale ? 'cancel' : null} />, status);
  };

  app.get<{ Params: CaseReferralParams }>('/:municipality/cases/:caseId/referrals/:id', MANAGE, (request, reply) => render(request, reply));

  const renderCancel = async (request: FastifyRequest<{ Params: CaseReferralParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await caseReferral(deps, request.dbContext(), municipalityOf(request), viewerOf(request), idParam(request, 'caseId'), idParam(request), request.auditActor());
    if (!isOpen(data.referral.status) || !data.mayWrite) throw new AppError('referral.invalid_transition');
    return reply.header('cache-control', 'no-store').page((c) => <CancelReferralPage ctx={c} data={data} form={form} />, status);
  };

  app.get<{ Params: CaseReferralParams }>('/:municipality/cases/:caseId/referrals/:id/cancel', MANAGE, (request, reply) => renderCancel(request, reply));
  // Stale or already closed: back on the referral's page, which shows what changed; anything else: the confirmation again.
  app.post<{ Params: CaseReferralParams }>('/:municipality/cases/:caseId/referrals/:id/cancel', MANAGE, (request, reply) => {
    let stale = false;
    let closed = false;
    return submitForm(request, reply, {
      run: async () => {
        const caseId = idParam(request, 'caseId');
        const id = idParam(request);
        const input = { ...parseStatusChange('cancel', request.body), confirmed: isConfirmed(request.body) };
        try {
          await changeStatus(deps, request.dbContext(), municipalityOf(request), viewerOf(request), { kind: 'case', caseId }, id, 'cancel', input, request.auditActor());
        } catch (err) {
          stale = err instanceof AppError && err.code === 'conflict.stale';
          closed = err instanceof AppError && err.code === 'referral.invalid_transition';
          throw err;
        }
        return reply.setFlash(request.i18n.t('referrals.changed.cancel')).redirect(`${casePath(slugOf(request), caseId)}/${id}`, 303);
      },
      rerender: (form, status) => (stale || closed ? render(request, reply, form, stale, status) : renderCancel(request, reply, form, status)),
      formErrors: ['conflict.stale', 'referral.invalid_transition', 'confirmation.required'],
    });
  });

  app.get<{ Params: Params }>('/:municipality/referrals/overdue', MANAGE, async (request, reply) => {
    const list = await overdueReferrals(deps, request.dbContext(), municipalityOf(request), viewerOf(request), request.auditActor());
    return reply.header('cache-control', 'no-store').page((c) => <OverduePage ctx={c} referrals={list} />);
  });
}
