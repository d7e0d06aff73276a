import type { Sql } from '../../platform/db/types';
import type { CommitmentRow, GoalRow, ItemKind, Move, PlanContents, ReviewRow, ServiceRow } from './domain';

/** The parts of a plan: goals, services, the resident's commitments (in order) and review dates (by day). */

const TABLE: Record<ItemKind, string> = {
  goals: 'care_plan_goals',
  services: 'care_plan_services',
  commitments: 'care_plan_commitments',
  reviews: 'care_plan_reviews',
};

/** The columns a form writes, per kind (fixed names, never from input). */
export const ITEM_COLUMNS = {
  goals: ['description', 'measure'],
  services: ['service_id', 'description', 'frequency', 'provider_kind', 'provider_unit_id', 'provider_organisation_id', 'provider_name'],
  commitments: ['description', 'due_on'],
  reviews: ['review_on'],
} as const satisfies Record<ItemKind, readonly string[]>;

export type AnyItemValues = Record<string, string | null>;

const SERVICE_SELECT = `SELECT i.id, i.position, i.service_id, s.name AS service_name, i.description, i.frequency, i.provider_kind, i.provider_unit_id,
    i.provider_organisation_id, i.provider_name, coalesce(u.name, o.name, i.provider_name) AS provider_label
  FROM care_plan_services i LEFT JOIN services s ON s.municipality_id = i.municipality_id AND s.id = i.service_id
  LEFT JOIN units u ON u.municipality_id = i.municipality_id AND u.id = i.provider_unit_id
  LEFT JOIN organisations o ON o.municipality_id = i.municipality_id AND o.id = i.provider_organisation_id`;

const SELECT: Record<ItemKind, string> = {
  goals: 'SELECT i.id, i.position, i.description, i.measure FROM care_plan_goals i',
  services: SERVICE_SELECT,
  commitments: 'SELECT i.id, i.position, i.description, i.due_on FROM care_plan_commitments i',
  reviews: `SELECT i.id, i.review_on, i.done_at, d.display_name AS done_by_name, i.note FROM care_plan_reviews i LEFT JOIN users d ON d.id = i.done_by`,
};
const ORDER: Record<ItemKind, string> = { goals: 'i.position, i.id', services: 'i.position, i.id', commitments: 'i.position, i.id', reviews: 'i.review_on, i.id' };

