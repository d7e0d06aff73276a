import type { FastifyInstance } from 'fastify';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { warsawToday } from './domain';
import { actionPlanPdf } from './pdf';
import { depsOf, isStaff, municipalityOf, OPEN, PDF, type Params, type PlanParams } from './routes-common';
import { listPlans, planDetails } from './service';
import { PlanListPage } from './views/list';
import { PlanPage } from './views/plan';


/**
 * Adopted (and closed) plans for everyone, drafts too for staff with action_plan.manage: the list,
 * a plan's page, its printable page and the same plan as a PDF.
 */
export async function publicRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/action-plans', OPEN, async (request, reply) => {
    const staff = isStaff(request);
    const list = await listPlans(deps, request.dbContext(), municipalityOf(request).id, staff);
    return reply.page((c) => <PlanListPage ctx={c} plans={list} staff={staff} />);
  });

  for (const variant of ['page', 'print'] as const) {
    app.get<{ Params: PlanParams }>(`/:municipality/action-plans/:id${variant === 'print' ? '/print' : ''}`, OPEN, async (request, reply) => {
      const staff = isStaff(request);
      const details = await planDetails(deps, request.dbContext(), municipalityOf(request).id, idParam(request), staff);
      if (details.plan.status === 'draft') reply.header('cache-control', 'no-store');
      return reply.page((c) => <PlanPage ctx={c} {...details} staff={staff} today={warsawToday()} variant={variant} />);
    });
  }

  app.get<{ Params: PlanParams }>('/:municipality/action-plans/:id.pdf', PDF, async (request, reply) => {
    const m = municipalityOf(request);
    const staff = isStaff(request);
    const details = await planDetails(deps, request.dbContext(), m.id, idParam(request), staff);
    const started = performance.now();
    const pdf = await actionPlanPdf({ ...details, i18n: request.i18n, municipality: { name: m.name, cusName: m.cus_name }, staffNames: staff, now: new Date() });
    request.log.info({ plan: details.plan.id, bytes: pdf.length, ms: Math.round(performance.now() - started) }, 'action plan pdf rendered');
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="plan-dzialan-${m.slug}-${details.plan.period_from.slice(0, 4)}.pdf"`)
      .header('cache-control', details.plan.status === 'draft' ? 'no-store' : 'no-cache')
      .send(pdf);
  });
}
