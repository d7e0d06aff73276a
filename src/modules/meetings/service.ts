import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError } from '../../platform/http/errors';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { releaseBooking, reserveRoomForMeeting, roomCapacity } from '../venues';
import { REMINDER_HOURS_BEFORE, type MeetingRow } from './domain';
import type { MeetingInput } from './form';
import { meetingMail, type LinkDeps, type MeetingMailKind } from './mail';
import { meetings } from './repository';
import { invitations } from './repository-invitations';

export interface MeetingsDeps extends LinkDeps {
  db: Database;
}

export const REMIND_QUEUE = 'meetings.remind';

export async function findMeeting(sql: Sql, municipalityId: string, id: string, lock = false): Promise<MeetingRow> {
  const meeting = await meetings.find(sql, municipalityId, id, lock);
  if (!meeting) throw new AppError('not_found');
  return meeting;
}

/** A reminder job for the meeting's start; a job whose start no longer matches (the meeting moved) does nothing. */
async function scheduleReminder(sql: Sql, municipality: MunicipalityRow, meeting: Pick<MeetingRow, 'id' | 'starts_at'>): Promise<void> {
  const delaySeconds = Math.floor((meeting.starts_at.getTime() - REMINDER_HOURS_BEFORE * 3_600_000 - Date.now()) / 1000);
  if (delaySeconds <= 0) return;
  await enqueue(sql, REMIND_QUEUE, { municipality, meetingId: meeting.id, startsAt: meeting.starts_at.toISOString() }, { delaySeconds });
}

/** Mails each of `list` about the meeting, through the outbox (sent after commit, retried on failure). */
export async function mailInvitees(deps: LinkDeps, sql: Sql, municipality: MunicipalityRow, meeting: MeetingRow, kind: MeetingMailKind, list: { id: string; email: string }[]): Promise<void> {
  for (const invitation of list) await enqueue(sql, MAIL_QUEUE, { ...meetingMail(deps, municipality, meeting, kind, invitation) });
}

/** Books the meeting's room (when it has one) in the room's calendar; a clash names the booking in the way. */
async function bookRoom(sql: Sql, municipalityId: string, meeting: MeetingRow, userId: string): Promise<void> {
  if (!meeting.room_id) return;
  const bookingId = await reserveRoomForMeeting(sql, municipalityId, { roomId: meeting.room_id, startsAt: meeting.starts_at, endsAt: meeting.ends_at, title: meeting.title, bookedBy: userId });
  await meetings.setBooking(sql, municipalityId, meeting.id, bookingId);
}

/** More places than the chosen room holds is a field error naming the room and its size (an address or online: any number). */
async function checkCapacityFitsRoom(sql: Sql, municipalityId: string, input: MeetingInput): Promise<void> {
  if (input.place !== 'room' || input.capacity === null) return;
  const room = await roomCapacity(sql, municipalityId, input.room_id.toLowerCase());
  if (room && input.capacity > room.capacity) {
    throw new AppError('validation.failed', { fields: { capacity: { code: 'meeting_capacity_over_room', params: { room: room.label, count: room.capacity } } } });
  }
}

export async function createMeeting(deps: MeetingsDeps, ctx: DbContext, municipality: MunicipalityRow, input: MeetingInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const { starts_at } = await meetings.instants(sql, input.day, input.starts, input.ends);
    if (starts_at.getTime() <= Date.now()) throw new AppError('validation.failed', { fields: { day: { code: 'meeting_in_past' } } });
    await checkCapacityFitsRoom(sql, municipality.id, input);
    const id = await meetings.insert(sql, municipality.id, input, actor.userId!);
    const meeting = await findMeeting(sql, municipality.id, id);
    await bookRoom(sql, municipality.id, meeting, actor.userId!);
    await scheduleReminder(sql, municipality, meeting);
    await audit(sql, municipality.id, actor, { action: 'meeting.created', subjectType: 'meeting', subjectId: id, details: { title: input.title } });
    return id;
  });
}

const placeKey = (m: MeetingRow) => [m.starts_at.getTime(), m.ends_at.getTime(), m.room_id, m.address, m.online_url].join('|');

