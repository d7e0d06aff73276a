import type { Sql } from '../../platform/db/types';

/** The competition committee's tables (0039): members, conflict declarations, individual sheets, the consensus. */

export interface CommitteeMember {
  user_id: string;
  display_name: string;
  kind: 'staff' | 'nominee';
  organisation_id: string | null;
  organisation_name: string | null;
  chair: boolean;
  appointed_at: Date;
}
export interface SheetScore { score: number | null; justification: string }
export interface Declaration { user_id: string; conflict: boolean; explanation: string; declared_at: Date }
export interface Sheet { user_id: string; scores: SheetScore[]; submitted_at: Date | null; version: number }
export interface Consensus { formal: 'pending' | 'ok' | 'errors'; formal_notes: string; scores: SheetScore[]; total: number | null; remarks: string; version: number; updated_at: Date }
export interface BoardOffer {
  id: string;
  title: string;
  organisation_name: string;
  status: string;
  declared_conflict: boolean | null;
  declared_at: Date | null;
  sheet_submitted_at: Date | null;
  formal: string | null;
  total: number | null;
}

export const committee = {
  async members(sql: Sql, m: string, callId: string): Promise<CommitteeMember[]> {
    return sql.query(
      `SELECT cm.user_id, u.display_name, cm.kind, cm.organisation_id, o.name AS organisation_name, cm.chair, cm.appointed_at
       FROM commissioning_committee_members cm JOIN users u ON u.id = cm.user_id
       LEFT JOIN organisations o ON o.municipality_id = cm.municipality_id AND o.id = cm.organisation_id
       WHERE cm.municipality_id = $1 AND cm.call_id = $2 ORDER BY cm.chair DESC, u.display_name, cm.user_id`,
      [m, callId],
    );
  },
  async member(sql: Sql, m: string, callId: string, userId: string): Promise<{ chair: boolean; kind: string } | undefined> {
    const [row] = await sql.query<{ chair: boolean; kind: string }>(
      'SELECT chair, kind FROM commissioning_committee_members WHERE municipality_id = $1 AND call_id = $2 AND user_id = $3',
      [m, callId, userId],
    );
    return row;
  },
  /** false when the person is on the committee already. */
  async insert(sql: Sql, m: string, callId: string, userId: string, kind: 'staff' | 'nominee', organisationId: string | null, chair: boolean, by: string | null): Promise<boolean> {
    if (chair) await sql.query('UPDATE commissioning_committee_members SET chair = false WHERE municipality_id = $1 AND call_id = $2 AND chair', [m, callId]);
    const rows = await sql.query(
      `INSERT INTO commissioning_committee_members (municipality_id, call_id, user_id, kind, organisation_id, chair, appointed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING user_id`,
      [m, callId, userId, kind, organisationId, chair, by],
    );
    return rows.length === 1;
  },
  async callsOf(sql: Sql, m: string, userId: string): Promise<{ id: string; number: number; title: string; status: string; offers_close_at: Date; chair: boolean }[]> {
    return sql.query(
      `SELECT c.id, c.number, c.title, c.status, c.offers_close_at, cm.chair FROM commissioning_committee_members cm
       JOIN commissioning_calls c ON c.municipality_id = cm.municipality_id AND c.id = cm.call_id
       WHERE cm.municipality_id = $1 AND cm.user_id = $2 ORDER BY c.number DESC`,
      [m, userId],
    );
  },
  /** People of the municipality holding a staff role (the kernel's memberships, read only). */
  async staffCandidates(sql: Sql, m: string, staffRoles: readonly string[]): Promise<{ id: string; display_name: string }[]> {
    return sql.query(
      `SELECT u.id, u.display_name FROM memberships ms JOIN users u ON u.id = ms.user_id
       WHERE ms.municipality_id = $1 AND ms.roles && $2::text[] ORDER BY u.display_name, u.id`,
      [m, staffRoles],
    );
  },
  /** Members of verified organisations (the registry's, read only): whom organisations may nominate. */
  async nomineeCandidates(sql: Sql, m: string): Promise<{ user_id: string; display_name: string; organisation_id: string; organisation_name: string }[]> {
    return sql.query(
      `SELECT u.id AS user_id, u.display_name, o.id AS organisation_id, o.name AS organisation_name
       FROM organisation_members om JOIN organisations o ON o.municipality_id = om.municipality_id AND o.id = om.organisation_id
       JOIN users u ON u.id = om.user_id
       WHERE om.municipality_id = $1 AND o.status = 'verified' ORDER BY o.name, u.display_name, u.id`,
      [m],
    );
  },
  /** The person's organisations that bid in the call (an offer not withdrawn, as offeror or partner). */
  async biddingOrganisationsOf(sql: Sql, m: string, callId: string, userId: string): Promise<string[]> {
    const rows = await sql.query<{ name: string }>(
      `SELECT DISTINCT org.name FROM organisation_members om
       JOIN organisations org ON org.municipality_id = om.municipality_id AND org.id = om.organisation_id
       JOIN commissioning_offers o ON o.municipality_id = om.municipality_id AND o.call_id = $2 AND o.status <> 'withdrawn'
         AND (o.organisation_id = om.organisation_id OR o.partners @> jsonb_build_array(jsonb_build_object('organisation_id', om.organisation_id::text)))
       WHERE om.municipality_id = $1 AND om.user_id = $3 ORDER BY org.name`,
      [m, callId, userId],
    );
    return rows.map((r) => r.name);
  },
  /** The offers the committee assesses (submitted and later, never drafts or withdrawn ones), with one member's progress. */
  async board(sql: Sql, m: string, callId: string, userId: string): Promise<BoardOffer[]> {
    return sql.query(
      `SELECT o.id, o.title, org.name AS organisation_name, o.status, d.conflict AS declared_conflict, d.declared_at,
         s.submitted_at AS sheet_submitted_at, cs.formal, cs.total
       FROM commissioning_offers o JOIN organisations org ON org.municipality_id = o.municipality_id AND org.id = o.organisation_id
       LEFT JOIN commissioning_conflict_declarations d ON d.municipality_id = o.municipality_id AND d.offer_id = o.id AND d.user_id = $3
       LEFT JOIN commissioning_score_sheets s ON s.municipality_id = o.municipality_id AND s.offer_id = o.id AND s.user_id = $3
       LEFT JOIN commissioning_consensus cs ON cs.municipality_id = o.municipality_id AND cs.offer_id = o.id
       WHERE o.municipality_id = $1 AND o.call_id = $2 AND o.status NOT IN ('draft', 'withdrawn') ORDER BY org.name, o.id`,
      [m, callId, userId],
    );
  },
};

