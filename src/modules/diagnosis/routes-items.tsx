import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/access';
import { confirmedAction } from '../../platform/http/confirm';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf } from '../../platform/http/route-context';
import { parse } from '../../platform/http/validation';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import { NEED_FIELDS, needToValues, parseNeedForm, parseResourceForm, RESOURCE_FIELDS, resourceToValues, versionSchema } from './form';
import { editNeed, editResource, findNeed, findResource, formChoices, removeNeed, removeResource, type DiagnosisDeps } from './service';
import { NeedFormPage, ResourceFormPage } from './views/pages';
import { RemoveNeedPage, RemoveResourcePage } from './views/remove-pages';

type ItemParams = { municipality: string; id: string; itemId: string };
const MANAGE = { config: { access: can('diagnosis.manage') } };

/** A diagnosis' needs and resources changed or removed by staff (diagnosis.manage) while it is open. */
export async function diagnosisItemRoutes(app: FastifyInstance, deps: DiagnosisDeps): Promise<void> {
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const base = (request: FastifyRequest) => `/${municipalityOf(request).slug}/diagnoza`;
  // Changing and removing a need or a resource while the diagnosis is open: a stale change is 409 with the other
  // side shown and what was typed kept; a removal asks first (ui/confirm.tsx).
  const item = (request: FastifyRequest) => idParam(request, 'itemId');
  const back = (request: FastifyRequest) => `${base(request)}/${idParam(request)}`;
  const renderNeedEdit = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    // One after the other: both refuse an adopted diagnosis, and a second rejection left unawaited would be unhandled.
    const { need } = await findNeed(deps, request.dbContext(), m(request), idParam(request), item(request));
    const choices = await formChoices(deps, request.dbContext(), m(request), idParam(request));
    const saved = needToValues(need);
    const conflict = form?.message ? conflictOf(NEED_FIELDS, form.values, saved, need.version) : undefined;
    return reply.page((c) => <NeedFormPage ctx={c} form={form ?? emptyForm(saved)} choices={choices} editing={{ id: need.id, version: saved.version, conflict }} />, status);
  };
  app.get<{ Params: ItemParams }>('/:municipality/diagnoza/:id/potrzeby/:itemId/edycja', MANAGE, (request, reply) => renderNeedEdit(request, reply));
  app.post<{ Params: ItemParams }>('/:municipality/diagnoza/:id/potrzeby/:itemId/edycja', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const { version } = parse(versionSchema, request.body);
        await editNeed(deps, request.dbContext(), m(request), idParam(request), item(request), parseNeedForm(request.body), version, request.auditActor());
        if (request.headers.accept?.includes('application/json')) return reply.send({ saved: true });
        return reply.setFlash(request.i18n.t('diagnosis.needs.changed')).redirect(`${back(request)}#needs`, 303);
      },
      rerender: (form, status) => renderNeedEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );
  const needRemoval = confirmedAction<FastifyRequest<{ Params: ItemParams }>>({
    page: async (request, reply, form, status) => {
      const { diagnosis, need } = await findNeed(deps, request.dbContext(), m(request), idParam(request), item(request));
      return reply.page((c) => <RemoveNeedPage ctx={c} diagnosis={diagnosis} need={need} form={form} />, status);
    },
    run: async (request, reply) => {
      await removeNeed(deps, request.dbContext(), m(request), idParam(request), item(request), request.auditActor());
      return reply.setFlash(request.i18n.t('diagnosis.needs.removed')).redirect(`${back(request)}#needs`, 303);
    },
  });
  app.get<{ Params: ItemParams }>('/:municipality/diagnoza/:id/potrzeby/:itemId/usun', MANAGE, needRemoval.get);
  app.post<{ Params: ItemParams }>('/:municipality/diagnoza/:id/potrzeby/:itemId/usun', MANAGE, needRemoval.post);

  const renderResourceEdit = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const { resource } = await findResource(deps, request.dbContext(), m(request), idParam(request), item(request));
    const choices = await formChoices(deps, request.dbContext(), m(request), idParam(request));
    const saved = resourceToValues(resource);
    const conflict = form?.message ? conflictOf(RESOURCE_FIELDS, form.values, saved, resource.version) : undefined;
    return reply.page((c) => <ResourceFormPage ctx={c} form={form ?? emptyForm(saved)} choices={choices} editing={{ id: resource.id, version: saved.version, conflict }} />, status);
  };
  app.get<{ Params: ItemParams }>('/:municipality/diagnoza/:id/zasoby/:itemId/edycja', MANAGE, (request, reply) => renderResourceEdit(request, reply));
  app.post<{ Params: ItemParams }>('/:municipality/diagnoza/:id/zasoby/:itemId/edycja', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const { version } = parse(versionSchema, request.body);
        await editResource(deps, request.dbContext(), m(request), idParam(request), item(request), parseResourceForm(request.body), version, request.auditActor());
        if (request.headers.accept?.includes('application/json')) return reply.send({ saved: true });
        return reply.setFlash(request.i18n.t('diagnosis.resources.changed')).redirect(`${back(request)}#resources`, 303);
      },
      rerender: (form, status) => renderResourceEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );
  const resourceRemoval = confirmedAction<FastifyRequest<{ Params: ItemParams }>>({
    page: async (request, reply, form, status) => {
      const { diagnosis, resource } = await findResource(deps, request.dbContext(), m(request), idParam(request), item(request));
      return reply.page((c) => <RemoveResourcePage ctx={c} diagnosis={diagnosis} resource={resource} form={form} />, status);
    },
    run: async (request, reply) => {
      await removeResource(deps, request.dbContext(), m(request), idParam(request), item(request), request.auditActor());
      return reply.setFlash(request.i18n.t('diagnosis.resources.removed')).redirect(`${back(request)}#resources`, 303);
    },
  });
  app.get<{ Params: ItemParams }>('/:municipality/diagnoza/:id/zasoby/:itemId/usun', MANAGE, resourceRemoval.get);
  app.post<{ Params: ItemParams }>('/:municipality/diagnoza/:id/zasoby/:itemId/usun', MANAGE, resourceRemoval.post);
}
