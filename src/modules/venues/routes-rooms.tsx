import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import { parseRoomForm, ROOM_FIELDS, roomToValues } from './form';
import { basePath, depsOf, MANAGE, municipalityOf, versionSchema, type IdParams } from './routes-common';
import { createRoom, deleteRoom, roomOf, updateRoom, venue } from './service';
import { RoomFormPage } from './views/room-form';
import { DeleteRoomPage } from './views/confirm';
import { confirmedAction, isConfirmed } from '../../platform/http/confirm';


/** Staff with venues.manage keep each venue's rooms: capacity, equipment, accessibility, whether they take bookings. */
export async function roomRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const renderNew = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const v = await venue(deps, request.dbContext(), municipalityOf(request).id, idParam(request), true);
    return reply.page((c) => <RoomFormPage ctx={c} form={form ?? emptyForm({ bookable: '1', equipment: [], accessibility: [] })} venue={v} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/venues/:id/rooms/new', MANAGE, (request, reply) => renderNew(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/venues/:id/rooms/new', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createRoom(deps, request.dbContext(), municipalityOf(request).id, idParam(request), parseRoomForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('venues.room.created')).redirect(`${basePath(request)}/rooms/${id}/edit`, 303);
      },
      rerender: (form, status) => renderNew(request, reply, form, status),
    }),
  );

  /** As for venues: a conflict keeps what was typed (on the saved version) beside what is saved; a refused removal shows the saved room. */
  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200, removal = false) => {
    const municipalityId = municipalityOf(request).id;
    const room = await roomOf(deps, request.dbContext(), municipalityId, idParam(request));
    const v = await venue(deps, request.dbContext(), municipalityId, room.venue_id, true);
    const saved = roomToValues(room);
    if (form?.message && !removal) {
      const conflict = conflictOf(ROOM_FIELDS, form.values, saved, Number(saved.version));
      return reply.page((c) => <RoomFormPage ctx={c} form={{ ...form, values: { ...form.values, version: saved.version! } }} venue={v} room={room} conflict={conflict} />, status);
    }
    const shown = form ? (removal ? { ...form, values: saved } : form) : emptyForm(saved);
    return reply.page((c) => <RoomFormPage ctx={c} form={shown} venue={v} room={room} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/venues/rooms/:id/edit', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/venues/rooms/:id/edit', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await updateRoom(deps, request.dbContext(), municipalityOf(request).id, id, parseRoomForm(request.body), version, request.auditActor());
        return reply.setFlash(request.i18n.t('venues.room.saved')).redirect(`${basePath(request)}/rooms/${id}/edit`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );

  // Removal: the edit page links to the confirmation page; a refusal after confirming (booked before, a stale version) shows the saved room.
  const removal = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      if (request.method === 'POST' && isConfirmed(request.body)) return renderEdit(request, reply, form, status, true);
      const room = await roomOf(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
      return reply.page((c) => <DeleteRoomPage ctx={c} room={room} form={form} />, status);
    },
    run: async (request, reply) => {
      const { version } = parse(versionSchema, request.body);
      const room = await deleteRoom(deps, request.dbContext(), municipalityOf(request).id, idParam(request), version, request.auditActor());
      return reply.setFlash(request.i18n.t('venues.room.deleted', { name: room.name })).redirect(`${basePath(request)}/${room.venue_id}/edit`, 303);
    },
    formErrors: ['conflict.stale'],
  });
  app.get<{ Params: IdParams }>('/:municipality/venues/rooms/:id/delete', MANAGE, removal.get);
  app.post<{ Params: IdParams }>('/:municipality/venues/rooms/:id/delete', MANAGE, removal.post);
}
