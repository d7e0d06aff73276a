import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { parseBookingForm } from './form-booking';
import { basePath, depsOf, keepTypedOnConflict, municipalityOf, SIGNED_IN, viewerOf, type IdParams, type Params } from './routes-common';
import { bookingForm, bookingToCancel, cancelBooking, myBookings, requestBooking } from './service-bookings';
import { CancelBookingPage } from './views/confirm';
import { confirmedAction } from '../../platform/http/confirm';
import { BookPage } from './views/book';
import { MyBookingsPage } from './views/mine';
import { userOf } from '../../platform/http/route-context';


const cancelSchema = z.object({ scope: z.preprocess((v) => v ?? 'one', z.enum(['one', 'series'])) });

/** People who are logged in: ask for a room (as themselves or for their organisation), follow and cancel their requests. */
export async function bookingRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  const renderBook = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const data = await bookingForm(deps, request.dbContext(), municipalityOf(request).id, idParam(request), userOf(request).id);
    return reply.page((c) => <BookPage ctx={c} data={data} form={form ?? emptyForm({ people: '', repeat: 'none' })} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/venues/rooms/:id/book', SIGNED_IN, (request, reply) => renderBook(request, reply));

  app.post<{ Params: IdParams }>('/:municipality/venues/rooms/:id/book', SIGNED_IN, (request, reply) => {
    const rerender = (form: FormState, status: number) => renderBook(request, reply, form, status);
    return submitForm(request, reply, {
      run: () =>
        keepTypedOnConflict(
          request,
          async () => {
            const input = parseBookingForm(request.body);
            const { ids } = await requestBooking(deps, request.dbContext(), municipalityOf(request).id, idParam(request), input, request.auditActor(), request.i18n.locale);
            return reply.setFlash(request.i18n.t('venues.book.requested', { count: ids.length })).redirect(`${basePath(request)}/bookings`, 303);
          },
          rerender,
        ),
      rerender,
    });
  });

  app.get<{ Params: Params }>('/:municipality/venues/bookings', SIGNED_IN, async (request, reply) => {
    const list = await myBookings(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    return reply.page((c) => <MyBookingsPage ctx={c} bookings={list} />);
  });

  // Cancelling: "Moje rezerwacje" (and staff's review, `from=queue`) link to the confirmation page; its form does it.
  const cancellation = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const input = request.method === 'POST' ? request.body : request.query;
      const scope = cancelSchema.safeParse(input ?? {}).data?.scope ?? 'one';
      const viewer = viewerOf(request);
      const fromQueue = viewer.staff && (input as Record<string, unknown> | undefined)?.from === 'queue';
      const data = await bookingToCancel(deps, request.dbContext(), municipalityOf(request).id, idParam(request), scope === 'series', viewer);
      return reply.page((c) => <CancelBookingPage ctx={c} {...data} series={scope === 'series'} fromQueue={fromQueue} form={form} />, status);
    },
    run: async (request, reply) => {
      const { scope } = parse(cancelSchema, request.body);
      const n = await cancelBooking(deps, request.dbContext(), municipalityOf(request).id, idParam(request), scope === 'series', viewerOf(request), request.auditActor());
      const toQueue = (request.body as Record<string, unknown> | undefined)?.from === 'queue' && viewerOf(request).staff;
      const next = toQueue ? `${basePath(request)}/queue` : `${basePath(request)}/bookings`;
      return reply.setFlash(request.i18n.t('venues.mine.cancelled', { count: n })).redirect(next, 303);
    },
  });
  app.get<{ Params: IdParams }>('/:municipality/venues/bookings/:id/cancel', SIGNED_IN, cancellation.get);
  app.post<{ Params: IdParams }>('/:municipality/venues/bookings/:id/cancel', SIGNED_IN, cancellation.post);
}
