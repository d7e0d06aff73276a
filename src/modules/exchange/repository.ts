import type { Sql } from '../../platform/db/types';

/** All the exchange's SQL. Reads across municipalities are what the policies of 0042 allow (ADR 0036); writes only under `municipalityId`. */

export interface GroupRow {
  municipality_id: string;
  id: string;
  theme: string;
  cadence: string;
  named: boolean;
  min_count: number;
  version: number;
  convener_name: string;
}
export interface MemberRow {
  municipality_id: string;
  name: string;
  slug: string;
  population: number;
  sharing_version: number;
  joined_at: Date;
}
export interface RoundRow {
  municipality_id: string;
  id: string;
  group_id: string;
  label: string;
  period_from: string;
  period_to: string;
}
export interface SnapshotRow {
  municipality_id: string;
  indicator: string;
  value: number | null;
  count: number | null;
  suppressed: boolean;
  shared: boolean;
  computed_at: Date;
}

const GROUP = `g.municipality_id, g.id, g.theme, g.cadence, g.named, g.min_count, g.version, mu.name AS convener_name`;
const GROUP_FROM = 'exchange_groups g JOIN municipalities mu ON mu.id = g.municipality_id';

export const groups = {
  async insert(sql: Sql, m: string, g: { theme: string; cadence: string; named: boolean; min_count: number }, by: string | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      'INSERT INTO exchange_groups (municipality_id, theme, cadence, named, min_count, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [m, g.theme, g.cadence, g.named, g.min_count, by],
    );
    return row!.id;
  },
  /** A group the request's municipality may see (member, convener or invited), by id. */
  async find(sql: Sql, id: string): Promise<GroupRow | undefined> {
    const [row] = await sql.query<GroupRow>(`SELECT ${GROUP} FROM ${GROUP_FROM} WHERE g.id = $1`, [id]);
    return row;
  },
  /** The groups the municipality is a member of. */
  async ofMember(sql: Sql, m: string): Promise<(GroupRow & { members: number })[]> {
    return sql.query(
      `SELECT ${GROUP}, (SELECT count(*)::int FROM exchange_members x WHERE x.group_id = g.id) AS members
         FROM ${GROUP_FROM} JOIN exchange_members me ON me.group_id = g.id AND me.municipality_id = $1
        ORDER BY g.theme, g.id`,
      [m],
    );
  },
  /** Invitations to the municipality it has not answered by joining. */
  async invitedTo(sql: Sql, m: string): Promise<GroupRow[]> {
    return sql.query(
      `SELECT ${GROUP} FROM ${GROUP_FROM} JOIN exchange_invitations i ON i.municipality_id = g.municipality_id AND i.group_id = g.id
        WHERE i.invited_municipality_id = $1
          AND NOT EXISTS (SELECT 1 FROM exchange_members x WHERE x.municipality_id = $1 AND x.group_id = g.id)
        ORDER BY g.theme`,
      [m],
    );
  },
};

export const members = {
  /** False when the municipality is a member already (two joins at once: the second finds the first's row). */
  async insert(sql: Sql, m: string, group: { municipality_id: string; id: string }, population: number, by: string | null): Promise<boolean> {
    const rows = await sql.query('INSERT INTO exchange_members (municipality_id, group_municipality_id, group_id, population, joined_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1', [
      m,
      group.municipality_id,
      group.id,
      population,
      by,
    ]);
    return rows.length === 1;
  },
  /** The member leaves: its snapshots, consent, delegates and member row, all rows of its own municipality. */
  async remove(sql: Sql, m: string, groupId: string): Promise<void> {
    for (const table of ['exchange_improvement_plans', 'exchange_snapshots', 'exchange_sharing', 'exchange_delegates', 'exchange_members']) {
      await sql.query(`DELETE FROM ${table} WHERE municipality_id = $1 AND group_id = $2`, [m, groupId]);
    }
  },
  async own(sql: Sql, m: string, groupId: string, lock = false): Promise<MemberRow | undefined> {
    const [row] = await sql.query<MemberRow>(
      `SELECT x.municipality_id, mu.name, mu.slug, x.population, x.sharing_version, x.joined_at
         FROM exchange_members x JOIN municipalities mu ON mu.id = x.municipality_id
        WHERE x.municipality_id = $1 AND x.group_id = $2${lock ? ' FOR UPDATE OF x' : ''}`,
      [m, groupId],
    );
    return row;
  },
  /** Every member of the group (readable by its members). */
  async ofGroup(sql: Sql, groupId: string): Promise<MemberRow[]> {
    return sql.query(
      `SELECT x.municipality_id, mu.name, mu.slug, x.population, x.sharing_version, x.joined_at
         FROM exchange_members x JOIN municipalities mu ON mu.id = x.municipality_id
        WHERE x.group_id = $1 ORDER BY mu.name, mu.slug`,
      [groupId],
    );
  },
  async bumpSharing(sql: Sql, m: string, groupId: string, version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE exchange_members SET sharing_version = sharing_version + 1 WHERE municipality_id = $1 AND group_id = $2 AND sharing_version = $3 RETURNING 1', [
      m,
      groupId,
      version,
    ]);
    return rows.length === 1;
  },
};

