import type { ErrorTable } from '../../platform/http/errors';

/** The cases module's error codes and their HTTP status. */
export const casesErrors = {
  /** A case outside the caller's need-to-know (not their own, not their team's): "break the glass" with a reason. */
  'case.need_to_know': 403,
  /** A glass grant reads a case; writing to it (or to its plans, referrals, documents) is for those who answer for it. */
  'case.read_only': 403,
  /** A closed (or anonymised) case takes no more changes. */
  'case.closed': 409,
  /** A case whose referrals are still open (sent, accepted, in progress) is not closed: the loop closes first. */
  'case.open_referrals': 409,
  /** A case is opened only from an accepted application… */
  'case.application_not_accepted': 409,
  /** …that is in no case yet. */
  'case.application_has_case': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    cases: typeof casesErrors;
  }
}
