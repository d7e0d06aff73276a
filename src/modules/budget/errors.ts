import type { ErrorTable } from '../../platform/http/errors';

/** The participatory budget's error codes and their HTTP status. */
export const budgetErrors = {
  /** The results are shown once voting has closed. */
  'budget.results_not_yet': 404,
  /** A vote (online or paper) outside the edition's voting period. */
  'budget.voting_closed': 409,
  /** This person (account or PESEL) has already voted in this scope of the edition. */
  'budget.already_voted': 409,
  /** A paper ballot with this PESEL is already waiting for its check. */
  'budget.paper_duplicate': 409,
  /** The second officer must be someone other than the one who typed the ballot. */
  'budget.four_eyes': 403,
  /** Voting online is for residents of the municipality (the resident role). */
  'budget.not_resident': 403,
  /** A rule name the CLI does not know. */
  'budget.unknown_rule': 400,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    budget: typeof budgetErrors;
  }
}
