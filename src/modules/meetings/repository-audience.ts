import type { Sql } from '../../platform/db/types';

/** Which verified organisations to invite: any of the spheres, any of the kinds, members of a federation, a name; all when empty. */
export interface AudienceFilter {
  q: string;
  spheres: string[];
  kinds: string[];
  federationId: string | null;
}

export interface Candidate {
  id: string;
  name: string;
  kind: string;
  email: string;
  invited: boolean;
}

function where(f: AudienceFilter, first: number): { sql: string; params: unknown[] } {
  const parts = ["o.municipality_id = $1", "o.status = 'verified'"];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    parts.push(clause(`$${first + params.length - 1}`));
  };
  if (f.q) add((n) => `o.id IN (SELECT organisation_matching_ids(${n}))`, f.q);
  if (f.spheres.length) add((n) => `o.spheres && ${n}::text[]`, f.spheres);
  if (f.kinds.length) add((n) => `o.kind = ANY (${n}::text[])`, f.kinds);
  if (f.federationId)
    add((n) => `EXISTS (SELECT 1 FROM federation_members fm WHERE fm.municipality_id = o.municipality_id AND fm.federation_id = ${n} AND fm.member_id = o.id)`, f.federationId);
  return { sql: parts.join(' AND '), params };
}

export const audience = {
  /** The organisations matching the filter (the first `limit`, by name), whether each is already invited, and how many match. */
  async preview(sql: Sql, municipalityId: string, meetingId: string, f: AudienceFilter, limit: number): Promise<{ rows: Candidate[]; total: number }> {
    const w = where(f, 3);
    const rows = await sql.query<Candidate & { total: number }>(
      `SELECT o.id, o.name, o.kind, o.email,
         EXISTS (SELECT 1 FROM meeting_invitations i WHERE i.municipality_id = o.municipality_id AND i.meeting_id = $2 AND i.organisation_id = o.id) AS invited,
         count(*) OVER ()::int AS total
       FROM organisations o WHERE ${w.sql} ORDER BY search_normalize(o.name), o.id LIMIT ${Number(limit)}`,
      [municipalityId, meetingId, ...w.params],
    );
    return { rows, total: rows[0]?.total ?? 0 };
  },
  /** Every matching organisation's id and address (for "invite all that match"). */
  async matching(sql: Sql, municipalityId: string, f: AudienceFilter): Promise<{ id: string; email: string }[]> {
    const w = where(f, 2);
    return sql.query(`SELECT o.id, o.email FROM organisations o WHERE ${w.sql}`, [municipalityId, ...w.params]);
  },
  /** The chosen ids that are verified organisations of the municipality, with their addresses. */
  async chosen(sql: Sql, municipalityId: string, ids: string[]): Promise<{ id: string; email: string }[]> {
    return sql.query("SELECT id, email FROM organisations WHERE municipality_id = $1 AND status = 'verified' AND id = ANY ($2::uuid[])", [municipalityId, ids]);
  },
  /** The verified organisation of exactly this name (case and diacritics aside), if there is one. */
  async byName(sql: Sql, municipalityId: string, name: string): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>(
      "SELECT id FROM organisations WHERE municipality_id = $1 AND status = 'verified' AND search_name = search_normalize($2) ORDER BY id LIMIT 1",
      [municipalityId, name],
    );
    return row?.id ?? null;
  },
  /** Accounts with these addresses (to link a person's invitation to their account and inbox). */
  async accounts(sql: Sql, emails: string[]): Promise<{ id: string; email: string }[]> {
    return sql.query('SELECT id, email FROM users WHERE email = ANY ($1::text[])', [emails]);
  },
  async federations(sql: Sql, municipalityId: string): Promise<{ id: string; name: string }[]> {
    return sql.query("SELECT id, name FROM organisations WHERE municipality_id = $1 AND status = 'verified' AND kind = 'federation' ORDER BY search_normalize(name), id", [municipalityId]);
  },
  /** Who can own a follow-up task: the municipality's staff, and the organisations invited to the meeting or present at it. */
  async owners(sql: Sql, municipalityId: string, meetingId: string): Promise<{ staff: { id: string; name: string }[]; organisations: { id: string; name: string }[] }> {
    const staff = await sql.query<{ id: string; name: string }>(
      `SELECT u.id, u.display_name AS name FROM memberships ms JOIN users u ON u.id = ms.user_id
       WHERE ms.municipality_id = $1 AND NOT (ms.roles <@ ARRAY['resident', 'ngo_member']::text[]) ORDER BY search_normalize(u.display_name), u.id`,
      [municipalityId],
    );
    const organisations = await sql.query<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organisations o WHERE o.municipality_id = $1 AND o.id IN (
         SELECT organisation_id FROM meeting_invitations WHERE municipality_id = $1 AND meeting_id = $2
         UNION SELECT organisation_id FROM meeting_attendance WHERE municipality_id = $1 AND meeting_id = $2)
       ORDER BY search_normalize(o.name), o.id`,
      [municipalityId, meetingId],
    );
    return { staff, organisations };
  },
};
