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
  // Proposals, support, verification and appeals (ADR 0034).
  'budget.proposals_closed': 409,
  /** Proposals and support are for residents of the municipality (the resident role). */
  'budget.residents_only': 403,
  'budget.proposal_not_draft': 409,
  'budget.support_closed': 409,
  'budget.already_supported': 409,
  /** Author ≠ verifier: staff may not verify (or decide the appeal of) their own proposal. */
  'budget.own_proposal': 403,
  'budget.verification_published': 409,
  'budget.verification_incomplete': 409,
  'budget.ballot_frozen': 409,
  'budget.appeal_closed': 409,
  'budget.appeal_not_pending': 409,
  /** The officer who gave the verdict does not decide the appeal against it. */
  'budget.appeal_own_verdict': 403,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    budget: typeof budgetErrors;
  }
}
