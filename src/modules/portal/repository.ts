import type { Sql } from '../../platform/db/types';

/** When the pages went live: a municipality's (its row's creation), or the first municipality's for the platform's own page. */
export async function publishedOn(sql: Sql, municipalityId: string | null): Promise<Date | null> {
  const [row] = await sql.query<{ at: Date | null }>(
    municipalityId ? 'SELECT created_at AS at FROM municipalities WHERE id = $1' : 'SELECT min(created_at) AS at FROM municipalities',
    municipalityId ? [municipalityId] : [],
  );
  return row?.at ?? null;
}

/** The last change of the software on this deployment: the newest migration applied (owner only: the table is the migrator's). */
export async function lastUpdatedOn(sql: Sql): Promise<Date | null> {
  const [row] = await sql.query<{ at: Date | null }>('SELECT max(applied_at) AS at FROM schema_migrations');
  return row?.at ?? null;
}
