import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { FIELDS, parseClose, parseEdit } from './form';
import { casesPath, depsOf, MANAGE, municipalityOf, viewerOf, type IdParams } from './routes-common';
import { casePage, closeCase, updateCase } from './service-case';
import { caseValues, CloseCasePage } from './views/case-forms';
import { confirmedAction } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';
import { CasePageView, type CaseFormName } from './views/case';
import type { Conflict } from '../../platform/ui/conflict';

const typedValue = (form: FormState, f: string) => {
  const v = form.values[f];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};
const normalised = (f: string, v: string) => (f === 'needs_plan' ? (['1', 'on', 'true'].includes(v) ? '1' : '') : f.endsWith('_id') ? v.toLowerCase() : v.trim());

/** One case (read audited), its edit with a version (a stale one shows both versions) and its closing. */
export async function caseRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), formName: CaseFormName | null = null, status = 200) => {
    const data = await casePage(deps, request.dbContext(), municipalityOf(request).id, idParam(request), viewerOf(request), request.auditActor());
    let conflict: Conflict | undefined;
    let shown = form;
    if (form.message && formName === 'edit') {
      // A stale edit: the form shows what is saved now; what the person typed stays on the page beside it.
      const saved = caseValues(data.c);
      const differing = FIELDS.filter((f) => normalised(f, typedValue(form, f)) !== saved[f]);
      conflict = { typed: form.values, saved, differing, version: data.c.version };
      shown = { values: saved, errors: {}, message: form.message };
    }
    return reply.page((c) => <CasePageView ctx={c} data={data} form={shown} formName={formName} conflict={conflict} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/cases/:id', MANAGE, (request, reply) => render(request, reply));

  app.post<{ Params: IdParams }>('/:municipality/cases/:id/edit', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { changed, access, number } = await updateCase(deps, request.dbContext(), municipalityOf(request).id, id, parseEdit(request.body), viewerOf(request), request.auditActor());
        const t = request.i18n.t;
        if (!access) return reply.setFlash(t('cases.edit.handed_over', { number })).redirect(casesPath(request), 303);
        return reply.setFlash(t(changed.length ? 'cases.edit.saved' : 'cases.edit.unchanged')).redirect(`${casesPath(request)}/${id}`, 303);
      },
      rerender: (form, status) => render(request, reply, form, 'edit', status),
      formErrors: ['conflict.stale'],
    }),
  );

  // Closing asks first (what it does, that it cannot be undone); the closing note is written on that page.
  const renderClose = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState, status: number) => {
    const data = await casePage(deps, request.dbContext(), municipalityOf(request).id, idParam(request), viewerOf(request), request.auditActor());
    if (data.c.status !== 'open') throw new AppError('case.closed');
    if (!data.mayWrite) throw new AppError('case.read_only');
    // After a stale version the page carries the version saved now; the note typed stays.
    const { version: _seen, ...typed } = form.values;
    return reply.header('cache-control', 'no-store').page((c) => <CloseCasePage ctx={c} data={data} form={form.message ? { ...form, values: typed } : form} />, status);
  };
  const closing = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: renderClose,
    run: async (request, reply) => {
      const id = idParam(request);
      const { version, note } = parseClose(request.body);
      const c = await closeCase(deps, request.dbContext(), municipalityOf(request).id, id, version, note, viewerOf(request), request.auditActor());
      return reply.setFlash(request.i18n.t('cases.closed', { number: c.number })).redirect(`${casesPath(request)}/${id}`, 303);
    },
    formErrors: ['conflict.stale', 'case.open_referrals'],
  });
  app.get<{ Params: IdParams }>('/:municipality/cases/:id/close', MANAGE, closing.get);
  app.post<{ Params: IdParams }>('/:municipality/cases/:id/close', MANAGE, closing.post);
}