export const invitations = {
  async insert(sql: Sql, m: string, groupId: string, invited: string, by: string | null): Promise<void> {
    await sql.query(
      'INSERT INTO exchange_invitations (municipality_id, group_id, invited_municipality_id, invited_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [m, groupId, invited, by],
    );
  },
  async exists(sql: Sql, group: { municipality_id: string; id: string }, invited: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM exchange_invitations WHERE municipality_id = $1 AND group_id = $2 AND invited_municipality_id = $3', [
      group.municipality_id,
      group.id,
      invited,
    ]);
    return rows.length === 1;
  },
  /** The convener's invitations not yet answered, with the invited municipality's name. */
  async pending(sql: Sql, m: string, groupId: string): Promise<{ name: string }[]> {
    return sql.query(
      `SELECT mu.name FROM exchange_invitations i JOIN municipalities mu ON mu.id = i.invited_municipality_id
        WHERE i.municipality_id = $1 AND i.group_id = $2
          AND NOT EXISTS (SELECT 1 FROM exchange_members x WHERE x.municipality_id = i.invited_municipality_id AND x.group_id = i.group_id)
        ORDER BY mu.name`,
      [m, groupId],
    );
  },
};

export const delegates = {
  async add(sql: Sql, m: string, groupId: string, userId: string, by: string | null): Promise<void> {
    await sql.query('INSERT INTO exchange_delegates (municipality_id, group_id, user_id, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [m, groupId, userId, by]);
  },
  async remove(sql: Sql, m: string, groupId: string, userId: string): Promise<void> {
    await sql.query('DELETE FROM exchange_delegates WHERE municipality_id = $1 AND group_id = $2 AND user_id = $3', [m, groupId, userId]);
  },
  async ofGroup(sql: Sql, m: string, groupId: string): Promise<{ user_id: string; display_name: string }[]> {
    return sql.query(
      `SELECT d.user_id, u.display_name FROM exchange_delegates d JOIN users u ON u.id = d.user_id
        WHERE d.municipality_id = $1 AND d.group_id = $2 ORDER BY u.display_name`,
      [m, groupId],
    );
  },
  async is(sql: Sql, m: string, groupId: string, userId: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM exchange_delegates WHERE municipality_id = $1 AND group_id = $2 AND user_id = $3', [m, groupId, userId]);
    return rows.length === 1;
  },
  /** The municipality's staff (anyone holding a role besides resident and organisation member): who may be a delegate. */
  async candidates(sql: Sql, m: string): Promise<{ id: string; display_name: string }[]> {
    return sql.query(
      `SELECT u.id, u.display_name FROM memberships ms JOIN users u ON u.id = ms.user_id
        WHERE ms.municipality_id = $1 AND NOT (ms.roles <@ ARRAY['resident', 'ngo_member']::text[])
        ORDER BY u.display_name, u.id`,
      [m],
    );
  },
};

export const sharing = {
  async of(sql: Sql, m: string, groupId: string): Promise<string[]> {
    const rows = await sql.query<{ indicator: string }>('SELECT indicator FROM exchange_sharing WHERE municipality_id = $1 AND group_id = $2 ORDER BY indicator', [m, groupId]);
    return rows.map((r) => r.indicator);
  },
  /** The consent replaced: exactly `indicators` shared from now; snapshots of indicators no longer shared stop crossing. */
  async replace(sql: Sql, m: string, groupId: string, indicators: readonly string[], by: string | null): Promise<void> {
    await sql.query('DELETE FROM exchange_sharing WHERE municipality_id = $1 AND group_id = $2 AND NOT (indicator = ANY ($3::text[]))', [m, groupId, indicators]);
    await sql.query(
      `INSERT INTO exchange_sharing (municipality_id, group_id, indicator, shared_by) SELECT $1, $2, unnest($3::text[]), $4 ON CONFLICT DO NOTHING`,
      [m, groupId, indicators, by],
    );
    await sql.query('UPDATE exchange_snapshots SET shared = false WHERE municipality_id = $1 AND group_id = $2 AND shared AND NOT (indicator = ANY ($3::text[]))', [
      m,
      groupId,
      indicators,
    ]);
  },
};

export const rounds = {
  async insert(sql: Sql, m: string, groupId: string, r: { label: string; period_from: string; period_to: string }, by: string | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      'INSERT INTO exchange_rounds (municipality_id, group_id, label, period_from, period_to, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [m, groupId, r.label, r.period_from, r.period_to, by],
    );
    return row!.id;
  },
  async find(sql: Sql, id: string): Promise<RoundRow | undefined> {
    const [row] = await sql.query<RoundRow>(
      "SELECT municipality_id, id, group_id, label, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to FROM exchange_rounds WHERE id = $1",
      [id],
    );
    return row;
  },
  async ofGroup(sql: Sql, groupId: string): Promise<RoundRow[]> {
    return sql.query(
      `SELECT municipality_id, id, group_id, label, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to
         FROM exchange_rounds WHERE group_id = $1 ORDER BY period_from DESC, id`,
      [groupId],
    );
  },
};

