import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { warsawDay } from '../../platform/time';
import type { ModuleContext } from '../../platform/module';
import type { CaseRow, PlanContents, PlanRow } from './domain';
import { carePlanPdf } from './pdf';
import { depsOf, MANAGE, MANAGE_PDF, municipalityOf, SIGNED_IN, SIGNED_IN_PDF, whereOf, type PlanParams } from './routes-common';
import { awaitingList, myPlan, myPlans, planView } from './service-read';
import { AwaitingPage } from './views/awaiting';
import { MyPlanPage, MyPlansPage } from './views/mine';
import { tenantOf, userOf } from '../../platform/http/route-context';
import { idParam } from '../../platform/http/params';


type Params = { municipality: string };
type MyParams = Params & { planId: string };

/** The plan for signature, with the centre's name, the case, every section and three signature lines. */
async function sendPdf(request: FastifyRequest, reply: FastifyReply, data: { case: CaseRow; plan: PlanRow; contents: PlanContents }) {
  const m = municipalityOf(request);
  const started = performance.now();
  const pdf = await carePlanPdf({ ...data, i18n: request.i18n, municipality: { name: m.name, cusName: m.cus_name }, now: new Date() });
  request.log.info({ plan: data.plan.id, bytes: pdf.length, ms: Math.round(performance.now() - started) }, 'care plan pdf rendered');
  const name = `ipus-${data.case.number.replace(/[^A-Za-z0-9-]+/g, '-')}-${data.plan.revision}.pdf`;
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'no-store').send(pdf);
}

/** The plan as a PDF (staff: an audited read), the approvers' list, and the resident's own plans (not audited: their own). */
export async function readRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: PlanParams }>('/:municipality/cases/:caseId/plan/:planId.pdf', MANAGE_PDF, async (request, reply) => {
    const data = await planView(deps, request.dbContext(), whereOf(request), idParam(request, 'planId'), request.auditActor(), 'pdf');
    return sendPdf(request, reply, { case: data.case, plan: data.plan!, contents: data.contents! });
  });

  app.get<{ Params: Params }>('/:municipality/plans/awaiting', MANAGE, async (request, reply) => {
    const viewer = { userId: userOf(request).id, permissions: tenantOf(request).permissions };
    const list = await awaitingList(deps, request.dbContext(), municipalityOf(request).id, viewer, request.auditActor());
    return reply.header('cache-control', 'no-store').page((c) => <AwaitingPage ctx={c} list={list} />);
  });

  app.get<{ Params: Params }>('/:municipality/my/plans', SIGNED_IN, async (request, reply) => {
    const list = await myPlans(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    return reply.header('cache-control', 'no-store').page((c) => <MyPlansPage ctx={c} list={list} />);
  });

  app.get<{ Params: MyParams }>('/:municipality/my/plans/:planId', SIGNED_IN, async (request, reply) => {
    const data = await myPlan(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id, idParam(request, 'planId'));
    return reply.header('cache-control', 'no-store').page((c) => <MyPlanPage ctx={c} {...data} today={warsawDay()} />);
  });

  app.get<{ Params: MyParams }>('/:municipality/my/plans/:planId.pdf', SIGNED_IN_PDF, async (request, reply) => {
    const data = await myPlan(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id, idParam(request, 'planId'));
    return sendPdf(request, reply, data);
  });
}
