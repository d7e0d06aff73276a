import type { Sql } from '../../platform/db/types';
import type { CostLine, EditionRow, Phase, PhaseRow, PoolKind, PoolRow, ProjectRow } from './domain';

/** Editions, phases, pools, projects (the budget's public facts). Ballots and voters: repository-votes.ts. */

const EDITION = `e.id, e.name, e.year, e.status, e.source, e.ballot_kind, e.max_projects, e.min_projects, e.max_points, e.rank_points, e.rule,
  e.tie_break, e.min_score, e.age_limit, e.change_allowed, e.currency, e.pabulib_meta`;
const POOL = 'p.id, p.edition_id, p.kind, p.name, p.budget::float8 AS budget, p.residents';
const PROJECT = `j.id, j.edition_id, j.pool_id, j.external_id, j.title, j.description, j.place, j.cost::float8 AS cost, j.status, j.pabulib_fields`;

export type EditionInput = Omit<EditionRow, 'id'>;

export const editions = {
  async list(sql: Sql, municipalityId: string, withDrafts: boolean): Promise<(EditionRow & { voting_ends_at: Date | null })[]> {
    return sql.query(
      `SELECT ${EDITION}, (SELECT ph.ends_at FROM budget_phases ph WHERE ph.municipality_id = e.municipality_id AND ph.edition_id = e.id AND ph.phase = 'voting') AS voting_ends_at
       FROM budget_editions e WHERE e.municipality_id = $1 AND ($2 OR e.status <> 'draft') ORDER BY e.year DESC, e.name, e.id`,
      [municipalityId, withDrafts],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string): Promise<EditionRow | undefined> {
    const [row] = await sql.query<EditionRow>(`SELECT ${EDITION} FROM budget_editions e WHERE e.municipality_id = $1 AND e.id = $2`, [municipalityId, id]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, e: EditionInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO budget_editions (municipality_id, name, year, status, source, ballot_kind, max_projects, min_projects, max_points, rank_points, rule,
         tie_break, min_score, age_limit, change_allowed, currency, pabulib_meta)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [municipalityId, e.name, e.year, e.status, e.source, e.ballot_kind, e.max_projects, e.min_projects, e.max_points, e.rank_points, e.rule,
        e.tie_break, e.min_score, e.age_limit, e.change_allowed, e.currency, e.pabulib_meta ? JSON.stringify(e.pabulib_meta) : null],
    );
    return row!.id;
  },
};

export const phases = {
  async of(sql: Sql, municipalityId: string, editionId: string): Promise<PhaseRow[]> {
    return sql.query<PhaseRow>(
      `SELECT phase, starts_at, ends_at FROM budget_phases WHERE municipality_id = $1 AND edition_id = $2 ORDER BY starts_at, phase`,
      [municipalityId, editionId],
    );
  },
  async set(sql: Sql, municipalityId: string, editionId: string, phase: Phase, startsAt: Date, endsAt: Date): Promise<void> {
    await sql.query(
      `INSERT INTO budget_phases (municipality_id, edition_id, phase, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality_id, edition_id, phase) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`,
      [municipalityId, editionId, phase, startsAt, endsAt],
    );
  },
};

export const pools = {
  async of(sql: Sql, municipalityId: string, editionId: string): Promise<PoolRow[]> {
    return sql.query<PoolRow>(`SELECT ${POOL} FROM budget_pools p WHERE p.municipality_id = $1 AND p.edition_id = $2 ORDER BY p.position, p.name, p.id`, [
      municipalityId, editionId,
    ]);
  },
  async insert(sql: Sql, municipalityId: string, editionId: string, p: { kind: PoolKind; name: string; budget: number; residents: number | null; position: number }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      'INSERT INTO budget_pools (municipality_id, edition_id, kind, name, budget, residents, position) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [municipalityId, editionId, p.kind, p.name, p.budget, p.residents, p.position],
    );
    return row!.id;
  },
};

export type ProjectInput = Omit<ProjectRow, 'id' | 'edition_id' | 'pool_id'> & { position: number };

export const projects = {
  async ofEdition(sql: Sql, municipalityId: string, editionId: string): Promise<ProjectRow[]> {
    return sql.query<ProjectRow>(`SELECT ${PROJECT} FROM budget_projects j WHERE j.municipality_id = $1 AND j.edition_id = $2 ORDER BY j.position, j.title, j.id`, [
      municipalityId, editionId,
    ]);
  },
  async find(sql: Sql, municipalityId: string, id: string): Promise<ProjectRow | undefined> {
    const [row] = await sql.query<ProjectRow>(`SELECT ${PROJECT} FROM budget_projects j WHERE j.municipality_id = $1 AND j.id = $2`, [municipalityId, id]);
    return row;
  },
  /** Many projects in one statement (an imported file's), ids in the input's order. */
  async insertMany(sql: Sql, municipalityId: string, editionId: string, poolId: string, list: readonly ProjectInput[]): Promise<string[]> {
    if (list.length === 0) return [];
    const rows = await sql.query<{ id: string; ord: number }>(
      `INSERT INTO budget_projects (municipality_id, edition_id, pool_id, external_id, title, description, place, cost, status, pabulib_fields, position)
       SELECT $1, $2, $3, x.external_id, x.title, x.description, x.place, x.cost, x.status, x.pabulib_fields, x.position
       FROM jsonb_to_recordset($4::jsonb) AS x(external_id text, title text, description text, place text, cost bigint, status text, pabulib_fields jsonb, position int)
       RETURNING id, position AS ord`,
      [municipalityId, editionId, poolId, JSON.stringify(list)],
    );
    const byPosition = new Map(rows.map((r) => [r.ord, r.id]));
    return list.map((p) => byPosition.get(p.position)!);
  },
  async costLines(sql: Sql, municipalityId: string, projectId: string): Promise<CostLine[]> {
    return sql.query<CostLine>('SELECT item, amount::float8 AS amount FROM budget_cost_lines WHERE municipality_id = $1 AND project_id = $2 ORDER BY position', [
      municipalityId, projectId,
    ]);
  },
  async addCostLines(sql: Sql, municipalityId: string, projectId: string, lines: readonly CostLine[]): Promise<void> {
    await sql.query(
      `INSERT INTO budget_cost_lines (municipality_id, project_id, position, item, amount)
       SELECT $1, $2, x.position, x.item, x.amount FROM jsonb_to_recordset($3::jsonb) AS x(position int, item text, amount bigint)`,
      [municipalityId, projectId, JSON.stringify(lines.map((l, position) => ({ ...l, position })))],
    );
  },
};
