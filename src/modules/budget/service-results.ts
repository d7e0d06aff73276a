import type { Database, DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { ballotOf, currentPhase, optionsOf, votingClosed, type EditionRow, type PhaseRow, type PoolRow, type ProjectRow } from './domain';
import { editions, phases, pools, projects } from './repository';
import { ballots, type StoredBallot } from './repository-votes';
import { computeOutcome, type Election, type Outcome, type RuleName, type RuleOptions } from './rules';

/** What the public sees of an edition, and the live results: computed from the counted ballots at each request (no batch job). */

export interface EditionView {
  edition: EditionRow;
  phases: PhaseRow[];
  phase: ReturnType<typeof currentPhase>;
  pools: PoolRow[];
  projects: ProjectRow[];
  ballots: Map<string, number>;
  closed: boolean;
}

export async function editionView(sql: Sql, municipalityId: string, editionId: string, staff = false): Promise<EditionView> {
  const edition = await editions.find(sql, municipalityId, editionId);
  if (!edition || (edition.status === 'draft' && !staff)) throw new AppError('not_found');
  const ph = await phases.of(sql, municipalityId, editionId);
  return {
    edition,
    phases: ph,
    phase: currentPhase(ph),
    pools: await pools.of(sql, municipalityId, editionId),
    projects: await projects.ofEdition(sql, municipalityId, editionId),
    ballots: await ballots.countsByPool(sql, municipalityId, editionId),
    closed: votingClosed(edition, ph),
  };
}

export interface PoolResult {
  pool: PoolRow;
  projects: ProjectRow[];
  ballots: StoredBallot[];
  outcome: Outcome;
}

export function electionOf(edition: EditionRow, pool: PoolRow, list: readonly ProjectRow[], stored: readonly StoredBallot[]): Election {
  return {
    budget: pool.budget,
    ballot: ballotOf(edition),
    projects: list.filter((p) => p.status === 'on_ballot').map((p) => ({ id: p.id, cost: p.cost, name: p.title })),
    votes: stored.map((b) => (b.points ? { projects: b.projects, points: b.points } : { projects: b.projects })),
  };
}

/** Every pool's outcome under the edition's rule (or `rule`, for a comparison). */
export async function poolResults(
  sql: Sql, municipalityId: string, view: Pick<EditionView, 'edition' | 'pools' | 'projects'>, rule?: RuleName, options?: RuleOptions,
): Promise<PoolResult[]> {
  const out: PoolResult[] = [];
  for (const pool of view.pools) {
    const list = view.projects.filter((p) => p.pool_id === pool.id);
    const stored = await ballots.ofPool(sql, municipalityId, pool.id);
    const outcome = computeOutcome(electionOf(view.edition, pool, list, stored), rule ?? view.edition.rule, { ...optionsOf(view.edition), ...options });
    out.push({ pool, projects: list, ballots: stored, outcome });
  }
  return out;
}

/** The results page's data: refused (404) before voting closes, so nobody watches a running count. */
export async function editionResults(db: Database, ctx: DbContext, municipalityId: string, editionId: string, staff: boolean) {
  return db.tx(ctx, async (sql) => {
    const view = await editionView(sql, municipalityId, editionId, staff);
    if (!view.closed) throw new AppError('budget.results_not_yet');
    return { view, results: await poolResults(sql, municipalityId, view) };
  });
}

/** A project's page: its facts, cost lines and — once voting has closed — its result and why. */
export async function projectView(db: Database, ctx: DbContext, municipalityId: string, projectId: string, staff: boolean) {
  return db.tx(ctx, async (sql) => {
    const project = await projects.find(sql, municipalityId, projectId);
    if (!project) throw new AppError('not_found');
    const view = await editionView(sql, municipalityId, project.edition_id, staff);
    const pool = view.pools.find((p) => p.id === project.pool_id)!;
    const lines = await projects.costLines(sql, municipalityId, project.id);
    let result = null;
    if (view.closed) {
      const [r] = await poolResults(sql, municipalityId, { ...view, pools: [pool] });
      result = r!.outcome.projects.find((p) => p.id === project.id) ?? null;
    }
    return { project, edition: view.edition, pool, lines, result };
  });
}

export async function editionsList(db: Database, ctx: DbContext, municipalityId: string, staff: boolean) {
  return db.tx(ctx, (sql) => editions.list(sql, municipalityId, staff));
}

export async function editionPage(db: Database, ctx: DbContext, municipalityId: string, editionId: string, staff: boolean) {
  return db.tx(ctx, (sql) => editionView(sql, municipalityId, editionId, staff));
}

/** The results as CSV rows: every pool's projects with score, votes, cost, selected and the reason code. */
export function resultsCsvRows(results: readonly PoolResult[]) {
  return results.flatMap((r) => {
    const byId = new Map(r.projects.map((p) => [p.id, p]));
    return r.outcome.projects.map((p) => ({
      pula: r.pool.name,
      projekt: byId.get(p.id)?.title ?? p.id,
      numer: byId.get(p.id)?.external_id ?? '',
      wynik: p.score,
      glosy: p.votes,
      koszt: p.cost,
      wybrany: p.selected ? 'tak' : 'nie',
      powod: p.reason.code,
      brakujaca_kwota: p.reason.missing ?? '',
    }));
  });
}
export const RESULTS_CSV_COLUMNS = ['pula', 'projekt', 'numer', 'wynik', 'glosy', 'koszt', 'wybrany', 'powod', 'brakujaca_kwota'] as const;
