import type { Sql } from '../db/types';
import type { Role } from '../auth/roles';
import { SLUG_PATTERN } from './slug';

export interface MunicipalityRow {
  id: string;
  slug: string;
  name: string;
  teryt: string;
  cus_name: string;
}

export interface UnitRow {
  id: string;
  name: string;
  description: string;
  address: string;
  phone: string;
  email: string;
}

const COLUMNS = 'id, slug, name, teryt, cus_name';

export const municipalities = {
  async bySlug(sql: Sql, slug: string): Promise<MunicipalityRow | undefined> {
    // A path segment that cannot be a slug (e.g. with a NUL byte, which PostgreSQL refuses) names no municipality.
    if (!SLUG_PATTERN.test(slug)) return undefined;
    const [row] = await sql.query<MunicipalityRow>(`SELECT ${COLUMNS} FROM municipalities WHERE slug = $1`, [slug]);
    return row;
  },
  async list(sql: Sql): Promise<MunicipalityRow[]> {
    return sql.query<MunicipalityRow>(`SELECT ${COLUMNS} FROM municipalities ORDER BY name COLLATE "C", slug`);
  },
  /** Owner only (platform operator): the application role cannot create municipalities. */
  async insert(sql: Sql, m: { slug: string; name: string; teryt: string; cusName: string }): Promise<MunicipalityRow> {
    const [row] = await sql.query<MunicipalityRow>(
      `INSERT INTO municipalities (slug, name, teryt, cus_name) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [m.slug, m.name, m.teryt, m.cusName],
    );
    return row!;
  },
  async conflicts(sql: Sql, slug: string, teryt: string): Promise<{ slug: boolean; teryt: boolean }> {
    const rows = await sql.query<{ slug: string; teryt: string }>('SELECT slug, teryt FROM municipalities WHERE slug = $1 OR teryt = $2', [slug, teryt]);
    return { slug: rows.some((r) => r.slug === slug), teryt: rows.some((r) => r.teryt === teryt) };
  },
};

export const units = {
  async list(sql: Sql, municipalityId: string): Promise<UnitRow[]> {
    return sql.query<UnitRow>(
      'SELECT id, name, description, address, phone, email FROM units WHERE municipality_id = $1 ORDER BY position, name',
      [municipalityId],
    );
  },
  async insert(sql: Sql, municipalityId: string, u: Omit<UnitRow, 'id'>, position: number): Promise<void> {
    await sql.query(
      'INSERT INTO units (municipality_id, name, description, address, phone, email, position) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [municipalityId, u.name, u.description, u.address, u.phone, u.email, position],
    );
  },
};

export interface MembershipRow {
  roles: Role[];
  version: number;
}

export const memberships = {
  async find(sql: Sql, municipalityId: string, userId: string): Promise<MembershipRow | undefined> {
    const [row] = await sql.query<MembershipRow>('SELECT roles, version FROM memberships WHERE municipality_id = $1 AND user_id = $2', [
      municipalityId,
      userId,
    ]);
    return row;
  },
  /** Adds roles to a person (creating the membership), keeping the roles they had. */
  async grant(sql: Sql, municipalityId: string, userId: string, roles: readonly Role[]): Promise<void> {
    await sql.query(
      `INSERT INTO memberships AS m (municipality_id, user_id, roles) VALUES ($1, $2, $3)
       ON CONFLICT (municipality_id, user_id) DO UPDATE
         SET roles = ARRAY(SELECT DISTINCT unnest(m.roles || EXCLUDED.roles) ORDER BY 1), version = m.version + 1, updated_at = now()`,
      [municipalityId, userId, roles],
    );
  },
  /** Everything the person belongs to, across municipalities (RLS lets a person see their own). */
  async ofUser(sql: Sql, userId: string): Promise<(MembershipRow & { slug: string; name: string })[]> {
    return sql.query(
      `SELECT m.roles, m.version, mu.slug, mu.name FROM memberships m JOIN municipalities mu ON mu.id = m.municipality_id
       WHERE m.user_id = $1 ORDER BY mu.name`,
      [userId],
    );
  },
};
