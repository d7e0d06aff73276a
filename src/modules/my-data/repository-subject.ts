import type { Sql } from '../../platform/db/types';
import type { DocumentRow } from './repository-documents';

/**
 * The data subject's read model: the account, its roles in the municipality, its consents (the consents
 * page) and its documents (the cases come from the cases module: `residentCases`). Everything is found from the account:
 * `applications.applicant_id` and `cases.resident_user_id`.
 */

export interface AccountRow {
  id: string;
  display_name: string;
  email: string;
  locale: string;
  created_at: Date;
}

export interface MembershipRow {
  roles: string[];
  created_at: Date;
}

export interface SubjectConsent {
  id: string;
  application_id: string;
  service_name: string;
  application_status: string;
  purpose: 'cus_processing' | 'provider_sharing' | 'forwarding';
  recipient: string;
  given_at: Date;
  withdrawn_at: Date | null;
  /** The application still needs the centre's processing: it is in a queue or in an open case. */
  in_queue: boolean;
  in_open_case: boolean;
}

export interface SubjectDocument extends DocumentRow {
  service_name: string | null;
  case_number: string | null;
}

const MY_APPLICATIONS = 'SELECT id FROM applications WHERE municipality_id = $1 AND applicant_id = $2';
const MY_CASES = 'SELECT id FROM cases WHERE municipality_id = $1 AND resident_user_id = $2';

export const subject = {
  async account(sql: Sql, userId: string): Promise<AccountRow | undefined> {
    const [row] = await sql.query<AccountRow>('SELECT id, display_name, email, locale, created_at FROM users WHERE id = $1', [userId]);
    return row;
  },
  async membership(sql: Sql, municipalityId: string, userId: string): Promise<MembershipRow | undefined> {
    const [row] = await sql.query<MembershipRow>('SELECT roles, created_at FROM memberships WHERE municipality_id = $1 AND user_id = $2', [municipalityId, userId]);
    return row;
  },
  async consents(sql: Sql, municipalityId: string, userId: string, consentId: string | null = null, lock = false): Promise<SubjectConsent[]> {
    return sql.query<SubjectConsent>(
      `SELECT c.id, c.application_id, s.name AS service_name, a.status AS application_status, c.purpose, c.recipient, c.given_at, c.withdrawn_at,
         a.status IN ('waiting', 'on_hold') AS in_queue,
         EXISTS (SELECT 1 FROM cases k WHERE k.municipality_id = a.municipality_id AND (k.id = a.case_id OR k.opened_from = a.id) AND k.status = 'open') AS in_open_case
       FROM application_consents c
       JOIN applications a ON a.municipality_id = c.municipality_id AND a.id = c.application_id
       JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
       WHERE c.municipality_id = $1 AND a.applicant_id = $2 AND ($3::uuid IS NULL OR c.id = $3)
       ORDER BY a.submitted_at DESC, a.id, c.given_at, c.id${lock ? ' FOR UPDATE OF c' : ''}`,
      [municipalityId, userId, consentId],
    );
  },
  /** Documents of the person's applications and cases, newest first; never their content. */
  async documents(sql: Sql, municipalityId: string, userId: string): Promise<SubjectDocument[]> {
    return sql.query<SubjectDocument>(
      `SELECT d.id, d.application_id, d.case_id, d.filename, d.media_type, d.size_bytes, d.sha256, d.description, d.uploaded_by,
         u.display_name AS uploaded_by_name, d.uploaded_at, d.removed_at, s.name AS service_name, k.number AS case_number
       FROM resident_documents d LEFT JOIN users u ON u.id = d.uploaded_by
       LEFT JOIN applications a ON a.municipality_id = d.municipality_id AND a.id = d.application_id
       LEFT JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
       LEFT JOIN cases k ON k.municipality_id = d.municipality_id AND k.id = d.case_id
       WHERE d.municipality_id = $1 AND (d.application_id IN (${MY_APPLICATIONS}) OR d.case_id IN (${MY_CASES}))
       ORDER BY d.uploaded_at DESC, d.id`,
      [municipalityId, userId],
    );
  },
};
