import type { Sql } from '../../platform/db/types';
import { electionFromPb, parsePb, pbRuleName, writePb, type PbFile } from './pabulib';
import { tieBreakToText, type EditionRow, type PoolRow, type ProjectRow } from './domain';
import { editions, pools, projects, type ProjectInput } from './repository';
import { ballots, type StoredBallot } from './repository-votes';
import type { Outcome, RuleName, RuleOptions } from './rules';
import { RULES } from './domain';

/** A pabulib file in and out (ADR 0030): an edition of one pool made from a `.pb` file, and a pool written back as one. */

const PROJECT_FIELDS_KEPT_ELSEWHERE = new Set(['project_id', 'cost', 'name', 'votes', 'score', 'selected']);

/** Creates an edition from a `.pb` file's text (in the caller's transaction); returns its id. Throws PbParseError on a malformed file. */
export async function importPb(sql: Sql, municipalityId: string, text: string): Promise<{ editionId: string; poolId: string; projects: number; votes: number }> {
  const file = parsePb(text);
  const { election, rule, options } = electionFromPb(file);
  const meta = file.meta;
  const name = (meta.description || [meta.unit, meta.subunit || meta.district, meta.instance].filter(Boolean).join(' ') || 'Budżet obywatelski').slice(0, 300);
  const year = Number(/\d{4}/.exec(meta.instance ?? meta.date_begin ?? '')?.[0] ?? new Date().getFullYear());
  const editionId = await editions.insert(sql, municipalityId, {
    name: name.length >= 3 ? name : `Budżet ${name}`,
    year,
    status: 'published',
    source: 'pabulib',
    ballot_kind: election.ballot.kind,
    max_projects: election.ballot.maxProjects ?? null,
    min_projects: election.ballot.minProjects ?? null,
    max_points: election.ballot.maxPoints ?? null,
    rank_points: election.ballot.rankPoints ?? null,
    rule: rule ?? 'greedy',
    tie_break: (options.tieBreak ?? []).map(tieBreakToText),
    min_score: options.minScore ?? null,
    age_limit: null,
    change_allowed: false,
    currency: meta.currency || 'PLN',
    pabulib_meta: meta,
  });
  const cityWide = !meta.district && !meta.subunit;
  const poolId = await pools.insert(sql, municipalityId, editionId, {
    kind: cityWide ? 'city' : 'district',
    name: (meta.subunit || meta.district || meta.unit || name).slice(0, 200),
    budget: election.budget,
    residents: null,
    position: 0,
  });
  const rowsById = new Map(file.projects.map((p) => [p.project_id, p]));
  const inputs: ProjectInput[] = election.projects.map((p, position) => {
    const row = rowsById.get(p.id) ?? {};
    const extra = Object.fromEntries(Object.entries(row).filter(([k]) => !PROJECT_FIELDS_KEPT_ELSEWHERE.has(k)));
    return {
      external_id: p.id,
      title: (p.name || row.name || `Projekt ${p.id}`).slice(0, 300),
      description: '',
      place: '',
      cost: p.cost,
      status: 'on_ballot',
      pabulib_fields: extra,
      position,
    };
  });
  const ids = await projects.insertMany(sql, municipalityId, editionId, poolId, inputs);
  const uuidOf = new Map(election.projects.map((p, i) => [p.id, ids[i]!]));
  const stored: StoredBallot[] = election.votes.map((v) => ({ projects: v.projects.map((id) => uuidOf.get(id)!).filter(Boolean), points: v.points ?? null }));
  await ballots.addMany(sql, municipalityId, editionId, poolId, 'imported', stored);
  return { editionId, poolId, projects: ids.length, votes: stored.length };
}

/** The rule a pabulib name (or our own name) stands for, with the completion its name says; undefined if none. */
export function ruleFromName(name: string): { rule: RuleName; options: RuleOptions } | undefined {
  const lower = name.trim().toLowerCase();
  if (lower === 'equalshares' || lower === 'mes') return { rule: 'equal-shares', options: { completion: 'none' } };
  if (lower.startsWith('equalshares/')) return { rule: 'equal-shares', options: { completion: lower.includes('add1') ? 'add-one' : 'none' } };
  const rule = RULES.find((r) => r === lower || pbRuleName(r) === lower);
  return rule ? { rule, options: {} } : undefined;
}

const VOTE_TYPE: Record<EditionRow['ballot_kind'], string> = { approval: 'approval', 'choose-one': 'choose-1', cumulative: 'cumulative', ordinal: 'ordinal' };

/** One pool as a `.pb` file: its META (the imported file's, brought up to date), projects with votes, score and selected, and the counted ballots. */
export function poolToPb(edition: EditionRow, pool: PoolRow, list: readonly ProjectRow[], stored: readonly StoredBallot[], outcome: Outcome): string {
  const ext = new Map(list.map((p) => [p.id, p.external_id ?? p.id]));
  const result = new Map(outcome.projects.map((r) => [r.id, r]));
  const meta: Record<string, string> = {
    ...(edition.pabulib_meta ?? { description: `${edition.name} — ${pool.name}`, country: 'Poland', instance: String(edition.year) }),
    num_projects: String(list.length),
    num_votes: String(stored.length),
    budget: String(pool.budget),
    vote_type: VOTE_TYPE[edition.ballot_kind],
    rule: pbRuleName(edition.rule),
  };
  if (edition.ballot_kind === 'cumulative' && edition.max_points !== null) meta.max_sum_points = String(edition.max_points);
  if (edition.max_projects !== null) meta.max_length = String(edition.max_projects);
  if (edition.min_projects !== null) meta.min_length = String(edition.min_projects);
  const file: PbFile = {
    meta,
    projects: list.map((p) => ({
      project_id: ext.get(p.id)!,
      cost: String(p.cost),
      name: p.title,
      ...(p.pabulib_fields ?? {}),
      votes: String(result.get(p.id)?.votes ?? 0),
      score: String(result.get(p.id)?.score ?? 0),
      selected: result.get(p.id)?.selected ? '1' : '0',
    })),
    votes: stored.map((b, i) => ({
      voter_id: String(i + 1),
      vote: b.projects.map((id) => ext.get(id) ?? id).join(','),
      ...(b.points ? { points: b.points.join(',') } : {}),
    })),
  };
  return writePb(file);
}
