import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { can } from '../../../platform/auth/access';
import type { Database } from '../../../platform/db/types';
import { idParam } from '../../../platform/http/params';
import { submitForm } from '../../../platform/http/forms';
import { parse } from '../../../platform/http/validation';
import type { MessageKey } from '../../../platform/i18n';
import { emptyForm, type FormState, type PageContext } from '../../../platform/ui/context';
import { entityHistory } from './dashboard';
import type { Editor } from './edit-services';
import type { EntityType } from './history';
import { versionField } from './parse';
import { HistoryPage, historyLabels } from './views-history';
import { tenantOf, userOf } from '../../../platform/http/route-context';


/**
 * The five routes every catalogue record has — a new record's form and its POST, the edit form and
 * its POST (optimistic concurrency on `version`), and the version history — from one description.
 */

export type Params = { municipality: string };
export type IdParams = Params & { id: string };
export const MANAGE = { config: { access: can('catalog.manage') } };

export const municipalityId = (request: FastifyRequest) => tenantOf(request).municipality.id;
export const catalogBase = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/catalog`;

/** The person saving, as the history shows them: name and e-mail. */
export function editorOf(request: FastifyRequest): Editor {
  const user = userOf(request);
  return { id: user.id, label: user.display_name ? `${user.display_name} (${user.email})` : user.email };
}

/** A form page: its initial (or saved) values and how to draw it with a given form state. */
export interface Loaded {
  values: FormState['values'];
  page: (ctx: PageContext, form: FormState) => VNode;
}

export interface EditorSpec<I> {
  /** The URL segment: /:municipality/catalog/<path>. */
  path: 'services' | 'providers' | 'locations' | 'programmes';
  entity: EntityType;
  /** The fields the history records, in the form's order. */
  historyFields: readonly string[];
  parse: (body: unknown) => I;
  blank: (request: FastifyRequest) => Promise<Loaded>;
  existing: (request: FastifyRequest, id: string) => Promise<Loaded>;
  create: (request: FastifyRequest, input: I) => Promise<string>;
  update: (request: FastifyRequest, id: string, input: I, version: number) => Promise<{ changed: boolean }>;
  messages: { created: MessageKey; saved: MessageKey };
}

const versionSchema = z.object({ version: versionField() });

export function registerEditor<I>(app: FastifyInstance, db: Database, spec: EditorSpec<I>): void {
  const root = `/:municipality/catalog/${spec.path}`;
  const editUrl = (request: FastifyRequest, id: string) => `${catalogBase(request)}/${spec.path}/${id}`;

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const loaded = await spec.blank(request);
    return reply.page((ctx) => loaded.page(ctx, form ?? emptyForm(loaded.values)), status);
  };

  app.get<{ Params: Params }>(`${root}/new`, MANAGE, (request, reply) => renderNew(request, reply));

  app.post<{ Params: Params }>(root, MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await spec.create(request, spec.parse(request.body));
        return reply.setFlash(request.i18n.t(spec.messages.created)).redirect(editUrl(request, id), 303);
      },
      rerender: (form, status) => renderNew(request, reply, form, status),
    }),
  );

  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const loaded = await spec.existing(request, idParam(request));
    // After a conflict the form shows what is saved now (with its version) and the message on top:
    // nothing of the other person's save is overwritten by a second click.
    const shown = !form ? emptyForm(loaded.values) : form.message ? { ...form, values: loaded.values } : form;
    return reply.page((ctx) => loaded.page(ctx, shown), status);
  };

  app.get<{ Params: IdParams }>(`${root}/:id`, MANAGE, (request, reply) => renderEdit(request, reply));

  app.post<{ Params: IdParams }>(`${root}/:id`, MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        const { changed } = await spec.update(request, id, spec.parse(request.body), version);
        return reply.setFlash(request.i18n.t(changed ? spec.messages.saved : 'catalog_admin.unchanged')).redirect(editUrl(request, id), 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );

  app.get<{ Params: IdParams }>(`${root}/:id/history`, MANAGE, async (request, reply) => {
    const id = idParam(request);
    const { name, rows } = await entityHistory(db, request.dbContext(), municipalityId(request), spec.entity, id);
    return reply.page((ctx) => (
      <HistoryPage ctx={ctx} entity={spec.entity} name={name} rows={rows} back={editUrl(request, id)} labels={historyLabels(ctx, spec.historyFields)} />
    ));
  });
}
