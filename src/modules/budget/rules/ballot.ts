import type { Ballot, Election, ElectionVote } from './types';

/**
 * Validation of one vote against its ballot, and the projects' scores. The codes are stable: the budget
 * module maps them to Polish messages.
 */
export type VoteRefusal =
  | 'empty' | 'too_few' | 'too_many' | 'unknown_project' | 'duplicate'
  | 'points_not_allowed' | 'points_missing' | 'points_mismatch' | 'points_not_integer' | 'negative_points'
  | 'points_over_max' | 'points_under_min' | 'points_zero';

/** Ordinal ballots without their own points per rank give k, k−1, …, 1 (Borda-like; Kraków's 3-2-1 for k = 3). */
export function rankPointsOf(ballot: Ballot): number[] {
  if (ballot.rankPoints && ballot.rankPoints.length > 0) return ballot.rankPoints;
  const k = ballot.maxProjects ?? 3;
  return Array.from({ length: k }, (_, i) => k - i);
}

export function validateVote(
  ballot: Ballot, vote: ElectionVote, projectIds: ReadonlySet<string>,
): { ok: true } | { ok: false; code: VoteRefusal } {
  const refuse = (code: VoteRefusal) => ({ ok: false as const, code });
  const n = vote.projects.length;
  if (n === 0) return refuse('empty');
  if (ballot.minProjects !== undefined && n < ballot.minProjects) return refuse('too_few');
  const max = ballot.kind === 'choose-one' ? 1
    : ballot.kind === 'ordinal' ? Math.min(ballot.maxProjects ?? Infinity, rankPointsOf(ballot).length)
      : ballot.maxProjects;
  if (max !== undefined && n > max) return refuse('too_many');
  const seen = new Set<string>();
  for (const id of vote.projects) {
    if (!projectIds.has(id)) return refuse('unknown_project');
    if (seen.has(id)) return refuse('duplicate');
    seen.add(id);
  }
  if (ballot.kind !== 'cumulative') return vote.points === undefined ? { ok: true } : refuse('points_not_allowed');
  const points = vote.points;
  if (points === undefined) return refuse('points_missing');
  if (points.length !== n) return refuse('points_mismatch');
  let sum = 0;
  for (const p of points) {
    if (!Number.isInteger(p)) return refuse('points_not_integer');
    if (p < 0) return refuse('negative_points');
    if (p === 0) return refuse('points_zero');
    sum += p;
  }
  if (ballot.maxPoints !== undefined && sum > ballot.maxPoints) return refuse('points_over_max');
  return { ok: true };
}

/**
 * An election in arrays: projects by index, each vote's project indices and the score each gives.
 * Votes naming an unknown project contribute nothing for it (votes are validated when cast).
 */
export interface IndexedElection {
  ids: string[];
  costs: Float64Array;
  /** per project: the sum of the scores it got, and how many voters named it */
  score: Float64Array;
  votes: Uint32Array;
}

export function indexElection(election: Election): IndexedElection {
  const m = election.projects.length;
  const ids = election.projects.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const costs = Float64Array.from(election.projects, (p) => p.cost);
  const score = new Float64Array(m);
  const votes = new Uint32Array(m);
  const { kind } = election.ballot;
  const ranks = kind === 'ordinal' ? rankPointsOf(election.ballot) : [];
  for (const vote of election.votes) {
    const projects = vote.projects;
    for (let r = 0; r < projects.length; r++) {
      const i = index.get(projects[r]!);
      if (i === undefined) continue;
      votes[i]! += 1;
      score[i]! += kind === 'cumulative' ? (vote.points?.[r] ?? 0) : kind === 'ordinal' ? (ranks[r] ?? 0) : 1;
    }
  }
  return { ids, costs, score, votes };
}

/** Each project's score (approvals, points or rank points) and the number of voters who named it. */
export function scores(election: Election): Map<string, { score: number; votes: number }> {
  const { ids, score, votes } = indexElection(election);
  return new Map(ids.map((id, i) => [id, { score: score[i]!, votes: votes[i]! }]));
}