export const snapshots = {
  async upsert(
    sql: Sql,
    m: string,
    round: RoundRow,
    s: { indicator: string; value: number | null; count: number | null; suppressed: boolean; shared: boolean },
    by: string | null,
  ): Promise<void> {
    await sql.query(
      `INSERT INTO exchange_snapshots (municipality_id, group_municipality_id, group_id, round_id, indicator, value, count, suppressed, shared, computed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (municipality_id, round_id, indicator) DO UPDATE
         SET value = EXCLUDED.value, count = EXCLUDED.count, suppressed = EXCLUDED.suppressed, shared = EXCLUDED.shared,
             computed_by = EXCLUDED.computed_by, computed_at = now()`,
      [m, round.municipality_id, round.group_id, round.id, s.indicator, s.value, s.count, s.suppressed, s.shared, by],
    );
  },
  /** The round's snapshots this request may read: the municipality's own, and the shared ones of members if it is their delegate (RLS). */
  async ofRound(sql: Sql, roundId: string): Promise<SnapshotRow[]> {
    const rows = await sql.query<Omit<SnapshotRow, 'value'> & { value: string | null }>(
      'SELECT municipality_id, indicator, value, count, suppressed, shared, computed_at FROM exchange_snapshots WHERE round_id = $1 ORDER BY indicator, municipality_id',
      [roundId],
    );
    return rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
  },
};

export interface PlanRow {
  municipality_id: string;
  learned: string;
  goals: string;
  actions: string;
  shared: boolean;
  updated_at: string;
  version: number;
}

/** Improvement plans after a round: the member's own, and the others' shared ones (the policy lets delegates read those). */
export const plans = {
  async ofRound(sql: Sql, roundId: string): Promise<PlanRow[]> {
    return sql.query<PlanRow>(
      `SELECT municipality_id, learned, goals, actions, shared, to_char(updated_at AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD') AS updated_at, version
       FROM exchange_improvement_plans WHERE round_id = $1`,
      [roundId],
    );
  },
  /** The member's plan written or changed; false when `version` is not the saved one (someone saved first). */
  async save(sql: Sql, m: string, round: { municipality_id: string; id: string; group_id: string }, p: { learned: string; goals: string; actions: string; shared: boolean }, version: number, by: string): Promise<boolean> {
    const rows = version === 0
      ? await sql.query(
          `INSERT INTO exchange_improvement_plans (municipality_id, group_id, round_municipality_id, round_id, learned, goals, actions, shared, written_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING 1`,
          [m, round.group_id, round.municipality_id, round.id, p.learned, p.goals, p.actions, p.shared, by],
        )
      : await sql.query(
          `UPDATE exchange_improvement_plans SET learned = $3, goals = $4, actions = $5, shared = $6, written_by = $7, updated_at = now(), version = version + 1
           WHERE municipality_id = $1 AND round_id = $2 AND version = $8 RETURNING 1`,
          [m, round.id, p.learned, p.goals, p.actions, p.shared, by, version],
        );
    return rows.length === 1;
  },
};
