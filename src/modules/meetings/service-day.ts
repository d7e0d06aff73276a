import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { roomChoices } from '../venues';
import type { TaskInput } from './form';
import { meetings } from './repository';
import { audience } from './repository-audience';
import { attendance, tasks } from './repository-day';
import { invitations } from './repository-invitations';
import { stats } from './repository-stats';
import { findMeeting, type MeetingsDeps } from './service';

/**
 * Everything the organiser sees of a meeting: invitees and their answers (people's accessibility
 * needs among them, so the reading is audited), who came, the minutes and the follow-up tasks.
 */
export async function meetingOverview(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, id: string, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const meeting = await findMeeting(sql, municipalityId, id);
    const invited = await invitations.ofMeeting(sql, municipalityId, id);
    const [numbers] = await stats.meetings(sql, municipalityId, { limit: 1, meetingId: id });
    await audit(sql, municipalityId, actor, { action: 'meeting.answers_read', subjectType: 'meeting', subjectId: id, details: { invitations: invited.length } });
    return {
      meeting,
      invited,
      numbers: numbers!,
      present: await attendance.ofMeeting(sql, municipalityId, id),
      tasks: await tasks.ofMeeting(sql, municipalityId, id),
      owners: await audience.owners(sql, municipalityId, id),
    };
  });
}

/** The form's choices: the Local Activity Place rooms. */
export async function meetingFormData(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, id: string | null) {
  return deps.db.tx(ctx, async (sql) => ({ rooms: await roomChoices(sql, municipalityId), meeting: id ? await findMeeting(sql, municipalityId, id) : null }));
}

/** Attendance can be taken from an hour before the start (and corrected afterwards), not for a cancelled meeting. */
async function openForAttendance(sql: Parameters<typeof findMeeting>[0], municipalityId: string, id: string) {
  const meeting = await findMeeting(sql, municipalityId, id, true);
  if (meeting.status === 'cancelled') throw new AppError('meeting.cancelled');
  if (meeting.starts_at.getTime() - Date.now() > 3_600_000) throw new AppError('meeting.not_started');
  return meeting;
}

export async function recordAttendance(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, id: string, present: { invitationId: string; people: number }[], actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    await openForAttendance(sql, municipalityId, id);
    await attendance.setInvited(sql, municipalityId, id, present, actor.userId!);
    await audit(sql, municipalityId, actor, { action: 'meeting.attendance_recorded', subjectType: 'meeting', subjectId: id, details: { present: present.length } });
  });
}

/**
 * Someone who came without an invitation. A name that is a verified organisation's links to it (so
 * it counts in that organisation's history); an invited organisation is ticked on the list instead.
 */
export async function addWalkIn(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, id: string, w: { name: string; people: number }, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    await openForAttendance(sql, municipalityId, id);
    const organisationId = await audience.byName(sql, municipalityId, w.name);
    if (organisationId && (await invitations.ofMeeting(sql, municipalityId, id)).some((i) => i.organisation_id === organisationId)) throw validationError({ name: { code: 'meeting_walk_in_invited' } });
    if (!(await attendance.addWalkIn(sql, municipalityId, id, { organisationId, name: organisationId ? '' : w.name, people: w.people }, actor.userId!))) {
      throw validationError({ name: { code: 'meeting_already_present' } });
    }
    await audit(sql, municipalityId, actor, { action: 'meeting.walk_in', subjectType: 'meeting', subjectId: id, details: { organisation: organisationId, name: w.name, people: w.people } });
    return { linked: organisationId !== null };
  });
}

export async function removeAttendance(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, id: string, attendanceId: string, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    await openForAttendance(sql, municipalityId, id);
    if (!(await attendance.remove(sql, municipalityId, id, attendanceId))) throw new AppError('not_found');
    await audit(sql, municipalityId, actor, { action: 'meeting.attendance_removed', subjectType: 'meeting', subjectId: id, details: { attendance: attendanceId } });
  });
}

export async function saveMinutes(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, id: string, version: number, minutes: string, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    await findMeeting(sql, municipalityId, id, true);
    expectUpdated(await meetings.saveMinutes(sql, municipalityId, id, version, minutes));
    await audit(sql, municipalityId, actor, { action: 'meeting.minutes_saved', subjectType: 'meeting', subjectId: id, details: { length: minutes.length } });
  });
}

/** A follow-up task; its owner must be one of the choices offered (staff here, or an organisation of the meeting). */
export async function addTask(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, id: string, task: TaskInput, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    await findMeeting(sql, municipalityId, id);
    const owners = await audience.owners(sql, municipalityId, id);
    if (task.ownerUserId && !owners.staff.some((s) => s.id === task.ownerUserId)) throw validationError({ owner: { code: 'invalid' } });
    if (task.ownerOrganisationId && !owners.organisations.some((o) => o.id === task.ownerOrganisationId)) throw validationError({ owner: { code: 'invalid' } });
    const taskId = await tasks.insert(sql, municipalityId, id, task, actor.userId!);
    await audit(sql, municipalityId, actor, { action: 'meeting.task_added', subjectType: 'meeting', subjectId: id, details: { task: taskId, title: task.title, due_on: task.dueOn } });
  });
}

export async function setTaskDone(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, id: string, taskId: string, done: boolean, actor: AuditActor) {
  await deps.db.tx(ctx, async (sql) => {
    if (!(await tasks.setDone(sql, municipalityId, id, taskId, done))) throw new AppError('not_found');
    await audit(sql, municipalityId, actor, { action: done ? 'meeting.task_done' : 'meeting.task_reopened', subjectType: 'meeting', subjectId: id, details: { task: taskId } });
  });
}
