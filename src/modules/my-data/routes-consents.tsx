import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConfirmed } from '../../platform/http/confirm';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { depsOf, municipalityOf, myBase, MEMBER, type IdParams, type Params } from './routes-common';
import { consentToWithdraw, myConsents, withdrawConsent } from './service-consents';
import { ConsentsPage, WithdrawConsentPage } from './views/consents';
import { userOf } from '../../platform/http/route-context';


/** "Moje zgody" and withdrawing one, after a confirmation page that says what follows. */
export async function consentRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/my/consents', MEMBER, async (request, reply) => {
    const list = await myConsents(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    return reply.page((c) => <ConsentsPage ctx={c} consents={list} />);
  });

  const render = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await consentToWithdraw(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id, idParam(request));
    return reply.page((c) => <WithdrawConsentPage ctx={c} data={data} form={form} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/my/consents/:id/withdraw', MEMBER, (request, reply) => render(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/my/consents/:id/withdraw', MEMBER, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const done = await withdrawConsent(deps, request.dbContext(), municipalityOf(request), idParam(request), request.auditActor(), isConfirmed(request.body));
        const key = done.referrals.length ? 'my_data.consents.withdrawn_told' : 'my_data.consents.withdrawn';
        return reply.setFlash(request.i18n.t(key, { count: done.referrals.length })).redirect(`${myBase(request)}/consents`, 303);
      },
      rerender: (form, status) => render(request, reply, form, status),
      formErrors: ['consent.withdrawn', 'consent.needed_in_queue', 'consent.needed_in_case', 'confirmation.required'],
    }),
  );
}
