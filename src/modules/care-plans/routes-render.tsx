import type { FastifyReply, FastifyRequest } from 'fastify';
import { idParam } from '../../platform/http/params';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { whereOf, type CaseParams, type PlanParams } from './routes-common';
import type { CarePlansDeps } from './service-common';
import { planView } from './service-read';
import { PlanPage } from './views/plan-page';


/** A case's plan page (the plan named, else the current one), with a failed form's errors and what was typed. */
export async function renderPlan(
  deps: CarePlansDeps,
  request: FastifyRequest<{ Params: CaseParams & Partial<PlanParams> }>,
  reply: FastifyReply,
  form: FormState = emptyForm(),
  status = 200,
): Promise<FastifyReply> {
  const planId = request.params.planId ? idParam(request, 'planId') : null;
  const data = await planView(deps, request.dbContext(), whereOf(request), planId, request.auditActor());
  reply.header('cache-control', 'no-store');
  return reply.page((c) => <PlanPage ctx={c} data={data} form={form} />, status);
}
