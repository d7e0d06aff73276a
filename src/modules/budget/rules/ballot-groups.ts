import { rankPointsOf } from './ballot';
import type { Election } from './types';

/**
 * Voters grouped by identical ballots (same projects, same points): the Method of Equal Shares treats
 * every voter of a group alike, so it runs over groups with a weight instead of over voters.
 * Stored as compressed rows: a group's projects, and each project's supporting groups with their utility.
 */
export interface BallotGroups {
  voters: number;
  groups: number;
  weight: Float64Array;
  /** project p's supporters: groups projGroup[projStart[p] .. projStart[p+1]) with utilities projUtil[…] */
  projStart: Uint32Array;
  projGroup: Uint32Array;
  projUtil: Float64Array;
}

/**
 * Utilities: approval and choose-one ballots give 1 per approved project (approval utilities — what the
 * Polish elections run with equal shares, Wieliczka and Świecie 2023, used: verified on their files, where
 * cost utilities give other winners); cumulative ballots give the points, ordinal ones the rank's points.
 * `costUtilities` multiplies each utility by the project's cost (equalshares.net's other option).
 */
export function groupBallots(election: Election, costUtilities: boolean): BallotGroups {
  const index = new Map<string, number>();
  election.projects.forEach((p, i) => index.set(p.id, i));
  const { kind } = election.ballot;
  const ranks = kind === 'ordinal' ? rankPointsOf(election.ballot) : [];
  const byKey = new Map<string, number>();
  const weights: number[] = [];
  const members: Array<Array<[number, number]>> = [];
  let voters = 0;
  for (const vote of election.votes) {
    const pairs: Array<[number, number]> = [];
    vote.projects.forEach((id, r) => {
      const p = index.get(id);
      const u = kind === 'cumulative' ? (vote.points?.[r] ?? 0) : kind === 'ordinal' ? (ranks[r] ?? 0) : 1;
      if (p !== undefined && u > 0) pairs.push([p, u]);
    });
    voters++;
    if (pairs.length === 0) continue;
    pairs.sort((a, b) => a[0] - b[0]);
    const key = pairs.map(([p, u]) => (u === 1 ? `${p}` : `${p}:${u}`)).join(',');
    let g = byKey.get(key);
    if (g === undefined) {
      g = weights.length;
      byKey.set(key, g);
      weights.push(0);
      members.push(pairs);
    }
    weights[g]! += 1;
  }
  const m = election.projects.length;
  const projStart = new Uint32Array(m + 1);
  for (const pairs of members) for (const [p] of pairs) projStart[p + 1]! += 1;
  for (let p = 0; p < m; p++) projStart[p + 1]! += projStart[p]!;
  const fill = projStart.slice(0, m);
  const projGroup = new Uint32Array(projStart[m]!);
  const projUtil = new Float64Array(projStart[m]!);
  members.forEach((pairs, g) => {
    for (const [p, u] of pairs) {
      const at = fill[p]!++;
      projGroup[at] = g;
      projUtil[at] = costUtilities ? u * election.projects[p]!.cost : u;
    }
  });
  return { voters, groups: weights.length, weight: Float64Array.from(weights), projStart, projGroup, projUtil };
}
