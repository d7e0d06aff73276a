/** The answers an invitee can give. */
export const RESPONSES = ['yes', 'no', 'maybe'] as const;
export type Response = (typeof RESPONSES)[number];

export type MeetingStatus = 'planned' | 'cancelled';

/** Reminders go this long before a meeting starts, to those who said yes or maybe and to those who have not answered. */
export const REMINDER_HOURS_BEFORE = 24;

/** "Which organisations have not answered any of their last N invitations": N when the organiser does not choose. */
export const DEFAULT_SILENT_AFTER = 3;

/** A meeting as the organiser and the invitees see it. */
export interface MeetingRow {
  id: string;
  title: string;
  purpose: string;
  agenda: string;
  audience: string;
  room_id: string | null;
  room_label: string | null;
  /** The room's venue's street address, for people who have never been there (mail, calendar, answer page). */
  room_address: string | null;
  booking_id: string | null;
  address: string;
  online_url: string;
  starts_at: Date;
  ends_at: Date;
  /** The Warsaw day and times, as the form shows them. */
  day: string;
  starts: string;
  ends: string;
  capacity: number | null;
  status: MeetingStatus;
  cancel_reason: string;
  minutes: string;
  ical_sequence: number;
  version: number;
  updated_at: Date;
}

/** Where the meeting is, in one line: the room or the address, and the link when online. */
export function placeOf(m: Pick<MeetingRow, 'room_label' | 'address' | 'online_url'> & { room_address?: string | null }): string {
  return [roomOrAddress(m), m.online_url].filter((p) => p).join(' · ');
}

/** The room with its venue's street address ("MAL Resursa — Sala A, ul. Karola Dittricha 1, 96-300 Żyrardów"), or the address typed. */
export function roomOrAddress(m: Pick<MeetingRow, 'room_label' | 'address'> & { room_address?: string | null }): string {
  return m.room_label ? [m.room_label, m.room_address].filter((p) => p).join(', ') : m.address;
}

/** Answers are taken until the meeting starts. */
export const isOpenForAnswers = (m: Pick<MeetingRow, 'status' | 'starts_at'>, now = new Date()) => m.status === 'planned' && m.starts_at.getTime() > now.getTime();
