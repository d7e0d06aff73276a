import type { Sql } from '../../platform/db/types';
import type { CallRow, DecisionKind, OfferRow, OfferStatus } from './domain';
import type { CallInput, DecisionInput, OfferInput } from './form';

const CALL = `c.id, c.number, c.title, c.tasks, c.service_ids, c.sphere, c.total_amount, c.grant_ceiling, c.min_own_basis_points, c.criteria, c.rules,
  c.status, c.published_at, c.offers_close_at, c.results_published_at, c.version`;
const OFFER = `o.id, o.call_id, o.organisation_id, org.name AS organisation_name, o.partners, o.title, o.task_description, o.schedule, o.expected_results,
  o.cost_lines, o.status, o.version, o.updated_at`;
const OFFER_FROM = 'commissioning_offers o JOIN organisations org ON org.municipality_id = o.municipality_id AND org.id = o.organisation_id';

export const calls = {
  async list(sql: Sql, municipalityId: string, withDrafts: boolean): Promise<CallRow[]> {
    return sql.query(
      `SELECT ${CALL} FROM commissioning_calls c WHERE c.municipality_id = $1 ${withDrafts ? '' : "AND c.status <> 'draft'"} ORDER BY c.number DESC`,
      [municipalityId],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<CallRow | undefined> {
    const [row] = await sql.query<CallRow>(`SELECT ${CALL} FROM commissioning_calls c WHERE c.municipality_id = $1 AND c.id = $2${lock ? ' FOR UPDATE' : ''}`, [municipalityId, id]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, c: CallInput, createdBy: string | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO commissioning_calls (municipality_id, number, title, sphere, tasks, service_ids, total_amount, grant_ceiling, min_own_basis_points, criteria, rules, offers_close_at, created_by)
       VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM commissioning_calls WHERE municipality_id = $1), $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12) RETURNING id`,
      [municipalityId, c.title, c.sphere, c.tasks, c.service_ids, c.total_amount, c.grant_ceiling, c.min_own_basis_points, JSON.stringify(c.criteria), c.rules, c.offers_close_at, createdBy],
    );
    return row!.id;
  },
  /** An edit; `republish` moves the publication to now (a correction of a published call is published again). */
  async update(sql: Sql, municipalityId: string, id: string, c: CallInput, version: number, republish: boolean): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE commissioning_calls SET title = $3, sphere = $4, tasks = $5, service_ids = $6, total_amount = $7, grant_ceiling = $8, min_own_basis_points = $9,
         criteria = $10::jsonb, rules = $11, offers_close_at = $12, published_at = CASE WHEN $14 THEN now() ELSE published_at END, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $13 RETURNING id`,
      [municipalityId, id, c.title, c.sphere, c.tasks, c.service_ids, c.total_amount, c.grant_ceiling, c.min_own_basis_points, JSON.stringify(c.criteria), c.rules, c.offers_close_at, version, republish],
    );
    return rows.length === 1;
  },
  async publish(sql: Sql, municipalityId: string, id: string, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE commissioning_calls SET status = 'published', published_at = now(), version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 AND status = 'draft' RETURNING id`,
      [municipalityId, id, version],
    );
    return rows.length === 1;
  },
  async resolve(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query("UPDATE commissioning_calls SET status = 'resolved', results_published_at = now(), version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2", [municipalityId, id]);
  },
  /** Grants awarded in calls of one sphere, by the year the call was published (Warsaw), for the given years. */
  async awardedBySphere(sql: Sql, municipalityId: string, sphere: string, years: number[], exceptCall: string): Promise<{ year: number; calls: number; grants: number; amount: number }[]> {
    return sql.query(
      `SELECT extract(year FROM c.published_at AT TIME ZONE 'Europe/Warsaw')::int AS year, count(DISTINCT c.id)::int AS calls,
         count(d.offer_id)::int AS grants, coalesce(sum(d.amount), 0)::int AS amount
       FROM commissioning_calls c
       LEFT JOIN commissioning_offers o ON o.municipality_id = c.municipality_id AND o.call_id = c.id
       LEFT JOIN commissioning_decisions d ON d.municipality_id = o.municipality_id AND d.offer_id = o.id AND d.kind = 'awarded' AND c.status = 'resolved'
       WHERE c.municipality_id = $1 AND c.sphere = $2 AND c.id <> $4 AND c.published_at IS NOT NULL
         AND extract(year FROM c.published_at AT TIME ZONE 'Europe/Warsaw')::int = ANY($3::int[])
       GROUP BY 1 ORDER BY 1 DESC`,
      [municipalityId, sphere, years, exceptCall],
    );
  },
};

export const offers = {
  async insert(sql: Sql, municipalityId: string, callId: string, organisationId: string, createdBy: string): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      'INSERT INTO commissioning_offers (municipality_id, call_id, organisation_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [municipalityId, callId, organisationId, createdBy],
    );
    return row!.id;
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<OfferRow | undefined> {
    const [row] = await sql.query<OfferRow>(`SELECT ${OFFER} FROM ${OFFER_FROM} WHERE o.municipality_id = $1 AND o.id = $2${lock ? ' FOR UPDATE OF o' : ''}`, [municipalityId, id]);
    return row;
  },
  async ofCall(sql: Sql, municipalityId: string, callId: string): Promise<(OfferRow & { decision_kind: DecisionKind | null; amount: number | null; reasons: string | null; submitted_at: Date | null; consensus_total: number | null; agreement_id: string | null })[]> {
    return sql.query(
      `SELECT ${OFFER}, d.kind AS decision_kind, d.amount, d.reasons,
         (SELECT ag.id FROM commissioning_agreements ag WHERE ag.municipality_id = o.municipality_id AND ag.offer_id = o.id) AS agreement_id,
         (SELECT cs.total FROM commissioning_consensus cs WHERE cs.municipality_id = o.municipality_id AND cs.offer_id = o.id) AS consensus_total,
         (SELECT max(v.submitted_at) FROM commissioning_offer_versions v WHERE v.municipality_id = o.municipality_id AND v.offer_id = o.id) AS submitted_at
       FROM ${OFFER_FROM} LEFT JOIN commissioning_decisions d ON d.municipality_id = o.municipality_id AND d.offer_id = o.id
       WHERE o.municipality_id = $1 AND o.call_id = $2 AND o.status <> 'draft' ORDER BY org.name, o.id`,
      [municipalityId, callId],
    );
  },
  async ofUser(sql: Sql, municipalityId: string, userId: string): Promise<(OfferRow & { call_title: string; offers_close_at: Date })[]> {
    return sql.query(
      `SELECT ${OFFER}, c.title AS call_title, c.offers_close_at FROM ${OFFER_FROM}
       JOIN commissioning_calls c ON c.municipality_id = o.municipality_id AND c.id = o.call_id
       JOIN organisation_members m ON m.municipality_id = o.municipality_id AND m.organisation_id = o.organisation_id AND m.user_id = $2
       WHERE o.municipality_id = $1 ORDER BY c.offers_close_at DESC, org.name, o.id`,
      [municipalityId, userId],
    );
  },
  async saveDraft(sql: Sql, municipalityId: string, id: string, o: OfferInput & { partners: unknown[] }, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE commissioning_offers SET title = $3, task_description = $4, expected_results = $5, schedule = $6::jsonb, cost_lines = $7::jsonb, partners = $8::jsonb,
         version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $9 AND status = 'draft' RETURNING id`,
      [municipalityId, id, o.title, o.task_description, o.expected_results, JSON.stringify(o.schedule), JSON.stringify(o.cost_lines), JSON.stringify(o.partners), version],
    );
    return rows.length === 1;
  },
  async setStatus(sql: Sql, municipalityId: string, id: string, status: OfferStatus): Promise<void> {
    await sql.query('UPDATE commissioning_offers SET status = $3, version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2', [municipalityId, id, status]);
  },
};

