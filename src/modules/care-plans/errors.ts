import type { ErrorTable } from '../../platform/http/errors';

/** The care-plans module's error codes and their HTTP status. */
export const carePlansErrors = {
  /** Four eyes: the author of an individual plan (IPUS) can never approve it. */
  'plan.own_approval': 403,
  /** The plan is no longer in the state the action needs (edited only as a draft, approved only when submitted…). */
  'plan.wrong_status': 409,
  /** A case has one plan in force and one draft at a time: drafting or revising again finds the one there is. */
  'plan.exists': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    'care-plans': typeof carePlansErrors;
  }
}
