/**
 * The participatory budget's winner rules (ADR 0029): scores per ballot kind, vote validation, greedy
 * (with skip, without skip, with a minimum score) and the Method of Equal Shares with the add-one
 * completion and a utilitarian greedy top-up. Pure TypeScript: no database, no Fastify.
 */
export type {
  Ballot, BallotKind, Election, ElectionProject, ElectionVote, Outcome, ProjectResult, ReasonCode, RuleName, RuleOptions, TieBreak,
} from './types';
export { scores, validateVote, type VoteRefusal } from './ballot';
export { computeOutcome } from './outcome';
