import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';
import type { Purpose, Status } from './domain';

export interface ConsentRow {
  id: string;
  purpose: Purpose;
  recipient: string;
  given_at: Date;
  withdrawn_at: Date | null;
  recorded_by_name: string | null;
}

export interface EventRow {
  kind: 'submitted' | 'status' | 'moved';
  status_from: Status | '';
  status_to: Status | '';
  position_from: number | null;
  position_to: number | null;
  reason: string;
  actor_name: string | null;
  at: Date;
}

export interface CapacityRow {
  id: string;
  service_id: string;
  period_from: string;
  period_to: string;
  places: number;
  /** Applications of the service accepted within the period. */
  accepted: number;
  version: number;
}

const DAY = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;

export const consents = {
  async give(sql: Sql, municipalityId: string, applicationId: string, purpose: Purpose, recipient: string, recordedBy: string | null): Promise<void> {
    await sql.query(
      'INSERT INTO application_consents (municipality_id, application_id, purpose, recipient, recorded_by) VALUES ($1, $2, $3, $4, $5)',
      [municipalityId, applicationId, purpose, recipient, recordedBy],
    );
  },
  async of(sql: Sql, municipalityId: string, applicationId: string): Promise<ConsentRow[]> {
    return sql.query<ConsentRow>(
      `SELECT c.id, c.purpose, c.recipient, c.given_at, c.withdrawn_at, u.display_name AS recorded_by_name
       FROM application_consents c LEFT JOIN users u ON u.id = c.recorded_by
       WHERE c.municipality_id = $1 AND c.application_id = $2 ORDER BY c.given_at, c.id`,
      [municipalityId, applicationId],
    );
  },
};

export const events = {
  async add(sql: Sql, municipalityId: string, applicationId: string, e: Omit<EventRow, 'actor_name' | 'at'>, actorId: string | null): Promise<void> {
    await sql.query(
      `INSERT INTO application_events (municipality_id, application_id, kind, status_from, status_to, position_from, position_to, reason, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [municipalityId, applicationId, e.kind, e.status_from, e.status_to, e.position_from, e.position_to, e.reason, actorId],
    );
  },
  async of(sql: Sql, municipalityId: string, applicationId: string): Promise<EventRow[]> {
    return sql.query<EventRow>(
      `SELECT e.kind, e.status_from, e.status_to, e.position_from, e.position_to, e.reason, u.display_name AS actor_name, e.at
       FROM application_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.municipality_id = $1 AND e.application_id = $2 ORDER BY e.id`,
      [municipalityId, applicationId],
    );
  },
};

/** A period's columns and what was accepted within it (the Warsaw day of each decision): `$3` is TIME_ZONE in every query using it. */
const CAPACITY = `c.id, c.service_id, ${DAY('c.period_from')} AS period_from, ${DAY('c.period_to')} AS period_to, c.places, c.version,
  (SELECT count(*)::int FROM applications a WHERE a.municipality_id = c.municipality_id AND a.service_id = c.service_id AND a.status = 'accepted'
     AND (a.decided_at AT TIME ZONE $3::text)::date BETWEEN c.period_from AND c.period_to) AS accepted`;

export const capacity = {
  async ofService(sql: Sql, municipalityId: string, serviceId: string): Promise<CapacityRow[]> {
    return sql.query<CapacityRow>(`SELECT ${CAPACITY} FROM service_capacity c WHERE c.municipality_id = $1 AND c.service_id = $2 ORDER BY c.period_from`, [municipalityId, serviceId, TIME_ZONE]);
  },
  /** The period of the service that today (in Warsaw) falls in, with its accepted applications. */
  async current(sql: Sql, municipalityId: string, serviceId: string): Promise<CapacityRow | undefined> {
    const [row] = await sql.query<CapacityRow>(
      `SELECT ${CAPACITY} FROM service_capacity c WHERE c.municipality_id = $1 AND c.service_id = $2
         AND (now() AT TIME ZONE $3::text)::date BETWEEN c.period_from AND c.period_to`,
      [municipalityId, serviceId, TIME_ZONE],
    );
    return row;
  },
  async find(sql: Sql, municipalityId: string, id: string): Promise<CapacityRow | undefined> {
    const [row] = await sql.query<CapacityRow>(`SELECT ${CAPACITY} FROM service_capacity c WHERE c.municipality_id = $1 AND c.id = $2`, [municipalityId, id, TIME_ZONE]);
    return row;
  },
  /** A new period; `false` when it overlaps another period of the service (the exclusion constraint). */
  async insert(sql: Sql, municipalityId: string, serviceId: string, from: string, to: string, places: number, userId: string): Promise<string | null> {
    const rows = await sql.query<{ id: string }>(
      `INSERT INTO service_capacity (municipality_id, service_id, period_from, period_to, places, created_by)
       SELECT $1, $2, $3, $4, $5, $6
       WHERE NOT EXISTS (SELECT 1 FROM service_capacity WHERE municipality_id = $1 AND service_id = $2
         AND daterange(period_from, period_to, '[]') && daterange($3::date, $4::date, '[]'))
       RETURNING id`,
      [municipalityId, serviceId, from, to, places, userId],
    );
    return rows[0]?.id ?? null;
  },
  async setPlaces(sql: Sql, municipalityId: string, id: string, version: number, places: number): Promise<boolean> {
    const rows = await sql.query('UPDATE service_capacity SET places = $4, version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id', [municipalityId, id, version, places]);
    return rows.length === 1;
  },
  async remove(sql: Sql, municipalityId: string, id: string, version: number): Promise<boolean> {
    const rows = await sql.query('DELETE FROM service_capacity WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id', [municipalityId, id, version]);
    return rows.length === 1;
  },
};

export interface ReadRow {
  occurred_at: Date;
  reader: string;
  /** 'application': one application's page; 'service_queue': a queue page or export listing it. */
  subject_type: string;
  purpose: string | null;
  service: string;
}

/** Who read the person's applications, and when: the `application.read` audit entries naming any of them. */
export const reads = {
  async ofApplicant(sql: Sql, municipalityId: string, applicantId: string): Promise<ReadRow[]> {
    return sql.query<ReadRow>(
      `WITH mine AS (SELECT a.id::text AS id, a.service_id FROM applications a WHERE a.municipality_id = $1 AND a.applicant_id = $2)
       SELECT l.occurred_at, coalesce(u.display_name, l.actor_label) AS reader, l.subject_type, l.details->>'purpose' AS purpose,
         string_agg(DISTINCT s.name, ', ') AS service
       FROM audit_log l
       LEFT JOIN users u ON u.id = l.actor_user_id
       JOIN mine ON l.details->'ids' ? mine.id
       JOIN services s ON s.municipality_id = l.municipality_id AND s.id = mine.service_id
       WHERE l.municipality_id = $1 AND l.action = 'application.read' AND l.details->'ids' ?| ARRAY(SELECT id FROM mine)
       GROUP BY l.id, l.occurred_at, u.display_name, l.actor_label, l.subject_type, l.details
       ORDER BY l.occurred_at DESC, l.id DESC LIMIT 500`,
      [municipalityId, applicantId],
    );
  },
};
