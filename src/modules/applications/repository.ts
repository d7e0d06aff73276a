import type { Sql } from '../../platform/db/types';
import type { ApplicationRow, Channel, Relation, Status } from './domain';

const COLUMNS = `a.id, a.service_id, s.name AS service_name, s.status AS service_status, p.name AS provider_name, s.criteria,
  a.applicant_id, a.applicant_name, a.beneficiary_name, a.beneficiary_birth_year, a.relation, a.contact_phone, a.contact_email,
  a.need, a.channel, a.registered_by, r.display_name AS registered_by_name, a.status, a.status_reason, a.forwarded_to,
  u.name AS forwarded_to_name, a.queue_position, a.submitted_at, a.decided_at, a.version, a.case_id`;
const FROM = `applications a JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
  JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
  LEFT JOIN users r ON r.id = a.registered_by
  LEFT JOIN units u ON u.municipality_id = a.municipality_id AND u.id = a.forwarded_to`;

export interface NewApplication {
  serviceId: string;
  applicantId: string | null;
  applicantName: string;
  beneficiaryName: string;
  birthYear: number | null;
  relation: Relation;
  contactPhone: string;
  contactEmail: string;
  need: string;
  channel: Channel;
  registeredBy: string | null;
  position: number;
}

export interface ServiceChoice {
  id: string;
  name: string;
  status: string;
  provider_id: string;
  provider_name: string;
  criteria: ApplicationRow['criteria'];
}

export const applications = {
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<ApplicationRow | undefined> {
    const [row] = await sql.query<ApplicationRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.municipality_id = $1 AND a.id = $2${lock ? ' FOR UPDATE OF a' : ''}`, [municipalityId, id]);
    return row;
  },
  /** Submitted at the clock's time under the queue's lock (not the transaction's start): the order of submission is the order of places. */
  async insert(sql: Sql, municipalityId: string, a: NewApplication): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO applications (municipality_id, service_id, applicant_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation,
         contact_phone, contact_email, need, channel, registered_by, queue_position, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, clock_timestamp()) RETURNING id`,
      [municipalityId, a.serviceId, a.applicantId, a.applicantName, a.beneficiaryName, a.birthYear, a.relation, a.contactPhone, a.contactEmail, a.need, a.channel, a.registeredBy, a.position],
    );
    return row!.id;
  },
  /**
   * A new status made on `version`; `position` is the place kept (in the queue) or null (left it).
   * False when someone else changed the application in between.
   */
  async setStatus(sql: Sql, municipalityId: string, id: string, version: number, to: { status: Status; reason: string; forwardedTo: string | null; position: number | null }): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE applications SET status = $4, status_reason = $5, forwarded_to = $6, queue_position = $7,
         decided_at = CASE WHEN $4 IN ('waiting', 'on_hold') THEN decided_at ELSE now() END, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id`,
      [municipalityId, id, version, to.status, to.reason, to.forwardedTo, to.position],
    );
    return rows.length === 1;
  },
  /** A person's own applications, newest first. */
  async ofApplicant(sql: Sql, municipalityId: string, userId: string): Promise<ApplicationRow[]> {
    return sql.query<ApplicationRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.municipality_id = $1 AND a.applicant_id = $2 ORDER BY a.submitted_at DESC LIMIT 200`, [municipalityId, userId]);
  },
  async service(sql: Sql, municipalityId: string, id: string): Promise<ServiceChoice | undefined> {
    const [row] = await sql.query<ServiceChoice>(
      `SELECT s.id, s.name, s.status, s.provider_id, p.name AS provider_name, s.criteria FROM services s
       JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id WHERE s.municipality_id = $1 AND s.id = $2`,
      [municipalityId, id],
    );
    return row;
  },
  /** The services one can apply for: the active ones of the catalogue. */
  async activeServices(sql: Sql, municipalityId: string): Promise<ServiceChoice[]> {
    return sql.query<ServiceChoice>(
      `SELECT s.id, s.name, s.status, s.provider_id, p.name AS provider_name, s.criteria FROM services s
       JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
       WHERE s.municipality_id = $1 AND s.status = 'active' ORDER BY s.name`,
      [municipalityId],
    );
  },
  /** An account of a person who belongs to the municipality, by e-mail (staff registering for them link it). */
  async memberByEmail(sql: Sql, municipalityId: string, email: string): Promise<{ id: string } | undefined> {
    const [row] = await sql.query<{ id: string }>(
      `SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id AND m.municipality_id = $1
       WHERE u.email = $2 AND u.email_verified_at IS NOT NULL`,
      [municipalityId, email],
    );
    return row;
  },
  async applicantAccount(sql: Sql, userId: string): Promise<{ email: string; locale: string; display_name: string } | undefined> {
    const [row] = await sql.query<{ email: string; locale: string; display_name: string }>('SELECT email, locale, display_name FROM users WHERE id = $1', [userId]);
    return row;
  },
  async unit(sql: Sql, municipalityId: string, id: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await sql.query<{ id: string; name: string }>('SELECT id, name FROM units WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
    return row;
  },
  async units(sql: Sql, municipalityId: string): Promise<{ id: string; name: string }[]> {
    return sql.query('SELECT id, name FROM units WHERE municipality_id = $1 ORDER BY position, name', [municipalityId]);
  },
};
