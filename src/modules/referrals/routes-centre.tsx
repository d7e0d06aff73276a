import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { submitForm } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseStatusChange } from './form';
import { casePath } from './provider';
import { depsOf, idParam, MANAGE, municipalityOf, slugOf, viewerOf, type CaseParams, type CaseReferralParams, type Params } from './routes-common';
import { caseReferral, caseReferrals, overdueReferrals } from './service-read';
import { changeStatus } from './service-status';
import { CaseReferralPage, CaseReferralsPage } from './views/case';
import { OverduePage } from './views/overdue';

/** Staff follow a case's referrals (need-to-know), cancel one with a reason, and see the overdue ones of their cases. */
export async function centreRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: CaseParams }>('/:municipality/cases/:caseId/referrals', MANAGE, async (request, reply) => {
    const data = await caseReferrals(deps, request.dbContext(), municipalityOf(request), viewerOf(request), idParam(request.params.caseId), request.auditActor());
    return reply.header('cache-control', 'no-store').page((c) => <CaseReferralsPage ctx={c} data={data} />);
  });

  const render = async (request: FastifyRequest<{ Params: CaseReferralParams }>, reply: FastifyReply, form: FormState = emptyForm(), stale = false, status = 200) => {
    const data = await caseReferral(deps, request.dbContext(), municipalityOf(request), viewerOf(request), idParam(request.params.caseId), idParam(request.params.id), request.auditActor());
    return reply.header('cache-control', 'no-store').page((c) => <CaseReferralPage ctx={c} data={data} form={form} stale={stale ? 'cancel' : null} />, status);
  };

  app.get<{ Params: CaseReferralParams }>('/:municipality/cases/:caseId/referrals/:id', MANAGE, (request, reply) => render(request, reply));

  app.post<{ Params: CaseReferralParams }>('/:municipality/cases/:caseId/referrals/:id/cancel', MANAGE, (request, reply) => {
    let stale = false;
    return submitForm(request, reply, {
      run: async () => {
        const caseId = idParam(request.params.caseId);
        const id = idParam(request.params.id);
        const input = parseStatusChange('cancel', request.body);
        try {
          await changeStatus(deps, request.dbContext(), municipalityOf(request), viewerOf(request), { kind: 'case', caseId }, id, 'cancel', input, request.auditActor());
        } catch (err) {
          stale = err instanceof AppError && err.code === 'conflict.stale';
          throw err;
        }
        return reply.setFlash(request.i18n.t('referrals.changed.cancel')).redirect(`${casePath(slugOf(request), caseId)}/${id}`, 303);
      },
      rerender: (form, status) => render(request, reply, form, stale, status),
      formErrors: ['conflict.stale', 'referral.invalid_transition'],
    });
  });

  app.get<{ Params: Params }>('/:municipality/referrals/overdue', MANAGE, async (request, reply) => {
    const list = await overdueReferrals(deps, request.dbContext(), municipalityOf(request), viewerOf(request), request.auditActor());
    return reply.header('cache-control', 'no-store').page((c) => <OverduePage ctx={c} referrals={list} />);
  });
}