export const items = {
  async of<K extends ItemKind>(sql: Sql, municipalityId: string, planId: string, kind: K): Promise<PlanContents[K]> {
    return sql.query(`${SELECT[kind]} WHERE i.municipality_id = $1 AND i.plan_id = $2 ORDER BY ${ORDER[kind]}`, [municipalityId, planId]) as Promise<PlanContents[K]>;
  },
  async find(sql: Sql, municipalityId: string, planId: string, kind: ItemKind, id: string): Promise<GoalRow | ServiceRow | CommitmentRow | ReviewRow | undefined> {
    const [row] = await sql.query<GoalRow>(`${SELECT[kind]} WHERE i.municipality_id = $1 AND i.plan_id = $2 AND i.id = $3`, [municipalityId, planId, id]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, planId: string, kind: ItemKind, values: AnyItemValues): Promise<string> {
    const columns = ITEM_COLUMNS[kind] as readonly string[];
    const positioned = kind !== 'reviews';
    const params = [municipalityId, planId, ...columns.map((c) => values[c] ?? null)];
    const placeholders = columns.map((_, i) => `$${i + 3}`);
    const position = positioned ? `, (SELECT coalesce(max(position), 0) + 1 FROM ${TABLE[kind]} WHERE municipality_id = $1 AND plan_id = $2)` : '';
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO ${TABLE[kind]} (municipality_id, plan_id, ${columns.join(', ')}${positioned ? ', position' : ''})
       VALUES ($1, $2, ${placeholders.join(', ')}${position}) RETURNING id`,
      params,
    );
    return row!.id;
  },
  async update(sql: Sql, municipalityId: string, planId: string, kind: ItemKind, id: string, values: AnyItemValues): Promise<boolean> {
    const columns = ITEM_COLUMNS[kind] as readonly string[];
    const rows = await sql.query(
      `UPDATE ${TABLE[kind]} SET ${columns.map((c, i) => `${c} = $${i + 4}`).join(', ')} WHERE municipality_id = $1 AND plan_id = $2 AND id = $3 RETURNING id`,
      [municipalityId, planId, id, ...columns.map((c) => values[c] ?? null)],
    );
    return rows.length === 1;
  },
  async remove(sql: Sql, municipalityId: string, planId: string, kind: ItemKind, id: string): Promise<boolean> {
    const rows = await sql.query(`DELETE FROM ${TABLE[kind]} WHERE municipality_id = $1 AND plan_id = $2 AND id = $3 RETURNING id`, [municipalityId, planId, id]);
    return rows.length === 1;
  },
  /** Swaps an item with its neighbour above or below; false when it already is first or last. */
  async move(sql: Sql, municipalityId: string, planId: string, kind: ItemKind, id: string, move: Move): Promise<boolean> {
    const t = TABLE[kind];
    const [pair] = await sql.query<{ other: string; mine: number; theirs: number }>(
      `SELECT n.id AS other, me.position AS mine, n.position AS theirs FROM ${t} me
       JOIN LATERAL (SELECT id, position FROM ${t} x WHERE x.municipality_id = me.municipality_id AND x.plan_id = me.plan_id
                       AND ${move === 'up' ? '(x.position, x.id) < (me.position, me.id) ORDER BY x.position DESC, x.id DESC' : '(x.position, x.id) > (me.position, me.id) ORDER BY x.position, x.id'} LIMIT 1) n ON true
       WHERE me.municipality_id = $1 AND me.plan_id = $2 AND me.id = $3`,
      [municipalityId, planId, id],
    );
    if (!pair) return false;
    // Equal positions (never made here, but harmless) still come apart in the chosen direction.
    const [mine, theirs] = pair.mine === pair.theirs ? (move === 'up' ? [pair.theirs - 1, pair.mine] : [pair.theirs + 1, pair.mine]) : [pair.theirs, pair.mine];
    await sql.query(`UPDATE ${t} SET position = $4 WHERE municipality_id = $1 AND plan_id = $2 AND id = $3`, [municipalityId, planId, id, mine]);
    await sql.query(`UPDATE ${t} SET position = $4 WHERE municipality_id = $1 AND plan_id = $2 AND id = $3`, [municipalityId, planId, pair.other, theirs]);
    return true;
  },
  /** A revision starts as a copy of the plan it revises: goals, services and commitments, in their order. */
  async copy(sql: Sql, municipalityId: string, fromPlan: string, toPlan: string): Promise<void> {
    for (const kind of ['goals', 'services', 'commitments'] as const) {
      const columns = ['position', ...ITEM_COLUMNS[kind]].join(', ');
      await sql.query(
        `INSERT INTO ${TABLE[kind]} (municipality_id, plan_id, ${columns}) SELECT municipality_id, $3, ${columns} FROM ${TABLE[kind]} WHERE municipality_id = $1 AND plan_id = $2`,
        [municipalityId, fromPlan, toPlan],
      );
    }
  },
  /** Whether the plan already names `serviceId` (a service since retired from the catalogue may stay). */
  async namesService(sql: Sql, municipalityId: string, planId: string, serviceId: string | null | undefined): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM care_plan_services WHERE municipality_id = $1 AND plan_id = $2 AND service_id = $3', [municipalityId, planId, serviceId]);
    return rows.length > 0;
  },
  /** The span of the days the plan's parts name (review dates, commitments' due days), to keep them inside its validity. */
  async span(sql: Sql, municipalityId: string, planId: string): Promise<{ first: string | null; last: string | null }> {
    const [row] = await sql.query<{ first: string | null; last: string | null }>(
      `SELECT min(d) AS first, max(d) AS last FROM (
         SELECT review_on AS d FROM care_plan_reviews WHERE municipality_id = $1 AND plan_id = $2
         UNION ALL SELECT due_on FROM care_plan_commitments WHERE municipality_id = $1 AND plan_id = $2 AND due_on IS NOT NULL) x`,
      [municipalityId, planId],
    );
    return row ?? { first: null, last: null };
  },
  async contents(sql: Sql, municipalityId: string, planId: string): Promise<Omit<PlanContents, 'notes'>> {
    return {
      goals: await items.of(sql, municipalityId, planId, 'goals'),
      services: await items.of(sql, municipalityId, planId, 'services'),
      commitments: await items.of(sql, municipalityId, planId, 'commitments'),
      reviews: await items.of(sql, municipalityId, planId, 'reviews'),
    };
  },
};
