import type { ErrorTable } from '../../platform/http/errors';

/** The meetings module's error codes and their HTTP status. */
export const meetingsErrors = {
  'meeting.cancelled': 409,
  'meeting.closed': 409,
  'meeting.not_started': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    meetings: typeof meetingsErrors;
  }
}
