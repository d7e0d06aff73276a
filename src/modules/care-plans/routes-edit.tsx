import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { idParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import { parse } from '../../platform/http/validation';
import type { MessageKey } from '../../platform/i18n';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { ITEM_KINDS, type ItemKind } from './domain';
import { HEADER_FIELDS, ITEM_FIELDS, itemToValues, moveSchema, parseHeader, parseItem, versionSchema } from './form';
import { depsOf, MANAGE, planPath, whereOf, type ItemParams, type PlanParams } from './routes-common';
import { renderPlan } from './routes-render';
import { moveItem, removeItem, saveHeader, saveItem } from './service-draft';
import { itemFormData, planView } from './service-read';
import { HeaderFormPage } from './views/header-form';
import { ItemFormPage } from './views/item-form';
import { RemoveItemPage } from './views/remove-item';
import { confirmedAction } from '../../platform/http/confirm';


type Req = FastifyRequest<{ Params: PlanParams & Partial<ItemParams> }>;
const STALE = ['conflict.stale', 'plan.wrong_status'] as const;

/**
 * Editing a draft with plain forms: its validity and situation, and each goal, service, commitment and
 * review date — added, edited, moved up or down, removed. Each form carries the plan's version; a stale
 * one gets 409 and its page shows what was typed beside what is saved now.
 */
export async function editRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const planId = (r: Req) => idParam(r, 'planId');
  const version = (r: Req) => parse(versionSchema, r.body).version;

  const renderHeader = async (request: Req, reply: FastifyReply, form?: FormState, status = 200) => {
    const data = await planView(deps, request.dbContext(), whereOf(request), planId(request), request.auditActor(), 'edit');
    const plan = data.plan!;
    // Opening the form needs a draft of one's own case; a failed save shows its form whatever happened meanwhile.
    if (!form && (plan.status !== 'draft' || !data.canEdit)) throw new AppError(data.canEdit ? 'plan.wrong_status' : 'auth.forbidden');
    const saved = { valid_from: plan.valid_from, valid_until: plan.valid_until, situation: plan.situation, version: String(plan.version) };
    const conflict = form?.message ? { typed: form.values, saved, fields: HEADER_FIELDS, version: plan.version } : undefined;
    const shown = conflict ? { ...form!, values: saved } : (form ?? emptyForm(saved));
    return reply.header('cache-control', 'no-store').page((c) => <HeaderFormPage ctx={c} case={data.case} plan={plan} form={shown} conflict={conflict} />, status);
  };

  const renderItem = (kind: ItemKind) => async (request: Req, reply: FastifyReply, form?: FormState, status = 200) => {
    const itemId = request.params.itemId ? idParam(request, 'itemId') : null;
    const data = await itemFormData(deps, request.dbContext(), whereOf(request), planId(request), kind, itemId, request.auditActor());
    if (!form && !data.canEdit) throw new AppError(data.plan.status === 'draft' ? 'auth.forbidden' : 'plan.wrong_status');
    const saved = { ...(data.item ? itemToValues(kind, data.item) : {}), version: String(data.plan.version) };
    const stale = Boolean(form?.message);
    const conflict = stale && data.item ? { typed: form!.values, saved, fields: ITEM_FIELDS[kind], version: data.plan.version } : undefined;
    const shown = conflict ? { ...form!, values: saved } : (form ?? emptyForm(saved));
    return reply.header('cache-control', 'no-store').page((c) => <ItemFormPage ctx={c} kind={kind} data={data} form={shown} conflict={conflict} stale={stale} />, status);
  };

  const post = (path: string, render: (r: Req, reply: FastifyReply, f: FormState, s: number) => Promise<FastifyReply>, flash: MessageKey, run: (r: Req) => Promise<string | void>) =>
    app.post<{ Params: PlanParams & Partial<ItemParams> }>(`/:municipality/cases/:caseId/plan/:planId${path}`, MANAGE, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const anchor = await run(request);
          return reply.setFlash(request.i18n.t(flash)).redirect(`${planPath(request, planId(request))}${anchor ?? ''}`, 303);
        },
        rerender: (form, status) => render(request, reply, form, status),
        formErrors: [...STALE],
      }),
    );
  const onPlanPage = (r: Req, reply: FastifyReply, f: FormState, s: number) => renderPlan(deps, r, reply, f, s);

  app.get<{ Params: PlanParams }>('/:municipality/cases/:caseId/plan/:planId/edit', MANAGE, (request, reply) => renderHeader(request, reply));
  post('/edit', renderHeader, 'care_plan.flash.saved', async (r) => {
    const v = version(r);
    await saveHeader(deps, r.dbContext(), whereOf(r), planId(r), v, parseHeader(r.body), r.auditActor());
  });

  for (const kind of ITEM_KINDS) {
    const render = renderItem(kind);
    const item = (r: Req) => idParam(r, 'itemId');
    app.get<{ Params: PlanParams }>(`/:municipality/cases/:caseId/plan/:planId/${kind}/new`, MANAGE, (request, reply) => render(request, reply));
    app.get<{ Params: ItemParams }>(`/:municipality/cases/:caseId/plan/:planId/${kind}/:itemId/edit`, MANAGE, (request, reply) => render(request, reply));
    post(`/${kind}/new`, render, 'care_plan.flash.item_added', async (r) => {
      const v = version(r);
      return `#${kind}-${await saveItem(deps, r.dbContext(), whereOf(r), planId(r), kind, null, v, parseItem(kind, r.body), r.auditActor())}`;
    });
    post(`/${kind}/:itemId/edit`, render, 'care_plan.flash.item_saved', async (r) => {
      const v = version(r);
      return `#${kind}-${await saveItem(deps, r.dbContext(), whereOf(r), planId(r), kind, item(r), v, parseItem(kind, r.body), r.auditActor())}`;
    });
    // Removing an item asks first (ui/confirm.tsx); a refusal (stale, no longer a draft) comes back to that page.
    const removal = confirmedAction<Req>({
      page: async (request, reply, form, status) => {
        const data = await itemFormData(deps, request.dbContext(), whereOf(request), planId(request), kind, item(request), request.auditActor());
        if (status === 200 && !data.canEdit) throw new AppError(data.plan.status === 'draft' ? 'auth.forbidden' : 'plan.wrong_status');
        return reply.header('cache-control', 'no-store').page((c) => <RemoveItemPage ctx={c} kind={kind} data={data} form={form} />, status);
      },
      run: async (r, reply) => {
        await removeItem(deps, r.dbContext(), whereOf(r), planId(r), kind, item(r), version(r), r.auditActor());
        return reply.setFlash(r.i18n.t('care_plan.flash.item_removed')).redirect(`${planPath(r, planId(r))}#f-${kind}`, 303);
      },
      formErrors: [...STALE],
    });
    app.get<{ Params: ItemParams }>(`/:municipality/cases/:caseId/plan/:planId/${kind}/:itemId/delete`, MANAGE, removal.get);
    app.post<{ Params: ItemParams }>(`/:municipality/cases/:caseId/plan/:planId/${kind}/:itemId/delete`, MANAGE, removal.post);
    if (kind === 'reviews') continue;
    post(`/${kind}/:itemId/move`, onPlanPage, 'care_plan.flash.item_moved', async (r) => {
      const v = parse(moveSchema, r.body);
      await moveItem(deps, r.dbContext(), whereOf(r), planId(r), kind, item(r), v.version, v.move, r.auditActor());
      return `#${kind}-${item(r)}`;
    });
  }
}
