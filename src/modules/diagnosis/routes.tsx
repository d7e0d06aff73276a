import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, can } from '../../platform/auth/access';
import { formValues, submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf } from '../../platform/http/route-context';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import type { CsvProblem } from './csv';
import { DIAGNOSIS_FIELDS, diagnosisToValues, parseDiagnosisForm, parseImportForm, parseNeedForm, parseResourceForm, versionSchema } from './form';
import { addNeed, addResource, advanceDiagnosis, createDiagnosis, diagnosisView, findForEdit, formChoices, importIndicators, listDiagnoses, updateDiagnosis, type DiagnosisDeps } from './service';
import { diagnosisItemRoutes } from './routes-items';
import { DiagnosisFormPage, DiagnosisPage, ImportPage, ListPage, NeedFormPage, ResourceFormPage } from './views/pages';

type Params = { municipality: string };
type IdParams = Params & { id: string };
const OPEN = { config: { access: PUBLIC } };
const MANAGE = { config: { access: can('diagnosis.manage') } };

/**
 * /:m/diagnoza — the list (adopted diagnoses for everyone, all for staff) and a diagnosis' page with its gaps;
 * staff (diagnosis.manage): new, edit (versions: a stale edit is 409 with what was typed kept), the status
 * step, the CSV import of public statistics (all or nothing, every problem named by row and column), needs, resources.
 */
