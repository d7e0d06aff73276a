import type { Sql } from '../../platform/db/types';
import { caseStaffRoles } from './domain';

export interface StaffChoice {
  id: string;
  display_name: string;
}

export interface TeamRow {
  id: string;
  name: string;
  unit_id: string | null;
  unit_name: string | null;
  supervisor_id: string | null;
  supervisor_name: string | null;
  version: number;
  members: StaffChoice[];
}

export interface TeamInput {
  name: string;
  unitId: string | null;
  supervisorId: string | null;
}

const TEAM = `SELECT t.id, t.name, t.unit_id, un.name AS unit_name, t.supervisor_id, s.display_name AS supervisor_name, t.version,
    coalesce((SELECT json_agg(json_build_object('id', mu.id, 'display_name', mu.display_name) ORDER BY mu.display_name)
              FROM care_team_members m JOIN users mu ON mu.id = m.user_id
              WHERE m.municipality_id = t.municipality_id AND m.team_id = t.id), '[]') AS members
  FROM care_teams t LEFT JOIN users s ON s.id = t.supervisor_id
  LEFT JOIN units un ON un.municipality_id = t.municipality_id AND un.id = t.unit_id`;

/** People of the municipality who may coordinate a case (their roles carry `cases.manage`). */
export const staff = {
  async caseStaff(sql: Sql, municipalityId: string): Promise<StaffChoice[]> {
    return sql.query<StaffChoice>(
      `SELECT u.id, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 AND m.roles && $2::text[] ORDER BY u.display_name, u.id`,
      [municipalityId, caseStaffRoles()],
    );
  },
  async isCaseStaff(sql: Sql, municipalityId: string, userId: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM memberships WHERE municipality_id = $1 AND user_id = $2 AND roles && $3::text[]', [municipalityId, userId, caseStaffRoles()]);
    return rows.length === 1;
  },
};

export const teams = {
  async list(sql: Sql, municipalityId: string): Promise<TeamRow[]> {
    return sql.query<TeamRow>(`${TEAM} WHERE t.municipality_id = $1 ORDER BY t.name`, [municipalityId]);
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<TeamRow | undefined> {
    if (lock) await sql.query('SELECT 1 FROM care_teams WHERE municipality_id = $1 AND id = $2 FOR UPDATE', [municipalityId, id]);
    const [row] = await sql.query<TeamRow>(`${TEAM} WHERE t.municipality_id = $1 AND t.id = $2`, [municipalityId, id]);
    return row;
  },
  /** The teams a person supervises. */
  async supervisedBy(sql: Sql, municipalityId: string, userId: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>('SELECT id FROM care_teams WHERE municipality_id = $1 AND supervisor_id = $2 ORDER BY name', [municipalityId, userId], { prepare: true });
    return rows.map((r) => r.id);
  },
  /** The team a new case of this coordinator goes to by default: one they are a member of, else one they supervise. */
  async defaultFor(sql: Sql, municipalityId: string, userId: string): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>(
      `SELECT t.id FROM care_teams t
       WHERE t.municipality_id = $1 AND (t.supervisor_id = $2 OR EXISTS (SELECT 1 FROM care_team_members m WHERE m.municipality_id = t.municipality_id AND m.team_id = t.id AND m.user_id = $2))
       ORDER BY EXISTS (SELECT 1 FROM care_team_members m WHERE m.municipality_id = t.municipality_id AND m.team_id = t.id AND m.user_id = $2) DESC, t.name LIMIT 1`,
      [municipalityId, userId],
    );
    return row?.id ?? null;
  },
  /** A new team; null when the name is taken. */
  async insert(sql: Sql, municipalityId: string, t: TeamInput): Promise<string | null> {
    const rows = await sql.query<{ id: string }>(
      'INSERT INTO care_teams (municipality_id, name, unit_id, supervisor_id) VALUES ($1, $2, $3, $4) ON CONFLICT (municipality_id, name) DO NOTHING RETURNING id',
      [municipalityId, t.name, t.unitId, t.supervisorId],
    );
    return rows[0]?.id ?? null;
  },
  async nameTaken(sql: Sql, municipalityId: string, name: string, exceptId: string): Promise<boolean> {
    return (await sql.query('SELECT 1 FROM care_teams WHERE municipality_id = $1 AND name = $2 AND id <> $3', [municipalityId, name, exceptId])).length > 0;
  },
  async update(sql: Sql, municipalityId: string, id: string, version: number, t: TeamInput): Promise<boolean> {
    const rows = await sql.query(
      'UPDATE care_teams SET name = $4, unit_id = $5, supervisor_id = $6, version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id',
      [municipalityId, id, version, t.name, t.unitId, t.supervisorId],
    );
    return rows.length === 1;
  },
  /** A change of members is a change of the team: it takes the team's version too. */
  async bump(sql: Sql, municipalityId: string, id: string, version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE care_teams SET version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id', [municipalityId, id, version]);
    return rows.length === 1;
  },
  async addMember(sql: Sql, municipalityId: string, teamId: string, userId: string): Promise<void> {
    await sql.query('INSERT INTO care_team_members (municipality_id, team_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [municipalityId, teamId, userId]);
  },
  async removeMember(sql: Sql, municipalityId: string, teamId: string, userId: string): Promise<void> {
    await sql.query('DELETE FROM care_team_members WHERE municipality_id = $1 AND team_id = $2 AND user_id = $3', [municipalityId, teamId, userId]);
  },
  async exists(sql: Sql, municipalityId: string, id: string): Promise<boolean> {
    return (await sql.query('SELECT 1 FROM care_teams WHERE municipality_id = $1 AND id = $2', [municipalityId, id])).length === 1;
  },
  async units(sql: Sql, municipalityId: string): Promise<{ id: string; name: string }[]> {
    return sql.query('SELECT id, name FROM units WHERE municipality_id = $1 ORDER BY position, name', [municipalityId]);
  },
};
