import type { IndexedElection } from './ballot';
import type { ProjectResult, RuleName, RuleOptions } from './types';

/**
 * Greedy by score (ADR 0029), in the ranking order given: with skip (the usual Polish rule: a project
 * that does not fit is passed over and the next is tried), without skip (the first that does not fit
 * ends the count), and with a minimum score (Warsaw: 50 in a district, 100 city-wide; any greedy
 * honours `minScore` when given). A project nobody voted for is never funded.
 */
export function greedy(
  election: IndexedElection, order: readonly number[], budget: number, rule: RuleName, options: RuleOptions,
): ProjectResult[] {
  const minScore = options.minScore ?? 0;
  let remaining = budget;
  let stopped = false;
  return order.map((i) => {
    const cost = election.costs[i]!;
    const base = { id: election.ids[i]!, cost, score: election.score[i]!, votes: election.votes[i]! };
    const missing = cost > remaining ? { missing: cost - remaining } : {};
    if (base.score <= 0) return { ...base, selected: false, reason: { code: 'no_support' } };
    if (base.score < minScore) return { ...base, selected: false, reason: { code: 'below_min_score' } };
    if (stopped) return { ...base, selected: false, reason: { code: 'stopped', ...missing } };
    if (cost <= remaining) {
      remaining -= cost;
      return { ...base, selected: true, reason: { code: 'selected' } };
    }
    if (rule === 'greedy-no-skip') stopped = true;
    return { ...base, selected: false, reason: { code: 'over_budget', ...missing } };
  });
}
