import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { XLSX_CONTENT_TYPE } from '../../platform/export/spreadsheet';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { parse } from '../../platform/http/validation';
import { translator } from '../../platform/i18n';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { warsawToday } from './domain';
import { actionsCsv, actionsXlsx } from './export';
import { PLAN_FIELDS, parsePlanForm, planToValues } from './form';
import { depsOf, MANAGE, municipalityOf, plansPath, versionSchema, type Params, type PlanParams } from './routes-common';
import { conflictOf } from '../../platform/ui/conflict';
import { createPlan, exportActions, planDetails, planForEdit, updatePlan } from './service';
import { ManagePage } from './views/manage';
import { PlanFormPage } from './views/plan-form';


/** Staff with action_plan.manage: a new plan, its edit (status included), the management page and the export of its actions. */
export async function planRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const renderNew = (reply: FastifyReply, form?: FormState, status = 200) =>
    reply.page((c) => <PlanFormPage ctx={c} form={form ?? emptyForm({ status: 'draft' })} />, status);
  app.get<{ Params: Params }>('/:municipality/action-plans/new', MANAGE, (_request, reply) => renderNew(reply));
  app.post<{ Params: Params }>('/:municipality/action-plans/new', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createPlan(deps, request.dbContext(), municipalityOf(request).id, parsePlanForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('action_plan.form.created')).redirect(`${plansPath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderNew(reply, form, status),
    }),
  );

  const renderEdit = async (request: FastifyRequest<{ Params: PlanParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const plan = await planForEdit(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
    const saved = planToValues(plan);
    // A conflict: the form shows what is saved now; what the person typed stays on the page beside it.
    const conflict = form?.message ? conflictOf(PLAN_FIELDS, form.values, saved, plan.version) : undefined;
    const shown = conflict ? { ...form!, values: saved } : (form ?? emptyForm(saved));
    return reply.page((c) => <PlanFormPage ctx={c} form={shown} plan={plan} conflict={conflict} />, status);
  };
  app.get<{ Params: PlanParams }>('/:municipality/action-plans/:id/edit', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: PlanParams }>('/:municipality/action-plans/:id/edit', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        const input = parsePlanForm(request.body);
        const { changed } = await updatePlan(deps, request.dbContext(), municipalityOf(request).id, id, input, version, request.auditActor());
        return reply.setFlash(request.i18n.t(changed ? 'action_plan.form.saved' : 'action_plan.form.unchanged')).redirect(`${plansPath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );

  app.get<{ Params: PlanParams }>('/:municipality/action-plans/:id/manage', MANAGE, async (request, reply) => {
    const details = await planDetails(deps, request.dbContext(), municipalityOf(request).id, idParam(request), true);
    return reply.header('cache-control', 'no-store').page((c) => <ManagePage ctx={c} {...details} today={warsawToday()} />);
  });

  const exportFile = async (request: FastifyRequest<{ Params: PlanParams }>, reply: FastifyReply, kind: 'csv' | 'xlsx') => {
    const m = municipalityOf(request);
    const { plan, rows } = await exportActions(deps, request.dbContext(), m.id, idParam(request), kind, request.auditActor());
    const name = `dzialania-${m.slug}-${plan.period_from.slice(0, 4)}-${new Date().toISOString().slice(0, 10)}.${kind}`;
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    if (kind === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(actionsCsv(rows, warsawToday()));
    return reply.header('content-type', XLSX_CONTENT_TYPE).send(await actionsXlsx(rows, warsawToday(), translator('pl')));
  };
  app.get<{ Params: PlanParams }>('/:municipality/action-plans/:id/actions.csv', MANAGE, (request, reply) => exportFile(request, reply, 'csv'));
  app.get<{ Params: PlanParams }>('/:municipality/action-plans/:id/actions.xlsx', MANAGE, (request, reply) => exportFile(request, reply, 'xlsx'));
}
