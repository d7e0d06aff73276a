import type { Sql } from '../../platform/db/types';
import type { CategoryRow } from './domain';

export type CategoryWithCount = CategoryRow & { announcements: number };

/** Staff's management of the categories (migration 0036: version, retired_at); never a DELETE. */
export const categoryAdmin = {
  listWithCounts(sql: Sql, municipalityId: string): Promise<CategoryWithCount[]> {
    return sql.query<CategoryWithCount>(
      `SELECT c.id, c.slug, c.name, c.position, c.retired_at, c.version,
         (SELECT count(*)::int FROM announcements a WHERE a.municipality_id = c.municipality_id AND a.category_id = c.id) AS announcements
       FROM announcement_categories c WHERE c.municipality_id = $1 ORDER BY c.retired_at IS NOT NULL, c.position, c.name`,
      [municipalityId],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<CategoryRow | undefined> {
    const [row] = await sql.query<CategoryRow>(
      `SELECT id, slug, name, position, retired_at, version FROM announcement_categories WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [municipalityId, id],
    );
    return row;
  },
  /** A new category at the end; null when the slug is taken (the unique constraint decides, races included). */
  async insert(sql: Sql, municipalityId: string, slug: string, name: string): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO announcement_categories (municipality_id, slug, name, position)
       VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM announcement_categories WHERE municipality_id = $1))
       ON CONFLICT (municipality_id, slug) DO NOTHING RETURNING id`,
      [municipalityId, slug, name],
    );
    return row?.id ?? null;
  },
  async nameTaken(sql: Sql, municipalityId: string, name: string, except: string | null): Promise<boolean> {
    const rows = await sql.query(
      'SELECT 1 FROM announcement_categories WHERE municipality_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)',
      [municipalityId, name, except],
    );
    return rows.length > 0;
  },
  async rename(sql: Sql, municipalityId: string, id: string, name: string, version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE announcement_categories SET name = $3, version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $4 RETURNING id', [
      municipalityId, id, name, version,
    ]);
    return rows.length === 1;
  },
  /** Retires (true) or restores (false) a category. */
  async setRetired(sql: Sql, municipalityId: string, id: string, retired: boolean, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE announcement_categories SET retired_at = CASE WHEN $3 THEN now() ELSE NULL END, version = version + 1
       WHERE municipality_id = $1 AND id = $2 AND version = $4 RETURNING id`,
      [municipalityId, id, retired, version],
    );
    return rows.length === 1;
  },
};
