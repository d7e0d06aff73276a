import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { newOrganisationValues, organisationToValues, parseOrganisationForm } from './form';
import { basePath, depsOf, municipalityOf, SIGNED_IN, versionSchema, whoIs, type IdParams, type Params } from './routes-common';
import { conflictView, myOrganisations, organisationForEdit, registerOrganisation, updateOrganisation } from './service';
import { OrganisationFormPage } from './views/form';
import { MyOrganisationsPage } from './views/mine';
import { userOf } from '../../platform/http/route-context';


/**
 * A representative (any logged-in person) registers an organisation, follows it in "my
 * organisations", corrects it after a rejection; its administrators and staff edit it later.
 * Every save carries the version it was made on (optimistic concurrency).
 */
export async function registrationRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const renderNew = (reply: FastifyReply, form?: FormState, status = 200) =>
    reply.page((c) => <OrganisationFormPage ctx={c} form={form ?? emptyForm(newOrganisationValues())} />, status);

  app.get<{ Params: Params }>('/:municipality/organisations/register', SIGNED_IN, (_request, reply) => renderNew(reply));

  app.post<{ Params: Params }>('/:municipality/organisations/register', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parseOrganisationForm(request.body);
        await registerOrganisation(deps, request.dbContext(), municipalityOf(request).id, input, request.auditActor());
        return reply.setFlash(request.i18n.t('organisations.form.registered')).redirect(`${basePath(request)}/mine`, 303);
      },
      rerender: (form, status) => renderNew(reply, form, status),
    }),
  );

  app.get<{ Params: Params }>('/:municipality/organisations/mine', SIGNED_IN, async (request, reply) => {
    const list = await myOrganisations(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    return reply.page((c) => <MyOrganisationsPage ctx={c} organisations={list} />);
  });

  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const { organisation, rights } = await organisationForEdit(deps, request.dbContext(), municipalityOf(request).id, idParam(request), whoIs(request));
    if (form?.message) {
      // A conflict: the form shows what is saved now; what the person typed stays on the page beside it.
      const { saved, yours, differing } = conflictView(form.values, organisation);
      const conflict = { typed: yours, saved, differing, version: organisation.version };
      return reply.page((c) => <OrganisationFormPage ctx={c} form={{ ...form, values: saved }} organisation={organisation} rights={rights} conflict={conflict} />, status);
    }
    const shown = form ?? emptyForm(organisationToValues(organisation));
    return reply.page((c) => <OrganisationFormPage ctx={c} form={shown} organisation={organisation} rights={rights} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/organisations/:id/edit', SIGNED_IN, (request, reply) => renderEdit(request, reply));

  app.post<{ Params: IdParams }>('/:municipality/organisations/:id/edit', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        const input = parseOrganisationForm(request.body);
        const outcome = await updateOrganisation(deps, request.dbContext(), municipalityOf(request).id, id, input, version, whoIs(request), request.auditActor());
        const message = outcome.resubmitted ? 'organisations.form.resubmitted' : outcome.changed ? 'organisations.form.saved' : 'organisations.form.unchanged';
        const next = outcome.resubmitted ? `${basePath(request)}/mine` : `${basePath(request)}/${id}/edit`;
        return reply.setFlash(request.i18n.t(message)).redirect(next, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );
}
