import type { TieBreak } from './types';
import type { IndexedElection } from './ballot';

/**
 * Tie-breaking (ADR 0029): the edition's rules in order — lower cost, more votes, a lot drawn with a
 * recorded seed — and the project id as the last resort, so every outcome is deterministic.
 */

/** mulberry32: a small seeded PRNG; the same seed gives the same draw on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ids in a stable order: numbers by value when both are digits, otherwise by code units. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lot: a Fisher–Yates shuffle of the ids in their stable order, seeded; a lower place wins the tie. */
export function lotPlaces(ids: readonly string[], seed: number): Map<string, number> {
  const order = [...ids].sort(compareIds);
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return new Map(order.map((id, place) => [id, place]));
}

/** A comparator of project indices for ties only: negative when a goes first. */
export function tieComparator(election: IndexedElection, tieBreak: readonly TieBreak[] = []): (a: number, b: number) => number {
  const steps = tieBreak.map((rule): ((a: number, b: number) => number) => {
    if (rule === 'lower-cost') return (a, b) => election.costs[a]! - election.costs[b]!;
    if (rule === 'more-votes') return (a, b) => election.votes[b]! - election.votes[a]!;
    const places = lotPlaces(election.ids, rule.lot);
    return (a, b) => places.get(election.ids[a]!)! - places.get(election.ids[b]!)!;
  });
  return (a, b) => {
    for (const step of steps) {
      const d = step(a, b);
      if (d !== 0) return d;
    }
    return compareIds(election.ids[a]!, election.ids[b]!);
  };
}

/** Projects by score, highest first, ties broken as above. */
export function rankByScore(election: IndexedElection, tieBreak?: readonly TieBreak[]): number[] {
  const ties = tieComparator(election, tieBreak);
  const order = Array.from(election.ids, (_, i) => i);
  return order.sort((a, b) => election.score[b]! - election.score[a]! || ties(a, b));
}
