import type { Sql } from '../../platform/db/types';
import type { Move, PlanStatus } from './domain';
import type { GoalInput, PlanInput } from './form';

export interface PlanRow {
  id: string;
  title: string;
  area: string;
  period_from: string;
  period_to: string;
  main_goal: string;
  diagnosis: string;
  status: PlanStatus;
  version: number;
  updated_at: Date;
}

export interface PlanListRow extends PlanRow {
  actions: number;
  done: number;
}

export interface GoalRow {
  id: string;
  plan_id: string;
  title: string;
  description: string;
  position: number;
  version: number;
}

const PLAN_COLUMNS = 'p.id, p.title, p.area, p.period_from, p.period_to, p.main_goal, p.diagnosis, p.status, p.version, p.updated_at';
const GOAL_COLUMNS = 'g.id, g.plan_id, g.title, g.description, g.position, g.version';
const PLAN_VALUES = ['title', 'area', 'period_from', 'period_to', 'main_goal', 'diagnosis', 'status'] as const satisfies readonly (keyof PlanInput)[];

export const plans = {
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<PlanRow | undefined> {
    const [row] = await sql.query<PlanRow>(
      `SELECT ${PLAN_COLUMNS} FROM action_plans p WHERE p.municipality_id = $1 AND p.id = $2${lock ? ' FOR UPDATE' : ''}`,
      [municipalityId, id],
    );
    return row;
  },
  /** Plans of the municipality (only `statuses`), newest period first, with how many of their actions are done. */
  async list(sql: Sql, municipalityId: string, statuses: readonly PlanStatus[]): Promise<PlanListRow[]> {
    return sql.query<PlanListRow>(
      `SELECT ${PLAN_COLUMNS},
         (SELECT count(*) FROM action_plan_actions a WHERE a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.status <> 'dropped')::int AS actions,
         (SELECT count(*) FROM action_plan_actions a WHERE a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.status = 'done')::int AS done
       FROM action_plans p WHERE p.municipality_id = $1 AND p.status = ANY($2::text[])
       ORDER BY p.period_from DESC, p.title, p.id`,
      [municipalityId, statuses],
    );
  },
  async insert(sql: Sql, municipalityId: string, p: PlanInput, createdBy: string | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO action_plans (municipality_id, ${PLAN_VALUES.join(', ')}, created_by)
       VALUES ($1, ${PLAN_VALUES.map((_, i) => `$${i + 2}`).join(', ')}, $${PLAN_VALUES.length + 2}) RETURNING id`,
      [municipalityId, ...PLAN_VALUES.map((k) => p[k]), createdBy],
    );
    return row!.id;
  },
  /** Optimistic concurrency: updates only the plan still at `version`; false when someone saved in between. */
  async update(sql: Sql, municipalityId: string, id: string, p: PlanInput, version: number): Promise<boolean> {
    const set = PLAN_VALUES.map((k, i) => `${k} = $${i + 3}`).join(', ');
    const rows = await sql.query(
      `UPDATE action_plans SET ${set}, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $${PLAN_VALUES.length + 3} RETURNING id`,
      [municipalityId, id, ...PLAN_VALUES.map((k) => p[k]), version],
    );
    return rows.length === 1;
  },
  /** The earliest start and the latest due day of the plan's actions (null when it has none). */
  async actionSpan(sql: Sql, municipalityId: string, id: string): Promise<{ first: string | null; last: string | null }> {
    const [row] = await sql.query<{ first: string | null; last: string | null }>(
      'SELECT min(starts_on) AS first, max(due_on) AS last FROM action_plan_actions WHERE municipality_id = $1 AND plan_id = $2',
      [municipalityId, id],
    );
    return row ?? { first: null, last: null };
  },
};

export const goals = {
  async ofPlan(sql: Sql, municipalityId: string, planId: string): Promise<GoalRow[]> {
    return sql.query<GoalRow>(`SELECT ${GOAL_COLUMNS} FROM action_plan_goals g WHERE g.municipality_id = $1 AND g.plan_id = $2 ORDER BY g.position, g.id`, [
      municipalityId,
      planId,
    ]);
  },
  async find(sql: Sql, municipalityId: string, planId: string, id: string): Promise<GoalRow | undefined> {
    const [row] = await sql.query<GoalRow>(`SELECT ${GOAL_COLUMNS} FROM action_plan_goals g WHERE g.municipality_id = $1 AND g.plan_id = $2 AND g.id = $3`, [
      municipalityId,
      planId,
      id,
    ]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, planId: string, g: GoalInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO action_plan_goals (municipality_id, plan_id, title, description, position)
       VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position), 0) + 1 FROM action_plan_goals WHERE municipality_id = $1 AND plan_id = $2)) RETURNING id`,
      [municipalityId, planId, g.title, g.description],
    );
    return row!.id;
  },
  async update(sql: Sql, municipalityId: string, id: string, g: GoalInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE action_plan_goals SET title = $3, description = $4, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $5 RETURNING id`,
      [municipalityId, id, g.title, g.description, version],
    );
    return rows.length === 1;
  },
  async remove(sql: Sql, municipalityId: string, id: string, version: number): Promise<boolean> {
    const rows = await sql.query('DELETE FROM action_plan_goals WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id', [municipalityId, id, version]);
    return rows.length === 1;
  },
  /** Swaps a goal with its neighbour above or below; false when it is already first or last. */
  async move(sql: Sql, municipalityId: string, planId: string, id: string, move: Move): Promise<boolean> {
    return swap(sql, 'action_plan_goals', 'plan_id', municipalityId, planId, id, move);
  },
};

/** Swaps the position of row `id` with its nearest sibling (same `parent` column value) in the direction of `move`. */
export async function swap(sql: Sql, table: 'action_plan_goals' | 'action_plan_actions', parent: 'plan_id' | 'goal_id', municipalityId: string, parentId: string, id: string, move: Move): Promise<boolean> {
  const [cmp, order] = move === 'up' ? ['<', 'DESC'] : ['>', 'ASC'];
  const rows = await sql.query<{ id: string }>(
    `WITH me AS (SELECT id, position FROM ${table} WHERE municipality_id = $1 AND ${parent} = $2 AND id = $3),
          other AS (SELECT t.id, t.position FROM ${table} t, me WHERE t.municipality_id = $1 AND t.${parent} = $2 AND t.id <> me.id
                    AND (t.position ${cmp} me.position OR (t.position = me.position AND t.id ${cmp} me.id))
                    ORDER BY t.position ${order}, t.id ${order} LIMIT 1)
     UPDATE ${table} t SET position = CASE WHEN t.id = me.id THEN other.position ELSE me.position END
     FROM me, other WHERE t.municipality_id = $1 AND t.id IN (me.id, other.id) RETURNING t.id`,
    [municipalityId, parentId, id],
  );
  return rows.length === 2;
}
