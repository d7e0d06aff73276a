import { indexElection, type IndexedElection } from './ballot';
import { groupBallots } from './ballot-groups';
import { equalSharesAddOne, equalSharesFixed } from './equal-shares';
import { greedy } from './greedy';
import { rankByScore, tieComparator } from './ties';
import type { Election, Outcome, ProjectResult, ReasonCode, RuleName, RuleOptions } from './types';

/**
 * The outcome of an election under a rule (ADR 0029). `projects` come in ranking order (score, then the
 * tie-breaks), each with why it was or was not funded and, where it did not fit, how much was missing;
 * `selected` in the order the rule chose them.
 */
export function computeOutcome(election: Election, rule: RuleName, options: RuleOptions = {}): Outcome {
  const indexed = indexElection(election);
  const order = rankByScore(indexed, options.tieBreak);
  if (rule !== 'equal-shares') {
    const projects = greedy(indexed, order, election.budget, rule, options);
    return outcomeOf(rule, election.budget, projects, projects.filter((p) => p.selected).map((p) => p.id));
  }
  return equalSharesOutcome(election, indexed, order, options);
}

function equalSharesOutcome(election: Election, indexed: IndexedElection, order: readonly number[], options: RuleOptions): Outcome {
  const ties = tieComparator(indexed, options.tieBreak);
  const groups = groupBallots(election, false);
  const supported = (p: number) => indexed.score[p]! > 0;
  const chosen = options.completion === 'none'
    ? equalSharesFixed(groups, indexed.costs, election.budget / Math.max(groups.voters, 1), ties)
    : equalSharesAddOne(groups, indexed.costs, election.budget, ties, options.addOneSearch === 'stepwise');
  const selected = [...chosen];
  const taken = new Set(chosen);
  let remaining = election.budget - chosen.reduce((sum, p) => sum + indexed.costs[p]!, 0);
  const results = new Map<number, ProjectResult>();
  for (const p of chosen) results.set(p, result(indexed, p, 'selected'));
  // the utilitarian greedy top-up: what the shares left goes to the best-scored projects that still fit
  for (const p of order) {
    if (taken.has(p)) continue;
    const cost = indexed.costs[p]!;
    if (!supported(p)) results.set(p, result(indexed, p, 'no_support'));
    else if (options.completion !== 'none' && cost <= remaining) {
      remaining -= cost;
      selected.push(p);
      results.set(p, result(indexed, p, 'selected'));
    } else results.set(p, result(indexed, p, 'not_funded_by_shares', cost > remaining ? cost - remaining : undefined));
  }
  const projects = order.map((p) => results.get(p)!);
  return outcomeOf('equal-shares', election.budget, projects, selected.map((p) => indexed.ids[p]!));
}

function result(indexed: IndexedElection, p: number, code: ReasonCode, missing?: number): ProjectResult {
  return {
    id: indexed.ids[p]!, cost: indexed.costs[p]!, score: indexed.score[p]!, votes: indexed.votes[p]!, selected: code === 'selected',
    reason: missing === undefined ? { code } : { code, missing },
  };
}

function outcomeOf(rule: RuleName, budget: number, projects: ProjectResult[], selected: string[]): Outcome {
  const spent = projects.reduce((sum, p) => sum + (p.selected ? p.cost : 0), 0);
  return { rule, budget, spent, selected, projects };
}
