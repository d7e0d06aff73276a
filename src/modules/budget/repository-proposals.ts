import type { Sql } from '../../platform/db/types';
import type { CostLine } from './domain';
import type { CheckName, ProposalInput, ProposalRow, ProposalStatus, VerificationRow } from './proposals-domain';

/** Proposals, their cost lines, support and verification (ADR 0034). */

const PROPOSAL = `p.id, p.edition_id, p.pool_id, p.author_id, p.title, p.description, p.place, p.cost::float8 AS cost, p.status, p.submitted_at,
  p.project_id, p.version,
  (SELECT count(*)::int FROM budget_proposal_supports s WHERE s.municipality_id = p.municipality_id AND s.proposal_id = p.id) AS supporters`;

export const proposals = {
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<ProposalRow | undefined> {
    const [row] = await sql.query<ProposalRow>(`SELECT ${PROPOSAL} FROM budget_proposals p WHERE p.municipality_id = $1 AND p.id = $2${lock ? ' FOR UPDATE' : ''}`, [municipalityId, id]);
    return row;
  },
  /** The edition's proposals anyone may see (not drafts), and the drafts of `authorId`. */
  async ofEdition(sql: Sql, municipalityId: string, editionId: string, authorId: string | null): Promise<ProposalRow[]> {
    return sql.query<ProposalRow>(
      `SELECT ${PROPOSAL} FROM budget_proposals p WHERE p.municipality_id = $1 AND p.edition_id = $2 AND (p.status <> 'draft' OR p.author_id = $3)
       ORDER BY p.submitted_at NULLS FIRST, p.title, p.id`,
      [municipalityId, editionId, authorId],
    );
  },
  async insert(sql: Sql, municipalityId: string, editionId: string, authorId: string, input: ProposalInput, cost: number): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO budget_proposals (municipality_id, edition_id, pool_id, author_id, title, description, place, cost) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [municipalityId, editionId, input.pool_id, authorId, input.title, input.description, input.place, cost],
    );
    return row!.id;
  },
  /** The draft's new content, if still at `version` (else false: someone saved in between). */
  async update(sql: Sql, municipalityId: string, id: string, input: ProposalInput, cost: number, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE budget_proposals SET pool_id = $3, title = $4, description = $5, place = $6, cost = $7, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $8 AND status = 'draft' RETURNING id`,
      [municipalityId, id, input.pool_id, input.title, input.description, input.place, cost, version],
    );
    return rows.length === 1;
  },
  async setStatus(sql: Sql, municipalityId: string, id: string, from: readonly ProposalStatus[], to: ProposalStatus, version: number | null, projectId: string | null = null): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE budget_proposals SET status = $4, project_id = COALESCE($5, project_id), version = version + 1, updated_at = now(),
         submitted_at = CASE WHEN $4 = 'submitted' AND submitted_at IS NULL THEN now() ELSE submitted_at END
       WHERE municipality_id = $1 AND id = $2 AND status = ANY($3::text[]) AND ($6::int IS NULL OR version = $6) RETURNING id`,
      [municipalityId, id, from, to, projectId, version],
    );
    return rows.length === 1;
  },
  async costLines(sql: Sql, municipalityId: string, id: string): Promise<CostLine[]> {
    return sql.query<CostLine>('SELECT item, amount::float8 AS amount FROM budget_proposal_cost_lines WHERE municipality_id = $1 AND proposal_id = $2 ORDER BY position', [
      municipalityId, id,
    ]);
  },
  async setCostLines(sql: Sql, municipalityId: string, id: string, lines: readonly CostLine[]): Promise<void> {
    await sql.query('DELETE FROM budget_proposal_cost_lines WHERE municipality_id = $1 AND proposal_id = $2', [municipalityId, id]);
    await sql.query(
      `INSERT INTO budget_proposal_cost_lines (municipality_id, proposal_id, position, item, amount)
       SELECT $1, $2, x.position, x.item, x.amount FROM jsonb_to_recordset($3::jsonb) AS x(position int, item text, amount bigint)`,
      [municipalityId, id, JSON.stringify(lines.map((l, position) => ({ ...l, position })))],
    );
  },
};

export const supports = {
  /** True if the signature was added; false if this person had already signed (the primary key decides). */
  async add(sql: Sql, municipalityId: string, proposalId: string, userId: string): Promise<boolean> {
    const rows = await sql.query(
      'INSERT INTO budget_proposal_supports (municipality_id, proposal_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id',
      [municipalityId, proposalId, userId],
    );
    return rows.length === 1;
  },
  async has(sql: Sql, municipalityId: string, proposalId: string, userId: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM budget_proposal_supports WHERE municipality_id = $1 AND proposal_id = $2 AND user_id = $3', [municipalityId, proposalId, userId]);
    return rows.length > 0;
  },
};

const VERIFICATION = `proposal_id, formal_ok, formal_reason, legal_ok, legal_reason, cost_ok, cost_reason, feasibility_ok, feasibility_reason, verified_by,
  status, verdict, published_at, appeal_until, appeal_text, appealed_at, appeal_decision, appeal_reason, appeal_decided_by, appeal_decided_at, version`;

export type ChecksInput = Record<`${CheckName}_ok`, boolean | null> & Record<`${CheckName}_reason`, string>;