export const versions = {
  /** The submitted version, stamped with the server's clock at the insert. */
  async insert(sql: Sql, municipalityId: string, offerId: string, content: unknown, sha256: string, submittedAt: Date, by: string | null): Promise<number> {
    const [row] = await sql.query<{ number: number }>(
      `INSERT INTO commissioning_offer_versions (municipality_id, offer_id, number, content, sha256, submitted_at, submitted_by)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM commissioning_offer_versions WHERE municipality_id = $1 AND offer_id = $2), $3::jsonb, $4, $5, $6) RETURNING number`,
      [municipalityId, offerId, JSON.stringify(content), sha256, submittedAt, by],
    );
    return row!.number;
  },
  async latest(sql: Sql, municipalityId: string, offerId: string): Promise<{ number: number; sha256: string; submitted_at: Date; content: unknown } | undefined> {
    const [row] = await sql.query<{ number: number; sha256: string; submitted_at: Date; content: unknown }>(
      'SELECT number, sha256, submitted_at, content FROM commissioning_offer_versions WHERE municipality_id = $1 AND offer_id = $2 ORDER BY number DESC LIMIT 1',
      [municipalityId, offerId],
    );
    return row;
  },
};

export const decisions = {
  async record(sql: Sql, municipalityId: string, offerId: string, d: DecisionInput, by: string | null): Promise<void> {
    await sql.query(
      `INSERT INTO commissioning_decisions (municipality_id, offer_id, kind, amount, reasons, decided_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (municipality_id, offer_id) DO UPDATE SET kind = EXCLUDED.kind, amount = EXCLUDED.amount, reasons = EXCLUDED.reasons,
         decided_by = EXCLUDED.decided_by, decided_at = now(), version = commissioning_decisions.version + 1`,
      [municipalityId, offerId, d.kind, d.amount, d.reasons, by],
    );
  },
};

