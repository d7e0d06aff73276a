import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { parse, text } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { roomLabel } from './domain';
import { basePath, depsOf, MANAGE, municipalityOf, type IdParams, type Params } from './routes-common';
import { decide, queue, reviewData, type Decision } from './service-review';
import { QueuePage } from './views/queue';
import { ReviewPage } from './views/review';
import { DeclineBookingPage } from './views/confirm';
import { confirmedAction, isConfirmed } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';


const declineSchema = z.object({ reason: text(2000).refine((v) => v !== '', { params: { code: 'venue_reason_required' } }) });

/** Staff with venues.manage: the queue of requests, each request's review, approval or decline with a reason. */
export async function staffRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/venues/queue', MANAGE, async (request, reply) => {
    const lists = await queue(deps, request.dbContext(), municipalityOf(request).id);
    return reply.page((c) => <QueuePage ctx={c} {...lists} />);
  });

  const renderReview = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await reviewData(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
    return reply.page((c) => <ReviewPage ctx={c} data={data} form={form} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/venues/bookings/:id', MANAGE, (request, reply) => renderReview(request, reply));

  const decision = (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, read: () => Decision) =>
    submitForm(request, reply, {
      run: async () => {
        const d = read();
        const b = await decide(deps, request.dbContext(), municipalityOf(request), idParam(request), d, request.auditActor());
        const params = { room: roomLabel({ venue_name: b.venue_name, name: b.room_name }), title: b.title };
        return reply.setFlash(request.i18n.t(`venues.review.${d.status}`, params)).redirect(`${basePath(request)}/queue`, 303);
      },
      rerender: (form, status) => renderReview(request, reply, form, status),
      formErrors: ['conflict.stale'],
    });

  app.post<{ Params: IdParams }>('/:municipality/venues/bookings/:id/approve', MANAGE, (request, reply) => decision(request, reply, () => ({ status: 'approved' })));
  // Declining: the review links to the confirmation page, which holds the reason (mailed to the requester).
  const declining = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      // Decided meanwhile (conflict.stale after confirming): back on the review, which shows the decision.
      if (request.method === 'POST' && isConfirmed(request.body) && form.message) return renderReview(request, reply, form, status);
      const data = await reviewData(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
      if (!data.series.some((x) => x.status === 'requested')) throw new AppError('conflict.stale');
      return reply.page((c) => <DeclineBookingPage ctx={c} data={data} form={form} />, status);
    },
    run: async (request, reply) => {
      const d: Decision = { status: 'declined', reason: parse(declineSchema, request.body).reason };
      const b = await decide(deps, request.dbContext(), municipalityOf(request), idParam(request), d, request.auditActor());
      const params = { room: roomLabel({ venue_name: b.venue_name, name: b.room_name }), title: b.title };
      return reply.setFlash(request.i18n.t('venues.review.declined', params)).redirect(`${basePath(request)}/queue`, 303);
    },
    formErrors: ['conflict.stale'],
  });
  app.get<{ Params: IdParams }>('/:municipality/venues/bookings/:id/decline', MANAGE, declining.get);
  app.post<{ Params: IdParams }>('/:municipality/venues/bookings/:id/decline', MANAGE, declining.post);
}
