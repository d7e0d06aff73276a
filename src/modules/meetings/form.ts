import { z } from 'zod';
import { choice, chosenId, optionalUrl, optionalWhole, parseFields, requiredDay, timeOfDay, versionField, type Parsed } from '../../platform/http/form-fields';
import { requiredText, text } from '../../platform/http/validation';
import type { FormState } from '../../platform/ui/context';
import { RESPONSES, type MeetingRow } from './domain';

const meetingShape = {
  title: requiredText(200),
  purpose: text(2000),
  agenda: text(5000),
  audience: text(500),
  day: requiredDay(),
  starts: timeOfDay(),
  ends: timeOfDay(),
  place: choice(['room', 'address', 'online'] as const),
  room_id: z.preprocess((v) => (v === undefined ? '' : v), z.string().max(40)),
  address: text(300),
  online_url: optionalUrl(),
  capacity: optionalWhole('meeting_capacity', 1, 10_000),
};
export type MeetingInput = Parsed<typeof meetingShape>;

/**
 * The meeting form, every mistake at once: the end after the start, and the chosen kind of place
 * filled in (a room, an address, or an online link; an in-person meeting may add a link too).
 */
export function parseMeetingForm(body: unknown): MeetingInput {
  return parseFields(meetingShape, body, (v, fail) => {
    if (v.starts && v.ends && v.ends <= v.starts) fail('ends', 'meeting_ends_before_start');
    if (v.place === 'room' && !z.uuid().safeParse(v.room_id).success) fail('room_id', 'meeting_room_required');
    if (v.place === 'address' && !v.address) fail('address', 'meeting_address_required');
    if (v.place === 'online' && !v.online_url) fail('online_url', 'meeting_online_url_required');
  });
}

export const meetingToValues = (m: MeetingRow): FormState['values'] => ({
  title: m.title,
  purpose: m.purpose,
  agenda: m.agenda,
  audience: m.audience,
  day: m.day,
  starts: m.starts,
  ends: m.ends,
  place: m.room_id ? 'room' : m.address ? 'address' : 'online',
  room_id: m.room_id ?? '',
  address: m.address,
  online_url: m.online_url,
  capacity: m.capacity === null ? '' : String(m.capacity),
  version: String(m.version),
});

const rsvpShape = {
  response: choice(RESPONSES),
  people_count: optionalWhole('meeting_people_count', 0, 500),
  accessibility_needs: text(1000),
};
export type RsvpInput = { response: (typeof RESPONSES)[number]; peopleCount: number; accessibilityNeeds: string };

/** An answer: yes needs at least one person (one when left empty); no and maybe keep the number given or none. */
export function parseRsvp(body: unknown): RsvpInput {
  // A JSON client may send the number of people as a number.
  const input = body && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {};
  if (typeof input.people_count === 'number') input.people_count = String(input.people_count);
  const v = parseFields(rsvpShape, input, (v, fail) => {
    if (v.response === 'yes' && v.people_count === 0) fail('people_count', 'meeting_people_count_yes');
  });
  const peopleCount = v.people_count ?? (v.response === 'yes' ? 1 : 0);
  return { response: v.response, peopleCount: v.response === 'no' ? 0 : peopleCount, accessibilityNeeds: v.response === 'no' ? '' : v.accessibility_needs };
}

export const cancelSchema = z.object({ version: versionField(), reason: requiredText(1000) });
export const minutesSchema = z.object({ version: versionField(), minutes: text(20_000) });

const taskShape = {
  title: requiredText(300),
  owner: z.preprocess((v) => (v === undefined ? '' : v), z.string().max(60)),
  owner_name: text(200),
  due_on: requiredDay(),
};
export type TaskInput = { title: string; ownerUserId: string | null; ownerOrganisationId: string | null; ownerName: string; dueOn: string };

/** A follow-up task: its owner is a staff person (`user:<id>`), an organisation (`org:<id>`), or a name typed in. */
export function parseTask(body: unknown): TaskInput {
  const v = parseFields(taskShape, body, (v, fail) => {
    const [kind, id] = (v.owner ?? '').split(':');
    const chosen = (kind === 'user' || kind === 'org') && z.uuid().safeParse(id).success;
    if (v.owner && !chosen) fail('owner', 'invalid');
    if (!v.owner && !v.owner_name) fail('owner', 'meeting_task_owner_required');
  });
  const [kind, id] = v.owner.split(':');
  return {
    title: v.title,
    ownerUserId: kind === 'user' ? id!.toLowerCase() : null,
    ownerOrganisationId: kind === 'org' ? id!.toLowerCase() : null,
    ownerName: v.owner_name,
    dueOn: v.due_on,
  };
}

/** Someone who came uninvited: the organisation's name as in the registry (it is then linked) or any name. */
export const walkInShape = { name: requiredText(200), people_count: optionalWhole('meeting_people_count', 1, 500) };

export { chosenId };
