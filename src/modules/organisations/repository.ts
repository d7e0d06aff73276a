import type { Sql } from '../../platform/db/types';
import type { Kind, PublishableContact, Sphere, Status } from './domain';
import type { OrganisationInput } from './form';

export interface OrganisationRow {
  id: string;
  name: string;
  kind: Kind;
  krs: string | null;
  nip: string | null;
  regon: string | null;
  leader_name: string;
  spheres: Sphere[];
  description: string;
  founded_year: number | null;
  members_count: number | null;
  volunteers_count: number | null;
  street: string;
  postal_code: string;
  city: string;
  email: string;
  phone: string;
  website: string;
  social_links: string[];
  published_contacts: PublishableContact[];
  status: Status;
  rejection_reason: string;
  registered_by: string | null;
  submitted_at: Date;
  reviewed_at: Date | null;
  verified_at: Date | null;
  version: number;
  updated_at: Date;
}

export interface QueueRow {
  id: string;
  name: string;
  kind: Kind;
  status: Status;
  rejection_reason: string;
  submitted_at: Date;
  verified_at: Date | null;
  registrant_name: string | null;
}

/** An organisation as the staff export writes it: its row and the names of its federations. */
export interface ExportedOrganisation extends OrganisationRow {
  federation_names: string[];
}

export const ORGANISATION_COLUMNS = `o.id, o.name, o.kind, o.krs, o.nip, o.regon, o.leader_name, o.spheres, o.description, o.founded_year,
  o.members_count, o.volunteers_count, o.street, o.postal_code, o.city, o.email, o.phone, o.website, o.social_links, o.published_contacts,
  o.status, o.rejection_reason, o.registered_by, o.submitted_at, o.reviewed_at, o.verified_at, o.version, o.updated_at`;

const VALUES = [
  'name', 'kind', 'krs', 'nip', 'regon', 'leader_name', 'spheres', 'description', 'founded_year', 'members_count', 'volunteers_count',
  'street', 'postal_code', 'city', 'email', 'phone', 'website', 'social_links', 'published_contacts',
] as const satisfies readonly (keyof OrganisationInput)[];
const valuesOf = (o: OrganisationInput) => VALUES.map((k) => o[k]);

