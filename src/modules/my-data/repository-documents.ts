import type { Sql } from '../../platform/db/types';
import type { MediaType } from './documents';

export interface DocumentRow {
  id: string;
  application_id: string | null;
  case_id: string | null;
  filename: string;
  media_type: MediaType;
  size_bytes: number;
  sha256: string;
  description: string;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: Date;
  removed_at: Date | null;
}

/** A document with whose data it is (the applicant, or the case's resident) and the cases it belongs to. */
export interface DocumentFound extends DocumentRow {
  owner_id: string | null;
  cases: string[];
}

export interface NewDocument {
  applicationId: string | null;
  caseId: string | null;
  filename: string;
  mediaType: MediaType;
  content: Buffer;
  sha256: string;
  description: string;
  uploadedBy: string;
}

const COLUMNS = `d.id, d.application_id, d.case_id, d.filename, d.media_type, d.size_bytes, d.sha256, d.description, d.uploaded_by,
  u.display_name AS uploaded_by_name, d.uploaded_at, d.removed_at`;
const UPLOADER = 'LEFT JOIN users u ON u.id = d.uploaded_by';

/** The case ids of application `a`: the one it joined, or the one opened from it. */
export const APPLICATION_CASES = `ARRAY(SELECT k.id::text FROM cases k
  WHERE k.municipality_id = a.municipality_id AND (k.id = a.case_id OR k.opened_from = a.id) ORDER BY k.opened_at)`;

export const documents = {
  /** Bytes of the documents still kept in the municipality — uploaded by one person, or by anyone (null). */
  async keptBytes(sql: Sql, municipalityId: string, uploadedBy: string | null): Promise<number> {
    const kept = 'SELECT coalesce(sum(size_bytes), 0)::text AS bytes FROM resident_documents WHERE municipality_id = $1 AND removed_at IS NULL';
    const [row] = uploadedBy
      ? await sql.query<{ bytes: string }>(`${kept} AND uploaded_by = $2`, [municipalityId, uploadedBy])
      : await sql.query<{ bytes: string }>(kept, [municipalityId]);
    return Number(row!.bytes);
  },
  /** Uploads of one municipality one at a time, so that two at once cannot both fit in the last megabytes of a quota. */
  async lockQuota(sql: Sql, municipalityId: string): Promise<void> {
    await sql.query("SELECT pg_advisory_xact_lock(hashtext('resident_documents.quota'), hashtext($1))", [municipalityId]);
  },
  async insert(sql: Sql, municipalityId: string, d: NewDocument): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO resident_documents (municipality_id, application_id, case_id, filename, media_type, size_bytes, sha256, content, description, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [municipalityId, d.applicationId, d.caseId, d.filename, d.mediaType, d.content.length, d.sha256, d.content, d.description, d.uploadedBy],
    );
    return row!.id;
  },
  async find(sql: Sql, municipalityId: string, id: string): Promise<DocumentFound | undefined> {
    const [row] = await sql.query<DocumentFound>(
      `SELECT ${COLUMNS}, coalesce(a.applicant_id, c.resident_user_id) AS owner_id,
         CASE WHEN a.id IS NOT NULL THEN ${APPLICATION_CASES} ELSE ARRAY[d.case_id::text] END AS cases
       FROM resident_documents d ${UPLOADER}
       LEFT JOIN applications a ON a.municipality_id = d.municipality_id AND a.id = d.application_id
       LEFT JOIN cases c ON c.municipality_id = d.municipality_id AND c.id = d.case_id
       WHERE d.municipality_id = $1 AND d.id = $2`,
      [municipalityId, id],
    );
    return row;
  },
  /** The stored bytes (null once removed). */
  async content(sql: Sql, municipalityId: string, id: string): Promise<Buffer | null> {
    const [row] = await sql.query<{ content: Uint8Array | null }>('SELECT content FROM resident_documents WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
    return row?.content ? Buffer.from(row.content) : null;
  },
  async ofApplication(sql: Sql, municipalityId: string, applicationId: string): Promise<DocumentRow[]> {
    return sql.query<DocumentRow>(`SELECT ${COLUMNS} FROM resident_documents d ${UPLOADER} WHERE d.municipality_id = $1 AND d.application_id = $2 ORDER BY d.uploaded_at DESC, d.id`, [municipalityId, applicationId]);
  },
  async ofCase(sql: Sql, municipalityId: string, caseId: string): Promise<DocumentRow[]> {
    return sql.query<DocumentRow>(`SELECT ${COLUMNS} FROM resident_documents d ${UPLOADER} WHERE d.municipality_id = $1 AND d.case_id = $2 ORDER BY d.uploaded_at DESC, d.id`, [municipalityId, caseId]);
  },
  /** The content goes, the record stays; only its uploader removes it, once. */
  async remove(sql: Sql, municipalityId: string, id: string, userId: string): Promise<boolean> {
    const rows = await sql.query(
      'UPDATE resident_documents SET content = NULL, removed_at = now() WHERE municipality_id = $1 AND id = $2 AND uploaded_by = $3 AND removed_at IS NULL RETURNING id',
      [municipalityId, id, userId],
    );
    return rows.length === 1;
  },
};

export interface ApplicationRef {
  id: string;
  applicant_id: string | null;
  service_name: string;
  beneficiary_name: string;
  status: string;
  submitted_at: Date;
  cases: string[];
}

export interface CaseRef {
  id: string;
  number: string;
  person_name: string;
  status: 'open' | 'closed';
  resident_user_id: string | null;
}

const APPLICATION_REF = `SELECT a.id, a.applicant_id, s.name AS service_name, a.beneficiary_name, a.status, a.submitted_at, ${APPLICATION_CASES} AS cases
  FROM applications a JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id`;

/** What an upload or a list of documents is about: an application or a case, briefly. */
export const parents = {
  async application(sql: Sql, municipalityId: string, id: string): Promise<ApplicationRef | undefined> {
    const [row] = await sql.query<ApplicationRef>(`${APPLICATION_REF} WHERE a.municipality_id = $1 AND a.id = $2`, [municipalityId, id]);
    return row;
  },
  async applicationsOf(sql: Sql, municipalityId: string, userId: string): Promise<ApplicationRef[]> {
    return sql.query<ApplicationRef>(`${APPLICATION_REF} WHERE a.municipality_id = $1 AND a.applicant_id = $2 ORDER BY a.submitted_at DESC LIMIT 200`, [municipalityId, userId]);
  },
  async case(sql: Sql, municipalityId: string, id: string): Promise<CaseRef | undefined> {
    const [row] = await sql.query<CaseRef>('SELECT id, number, person_name, status, resident_user_id FROM cases WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
    return row;
  },
};
