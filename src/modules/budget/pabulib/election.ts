import type { Ballot, Election, RuleName, RuleOptions } from '../rules';
import { splitList } from './parse';
import type { PbFile } from './types';

/**
 * The election a `.pb` file describes (ADR 0029): the budget (a fraction of a złoty dropped — costs are
 * whole), the ballot from vote_type / min_length / max_length / max_sum_points, the projects and votes,
 * and the rule its META names, mapped to ours:
 * greedy → greedy; greedy-no-skip → greedy-no-skip; greedy-threshold → greedy-threshold;
 * equalshares… → equal-shares (add-one completion and top-up when the name says add1, none otherwise);
 * min_project_score_threshold → options.minScore. Other names (greedy-custom, unknown …) give rule null.
 */
export function electionFromPb(file: PbFile): { election: Election; rule: RuleName | null; ruleName: string; options: RuleOptions } {
  const { meta } = file;
  const ballot = ballotOf(meta);
  const projects = file.projects.map((p) => ({
    id: p.project_id!, cost: Math.round(Number(p.cost)), ...(p.name ? { name: p.name } : {}),
  }));
  const votes = file.votes.map((v) => {
    const chosen = splitList(v.vote ?? '');
    if (ballot.kind !== 'cumulative') return { projects: chosen };
    const points = v.points === undefined ? chosen.map(() => 1) : splitList(v.points).map(Number);
    return { projects: chosen, points };
  });
  const ruleName = (meta.rule ?? '').trim();
  const { rule, options } = ruleFromPbName(ruleName);
  const threshold = Number(meta.min_project_score_threshold);
  if (meta.min_project_score_threshold !== undefined && Number.isFinite(threshold) && threshold > 0) options.minScore = threshold;
  return { election: { budget: Math.floor(Number(meta.budget)), projects, votes, ballot }, rule, ruleName, options };
}

/** Our rule for a pabulib rule name (as `--rule` takes it), or null when we do not implement it. */
export function ruleFromPbName(name: string): { rule: RuleName | null; options: RuleOptions } {
  const lower = name.trim().toLowerCase();
  if (lower === 'greedy') return { rule: 'greedy', options: {} };
  if (lower === 'greedy-no-skip') return { rule: 'greedy-no-skip', options: {} };
  if (lower === 'greedy-threshold') return { rule: 'greedy-threshold', options: {} };
  if (lower === 'equalshares' || lower.startsWith('equalshares/')) {
    return { rule: 'equal-shares', options: { completion: lower.includes('add1') ? 'add-one' : 'none' } };
  }
  return { rule: null, options: {} };
}

/** The pabulib name of our rule, as written into an exported file's META. */
export function pbRuleName(rule: RuleName): string {
  return rule === 'equal-shares' ? 'equalshares/add1' : rule;
}

function ballotOf(meta: Record<string, string>): Ballot {
  const int = (key: string) => {
    const value = Number(meta[key]);
    return meta[key] !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const type = (meta.vote_type ?? 'approval').trim().toLowerCase();
  const limits = { ...(int('max_length') ? { maxProjects: int('max_length') } : {}), ...(int('min_length') ? { minProjects: int('min_length') } : {}) };
  if (type === 'choose-1') return { kind: 'choose-one', maxProjects: 1 };
  if (type === 'ordinal') return { kind: 'ordinal', ...limits };
  if (type === 'cumulative' || type === 'scoring') {
    return { kind: 'cumulative', ...limits, ...(int('max_sum_points') ? { maxPoints: int('max_sum_points') } : {}) };
  }
  return { kind: 'approval', ...limits };
}