export const declarations = {
  async find(sql: Sql, m: string, offerId: string, userId: string): Promise<Declaration | undefined> {
    const [row] = await sql.query<Declaration>(
      'SELECT user_id, conflict, explanation, declared_at FROM commissioning_conflict_declarations WHERE municipality_id = $1 AND offer_id = $2 AND user_id = $3',
      [m, offerId, userId],
    );
    return row;
  },
  /** false when the person has declared already (a declaration is never changed). */
  async insert(sql: Sql, m: string, offerId: string, userId: string, conflict: boolean, explanation: string): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO commissioning_conflict_declarations (municipality_id, offer_id, user_id, conflict, explanation) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [m, offerId, userId, conflict, explanation],
    );
    return rows.length === 1;
  },
  async ofOffer(sql: Sql, m: string, offerId: string): Promise<(Declaration & { display_name: string })[]> {
    return sql.query(
      `SELECT d.user_id, u.display_name, d.conflict, d.explanation, d.declared_at FROM commissioning_conflict_declarations d JOIN users u ON u.id = d.user_id
       WHERE d.municipality_id = $1 AND d.offer_id = $2 ORDER BY d.declared_at, d.user_id`,
      [m, offerId],
    );
  },
};

export const sheets = {
  async find(sql: Sql, m: string, offerId: string, userId: string): Promise<Sheet | undefined> {
    const [row] = await sql.query<Sheet>(
      'SELECT user_id, scores, submitted_at, version FROM commissioning_score_sheets WHERE municipality_id = $1 AND offer_id = $2 AND user_id = $3',
      [m, offerId, userId],
    );
    return row;
  },
  /** Saves (version 0: the first save) or submits a sheet not submitted yet; false when the version moved on. */
  async save(sql: Sql, m: string, offerId: string, userId: string, scores: SheetScore[], submit: boolean, version: number): Promise<boolean> {
    const rows = version === 0
      ? await sql.query(
        `INSERT INTO commissioning_score_sheets (municipality_id, offer_id, user_id, scores, submitted_at) VALUES ($1, $2, $3, $4::jsonb, CASE WHEN $5 THEN now() END)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [m, offerId, userId, JSON.stringify(scores), submit],
      )
      : await sql.query(
        `UPDATE commissioning_score_sheets SET scores = $4::jsonb, submitted_at = CASE WHEN $5 THEN now() END, version = version + 1, updated_at = now()
         WHERE municipality_id = $1 AND offer_id = $2 AND user_id = $3 AND version = $6 AND submitted_at IS NULL RETURNING user_id`,
        [m, offerId, userId, JSON.stringify(scores), submit, version],
      );
    return rows.length === 1;
  },
  /** Submitted sheets only: a sheet being filled in is its author's alone. */
  async submittedOf(sql: Sql, m: string, offerId: string): Promise<(Sheet & { display_name: string })[]> {
    return sql.query(
      `SELECT s.user_id, u.display_name, s.scores, s.submitted_at, s.version FROM commissioning_score_sheets s JOIN users u ON u.id = s.user_id
       WHERE s.municipality_id = $1 AND s.offer_id = $2 AND s.submitted_at IS NOT NULL ORDER BY s.submitted_at, s.user_id`,
      [m, offerId],
    );
  },
};

export const consensus = {
  async find(sql: Sql, m: string, offerId: string, lock = false): Promise<Consensus | undefined> {
    const [row] = await sql.query<Consensus>(
      `SELECT formal, formal_notes, scores, total, remarks, version, updated_at FROM commissioning_consensus WHERE municipality_id = $1 AND offer_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [m, offerId],
    );
    return row;
  },
  /** The formal assessment; the total stays only while the offer is formally correct. Version 0: the sheet's first save. */
  async saveFormal(sql: Sql, m: string, offerId: string, formal: string, notes: string, version: number, by: string | null): Promise<boolean> {
    const rows = version === 0
      ? await sql.query(
        `INSERT INTO commissioning_consensus (municipality_id, offer_id, formal, formal_notes, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING offer_id`,
        [m, offerId, formal, notes, by],
      )
      : await sql.query(
        `UPDATE commissioning_consensus SET formal = $3, formal_notes = $4, total = CASE WHEN $3 = 'ok' THEN total END, updated_by = $5, updated_at = now(), version = version + 1
         WHERE municipality_id = $1 AND offer_id = $2 AND version = $6 RETURNING offer_id`,
        [m, offerId, formal, notes, by, version],
      );
    return rows.length === 1;
  },
  async saveScores(sql: Sql, m: string, offerId: string, scores: SheetScore[], total: number, remarks: string, version: number, by: string | null): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE commissioning_consensus SET scores = $3::jsonb, total = $4, remarks = $5, updated_by = $6, updated_at = now(), version = version + 1
       WHERE municipality_id = $1 AND offer_id = $2 AND version = $7 AND formal = 'ok' RETURNING offer_id`,
      [m, offerId, JSON.stringify(scores), total, remarks, by, version],
    );
    return rows.length === 1;
  },
};

/** A member's work waiting in calls being assessed: offers without their declaration, or cleared and formally correct without their submitted sheet; null when on no committee. */
export async function committeeWork(sql: Sql, m: string, userId: string): Promise<number | null> {
  const [row] = await sql.query<{ seats: number; waiting: number }>(
    `SELECT (SELECT count(*)::int FROM commissioning_committee_members WHERE municipality_id = $1 AND user_id = $2) AS seats,
       (SELECT count(*)::int FROM commissioning_committee_members cm
          JOIN commissioning_calls c ON c.municipality_id = cm.municipality_id AND c.id = cm.call_id AND c.status = 'published' AND c.offers_close_at < now()
          JOIN commissioning_offers o ON o.municipality_id = c.municipality_id AND o.call_id = c.id AND o.status NOT IN ('draft', 'withdrawn')
          LEFT JOIN commissioning_conflict_declarations d ON d.municipality_id = o.municipality_id AND d.offer_id = o.id AND d.user_id = cm.user_id
          LEFT JOIN commissioning_consensus cs ON cs.municipality_id = o.municipality_id AND cs.offer_id = o.id
          LEFT JOIN commissioning_score_sheets s ON s.municipality_id = o.municipality_id AND s.offer_id = o.id AND s.user_id = cm.user_id
        WHERE cm.municipality_id = $1 AND cm.user_id = $2
          AND (d.user_id IS NULL OR (NOT d.conflict AND cs.formal = 'ok' AND s.submitted_at IS NULL))) AS waiting`,
    [m, userId],
  );
  return row && row.seats > 0 ? row.waiting : null;
}
