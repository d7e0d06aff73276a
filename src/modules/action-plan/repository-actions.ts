import type { Sql } from '../../platform/db/types';
import { STAFF_ROLES } from '../../platform/auth/roles';
import type { ActionStatus, Move, PlanStatus } from './domain';
import type { ActionInput } from './form-action';
import { swap } from './repository';

export interface ActionRow {
  id: string;
  plan_id: string;
  goal_id: string;
  title: string;
  description: string;
  responsible_user_id: string | null;
  responsible_name: string | null;
  partner: string;
  starts_on: string;
  due_on: string;
  status: ActionStatus;
  drop_note: string;
  indicator: string;
  /** Numbers as PostgreSQL writes them ("40.00"), or null. */
  target_value: string | null;
  achieved_value: string | null;
  position: number;
  version: number;
  organisations: { id: string; name: string }[];
}

export interface Choice {
  id: string;
  name: string;
}

const ACTION_COLUMNS = `a.id, a.plan_id, a.goal_id, a.title, a.description, a.responsible_user_id, u.display_name AS responsible_name, a.partner,
  a.starts_on, a.due_on, a.status, a.drop_note, a.indicator, a.target_value::text AS target_value, a.achieved_value::text AS achieved_value,
  a.position, a.version,
  coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.search_name, o.id)
            FROM action_plan_action_organisations ao JOIN organisations o ON o.municipality_id = ao.municipality_id AND o.id = ao.organisation_id
            WHERE ao.municipality_id = a.municipality_id AND ao.action_id = a.id), '[]'::json) AS organisations`;
const FROM = 'FROM action_plan_actions a LEFT JOIN users u ON u.id = a.responsible_user_id';
const VALUES = ['goal_id', 'title', 'description', 'responsible_user_id', 'partner', 'starts_on', 'due_on', 'status', 'drop_note', 'indicator', 'target_value', 'achieved_value'] as const;
const valuesOf = (a: ActionInput) => VALUES.map((k) => a[k]);

export const actions = {
  async ofPlan(sql: Sql, municipalityId: string, planId: string): Promise<ActionRow[]> {
    return sql.query<ActionRow>(`SELECT ${ACTION_COLUMNS} ${FROM} WHERE a.municipality_id = $1 AND a.plan_id = $2 ORDER BY a.position, a.id`, [municipalityId, planId]);
  },
  async find(sql: Sql, municipalityId: string, planId: string, id: string): Promise<ActionRow | undefined> {
    const [row] = await sql.query<ActionRow>(`SELECT ${ACTION_COLUMNS} ${FROM} WHERE a.municipality_id = $1 AND a.plan_id = $2 AND a.id = $3`, [municipalityId, planId, id]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, planId: string, a: ActionInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO action_plan_actions (municipality_id, plan_id, ${VALUES.join(', ')}, position)
       VALUES ($1, $2, ${VALUES.map((_, i) => `$${i + 3}`).join(', ')},
         (SELECT coalesce(max(position), 0) + 1 FROM action_plan_actions WHERE municipality_id = $1 AND goal_id = $3)) RETURNING id`,
      [municipalityId, planId, ...valuesOf(a)],
    );
    await this.setOrganisations(sql, municipalityId, row!.id, a.organisation_ids);
    return row!.id;
  },
  /** Saves an edit made on `version`; an action moved to another goal goes to that goal's end. False when someone saved in between. */
  async update(sql: Sql, municipalityId: string, id: string, a: ActionInput, version: number): Promise<boolean> {
    const set = VALUES.map((k, i) => `${k} = $${i + 3}`).join(', ');
    const n = VALUES.length + 3;
    const rows = await sql.query(
      `UPDATE action_plan_actions SET ${set}, version = version + 1, updated_at = now(),
         position = CASE WHEN goal_id = $3 THEN position
           ELSE (SELECT coalesce(max(position), 0) + 1 FROM action_plan_actions WHERE municipality_id = $1 AND goal_id = $3) END
       WHERE municipality_id = $1 AND id = $2 AND version = $${n} RETURNING id`,
      [municipalityId, id, ...valuesOf(a), version],
    );
    if (rows.length !== 1) return false;
    await this.setOrganisations(sql, municipalityId, id, a.organisation_ids);
    return true;
  },
  async setOrganisations(sql: Sql, municipalityId: string, actionId: string, organisationIds: string[]): Promise<void> {
    await sql.query('DELETE FROM action_plan_action_organisations WHERE municipality_id = $1 AND action_id = $2', [municipalityId, actionId]);
    if (organisationIds.length === 0) return;
    await sql.query(
      `INSERT INTO action_plan_action_organisations (municipality_id, action_id, organisation_id) SELECT $1, $2, unnest($3::uuid[])`,
      [municipalityId, actionId, organisationIds],
    );
  },
  async remove(sql: Sql, municipalityId: string, id: string, version: number): Promise<boolean> {
    const rows = await sql.query('DELETE FROM action_plan_actions WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id', [municipalityId, id, version]);
    return rows.length === 1;
  },
  async countOfGoal(sql: Sql, municipalityId: string, goalId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM action_plan_actions WHERE municipality_id = $1 AND goal_id = $2', [municipalityId, goalId]);
    return row?.n ?? 0;
  },
  async move(sql: Sql, municipalityId: string, goalId: string, id: string, move: Move): Promise<boolean> {
    return swap(sql, 'action_plan_actions', 'goal_id', municipalityId, goalId, id, move);
  },
  /** The actions an organisation is responsible for, in plans of the given statuses, by due day. */
  async ofOrganisation(sql: Sql, municipalityId: string, organisationId: string, statuses: readonly PlanStatus[]) {
    return sql.query<{ id: string; planId: string; planTitle: string; title: string; dueOn: string; status: ActionStatus }>(
      `SELECT a.id, a.plan_id AS "planId", p.title AS "planTitle", a.title, a.due_on AS "dueOn", a.status
       FROM action_plan_action_organisations ao
       JOIN action_plan_actions a ON a.municipality_id = ao.municipality_id AND a.id = ao.action_id
       JOIN action_plans p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id
       WHERE ao.municipality_id = $1 AND ao.organisation_id = $2 AND p.status = ANY($3::text[])
       ORDER BY a.due_on, a.title, a.id`,
      [municipalityId, organisationId, statuses],
    );
  },
};

/** Who may be named responsible: staff of the municipality, and its verified organisations. */
export const responsibles = {
  async staff(sql: Sql, municipalityId: string): Promise<Choice[]> {
    return sql.query<Choice>(
      `SELECT u.id, u.display_name AS name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 AND m.roles && $2::text[] ORDER BY u.display_name, u.id`,
      [municipalityId, STAFF_ROLES],
    );
  },
  async organisations(sql: Sql, municipalityId: string): Promise<Choice[]> {
    return sql.query<Choice>("SELECT id, name FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY search_name, id", [municipalityId]);
  },
};
