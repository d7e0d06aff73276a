import type { ErrorTable } from '../../platform/http/errors';

/** The venues module's error codes and their HTTP status. */
export const venuesErrors = {
  /** A room asked for a slot another live booking holds (the exclusion constraint of room_bookings). */
  'venue.room_taken': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    venues: typeof venuesErrors;
  }
}