/**
 * Saves an edit made on `version` (someone else's save in between is refused). A new time or place
 * moves the room booking, tells everyone not known to stay away (with the updated calendar entry),
 * and moves the reminder.
 */
export async function updateMeeting(deps: MeetingsDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, input: MeetingInput, version: number, actor: AuditActor): Promise<{ notified: number }> {
  return deps.db.tx(ctx, async (sql) => {
    const before = await findMeeting(sql, municipality.id, id, true);
    if (before.status === 'cancelled') throw new AppError('meeting.cancelled');
    await checkCapacityFitsRoom(sql, municipality.id, input);
    const { starts_at, ends_at } = await meetings.instants(sql, input.day, input.starts, input.ends);
    const roomId = input.place === 'room' ? input.room_id.toLowerCase() : null;
    const moved = placeKey(before) !== placeKey({ ...before, starts_at, ends_at, room_id: roomId, address: input.place === 'address' ? input.address : '', online_url: input.online_url });
    if (moved && starts_at.getTime() <= Date.now()) throw new AppError('validation.failed', { fields: { day: { code: 'meeting_in_past' } } });
    expectUpdated(await meetings.update(sql, municipality.id, id, input, version, moved));
    const after = await findMeeting(sql, municipality.id, id);
    if (!moved) {
      await audit(sql, municipality.id, actor, { action: 'meeting.updated', subjectType: 'meeting', subjectId: id, details: { title: after.title } });
      return { notified: 0 };
    }
    if (before.booking_id) {
      await meetings.setBooking(sql, municipality.id, id, null);
      await releaseBooking(sql, municipality.id, before.booking_id);
    }
    await bookRoom(sql, municipality.id, after, actor.userId!);
    await scheduleReminder(sql, municipality, after);
    const list = await invitations.toNotify(sql, municipality.id, id);
    await mailInvitees(deps, sql, municipality, after, 'update', list);
    await audit(sql, municipality.id, actor, { action: 'meeting.moved', subjectType: 'meeting', subjectId: id, details: { starts_at: after.starts_at.toISOString(), place: [after.room_id, after.address, after.online_url] } });
    return { notified: list.length };
  });
}

/** Cancels a meeting with a reason: the room is freed, everyone not known to stay away is told (the calendar entry removed). */
export async function cancelMeeting(deps: MeetingsDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, version: number, reason: string, actor: AuditActor): Promise<{ notified: number }> {
  return deps.db.tx(ctx, async (sql) => {
    const before = await findMeeting(sql, municipality.id, id, true);
    if (before.status === 'cancelled') throw new AppError('meeting.cancelled');
    expectUpdated(await meetings.cancel(sql, municipality.id, id, version, reason));
    if (before.booking_id) await releaseBooking(sql, municipality.id, before.booking_id);
    const list = before.starts_at.getTime() > Date.now() ? await invitations.toNotify(sql, municipality.id, id) : [];
    await mailInvitees(deps, sql, municipality, await findMeeting(sql, municipality.id, id), 'cancellation', list);
    await audit(sql, municipality.id, actor, { action: 'meeting.cancelled', subjectType: 'meeting', subjectId: id, details: { reason } });
    return { notified: list.length };
  });
}

/** The reminder job: for the meeting as it still is, to those who have not said no and were not reminded yet. */
export async function sendReminders(deps: MeetingsDeps, payload: { municipality: MunicipalityRow; meetingId: string; startsAt: string }): Promise<number> {
  const { municipality } = payload;
  return deps.db.tx({ municipalityId: municipality.id, userId: null }, async (sql) => {
    const meeting = await meetings.find(sql, municipality.id, payload.meetingId, true);
    if (!meeting || meeting.status !== 'planned' || meeting.starts_at.toISOString() !== payload.startsAt || meeting.starts_at.getTime() <= Date.now()) return 0;
    const list = await invitations.takeForReminder(sql, municipality.id, meeting.id);
    await mailInvitees(deps, sql, municipality, meeting, 'reminder', list);
    return list.length;
  });
}
