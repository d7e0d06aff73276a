/** What a room may have; stored as stable codes (a CHECK in migration 0006 lists the same). */
export const EQUIPMENT = [
  'projector', 'screen', 'sound', 'microphone', 'wifi', 'kitchen', 'tables', 'chairs', 'whiteboard', 'piano', 'sewing_machines', 'computers',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** How a room is accessible to people with disabilities. */
export const ACCESSIBILITY = ['step_free', 'lift', 'accessible_toilet', 'induction_loop', 'wide_doors', 'disabled_parking', 'quiet_room'] as const;
export type Accessibility = (typeof ACCESSIBILITY)[number];

/** A booking's life: a request waits for staff (and holds its slot), then is approved or declined; its requester may cancel. */
export const BOOKING_STATUSES = ['requested', 'approved', 'declined', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** The statuses that hold a slot: the exclusion constraint of room_bookings covers exactly these. */
export const HOLDS_SLOT: readonly BookingStatus[] = ['requested', 'approved'];

/** Monday … Sunday, as ISO weekdays 1 … 7. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A venue's hours on one day of the week ("HH:MM"). */
export interface DayHours {
  weekday: Weekday;
  opens: string;
  closes: string;
}

/** The most occurrences a weekly request may have (a year). */
export const MAX_OCCURRENCES = 52;

export interface VenueRow {
  id: string;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  description: string;
  email: string;
  phone: string;
  version: number;
}

export interface RoomRow {
  id: string;
  venue_id: string;
  venue_name: string;
  name: string;
  capacity: number;
  equipment: Equipment[];
  accessibility: Accessibility[];
  description: string;
  bookable: boolean;
  version: number;
}

/** A booking as the app shows it; `title` and `who` are blanked for people who may not see them. */
export interface BookingRow {
  id: string;
  room_id: string;
  room_name: string;
  venue_name: string;
  organisation_id: string | null;
  organisation_name: string | null;
  requested_by: string;
  requester_name: string | null;
  series_id: string | null;
  source: 'request' | 'meeting';
  title: string;
  people: number;
  starts_at: Date;
  ends_at: Date;
  status: BookingStatus;
  decision_reason: string;
  created_at: Date;
}

export const roomLabel = (r: { venue_name: string; name: string }) => `${r.venue_name} — ${r.name}`;