/** Reads of other modules' tables this module needs (the registry's membership, the catalogue's service names): read only. */
export const registry = {
  async organisationsOf(sql: Sql, municipalityId: string, userId: string): Promise<{ id: string; name: string }[]> {
    return sql.query(
      `SELECT o.id, o.name FROM organisation_members m JOIN organisations o ON o.municipality_id = m.municipality_id AND o.id = m.organisation_id
       WHERE m.municipality_id = $1 AND m.user_id = $2 AND o.status = 'verified' ORDER BY o.name, o.id`,
      [municipalityId, userId],
    );
  },
  async verified(sql: Sql, municipalityId: string): Promise<{ id: string; name: string }[]> {
    return sql.query("SELECT id, name FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY name, id", [municipalityId]);
  },
  async services(sql: Sql, municipalityId: string): Promise<{ id: string; name: string }[]> {
    return sql.query('SELECT id, name FROM services WHERE municipality_id = $1 ORDER BY name, id', [municipalityId]);
  },
};

export interface AwardedGrant {
  offer_id: string;
  call_id: string;
  call_number: number;
  call_title: string;
  sphere: string;
  offer_title: string;
  task_description: string;
  amount: number;
  requested: number;
  decided_at: Date;
  results_published_at: Date;
  schedule: { from: string; to: string }[];
  organisation_id: string;
  organisation_name: string;
  krs: string | null;
  regon: string | null;
  nip: string | null;
  city: string;
  postal_code: string;
  street: string;
}

/** Grants awarded in calls whose results are published: the open data (360Giving, CSV, XLSX). */
export async function awardedGrants(sql: Sql, municipalityId: string): Promise<AwardedGrant[]> {
  return sql.query(
    `SELECT o.id AS offer_id, c.id AS call_id, c.number AS call_number, c.title AS call_title, c.sphere, o.title AS offer_title, o.task_description, d.amount,
       coalesce((SELECT sum((l->>'grant')::bigint) FROM jsonb_array_elements(o.cost_lines) l), 0)::int AS requested, d.decided_at, c.results_published_at,
       o.schedule, org.id AS organisation_id, org.name AS organisation_name, org.krs, org.regon, org.nip, org.city, org.postal_code, org.street
     FROM commissioning_decisions d
     JOIN ${OFFER_FROM} ON o.municipality_id = d.municipality_id AND o.id = d.offer_id
     JOIN commissioning_calls c ON c.municipality_id = o.municipality_id AND c.id = o.call_id
     WHERE d.municipality_id = $1 AND d.kind = 'awarded' AND c.status = 'resolved'
     ORDER BY c.number, org.name, o.id`,
    [municipalityId],
  );
}

export async function startCounts(sql: Sql, municipalityId: string, userId: string): Promise<{ toAssess: number; drafts: number }> {
  const [row] = await sql.query<{ to_assess: number; drafts: number }>(
    `SELECT (SELECT count(*)::int FROM commissioning_offers o LEFT JOIN commissioning_decisions d ON d.municipality_id = o.municipality_id AND d.offer_id = o.id
              WHERE o.municipality_id = $1 AND o.status = 'submitted' AND d.offer_id IS NULL) AS to_assess,
            (SELECT count(*)::int FROM commissioning_offers o JOIN commissioning_calls c ON c.municipality_id = o.municipality_id AND c.id = o.call_id
              JOIN organisation_members m ON m.municipality_id = o.municipality_id AND m.organisation_id = o.organisation_id AND m.user_id = $2
              WHERE o.municipality_id = $1 AND o.status = 'draft' AND c.status = 'published' AND c.offers_close_at > now()) AS drafts`,
    [municipalityId, userId],
  );
  return { toAssess: row?.to_assess ?? 0, drafts: row?.drafts ?? 0 };
}