export async function diagnosisRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps: DiagnosisDeps = { db: ctx.db };
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const base = (request: FastifyRequest) => `/${municipalityOf(request).slug}/diagnoza`;
  const staff = (request: FastifyRequest) => Boolean(request.tenant?.permissions.has('diagnosis.manage'));

  app.get<{ Params: Params }>('/:municipality/diagnoza', OPEN, async (request, reply) => {
    const list = await listDiagnoses(deps, request.dbContext(), m(request), staff(request));
    return reply.page((c) => <ListPage ctx={c} list={list} staff={staff(request)} />);
  });

  const renderNew = (reply: FastifyReply, form: FormState = emptyForm(), status = 200) => reply.page((c) => <DiagnosisFormPage ctx={c} form={form} />, status);
  app.get<{ Params: Params }>('/:municipality/diagnoza/nowa', MANAGE, (_request, reply) => renderNew(reply));
  app.post<{ Params: Params }>('/:municipality/diagnoza/nowa', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createDiagnosis(deps, request.dbContext(), m(request), parseDiagnosisForm(request.body), request.auditActor());
        if (request.headers.accept?.includes('application/json')) return reply.code(201).send({ id });
        return reply.setFlash(request.i18n.t('diagnosis.created')).redirect(`${base(request)}/${id}`, 303);
      },
      rerender: (form, status) => renderNew(reply, form, status),
    }),
  );

  app.get<{ Params: IdParams }>('/:municipality/diagnoza/:id', OPEN, async (request, reply) => {
    const view = await diagnosisView(deps, request.dbContext(), m(request), idParam(request), staff(request));
    return reply.page((c) => <DiagnosisPage ctx={c} view={view} staff={staff(request)} />);
  });

  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const diagnosis = await findForEdit(deps, request.dbContext(), m(request), idParam(request));
    const saved = diagnosisToValues(diagnosis);
    if (form?.message) {
      const conflict = conflictOf(DIAGNOSIS_FIELDS, form.values, saved, diagnosis.version);
      return reply.page((c) => <DiagnosisFormPage ctx={c} form={{ ...form, values: { ...form.values, version: saved.version } }} diagnosis={diagnosis} conflict={conflict} />, status);
    }
    return reply.page((c) => <DiagnosisFormPage ctx={c} form={form ?? emptyForm(saved)} diagnosis={diagnosis} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/diagnoza/:id/edycja', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/diagnoza/:id/edycja', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const { version } = parse(versionSchema, request.body);
        await updateDiagnosis(deps, request.dbContext(), m(request), idParam(request), parseDiagnosisForm(request.body), version, request.auditActor());
        if (request.headers.accept?.includes('application/json')) return reply.send({ saved: true });
        return reply.setFlash(request.i18n.t('diagnosis.saved')).redirect(`${base(request)}/${idParam(request)}`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale', 'diagnosis.adopted'],
    }),
  );

  app.post<{ Params: IdParams }>('/:municipality/diagnoza/:id/stan', MANAGE, async (request, reply) => {
    const { version } = parse(versionSchema, request.body);
    await advanceDiagnosis(deps, request.dbContext(), m(request), idParam(request), version, request.auditActor());
    if (request.headers.accept?.includes('application/json')) return reply.send({ advanced: true });
    return reply.setFlash(request.i18n.t('diagnosis.advanced')).redirect(`${base(request)}/${idParam(request)}`, 303);
  });

  // Public statistics from a CSV: a file with any problem is refused whole (422), every problem named by row and column.
  const renderImport = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200, problems?: CsvProblem[]) => {
    const diagnosis = await findForEdit(deps, request.dbContext(), m(request), idParam(request));
    return reply.page((c) => <ImportPage ctx={c} form={form} diagnosis={diagnosis} problems={problems} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/diagnoza/:id/dane', MANAGE, (request, reply) => renderImport(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/diagnoza/:id/dane', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const outcome = await importIndicators(deps, request.dbContext(), m(request), idParam(request), parseImportForm(request.body), request.auditActor());
        const json = request.headers.accept?.includes('application/json');
        if (!outcome.ok) {
          if (json) return reply.code(422).send({ error: { code: 'validation.failed', message: request.i18n.t('diagnosis.import.refused'), fields: { csv: { code: 'diagnosis_csv', params: { count: outcome.problems.length } } }, problems: outcome.problems } });
          return renderImport(request, reply, { values: formValues(request.body), errors: {} }, 422, outcome.problems);
        }
        if (json) return reply.code(201).send({ rows: outcome.rows });
        return reply.setFlash(request.i18n.t('diagnosis.import.done', { n: outcome.rows })).redirect(`${base(request)}/${idParam(request)}`, 303);
      },
      rerender: (form, status) => renderImport(request, reply, form, status),
      formErrors: ['diagnosis.adopted'],
    }),
  );

  const renderNeed = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const choices = await formChoices(deps, request.dbContext(), m(request), idParam(request));
    return reply.page((c) => <NeedFormPage ctx={c} form={form} choices={choices} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/diagnoza/:id/potrzeby/nowa', MANAGE, (request, reply) => renderNeed(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/diagnoza/:id/potrzeby/nowa', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await addNeed(deps, request.dbContext(), m(request), idParam(request), parseNeedForm(request.body), request.auditActor());
        if (request.headers.accept?.includes('application/json')) return reply.code(201).send({ id });
        return reply.setFlash(request.i18n.t('diagnosis.needs.added')).redirect(`${base(request)}/${idParam(request)}`, 303);
      },
      rerender: (form, status) => renderNeed(request, reply, form, status),
    }),
  );

  const renderResource = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const choices = await formChoices(deps, request.dbContext(), m(request), idParam(request));
    return reply.page((c) => <ResourceFormPage ctx={c} form={form} choices={choices} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/diagnoza/:id/zasoby/nowy', MANAGE, (request, reply) => renderResource(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/diagnoza/:id/zasoby/nowy', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await addResource(deps, request.dbContext(), m(request), idParam(request), parseResourceForm(request.body), request.auditActor());
        if (request.headers.accept?.includes('application/json')) return reply.code(201).send({ id });
        return reply.setFlash(request.i18n.t('diagnosis.resources.added')).redirect(`${base(request)}/${idParam(request)}`, 303);
      },
      rerender: (form, status) => renderResource(request, reply, form, status),
    }),
  );
  await diagnosisItemRoutes(app, deps);
}
