import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idList, parseFields } from '../../platform/http/form-fields';
import { idParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import { validationError } from '../../platform/http/errors';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import type { FormState } from '../../platform/ui/context';
import { minutesSchema, parseTask, walkInShape } from './form';
import { basePath, depsOf, MANAGE, municipalityOf, type IdParams } from './routes-common';
import { addTask, addWalkIn, meetingOverview, recordAttendance, removeAttendance, saveMinutes, setTaskDone } from './service-day';
import { MeetingPage, type MeetingFormName } from './views/detail';


/** The ticked invitees and the number of people of each (1 to 500; anything else is a mistake to fix). */
function presentOf(body: unknown): { invitationId: string; people: number }[] {
  const o = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const ids = idList(10_000).safeParse(o.present);
  if (!ids.success) throw validationError({ present: { code: 'invalid' } });
  return ids.data.map((id) => {
    const raw = o[`people_${id}`];
    const people = typeof raw === 'string' && /^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : raw === undefined || raw === '' ? 1 : NaN;
    if (!(people >= 1 && people <= 500)) throw validationError({ present: { code: 'meeting_people_count' } });
    return { invitationId: id, people };
  });
}

/** On the day and after: attendance (invitees and walk-ins), the minutes, the follow-up tasks. */
export async function dayRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const meetingUrl = (request: FastifyRequest<{ Params: IdParams }>) => `${basePath(request)}/${idParam(request)}`;

  const rerender = (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, formName: MeetingFormName) => async (form: FormState, status: number) => {
    const data = await meetingOverview(deps, request.dbContext(), municipalityOf(request).id, idParam(request), request.auditActor());
    return reply.page((c) => <MeetingPage ctx={c} data={data} form={form} formName={formName} />, status);
  };
  /** A form of the meeting's page: run it, then back to the page with a message; mistakes come back to the same form. */
  const post = (path: string, formName: MeetingFormName, run: (request: FastifyRequest<{ Params: IdParams }>) => Promise<string>) =>
    app.post<{ Params: IdParams }>(`/:municipality/meetings/:id/${path}`, MANAGE, (request, reply) =>
      submitForm(request, reply, {
        run: async () => reply.setFlash(await run(request)).redirect(`${meetingUrl(request)}#${formName === 'task' ? 'tasks' : formName === 'minutes' ? 'minutes' : 'attendance'}-title`, 303),
        rerender: rerender(request, reply, formName),
        formErrors: ['conflict.stale', 'meeting.cancelled', 'meeting.not_started'],
      }),
    );

  post('attendance', 'attendance', async (request) => {
    const present = presentOf(request.body);
    await recordAttendance(deps, request.dbContext(), municipalityOf(request).id, idParam(request), present, request.auditActor());
    return request.i18n.t('meetings.attendance.saved', { count: present.length });
  });

  post('walk-ins', 'walk_in', async (request) => {
    const v = parseFields(walkInShape, request.body);
    const { linked } = await addWalkIn(deps, request.dbContext(), municipalityOf(request).id, idParam(request), { name: v.name, people: v.people_count ?? 1 }, request.auditActor());
    return request.i18n.t(linked ? 'meetings.walk_in.added_linked' : 'meetings.walk_in.added', { name: v.name });
  });

  app.post<{ Params: IdParams & { attendanceId: string } }>('/:municipality/meetings/:id/attendance/:attendanceId/remove', MANAGE, async (request, reply) => {
    await removeAttendance(deps, request.dbContext(), municipalityOf(request).id, idParam(request), idParam(request, 'attendanceId'), request.auditActor());
    return reply.setFlash(request.i18n.t('meetings.attendance.removed')).redirect(`${meetingUrl(request)}#attendance-title`, 303);
  });

  post('minutes', 'minutes', async (request) => {
    const { version, minutes } = parse(minutesSchema, request.body);
    await saveMinutes(deps, request.dbContext(), municipalityOf(request).id, idParam(request), version, minutes, request.auditActor());
    return request.i18n.t('meetings.minutes.saved');
  });

  post('tasks', 'task', async (request) => {
    const task = parseTask(request.body);
    await addTask(deps, request.dbContext(), municipalityOf(request).id, idParam(request), task, request.auditActor());
    return request.i18n.t('meetings.tasks.added', { title: task.title });
  });

  app.post<{ Params: IdParams & { taskId: string } }>('/:municipality/meetings/:id/tasks/:taskId/done', MANAGE, async (request, reply) => {
    const { done } = parse(z.object({ done: z.enum(['0', '1']) }), request.body);
    await setTaskDone(deps, request.dbContext(), municipalityOf(request).id, idParam(request), idParam(request, 'taskId'), done === '1', request.auditActor());
    return reply.setFlash(request.i18n.t(done === '1' ? 'meetings.tasks.marked_done' : 'meetings.tasks.reopened')).redirect(`${meetingUrl(request)}#tasks-title`, 303);
  });
}
