import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseRetention } from './form';
import { CONFIGURE, casesPath, depsOf, municipalityOf, type Params } from './routes-common';
import { retentionPage, saveRetention } from './service-retention';
import { RetentionView } from './views/retention';

/** The retention period of closed cases (cases.configure); a stale save shows the saved months beside the typed ones. */
export async function retentionRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const data = await retentionPage(deps, request.dbContext(), municipalityOf(request).id);
    const saved = String(data.policy.closed_case_months);
    const shown = !form ? emptyForm({ months: saved }) : form.message ? { values: { months: saved }, errors: {}, message: `${form.message} ${request.i18n.t('cases.retention.conflict', { yours: String(form.values.months ?? ''), saved })}` } : form;
    return reply.page((c) => <RetentionView ctx={c} data={data} form={shown} />, status);
  };

  app.get<{ Params: Params }>('/:municipality/cases/retention', CONFIGURE, (request, reply) => render(request, reply));
  app.post<{ Params: Params }>('/:municipality/cases/retention', CONFIGURE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parseRetention(request.body);
        const changed = await saveRetention(deps, request.dbContext(), municipalityOf(request).id, input, request.auditActor());
        const t = request.i18n.t;
        return reply.setFlash(changed ? t('cases.retention.saved', { months: input.months }) : t('cases.retention.unchanged')).redirect(`${casesPath(request)}/retention`, 303);
      },
      rerender: (form, status) => render(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );
}
