import type { MessageKey, Params } from '../i18n';

/**
 * Every error a caller can see, with its HTTP status: one exhaustive table.
 * 401: not logged in. 403: you can see this but may not do it. 404: not there, or not yours to see.
 */
export const ERROR_STATUS = {
  'request.malformed': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  /** A NUL character (U+0000) anywhere in a request's text: PostgreSQL refuses it, and no browser sends it (ADR 0015). */
  'request.invalid_characters': 400,
  'validation.failed': 422,
  'auth.required': 401,
  'auth.forbidden': 403,
  'auth.invalid_credentials': 401,
  'auth.locked': 429,
  'auth.email_not_verified': 403,
  'auth.mfa_required': 403,
  'auth.mfa_invalid': 401,
  /** Too many wrong codes for the account: wait (Retry-After) before the next try. */
  'auth.mfa_throttled': 429,
  /** Too many wrong codes in one session: the session has ended. */
  'auth.mfa_attempts_exhausted': 401,
  'csrf.invalid': 403,
  rate_limited: 429,
  not_found: 404,
  'token.invalid': 400,
  'token.expired': 410,
  'token.used': 410,
  'conflict.stale': 409,
  /** A room asked for a slot another live booking holds (venues: the exclusion constraint of room_bookings). */
  'venue.room_taken': 409,
  'staff.last_admin': 409,
  /** Nobody changes their own roles (review 1 #7). */
  'staff.own_roles': 403,
  /** Administrator, director or auditor need a second person, and there is none to confirm. */
  'staff.grant_needs_second': 409,
  /** A grant is confirmed by neither its requester nor the person it is for. */
  'staff.grant_own': 403,
  'staff.grant_closed': 410,
  /** An organisation keeps at least one administrator. */
  'organisation.last_admin': 409,
  'invitation.email_mismatch': 403,
  'invitation.closed': 410,
  'meeting.cancelled': 409,
  'meeting.closed': 409,
  'meeting.not_started': 409,
  /** An application no longer in its queue (decided or withdrawn) cannot be decided, moved or withdrawn again. */
  'application.closed': 409,
  /** Applying for a service is for people of the municipality (who joined it, as residents or otherwise). */
  'application.join_first': 403,
  /** A case outside the caller's need-to-know (not their own, not their team's): "break the glass" with a reason. */
  'case.need_to_know': 403,
  /** A glass grant reads a case; writing to it (or to its plans, referrals, documents) is for those who answer for it. */
  'case.read_only': 403,
  /** A closed (or anonymised) case takes no more changes. */
  'case.closed': 409,
  /** A case whose referrals are still open (sent, accepted, in progress) is not closed: the loop closes first. */
  'case.open_referrals': 409,
  /** A referral's status cannot move this way (a rejected one accepted, a completed one cancelled…). */
  'referral.invalid_transition': 409,
  /** Deliveries are recorded only on an accepted referral or one in progress. */
  'referral.not_active': 409,
  /** The resident withdrew the consent the referral relied on: no new deliveries. */
  'referral.consent_withdrawn': 409,
  /** A case is opened only from an accepted application… */
  'case.application_not_accepted': 409,
  /** …that is in no case yet. */
  'case.application_has_case': 409,
  /** A resident's document removed by its uploader: the record stays, the content is gone. */
  'document.removed': 410,
  /** A consent withdrawn already (twice, or in another tab). */
  'consent.withdrawn': 409,
  /** Processing by the centre cannot be withdrawn while its application waits in a queue / belongs to an open case. */
  'consent.needed_in_queue': 409,
  'consent.needed_in_case': 409,
  /** "Moje sprawy" is for people of the municipality (any role); others are told how to join. */
  'my_data.join_first': 403,
  /** Four eyes: the author of an individual plan (IPUS) can never approve it. */
  'plan.own_approval': 403,
  /** The plan is no longer in the state the action needs (edited only as a draft, approved only when submitted…). */
  'plan.wrong_status': 409,
  /** A case has one plan in force and one draft at a time: drafting or revising again finds the one there is. */
  'plan.exists': 409,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level problem: the message key under `error.*` and its parameters. */
export interface FieldError {
  code: string;
  params?: Params;
}
export type FieldErrors = Record<string, FieldError>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly opts: { fields?: FieldErrors; params?: Params; cause?: unknown } = {},
  ) {
    super(code, { cause: opts.cause });
    this.status = ERROR_STATUS[code];
  }
  get fields(): FieldErrors | undefined {
    return this.opts.fields;
  }
}

export function messageKeyFor(code: ErrorCode): MessageKey {
  return `errors.${code}` as MessageKey;
}

export function fieldMessageKey(code: string): MessageKey {
  return `error.${code}` as MessageKey;
}

export function validationError(fields: FieldErrors): AppError {
  return new AppError('validation.failed', { fields });
}