export const organisations = {
  async find(sql: Sql, municipalityId: string, id: string): Promise<OrganisationRow | undefined> {
    const [row] = await sql.query<OrganisationRow>(`SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.municipality_id = $1 AND o.id = $2`, [
      municipalityId,
      id,
    ]);
    return row;
  },
  /** Reads an organisation and locks it until the transaction ends, so two saves or decisions cannot interleave. */
  async lock(sql: Sql, municipalityId: string, id: string): Promise<OrganisationRow | undefined> {
    const [row] = await sql.query<OrganisationRow>(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.municipality_id = $1 AND o.id = $2 FOR UPDATE`,
      [municipalityId, id],
    );
    return row;
  },
  /**
   * Serialises the municipality's writes of registry numbers until the transaction ends, so that the
   * check "is this KRS, NIP or REGON already here?" and the write that follows cannot race.
   */
  async lockIdentifiers(sql: Sql, municipalityId: string): Promise<void> {
    await sql.query("SELECT pg_advisory_xact_lock(hashtext('organisations.identifiers'), hashtext($1))", [municipalityId]);
  },
  /** Which of the given registry numbers another organisation of the municipality already has. */
  async takenIdentifiers(sql: Sql, municipalityId: string, ids: Pick<OrganisationInput, 'krs' | 'nip' | 'regon'>, exceptId: string | null) {
    const [row] = await sql.query<{ krs: boolean; nip: boolean; regon: boolean }>(
      `SELECT coalesce(bool_or(krs = $2), false) AS krs, coalesce(bool_or(nip = $3), false) AS nip, coalesce(bool_or(regon = $4), false) AS regon
       FROM organisations WHERE municipality_id = $1 AND id IS DISTINCT FROM $5::uuid AND (krs = $2 OR nip = $3 OR regon = $4)`,
      [municipalityId, ids.krs, ids.nip, ids.regon, exceptId],
    );
    return row ?? { krs: false, nip: false, regon: false };
  },
  async insert(sql: Sql, municipalityId: string, o: OrganisationInput, registeredBy: string): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO organisations (municipality_id, ${VALUES.join(', ')}, registered_by)
       VALUES ($1, ${VALUES.map((_, i) => `$${i + 2}`).join(', ')}, $${VALUES.length + 2}) RETURNING id`,
      [municipalityId, ...valuesOf(o), registeredBy],
    );
    return row!.id;
  },
  /**
   * Optimistic concurrency: updates only the row still at `version`; false when someone saved in
   * between. `resubmit` sends a rejected registration back to the verification queue.
   */
  async update(sql: Sql, municipalityId: string, id: string, o: OrganisationInput, version: number, resubmit: boolean): Promise<boolean> {
    const set = VALUES.map((k, i) => `${k} = $${i + 3}`).join(', ');
    const n = VALUES.length + 3;
    const rows = await sql.query(
      `UPDATE organisations SET ${set}, version = version + 1, updated_at = now(),
         status = CASE WHEN $${n + 1} THEN 'pending' ELSE status END,
         submitted_at = CASE WHEN $${n + 1} THEN now() ELSE submitted_at END
       WHERE municipality_id = $1 AND id = $2 AND version = $${n} RETURNING id`,
      [municipalityId, id, ...valuesOf(o), version, resubmit],
    );
    return rows.length === 1;
  },
  async decide(
    sql: Sql,
    municipalityId: string,
    id: string,
    decision: { status: 'verified' | 'rejected'; reason: string; reviewer: string },
    version: number,
  ): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE organisations SET status = $3, rejection_reason = $4, reviewed_by = $5, reviewed_at = now(),
         verified_at = CASE WHEN $3 = 'verified' THEN now() END, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $6 AND status = 'pending' RETURNING id`,
      [municipalityId, id, decision.status, decision.reason, decision.reviewer, version],
    );
    return rows.length === 1;
  },
  /** The verification queue and the rest of the registry, for staff: oldest waiting first. */
  async queue(sql: Sql, municipalityId: string): Promise<QueueRow[]> {
    return sql.query<QueueRow>(
      `SELECT o.id, o.name, o.kind, o.status, o.rejection_reason, o.submitted_at, o.verified_at, u.display_name AS registrant_name
       FROM organisations o LEFT JOIN users u ON u.id = o.registered_by
       WHERE o.municipality_id = $1 ORDER BY o.status, o.submitted_at, o.id`,
      [municipalityId],
    );
  },
  /** Organisations a person registered or belongs to, with their role. */
  async ofUser(sql: Sql, municipalityId: string, userId: string) {
    return sql.query<{ id: string; name: string; kind: Kind; status: Status; rejection_reason: string; role: 'admin' | 'member' | null; registrant: boolean }>(
      `SELECT o.id, o.name, o.kind, o.status, o.rejection_reason, m.role, o.registered_by = $2 AS registrant
       FROM organisations o
       LEFT JOIN organisation_members m ON m.municipality_id = o.municipality_id AND m.organisation_id = o.id AND m.user_id = $2
       WHERE o.municipality_id = $1 AND (o.registered_by = $2 OR m.user_id IS NOT NULL)
       ORDER BY search_normalize(o.name), o.id`,
      [municipalityId, userId],
    );
  },
  async registrant(sql: Sql, userId: string): Promise<{ email: string; display_name: string; locale: 'pl' | 'en' } | undefined> {
    const [row] = await sql.query<{ email: string; display_name: string; locale: 'pl' | 'en' }>('SELECT email, display_name, locale FROM users WHERE id = $1', [userId]);
    return row;
  },
  /** Every organisation of the municipality, whatever its status, by name. */
  async exportRows(sql: Sql, municipalityId: string): Promise<ExportedOrganisation[]> {
    return sql.query<ExportedOrganisation>(
      `SELECT ${ORGANISATION_COLUMNS},
         coalesce((SELECT array_agg(f.name ORDER BY f.search_name) FROM federation_members fm
                   JOIN organisations f ON f.municipality_id = fm.municipality_id AND f.id = fm.federation_id
                   WHERE fm.municipality_id = o.municipality_id AND fm.member_id = o.id), '{}') AS federation_names
       FROM organisations o WHERE o.municipality_id = $1 ORDER BY o.search_name, o.id`,
      [municipalityId],
    );
  },
};
