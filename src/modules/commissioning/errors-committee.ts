import type { ErrorTable } from '../../platform/http/errors';

/** The committee's error codes (issue 17, ADR 0033) and their HTTP status. */
export const committeeErrors = {
  /** A member who declared a conflict of interest opens or scores that offer. */
  'commissioning.conflicted': 403,
  /** A member opens an offer before declaring whether they have a conflict of interest. */
  'commissioning.undeclared': 409,
  /** A second declaration for the same offer: a declaration is never changed. */
  'commissioning.declared': 409,
  /** The member's sheet is submitted already: it cannot change. */
  'commissioning.sheet_submitted': 409,
  /** Substantive scoring before the formal assessment found the offer correct. */
  'commissioning.formal_pending': 409,
  /** The committee's work waits until offers close (withdrawals are possible until then), and ends with the results. */
  'commissioning.not_assessing': 409,
  /** Only the committee's chair (or staff) edits the formal assessment and the consensus sheet. */
  'commissioning.not_chair': 403,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    commissioning_committee: typeof committeeErrors;
  }
}
