import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { submitForm } from '../../platform/http/forms';
import { idParam, uuidParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseReferral } from './form';
import { casePath } from './provider';
import { depsOf, MANAGE, municipalityOf, slugOf, viewerOf, type CaseParams } from './routes-common';
import { send, sendingForm } from './service-send';
import { SendPage } from './views/send';

const sourceQuery = z.object({
  planService: z.string().max(40).catch(''),
  application: z.string().max(40).catch(''),
  q: z.string().max(100).catch(''),
});
const optionalId = (v: string) => (v ? uuidParam(v) : null);

/** Sending a referral from a case: the form (a plan's service or an application prefills it) and the consent gate. */
export async function sendRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = async (request: FastifyRequest<{ Params: CaseParams }>, reply: FastifyReply, source: { planServiceId: string | null; applicationId: string | null }, search: string, form: FormState | null, status = 200) => {
    const caseId = idParam(request, 'caseId');
    const chosen = typeof form?.values.provider === 'string' ? form.values.provider : '';
    const data = await sendingForm(deps, request.dbContext(), municipalityOf(request), viewerOf(request), caseId, { ...source, search: search.trim(), chosen }, request.auditActor());
    return reply.page((c) => <SendPage ctx={c} data={data} form={form ?? emptyForm(data.defaults)} search={search} />, status);
  };

  app.get<{ Params: CaseParams }>('/:municipality/cases/:caseId/referrals/new', MANAGE, (request, reply) => {
    const q = sourceQuery.parse(request.query ?? {});
    return render(request, reply, { planServiceId: optionalId(q.planService), applicationId: optionalId(q.application) }, q.q, null);
  });

  app.post<{ Params: CaseParams }>('/:municipality/cases/:caseId/referrals/new', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const caseId = idParam(request, 'caseId');
        const input = parseReferral(request.body);
        const id = await send(deps, request.dbContext(), municipalityOf(request), viewerOf(request), caseId, input, request.auditActor());
        return reply.setFlash(request.i18n.t('referrals.sent')).redirect(`${casePath(slugOf(request), caseId)}/${id}`, 303);
      },
      rerender: (form, status) => {
        const v = form.values;
        const id = (name: string) => (typeof v[name] === 'string' && z.uuid().safeParse(v[name]).success ? String(v[name]).toLowerCase() : null);
        return render(request, reply, { planServiceId: id('plan_service_id'), applicationId: id('application_id') }, '', form, status);
      },
    }),
  );
}
