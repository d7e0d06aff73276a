import type { Sql } from '../../platform/db/types';
import type { ProviderRef } from './domain';

/**
 * Who acts for a provider: the members of an organisation of the registry, or for a unit of the
 * centre the members of care teams that belong to the unit.
 */

export interface Inbox extends ProviderRef {
  name: string;
}

export interface Account {
  email: string;
  locale: string;
}

export const providers = {
  /** The organisation's name, if the person is one of its members. */
  async organisationOfMember(sql: Sql, municipalityId: string, organisationId: string, userId: string): Promise<string | undefined> {
    const [row] = await sql.query<{ name: string }>(
      `SELECT o.name FROM organisation_members om JOIN organisations o ON o.municipality_id = om.municipality_id AND o.id = om.organisation_id
        WHERE om.municipality_id = $1 AND om.organisation_id = $2 AND om.user_id = $3`,
      [municipalityId, organisationId, userId],
    );
    return row?.name;
  },

  async unitName(sql: Sql, municipalityId: string, unitId: string): Promise<string | undefined> {
    const [row] = await sql.query<{ name: string }>('SELECT name FROM units WHERE municipality_id = $1 AND id = $2', [municipalityId, unitId]);
    return row?.name;
  },

  async isUnitTeamMember(sql: Sql, municipalityId: string, unitId: string, userId: string): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM care_team_members m JOIN care_teams t ON t.municipality_id = m.municipality_id AND t.id = m.team_id
        WHERE m.municipality_id = $1 AND t.unit_id = $2 AND m.user_id = $3 LIMIT 1`,
      [municipalityId, unitId, userId],
    );
    return rows.length > 0;
  },

  /** The inboxes a person may open: their organisations, and the units of their teams (every unit for `allUnits`). */
  async inboxesOf(sql: Sql, municipalityId: string, userId: string, allUnits: boolean): Promise<Inbox[]> {
    return sql.query<Inbox>(
      `SELECT 'organisation' AS kind, o.id, o.name FROM organisation_members om
         JOIN organisations o ON o.municipality_id = om.municipality_id AND o.id = om.organisation_id
        WHERE om.municipality_id = $1 AND om.user_id = $2
       UNION
       SELECT 'unit', u.id, u.name FROM units u
        WHERE u.municipality_id = $1 AND ($3 OR EXISTS (
          SELECT 1 FROM care_teams t JOIN care_team_members m ON m.municipality_id = t.municipality_id AND m.team_id = t.id
           WHERE t.municipality_id = u.municipality_id AND t.unit_id = u.id AND m.user_id = $2))
       ORDER BY kind DESC, name`,
      [municipalityId, userId, allUnits],
    );
  },

  /** Whom to tell of a new referral: the organisation's members, or the members of the unit's teams. */
  async memberAccounts(sql: Sql, municipalityId: string, p: ProviderRef): Promise<Account[]> {
    return sql.query<Account>(
      p.kind === 'organisation'
        ? `SELECT u.email, u.locale FROM organisation_members om JOIN users u ON u.id = om.user_id
            WHERE om.municipality_id = $1 AND om.organisation_id = $2 ORDER BY u.email`
        : `SELECT DISTINCT u.email, u.locale FROM care_teams t
             JOIN care_team_members m ON m.municipality_id = t.municipality_id AND m.team_id = t.id
             JOIN users u ON u.id = m.user_id
            WHERE t.municipality_id = $1 AND t.unit_id = $2 ORDER BY u.email`,
      [municipalityId, p.id],
    );
  },

  async account(sql: Sql, userId: string): Promise<Account | undefined> {
    const [row] = await sql.query<Account>('SELECT email, locale FROM users WHERE id = $1', [userId]);
    return row;
  },
};
