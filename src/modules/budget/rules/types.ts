/** The participatory budget's ballots, elections and outcomes (ADR 0029). Pure data, no database. */

export type BallotKind = 'approval' | 'choose-one' | 'cumulative' | 'ordinal';

export interface Ballot {
  kind: BallotKind;
  /** approval: at most k projects; ordinal: rank at most k. */
  maxProjects?: number;
  minProjects?: number;
  /** cumulative: points in total, e.g. 10. */
  maxPoints?: number;
  /** ordinal: points per rank, e.g. [3, 2, 1] (Kraków). */
  rankPoints?: number[];
}

/** cost in grosze or whole zł — integers. */
export interface ElectionProject { id: string; cost: number; name?: string }

/** ordinal: projects in rank order; cumulative: points aligned with projects. */
export interface ElectionVote { projects: string[]; points?: number[] }

export interface Election { budget: number; projects: ElectionProject[]; votes: ElectionVote[]; ballot: Ballot }

export type RuleName = 'greedy' | 'greedy-no-skip' | 'greedy-threshold' | 'equal-shares';

export type TieBreak = 'lower-cost' | 'more-votes' | { lot: number /* seed, recorded */ };

export interface RuleOptions {
  /** applied in order, then by project id as the last resort */
  tieBreak?: TieBreak[];
  /** greedy-threshold: minimum score (Warsaw: 50 district, 100 city-wide) */
  minScore?: number;
  /** equal-shares (default add-one, then utilitarian greedy top-up) */
  completion?: 'add-one' | 'none';
  /** equal-shares' add-one: raise the share 1, 2, 4 … units then halve (default, fast), or one unit at a time */
  addOneSearch?: 'doubling' | 'stepwise';
}

export type ReasonCode = 'selected' | 'over_budget' | 'below_min_score' | 'stopped' | 'no_support' | 'not_funded_by_shares';

export interface ProjectResult {
  id: string;
  cost: number;
  score: number;
  votes: number;
  selected: boolean;
  /** missing: how much the remaining budget lacked when the project's turn came (over_budget, stopped). */
  reason: { code: ReasonCode; missing?: number };
}

export interface Outcome { rule: RuleName; budget: number; spent: number; selected: string[]; projects: ProjectResult[] }
