import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CSV_CONTENT_TYPE, toCsv } from '../../platform/export/csv';
import { versionField } from '../../platform/http/form-fields';
import { idParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { DEFAULT_SILENT_AFTER } from './domain';
import { cancelSchema, meetingToValues, parseMeetingForm } from './form';
import { basePath, depsOf, MANAGE, municipalityOf, type IdParams, type Params } from './routes-common';
import { cancelMeeting, createMeeting, updateMeeting } from './service';
import { meetingFormData, meetingOverview } from './service-day';
import { meetingList, numbers } from './service-stats';
import { MeetingPage, type MeetingFormName } from './views/detail';
import { MeetingFormPage } from './views/form';
import { MeetingsPage } from './views/list';
import { StatsPage } from './views/stats';
import { CancelMeetingPage } from './views/cancel';
import { confirmedAction } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';


const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });
const silentQuery = z.object({ n: z.coerce.number().int().min(1).max(20).catch(DEFAULT_SILENT_AFTER) });

/** The organiser's meetings: the list, a new one, one meeting's page, edits and cancellation, the numbers. */
export async function staffRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/meetings', MANAGE, async (request, reply) => {
    const { page } = pageQuery.parse(request.query ?? {});
    const data = await meetingList(deps, request.dbContext(), municipalityOf(request).id, page);
    return reply.page((c) => <MeetingsPage ctx={c} {...data} page={page} />);
  });

  app.get<{ Params: Params }>('/:municipality/meetings/stats', MANAGE, async (request, reply) => {
    const { n } = silentQuery.parse(request.query ?? {});
    const data = await numbers(deps, request.dbContext(), municipalityOf(request).id, n);
    return reply.page((c) => <StatsPage ctx={c} data={data} silentAfter={n} />);
  });

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, id: string | null, form: FormState | null, status = 200) => {
    const data = await meetingFormData(deps, request.dbContext(), municipalityOf(request).id, id);
    const shown = form ?? emptyForm(data.meeting ? meetingToValues(data.meeting) : { place: 'room' });
    return reply.page((c) => <MeetingFormPage ctx={c} form={shown} {...data} />, status);
  };

  app.get<{ Params: Params }>('/:municipality/meetings/new', MANAGE, (request, reply) => renderForm(request, reply, null, null));

  app.post<{ Params: Params }>('/:municipality/meetings', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const input = parseMeetingForm(request.body);
        const id = await createMeeting(deps, request.dbContext(), municipalityOf(request), input, request.auditActor());
        return reply.setFlash(request.i18n.t('meetings.created', { title: input.title })).redirect(`${basePath(request)}/${id}`, 303);
      },
      rerender: (form, status) => renderForm(request, reply, null, form, status),
      formErrors: ['venue.room_taken'],
    }),
  );

  const renderMeeting = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), formName: MeetingFormName | null = null, status = 200) => {
    const data = await meetingOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request), request.auditActor());
    return reply.page((c) => <MeetingPage ctx={c} data={data} form={form} formName={formName} />, status);
  };

  app.get<{ Params: IdParams }>('/:municipality/meetings/:id', MANAGE, (request, reply) => renderMeeting(request, reply));

  app.get<{ Params: IdParams }>('/:municipality/meetings/:id/edit', MANAGE, (request, reply) => renderForm(request, reply, idParam(request), null));

  app.post<{ Params: IdParams }>('/:municipality/meetings/:id/edit', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const input = parseMeetingForm(request.body);
        const { version } = parse(z.object({ version: versionField() }), request.body);
        const { notified } = await updateMeeting(deps, request.dbContext(), municipalityOf(request), id, input, version, request.auditActor());
        const message = notified > 0 ? request.i18n.t('meetings.saved_notified', { count: notified }) : request.i18n.t('meetings.saved');
        return reply.setFlash(message).redirect(`${basePath(request)}/${id}`, 303);
      },
      rerender: (form, status) => renderForm(request, reply, idParam(request), form, status),
      formErrors: ['conflict.stale', 'meeting.cancelled', 'venue.room_taken'],
    }),
  );

  // Cancelling: the meeting's page links to the confirmation page, which holds the reason; a stale version comes back to it with the saved meeting.
  const cancellation = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const data = await meetingOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request), request.auditActor());
      if (data.meeting.status === 'cancelled') throw new AppError('meeting.cancelled');
      return reply.page((c) => <CancelMeetingPage ctx={c} data={data} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      const { version, reason } = parse(cancelSchema, request.body);
      const { notified } = await cancelMeeting(deps, request.dbContext(), municipalityOf(request), id, version, reason, request.auditActor());
      return reply.setFlash(request.i18n.t('meetings.cancelled', { count: notified })).redirect(`${basePath(request)}/${id}`, 303);
    },
    formErrors: ['conflict.stale'],
  });
  app.get<{ Params: IdParams }>('/:municipality/meetings/:id/cancel', MANAGE, cancellation.get);
  app.post<{ Params: IdParams }>('/:municipality/meetings/:id/cancel', MANAGE, cancellation.post);

  app.get<{ Params: IdParams }>('/:municipality/meetings/:id/answers.csv', MANAGE, async (request, reply) => {
    const data = await meetingOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request), request.auditActor());
    const rows = data.invited.map((i) => [i.invitee, i.email, i.response ?? '', i.response && i.response !== 'no' ? i.people_count : '', i.accessibility_needs, i.responded_at?.toISOString() ?? '', i.attended ? 'true' : 'false']);
    const csv = toCsv([['invitee', 'email', 'response', 'people', 'accessibility_needs', 'responded_at', 'attended'], ...rows]);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="odpowiedzi-${data.meeting.day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
