import type { Sql } from '../../platform/db/types';
import { ESTIMATE_WEEKS, type Relation, type Status } from './domain';

/**
 * The queue of a service: places 1..n stored on the applications in it (waiting or on hold) and
 * kept without gaps by every change, under one lock per service (ADR 0013). Nothing here counts
 * the queue to learn a place.
 */

/** A name compared as written, in any case and spacing (the expression of the index of migration 0020). */
const SAME_NAME = (e: string) => `lower(regexp_replace(btrim(${e}), '\\s+', ' ', 'g'))`;

export interface QueueEntry {
  id: string;
  queue_position: number;
  status: Status;
  applicant_name: string;
  beneficiary_name: string;
  beneficiary_birth_year: number | null;
  relation: Relation;
  contact_phone: string;
  contact_email: string;
  channel: string;
  submitted_at: Date;
  version: number;
}

export interface QueueSummary {
  id: string;
  name: string;
  status: string;
  in_queue: number;
  waiting: number;
  oldest: Date | null;
}

export const queues = {
  /** Serialises every change of one service's queue until the transaction ends. */
  async lock(sql: Sql, municipalityId: string, serviceId: string): Promise<void> {
    await sql.query("SELECT pg_advisory_xact_lock(hashtext('applications.queue'), hashtext($1 || '/' || $2))", [municipalityId, serviceId]);
  },
  /** The last place taken (0 for an empty queue): one step down the queue's index. */
  async last(sql: Sql, municipalityId: string, serviceId: string): Promise<number> {
    const [row] = await sql.query<{ last: number | null }>(
      'SELECT max(queue_position) AS last FROM applications WHERE municipality_id = $1 AND service_id = $2 AND queue_position IS NOT NULL',
      [municipalityId, serviceId],
    );
    return row?.last ?? 0;
  },
  /** Someone left place `position`: everyone behind moves up one, in one UPDATE. */
  async closeGap(sql: Sql, municipalityId: string, serviceId: string, position: number): Promise<void> {
    await sql.query(
      'UPDATE applications SET queue_position = queue_position - 1 WHERE municipality_id = $1 AND service_id = $2 AND queue_position > $3',
      [municipalityId, serviceId, position],
    );
  },
  /** Moves the application at `from` to `to`, shifting the places between by one, in one UPDATE (bumps its version). */
  async move(sql: Sql, municipalityId: string, serviceId: string, id: string, from: number, to: number): Promise<void> {
    await sql.query(
      `UPDATE applications SET
         queue_position = CASE WHEN id = $3 THEN $5::int WHEN $5::int < $4::int THEN queue_position + 1 ELSE queue_position - 1 END,
         version = version + CASE WHEN id = $3 THEN 1 ELSE 0 END,
         updated_at = CASE WHEN id = $3 THEN now() ELSE updated_at END
       WHERE municipality_id = $1 AND service_id = $2 AND queue_position BETWEEN least($4::int, $5::int) AND greatest($4::int, $5::int)`,
      [municipalityId, serviceId, id, from, to],
    );
  },
  /**
   * Whether accepting `id` passes over someone: an application still in the queue (waiting or on hold)
   * that was there first (submitted earlier) or stands ahead of it now. A held place counts: putting
   * people on hold, accepting behind them and resuming them is a jump all the same.
   */
  async openAhead(sql: Sql, municipalityId: string, serviceId: string, id: string, position: number, submittedAt: Date): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM applications WHERE municipality_id = $1 AND service_id = $2 AND queue_position IS NOT NULL AND id <> $3
         AND (queue_position < $4 OR submitted_at < $5) LIMIT 1`,
      [municipalityId, serviceId, id, position, submittedAt],
    );
    return rows.length > 0;
  },
  /** How many of the applicant's applications hold a place in the service's queue. */
  async openOfApplicant(sql: Sql, municipalityId: string, serviceId: string, applicantId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM applications WHERE municipality_id = $1 AND applicant_id = $2 AND service_id = $3 AND queue_position IS NOT NULL',
      [municipalityId, applicantId, serviceId],
    );
    return row!.n;
  },
  /**
   * Whether the applicant already has an application for the beneficiary (the name in any case and
   * spacing, and the year of birth — a missing year, allowed for oneself, matches any) in the service's queue. The applicant is the account, or for one
   * registered by staff without an account the applicant's name: a namesake filed by someone else is
   * not a duplicate, and no one can block another person's place by filing for them first.
   */
  async holdsBeneficiary(sql: Sql, municipalityId: string, serviceId: string, applicant: { id: string | null; name: string }, name: string, birthYear: number | null): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM applications WHERE municipality_id = $1 AND service_id = $2 AND queue_position IS NOT NULL
         AND (beneficiary_birth_year = $3::int OR beneficiary_birth_year IS NULL OR $3::int IS NULL)
         AND ${SAME_NAME('beneficiary_name')} = ${SAME_NAME('$4::text')}
         AND CASE WHEN $5::uuid IS NULL THEN applicant_id IS NULL AND ${SAME_NAME('applicant_name')} = ${SAME_NAME('$6::text')} ELSE applicant_id = $5::uuid END
       LIMIT 1`,
      [municipalityId, serviceId, birthYear, name, applicant.id, applicant.name],
    );
    return rows.length > 0;
  },
  /** A page of a service's queue in order, read along the queue's index. */
  async entries(sql: Sql, municipalityId: string, serviceId: string, limit = 500): Promise<QueueEntry[]> {
    return sql.query<QueueEntry>(
      `SELECT id, queue_position, status, applicant_name, beneficiary_name, beneficiary_birth_year, relation, contact_phone, contact_email,
         channel, submitted_at, version
       FROM applications WHERE municipality_id = $1 AND service_id = $2 AND queue_position IS NOT NULL ORDER BY queue_position LIMIT $3`,
      [municipalityId, serviceId, limit],
    );
  },
  /** Applications of the service accepted in the last ESTIMATE_WEEKS weeks: the pace of the queue. */
  async acceptedRecently(sql: Sql, municipalityId: string, serviceId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications WHERE municipality_id = $1 AND service_id = $2 AND status = 'accepted'
         AND decided_at >= now() - make_interval(weeks => $3)`,
      [municipalityId, serviceId, ESTIMATE_WEEKS],
    );
    return row!.n;
  },
  /** The services with a queue or a catalogue entry open for applications: how many in each queue, since when. */
  async summaries(sql: Sql, municipalityId: string): Promise<QueueSummary[]> {
    return sql.query<QueueSummary>(
      `SELECT s.id, s.name, s.status, count(a.id)::int AS in_queue, count(a.id) FILTER (WHERE a.status = 'waiting')::int AS waiting,
         min(a.submitted_at) AS oldest
       FROM services s LEFT JOIN applications a ON a.municipality_id = s.municipality_id AND a.service_id = s.id AND a.queue_position IS NOT NULL
       WHERE s.municipality_id = $1 AND (s.status = 'active' OR a.id IS NOT NULL)
       GROUP BY s.id, s.name, s.status ORDER BY count(a.id) DESC, s.name`,
      [municipalityId],
    );
  },
};
