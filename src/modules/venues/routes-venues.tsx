import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import { parseVenueForm, VENUE_FIELDS, venueToValues } from './form';
import { basePath, depsOf, MANAGE, municipalityOf, versionSchema, type IdParams, type Params } from './routes-common';
import { allVenues, createVenue, deleteVenue, updateVenue, venue } from './service';
import { ManagePage } from './views/manage';
import { VenueFormPage } from './views/venue-form';
import { DeleteVenuePage } from './views/confirm';
import { confirmedAction, isConfirmed } from '../../platform/http/confirm';


/** Staff with venues.manage keep the venues: the list with every room, a new venue, edits (with the version seen), removal. */
export async function venueRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/venues/manage', MANAGE, async (request, reply) => {
    const list = await allVenues(deps, request.dbContext(), municipalityOf(request).id, true);
    return reply.page((c) => <ManagePage ctx={c} venues={list} />);
  });

  const renderNew = (reply: FastifyReply, form: FormState = emptyForm({ city: '' }), status = 200) => reply.page((c) => <VenueFormPage ctx={c} form={form} />, status);
  app.get<{ Params: Params }>('/:municipality/venues/new', MANAGE, (_request, reply) => renderNew(reply));
  app.post<{ Params: Params }>('/:municipality/venues/new', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createVenue(deps, request.dbContext(), municipalityOf(request).id, parseVenueForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('venues.form.created')).redirect(`${basePath(request)}/${id}/edit`, 303);
      },
      rerender: (form, status) => renderNew(reply, form, status),
    }),
  );

  /**
   * The edit form. After a conflict it keeps what was typed, now on the saved version, and lists
   * what is saved for each field that differs; after a refused removal it shows the saved venue.
   */
  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200, removal = false) => {
    const v = await venue(deps, request.dbContext(), municipalityOf(request).id, idParam(request), true);
    const saved = venueToValues(v, v.hours);
    if (form?.message && !removal) {
      const conflict = conflictOf(VENUE_FIELDS, form.values, saved, Number(saved.version));
      return reply.page((c) => <VenueFormPage ctx={c} form={{ ...form, values: { ...form.values, version: saved.version! } }} venue={v} conflict={conflict} />, status);
    }
    const shown = form ? (removal ? { ...form, values: saved } : form) : emptyForm(saved);
    return reply.page((c) => <VenueFormPage ctx={c} form={shown} venue={v} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/venues/:id/edit', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/venues/:id/edit', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await updateVenue(deps, request.dbContext(), municipalityOf(request).id, id, parseVenueForm(request.body), version, request.auditActor());
        return reply.setFlash(request.i18n.t('venues.form.saved')).redirect(`${basePath(request)}/${id}/edit`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );

  // Removal: the edit page links to the confirmation page; a refusal after confirming (rooms left, a stale version) shows the saved venue.
  const removal = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      if (request.method === 'POST' && isConfirmed(request.body)) return renderEdit(request, reply, form, status, true);
      const v = await venue(deps, request.dbContext(), municipalityOf(request).id, idParam(request), true);
      return reply.page((c) => <DeleteVenuePage ctx={c} venue={v} form={form} />, status);
    },
    run: async (request, reply) => {
      const { version } = parse(versionSchema, request.body);
      const name = await deleteVenue(deps, request.dbContext(), municipalityOf(request).id, idParam(request), version, request.auditActor());
      return reply.setFlash(request.i18n.t('venues.form.deleted', { name })).redirect(`${basePath(request)}/manage`, 303);
    },
    formErrors: ['conflict.stale'],
  });
  app.get<{ Params: IdParams }>('/:municipality/venues/:id/delete', MANAGE, removal.get);
  app.post<{ Params: IdParams }>('/:municipality/venues/:id/delete', MANAGE, removal.post);
}
