import type { Sql } from '../../platform/db/types';
import type { Channel, PoolKind } from './domain';

/**
 * The secret vote (ADR 0030). `budget_voters`: who has voted, as keyed hashes, per edition and scope.
 * `budget_ballots`: what was chosen, with no voter and no time. The app role may only add to either.
 */

export interface StoredBallot {
  projects: string[];
  points: number[] | null;
}

export const voters = {
  /** Marks the keys as having voted; false if any already has (the unique key decides, also between concurrent votes). */
  async record(sql: Sql, municipalityId: string, editionId: string, scope: PoolKind, keys: readonly string[]): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO budget_voters (municipality_id, edition_id, scope, voter_key) SELECT $1, $2, $3, k FROM unnest($4::text[]) AS k
       ON CONFLICT DO NOTHING RETURNING voter_key`,
      [municipalityId, editionId, scope, keys],
    );
    return rows.length === keys.length;
  },
  async hasVoted(sql: Sql, municipalityId: string, editionId: string, scope: PoolKind, key: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM budget_voters WHERE municipality_id = $1 AND edition_id = $2 AND scope = $3 AND voter_key = $4', [
      municipalityId, editionId, scope, key,
    ]);
    return rows.length > 0;
  },
  async count(sql: Sql, municipalityId: string, editionId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(DISTINCT voter_key)::int AS n FROM budget_voters WHERE municipality_id = $1 AND edition_id = $2 AND voter_key LIKE 'pesel:%'`,
      [municipalityId, editionId],
    );
    return row!.n;
  },
};

export const ballots = {
  async add(sql: Sql, municipalityId: string, editionId: string, poolId: string, channel: Channel, b: StoredBallot, changeHash: string | null = null): Promise<void> {
    await sql.query(
      'INSERT INTO budget_ballots (municipality_id, edition_id, pool_id, channel, projects, points, change_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [municipalityId, editionId, poolId, channel, b.projects, b.points, changeHash],
    );
  },
  /** Imported ballots, many in one statement. */
  async addMany(sql: Sql, municipalityId: string, editionId: string, poolId: string, channel: Channel, list: readonly StoredBallot[]): Promise<void> {
    for (let i = 0; i < list.length; i += 5000) {
      await sql.query(
        `INSERT INTO budget_ballots (municipality_id, edition_id, pool_id, channel, projects, points)
         SELECT $1, $2, $3, $4, x.projects, x.points FROM jsonb_to_recordset($5::jsonb) AS x(projects uuid[], points int[])`,
        [municipalityId, editionId, poolId, channel, JSON.stringify(list.slice(i, i + 5000))],
      );
    }
  },
  /** The counted ballots of a pool (a changed vote's old ballot is withdrawn). */
  async ofPool(sql: Sql, municipalityId: string, poolId: string): Promise<StoredBallot[]> {
    return sql.query<StoredBallot>(
      `SELECT b.projects, b.points FROM budget_ballots b
       WHERE b.municipality_id = $1 AND b.pool_id = $2
         AND NOT EXISTS (SELECT 1 FROM budget_ballot_withdrawals w WHERE w.municipality_id = b.municipality_id AND w.ballot_id = b.id)`,
      [municipalityId, poolId],
    );
  },
  async countsByPool(sql: Sql, municipalityId: string, editionId: string): Promise<Map<string, number>> {
    const rows = await sql.query<{ pool_id: string; n: number }>(
      `SELECT b.pool_id, count(*)::int AS n FROM budget_ballots b
       WHERE b.municipality_id = $1 AND b.edition_id = $2
         AND NOT EXISTS (SELECT 1 FROM budget_ballot_withdrawals w WHERE w.municipality_id = b.municipality_id AND w.ballot_id = b.id)
       GROUP BY b.pool_id`,
      [municipalityId, editionId],
    );
    return new Map(rows.map((r) => [r.pool_id, r.n]));
  },
  /** The change path: the ballot whose change code the voter holds is withdrawn (once: the primary key). */
  async withdrawByChangeHash(sql: Sql, municipalityId: string, editionId: string, changeHash: string): Promise<{ poolId: string } | null> {
    const [ballot] = await sql.query<{ id: string; pool_id: string }>(
      'SELECT id, pool_id FROM budget_ballots WHERE municipality_id = $1 AND edition_id = $2 AND change_hash = $3',
      [municipalityId, editionId, changeHash],
    );
    if (!ballot) return null;
    const rows = await sql.query('INSERT INTO budget_ballot_withdrawals (municipality_id, ballot_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING ballot_id', [
      municipalityId, ballot.id,
    ]);
    return rows.length ? { poolId: ballot.pool_id } : null;
  },
};

export interface PaperEntryRow {
  id: string;
  edition_id: string;
  pool_id: string;
  projects: string[];
  points: number[] | null;
  entered_by: string;
  entered_at: Date;
}

export const paperEntries = {
  async add(sql: Sql, municipalityId: string, editionId: string, poolId: string, voterKey: string, b: StoredBallot, enteredBy: string): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO budget_paper_entries (municipality_id, edition_id, pool_id, voter_key, projects, points, entered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [municipalityId, editionId, poolId, voterKey, b.projects, b.points, enteredBy],
    );
    return row!.id;
  },
  async pendingWithKey(sql: Sql, municipalityId: string, editionId: string, voterKey: string): Promise<boolean> {
    const rows = await sql.query(`SELECT 1 FROM budget_paper_entries WHERE municipality_id = $1 AND edition_id = $2 AND voter_key = $3 AND status = 'pending'`, [
      municipalityId, editionId, voterKey,
    ]);
    return rows.length > 0;
  },
  async pending(sql: Sql, municipalityId: string, editionId: string): Promise<PaperEntryRow[]> {
    return sql.query<PaperEntryRow>(
      `SELECT id, edition_id, pool_id, projects, points, entered_by, entered_at FROM budget_paper_entries
       WHERE municipality_id = $1 AND edition_id = $2 AND status = 'pending' ORDER BY entered_at, id`,
      [municipalityId, editionId],
    );
  },
  /** Takes a pending entry for checking (locked), with its voter key. */
  async claim(sql: Sql, municipalityId: string, id: string): Promise<(PaperEntryRow & { voter_key: string }) | undefined> {
    const [row] = await sql.query<PaperEntryRow & { voter_key: string }>(
      `SELECT id, edition_id, pool_id, projects, points, entered_by, entered_at, voter_key FROM budget_paper_entries
       WHERE municipality_id = $1 AND id = $2 AND status = 'pending' FOR UPDATE`,
      [municipalityId, id],
    );
    return row;
  },
  /** Confirmed or rejected: the voter's key and the choices are cleared, who entered and who checked stay. */
  async close(sql: Sql, municipalityId: string, id: string, status: 'confirmed' | 'rejected', checkedBy: string): Promise<void> {
    await sql.query(
      `UPDATE budget_paper_entries SET status = $3, checked_by = $4, checked_at = now(), voter_key = NULL, projects = NULL, points = NULL
       WHERE municipality_id = $1 AND id = $2 AND status = 'pending'`,
      [municipalityId, id, status, checkedBy],
    );
  },
};
