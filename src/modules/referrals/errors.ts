import type { ErrorTable } from '../../platform/http/errors';

/** The referrals module's error codes and their HTTP status. */
export const referralsErrors = {
  /** A referral's status cannot move this way (a rejected one accepted, a completed one cancelled…). */
  'referral.invalid_transition': 409,
  /** Deliveries are recorded only on an accepted referral or one in progress. */
  'referral.not_active': 409,
  /** The resident withdrew the consent the referral relied on: no new deliveries. */
  'referral.consent_withdrawn': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    referrals: typeof referralsErrors;
  }
}