export const verifications = {
  async find(sql: Sql, municipalityId: string, proposalId: string): Promise<VerificationRow | undefined> {
    const [row] = await sql.query<VerificationRow>(`SELECT ${VERIFICATION} FROM budget_verifications WHERE municipality_id = $1 AND proposal_id = $2`, [municipalityId, proposalId]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, proposalId: string, c: ChecksInput, by: string): Promise<void> {
    await sql.query(
      `INSERT INTO budget_verifications (municipality_id, proposal_id, formal_ok, formal_reason, legal_ok, legal_reason, cost_ok, cost_reason,
         feasibility_ok, feasibility_reason, verified_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [municipalityId, proposalId, c.formal_ok, c.formal_reason, c.legal_ok, c.legal_reason, c.cost_ok, c.cost_reason, c.feasibility_ok, c.feasibility_reason, by],
    );
  },
  /** A draft verification's checks, if still at `version`. The officer who saves is the verifier. */
  async update(sql: Sql, municipalityId: string, proposalId: string, c: ChecksInput, by: string, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE budget_verifications SET formal_ok = $3, formal_reason = $4, legal_ok = $5, legal_reason = $6, cost_ok = $7, cost_reason = $8,
         feasibility_ok = $9, feasibility_reason = $10, verified_by = $11, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND proposal_id = $2 AND status = 'draft' AND version = $12 RETURNING proposal_id`,
      [municipalityId, proposalId, c.formal_ok, c.formal_reason, c.legal_ok, c.legal_reason, c.cost_ok, c.cost_reason, c.feasibility_ok, c.feasibility_reason, by, version],
    );
    return rows.length === 1;
  },
  async publish(sql: Sql, municipalityId: string, proposalId: string, verdict: 'positive' | 'negative', at: Date, appealUntil: Date | null, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE budget_verifications SET status = 'published', verdict = $3, published_at = $4, appeal_until = $5, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND proposal_id = $2 AND status = 'draft' AND version = $6 RETURNING proposal_id`,
      [municipalityId, proposalId, verdict, at, appealUntil, version],
    );
    return rows.length === 1;
  },
  async appeal(sql: Sql, municipalityId: string, proposalId: string, text: string, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE budget_verifications SET appeal_text = $3, appealed_at = now(), version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND proposal_id = $2 AND verdict = 'negative' AND appeal_text IS NULL AND version = $4 RETURNING proposal_id`,
      [municipalityId, proposalId, text, version],
    );
    return rows.length === 1;
  },
  async decideAppeal(sql: Sql, municipalityId: string, proposalId: string, decision: 'upheld' | 'dismissed', reason: string, by: string, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE budget_verifications SET appeal_decision = $3, appeal_reason = $4, appeal_decided_by = $5, appeal_decided_at = now(), version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND proposal_id = $2 AND appeal_text IS NOT NULL AND appeal_decision IS NULL AND version = $6 RETURNING proposal_id`,
      [municipalityId, proposalId, decision, reason, by, version],
    );
    return rows.length === 1;
  },
};

/** What the proposals pages need of the edition and its pools beyond repository.ts's rows. */
export const editionExtras = {
  async appealDays(sql: Sql, municipalityId: string, editionId: string): Promise<number> {
    const [row] = await sql.query<{ appeal_days: number }>('SELECT appeal_days FROM budget_editions WHERE municipality_id = $1 AND id = $2', [municipalityId, editionId]);
    return row?.appeal_days ?? 7;
  },
  async thresholds(sql: Sql, municipalityId: string, editionId: string): Promise<Map<string, number | null>> {
    const rows = await sql.query<{ id: string; support_threshold: number | null }>('SELECT id, support_threshold FROM budget_pools WHERE municipality_id = $1 AND edition_id = $2', [
      municipalityId, editionId,
    ]);
    return new Map(rows.map((r) => [r.id, r.support_threshold]));
  },
  async setAppealDays(sql: Sql, municipalityId: string, editionId: string, days: number): Promise<void> {
    await sql.query('UPDATE budget_editions SET appeal_days = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, editionId, days]);
  },
  async setThreshold(sql: Sql, municipalityId: string, poolId: string, threshold: number | null): Promise<void> {
    await sql.query('UPDATE budget_pools SET support_threshold = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, poolId, threshold]);
  },
};

/** The demo's proposals with their own past dates (fixtures only): a proposal, its lines and its verification as given. */
export const demoProposals = {
  async insert(
    sql: Sql, municipalityId: string,
    p: { edition_id: string; pool_id: string; author_id: string; title: string; description: string; place: string; cost: number; status: ProposalStatus; submitted_at: Date; project_id: string | null },
  ): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO budget_proposals (municipality_id, edition_id, pool_id, author_id, title, description, place, cost, status, submitted_at, project_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10) RETURNING id`,
      [municipalityId, p.edition_id, p.pool_id, p.author_id, p.title, p.description, p.place, p.cost, p.status, p.submitted_at, p.project_id],
    );
    return row!.id;
  },
  async verification(sql: Sql, municipalityId: string, proposalId: string, v: Omit<VerificationRow, 'proposal_id' | 'version' | 'status'>): Promise<void> {
    await sql.query(
      `INSERT INTO budget_verifications (municipality_id, proposal_id, formal_ok, formal_reason, legal_ok, legal_reason, cost_ok, cost_reason, feasibility_ok,
         feasibility_reason, verified_by, status, verdict, published_at, appeal_until, appeal_text, appealed_at, appeal_decision, appeal_reason, appeal_decided_by, appeal_decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'published', $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [municipalityId, proposalId, v.formal_ok, v.formal_reason, v.legal_ok, v.legal_reason, v.cost_ok, v.cost_reason, v.feasibility_ok, v.feasibility_reason,
        v.verified_by, v.verdict, v.published_at, v.appeal_until, v.appeal_text, v.appealed_at, v.appeal_decision, v.appeal_reason, v.appeal_decided_by, v.appeal_decided_at],
    );
  },
};
