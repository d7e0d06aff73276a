import type { Sql } from '../../platform/db/types';
import type { Kind, Sphere } from './domain';
import type { OrganisationInput } from './form';

export interface DirectoryQuery {
  /** The text typed, trimmed ('' = browse everything). */
  q: string;
  sphere?: Sphere;
  kind?: Kind;
}

export interface DirectoryRow {
  id: string;
  name: string;
  kind: Kind;
  spheres: Sphere[];
  city: string;
  summary: string;
}

/** What the public profile shows: no people, and contact details only as the organisation chose to publish them. */
export type PublicProfileRow = Omit<OrganisationInput, 'leader_name'> & { id: string; verified_at: Date };

/**
 * WHERE of a directory search: the municipality's verified organisations; the text matches the name
 * (as a substring) or the beginnings of words of the name, description and town, diacritics and case
 * ignored (`organisation_matching_ids`, migration 0005); then the filters.
 */
function where(municipalityId: string, f: DirectoryQuery) {
  const params: unknown[] = [municipalityId];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['o.municipality_id = $1', "o.status = 'verified'"];
  if (f.q) conditions.push(`o.id IN (SELECT organisation_matching_ids(${p(f.q)}))`);
  if (f.sphere) conditions.push(`o.spheres @> ARRAY[${p(f.sphere)}]::text[]`);
  if (f.kind) conditions.push(`o.kind = ${p(f.kind)}`);
  return { sql: conditions.join(' AND '), params, p };
}

export const directory = {
  /** One page of matches, the name's own matches first, then by name; and how many there are in all. */
  async search(sql: Sql, municipalityId: string, f: DirectoryQuery, page: { limit: number; offset: number }): Promise<{ rows: DirectoryRow[]; total: number }> {
    const w = where(municipalityId, f);
    const nameFirst = f.q ? `strpos(o.search_name, search_normalize(${w.p(f.q)})) > 0 DESC,` : '';
    const limit = w.p(page.limit);
    const offset = w.p(page.offset);
    const rows = await sql.query<DirectoryRow & { total: number }>(
      `SELECT o.id, o.name, o.kind, o.spheres, o.city, left(o.description, 280) AS summary, count(*) OVER ()::int AS total
       FROM organisations o WHERE ${w.sql}
       ORDER BY ${nameFirst} o.search_name, o.id LIMIT ${limit} OFFSET ${offset}`,
      w.params,
    );
    if (rows.length > 0 || page.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
    const counted = where(municipalityId, f);
    const [row] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM organisations o WHERE ${counted.sql}`, counted.params);
    return { rows: [], total: row?.total ?? 0 };
  },
  async profile(sql: Sql, municipalityId: string, id: string): Promise<PublicProfileRow | undefined> {
    const [row] = await sql.query<PublicProfileRow>(
      `SELECT o.id, o.name, o.kind, o.krs, o.nip, o.regon, o.spheres, o.description, o.founded_year, o.members_count, o.volunteers_count,
         o.street, o.postal_code, o.city, o.email, o.phone, o.website, o.social_links, o.published_contacts, o.verified_at
       FROM organisations o WHERE o.municipality_id = $1 AND o.id = $2 AND o.status = 'verified'`,
      [municipalityId, id],
    );
    return row;
  },
};
