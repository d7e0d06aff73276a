import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { uuidParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseOpen } from './form';
import { casesPath, depsOf, MANAGE, municipalityOf, viewerOf, type Params } from './routes-common';
import { joinCase, openableApplications, openCase, openPage, type Opened } from './service-open';
import { OpenableView, OpenCaseView } from './views/open';
import { userOf } from '../../platform/http/route-context';


const applicationOf = (request: FastifyRequest) => uuidParam((request.query as { application?: unknown } | undefined)?.application);

/** Opening a case from an accepted application, or joining the application to the applicant's open case. */
export async function openRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const render = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const data = await openPage(deps, request.dbContext(), municipalityOf(request).id, applicationOf(request), viewerOf(request), request.auditActor());
    const shown = form ?? emptyForm({ coordinator_id: userOf(request).id, team_id: data.defaultTeam ?? '' });
    return reply.page((c) => <OpenCaseView ctx={c} data={data} form={shown} />, status);
  };

  /** To the case when the opener may see it; otherwise back to the application, told who has it now. */
  const done = (request: FastifyRequest, reply: FastifyReply, opened: Opened, message: 'cases.opened' | 'cases.joined') => {
    const t = request.i18n.t;
    if (opened.access) return reply.setFlash(t(message, { number: opened.number })).redirect(`${casesPath(request)}/${opened.id}`, 303);
    const key = message === 'cases.opened' ? 'cases.opened_elsewhere' : message;
    return reply.setFlash(t(key, { number: opened.number })).redirect(`/${municipalityOf(request).slug}/applications/${applicationOf(request)}`, 303);
  };

  app.get<{ Params: Params }>('/:municipality/cases/new', MANAGE, async (request, reply) => {
    if ((request.query as { application?: unknown } | undefined)?.application !== undefined) return render(request, reply);
    const list = await openableApplications(deps, request.dbContext(), municipalityOf(request).id, request.auditActor());
    return reply.page((c) => <OpenableView ctx={c} list={list} />);
  });

  app.post<{ Params: Params }>('/:municipality/cases/new', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const m = municipalityOf(request);
        const applicationId = applicationOf(request);
        if ((request.body as { mode?: unknown } | undefined)?.mode === 'join') {
          return done(request, reply, await joinCase(deps, request.dbContext(), m.id, applicationId, viewerOf(request), request.auditActor()), 'cases.joined');
        }
        const opened = await openCase(deps, request.dbContext(), m.id, applicationId, parseOpen(request.body), viewerOf(request), request.auditActor());
        return done(request, reply, opened, 'cases.opened');
      },
      rerender: (form, status) => render(request, reply, form, status),
    }),
  );
}
