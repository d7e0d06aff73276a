import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { idParam, uuidParam } from '../../platform/http/params';
import { parse } from '../../platform/http/validation';
import type { MessageKey } from '../../platform/i18n';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { warsawToday } from './domain';
import { GOAL_FIELDS, goalToValues, parseGoalForm } from './form';
import { ACTION_FIELDS, actionToValues } from './form-action';
import { depsOf, MANAGE, moveSchema, municipalityOf, plansPath, versionSchema, type ActionParams, type GoalParams, type PlanParams } from './routes-common';
import { planDetails } from './service';
import { conflictOf } from '../../platform/ui/conflict';
import { actionFormData, deleteAction, deleteGoal, goalForEdit, moveItem, saveAction, saveGoal } from './service-items';
import { ActionFormPage } from './views/action-form';
import { GoalFormPage } from './views/goal-form';
import { ManagePage } from './views/manage';
import { DeleteActionPage, DeleteGoalPage } from './views/delete-item';
import { confirmedAction } from '../../platform/http/confirm';
import { fieldMessageKey } from '../../platform/http/errors';


type Req = FastifyRequest<{ Params: PlanParams & Partial<GoalParams & ActionParams> }>;

/** Staff with action_plan.manage: goals and actions of a plan — added, edited, moved up and down (plain forms, no JavaScript), removed. */
export async function itemRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const where = (request: Req) => ({ m: municipalityOf(request).id, plan: idParam(request) });
  const version = (request: Req) => parse(versionSchema, request.body).version;
  const manage = (request: Req, anchor = '') => `${plansPath(request)}/${idParam(request)}/manage${anchor}`;

  const renderGoal = async (request: Req, reply: FastifyReply, form?: FormState, status = 200) => {
    const goalId = request.params.goalId ? idParam(request, 'goalId') : null;
    const { plan, goal } = await goalForEdit(deps, request.dbContext(), where(request).m, where(request).plan, goalId);
    const saved = goal ? goalToValues(goal) : {};
    const conflict = goal && form?.message ? conflictOf(GOAL_FIELDS, form.values, saved, goal.version) : undefined;
    const shown = conflict ? { ...form!, values: saved } : (form ?? emptyForm(saved));
    return reply.page((c) => <GoalFormPage ctx={c} form={shown} plan={plan} goal={goal} conflict={conflict} />, status);
  };

  const renderAction = async (request: Req, reply: FastifyReply, form?: FormState, status = 200) => {
    const actionId = request.params.actionId ? idParam(request, 'actionId') : null;
    const data = await actionFormData(deps, request.dbContext(), where(request).m, where(request).plan, actionId);
    const goal = typeof (request.query as Record<string, unknown>)?.goal === 'string' ? String((request.query as Record<string, unknown>).goal) : '';
    const saved = data.action ? actionToValues(data.action) : { status: 'planned', goal_id: goal, starts_on: '', due_on: '' };
    const conflict = data.action && form?.message ? conflictOf(ACTION_FIELDS, form.values, saved, data.action.version) : undefined;
    const shown = conflict ? { ...form!, values: saved } : (form ?? emptyForm(saved));
    return reply.page((c) => <ActionFormPage ctx={c} form={shown} data={data} conflict={conflict} />, status);
  };

  const renderManage = async (request: Req, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const details = await planDetails(deps, request.dbContext(), where(request).m, where(request).plan, true);
    return reply.page((c) => <ManagePage ctx={c} {...details} today={warsawToday()} form={form} />, status);
  };

  const form = (path: string, render: typeof renderGoal, run: (request: Req) => Promise<string>, done: string) =>
    app.post<{ Params: PlanParams & Partial<GoalParams & ActionParams> }>(path, MANAGE, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const anchor = await run(request);
          return reply.setFlash(request.i18n.t(done as MessageKey)).redirect(manage(request, anchor), 303);
        },
        rerender: (f, status) => render(request, reply, f, status),
        formErrors: ['conflict.stale'],
      }),
    );

  const base = '/:municipality/action-plans/:id';
  for (const [path, render] of [[`${base}/goals/new`, renderGoal], [`${base}/goals/:goalId/edit`, renderGoal], [`${base}/actions/new`, renderAction], [`${base}/actions/:actionId/edit`, renderAction]] as const) {
    app.get<{ Params: PlanParams & Partial<GoalParams & ActionParams> }>(path, MANAGE, (request, reply) => render(request, reply));
  }

  form(`${base}/goals/new`, renderGoal, async (r) => `#goal-${await saveGoal(deps, r.dbContext(), where(r).m, where(r).plan, null, parseGoalForm(r.body), null, r.auditActor())}`, 'action_plan.goal.created');
  form(`${base}/goals/:goalId/edit`, renderGoal, async (r) => {
    const v = version(r);
    return `#goal-${await saveGoal(deps, r.dbContext(), where(r).m, where(r).plan, idParam(r, 'goalId'), parseGoalForm(r.body), v, r.auditActor())}`;
  }, 'action_plan.goal.saved');
  form(`${base}/actions/new`, renderAction, async (r) => `#action-${await saveAction(deps, r.dbContext(), where(r).m, where(r).plan, null, r.body, null, r.auditActor())}`, 'action_plan.action.created');
  form(`${base}/actions/:actionId/edit`, renderAction, async (r) => {
    const v = version(r);
    return `#action-${await saveAction(deps, r.dbContext(), where(r).m, where(r).plan, idParam(r, 'actionId'), r.body, v, r.auditActor())}`;
  }, 'action_plan.action.saved');
  // Removing a goal or an action asks first (ui/confirm.tsx); a refusal (stale, a goal with actions) comes back to that page.
  const goalDeletion = confirmedAction<Req>({
    page: async (request, reply, f, status) => {
      const { plan, goal } = await goalForEdit(deps, request.dbContext(), where(request).m, where(request).plan, idParam(request, 'goalId'));
      // "It still has actions" is about the goal, not a field: said as the page's message.
      const refusal = f.errors._form;
      const shown = refusal ? { ...f, errors: {}, message: request.i18n.t(fieldMessageKey(refusal.code), refusal.params) } : f;
      return reply.page((c) => <DeleteGoalPage ctx={c} plan={plan} goal={goal!} form={shown} />, status);
    },
    run: async (r, reply) => {
      await deleteGoal(deps, r.dbContext(), where(r).m, where(r).plan, idParam(r, 'goalId'), version(r), r.auditActor());
      return reply.setFlash(r.i18n.t('action_plan.goal.deleted')).redirect(manage(r, '#goals'), 303);
    },
    formErrors: ['conflict.stale'],
  });
  const actionDeletion = confirmedAction<Req>({
    page: async (request, reply, f, status) => {
      const data = await actionFormData(deps, request.dbContext(), where(request).m, where(request).plan, idParam(request, 'actionId'));
      return reply.page((c) => <DeleteActionPage ctx={c} plan={data.plan} goals={data.goals} action={data.action!} form={f} />, status);
    },
    run: async (r, reply) => {
      await deleteAction(deps, r.dbContext(), where(r).m, where(r).plan, idParam(r, 'actionId'), version(r), r.auditActor());
      return reply.setFlash(r.i18n.t('action_plan.action.deleted')).redirect(manage(r, '#goals'), 303);
    },
    formErrors: ['conflict.stale'],
  });
  for (const [path, deletion] of [[`${base}/goals/:goalId/delete`, goalDeletion], [`${base}/actions/:actionId/delete`, actionDeletion]] as const) {
    app.get<{ Params: PlanParams & Partial<GoalParams & ActionParams> }>(path, MANAGE, deletion.get);
    app.post<{ Params: PlanParams & Partial<GoalParams & ActionParams> }>(path, MANAGE, deletion.post);
  }

  for (const kind of ['goal', 'action'] as const) {
    form(`${base}/${kind}s/:${kind}Id/move`, renderManage, async (r) => {
      const { move } = parse(moveSchema, r.body);
      const id = uuidParam((kind === 'goal' ? r.params.goalId : r.params.actionId)!);
      await moveItem(deps, r.dbContext(), where(r).m, where(r).plan, kind === 'goal' ? { goal: id } : { action: id }, move, r.auditActor());
      return `#${kind}-${id}`;
    }, `action_plan.${kind}.moved`);
  }
}
