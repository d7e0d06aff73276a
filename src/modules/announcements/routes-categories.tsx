import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/auth/access';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf } from '../../platform/http/route-context';
import { parse, requiredText } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import { versionSchema } from './form';
import type { AnnouncementsDeps } from './service';
import { addCategory, categoriesForStaff, categoryForEdit, renameCategory, retireCategory } from './service-categories';
import { CategoriesPage, CategoryEditPage } from './views/categories';

type Params = { municipality: string };
type IdParams = Params & { id: string };
const MANAGE = { config: { access: can('announcements.manage') } };
const nameSchema = z.object({ name: requiredText(100).pipe(z.string().min(2)) });

/** Staff's categories (announcements.manage): /:m/ogloszenia/kategorie — add, rename (versioned), retire, restore; never delete. */
export async function categoryRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps: AnnouncementsDeps = { db: ctx.db, publicUrl: ctx.config.publicUrl, linkKey: ctx.linkKey };
  const mid = (request: FastifyRequest) => municipalityOf(request).id;
  const listPath = (request: FastifyRequest) => `/${municipalityOf(request).slug}/ogloszenia/kategorie`;

  const renderList = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const list = await categoriesForStaff(deps, request.dbContext(), mid(request));
    return reply.page((c) => <CategoriesPage ctx={c} list={list} form={form} />, status);
  };
  app.get<{ Params: Params }>('/:municipality/ogloszenia/kategorie', MANAGE, (request, reply) => renderList(request, reply));
  app.post<{ Params: Params }>('/:municipality/ogloszenia/kategorie', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const { name } = parse(nameSchema, request.body);
        const c = await addCategory(deps, request.dbContext(), mid(request), name, request.auditActor());
        return reply.setFlash(request.i18n.t('announcements.categories.added', { name: c.name })).redirect(listPath(request), 303);
      },
      rerender: (form, status) => renderList(request, reply, form, status),
    }),
  );

  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const category = await categoryForEdit(deps, request.dbContext(), mid(request), idParam(request));
    const saved = { name: category.name, version: String(category.version) };
    if (form?.message) {
      const conflict = conflictOf(['name'], form.values, saved, category.version);
      return reply.page((c) => <CategoryEditPage ctx={c} category={category} form={{ ...form, values: { ...form.values, version: saved.version } }} conflict={conflict} />, status);
    }
    return reply.page((c) => <CategoryEditPage ctx={c} category={category} form={form ?? emptyForm(saved)} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/ogloszenia/kategorie/:id/edycja', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/ogloszenia/kategorie/:id/edycja', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const { version } = parse(versionSchema, request.body);
        const { name } = parse(nameSchema, request.body);
        await renameCategory(deps, request.dbContext(), mid(request), idParam(request), name, version, request.auditActor());
        return reply.setFlash(request.i18n.t('announcements.categories.renamed')).redirect(listPath(request), 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );

  for (const [path, retired] of [['wycofaj', true], ['przywroc', false]] as const) {
    app.post<{ Params: IdParams }>(`/:municipality/ogloszenia/kategorie/:id/${path}`, MANAGE, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const { version } = parse(versionSchema, request.body);
          const c = await retireCategory(deps, request.dbContext(), mid(request), idParam(request), retired, version, request.auditActor());
          const done = retired ? 'announcements.categories.retired_done' : 'announcements.categories.restored_done';
          return reply.setFlash(request.i18n.t(done, { name: c.name })).redirect(listPath(request), 303);
        },
        rerender: (form, status) => renderList(request, reply, form, status),
        formErrors: ['conflict.stale'],
      }),
    );
  }
}
