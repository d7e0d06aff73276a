import type { ErrorTable } from '../../platform/http/errors';

/** Agreements and reports' error codes (issue 17, ADR 0038) and their HTTP status. */
export const agreementErrors = {
  /** The agreement cannot do this in its state (not awarded, not signed, a move from the wrong state). */
  'commissioning.agreement_state': 409,
  /** A change request waits for staff's answer: one at a time. */
  'commissioning.change_pending': 409,
  /** The report is submitted or accepted already (or a second final report). */
  'commissioning.report_state': 409,
  /** The same person cannot ask and answer: a member of the offeror (or the submitter) deciding on its agreement or report. */
  'commissioning.own_organisation': 403,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    commissioning_agreements: typeof agreementErrors;
  }
}
