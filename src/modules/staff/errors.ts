import type { ErrorTable } from '../../platform/http/errors';

/** The staff module's error codes and their HTTP status. */
export const staffErrors = {
  'staff.last_admin': 409,
  /** Nobody changes their own roles. */
  'staff.own_roles': 403,
  /** Administrator, director or auditor need a second person, and there is none to confirm. */
  'staff.grant_needs_second': 409,
  /** A grant is confirmed by neither its requester nor the person it is for. */
  'staff.grant_own': 403,
  'staff.grant_closed': 410,
  /** An invitation (to the staff, or to an organisation's members) is for the address it was sent to. */
  'invitation.email_mismatch': 403,
  'invitation.closed': 410,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    staff: typeof staffErrors;
  }
}
