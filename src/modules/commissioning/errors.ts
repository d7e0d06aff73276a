import type { ErrorTable } from '../../platform/http/errors';

/** The commissioning module's error codes and their HTTP status. */
export const commissioningErrors = {
  /** An offer started, saved or submitted after the call's closing instant (server clock), or before it was published. */
  'commissioning.closed': 409,
  /** The offer is no longer a draft (submitted already, decided) — or cannot be decided in its state. */
  'commissioning.offer_state': 409,
  /** The call cannot change so: published already, resolved, or its offers still open. */
  'commissioning.call_state': 409,
  /** Results wait until every submitted offer has a decision. */
  'commissioning.undecided': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    commissioning: typeof commissioningErrors;
  }
}
