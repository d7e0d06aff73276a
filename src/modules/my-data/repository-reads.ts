import type { Sql } from '../../platform/db/types';

/** The reads of a resident's data the "who read my data" page lists (the convention of the audit log's reads). */
export const READ_ACTIONS = ['application.read', 'case.read', 'plan.read', 'referral.read', 'document.read'] as const;

export interface ReadEntry {
  id: string;
  occurred_at: Date;
  action: string;
  subject_type: string;
  purpose: string | null;
  reader: string;
  /** The reader's roles in the municipality today (the log does not keep them). */
  roles: string[] | null;
  /** Why: the reason written with the read, or that of the reader's "break the glass" grant then. */
  reason: string;
  /** Of the ids the entry names, the person's own: applications, documents, cases. */
  applications: string[];
  documents: string[];
  cases: string[];
}

/**
 * The person's own records, and `hits`: the entries naming them, by someone else — found by the
 * function of migration 0013 (under row-level security the GIN indexes could not be used), which
 * answers for the person and municipality of the transaction only; `$1`, `$2` must be those.
 */
const MINE = `my_applications AS (SELECT id::text AS id FROM applications WHERE municipality_id = $1 AND applicant_id = $2),
  my_cases AS (SELECT id::text AS id FROM cases WHERE municipality_id = $1 AND resident_user_id = $2),
  my_documents AS (SELECT d.id::text AS id FROM resident_documents d WHERE d.municipality_id = $1
    AND (d.application_id::text IN (SELECT id FROM my_applications) OR d.case_id::text IN (SELECT id FROM my_cases))),
  hits AS (SELECT id, occurred_at FROM audit_reads_of_current_person())`;

const ELEMENTS = (key: string) => `jsonb_array_elements_text(CASE WHEN jsonb_typeof(l.details -> '${key}') = 'array' THEN l.details -> '${key}' ELSE '[]' END)`;

/**
 * Found through the partial GIN indexes on `details -> 'ids'` (0009, 0013) and `details -> 'cases'`
 * (0013); the person's own reads are left out (reading one's own data is not audited anyway). A page
 * joins back to the log (under RLS, by its primary key) for its rows alone.
 */
export const reads = {
  /** How many: of the transaction's person in its municipality. */
  async count(sql: Sql): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_reads_of_current_person()');
    return row?.n ?? 0;
  },
  async page(sql: Sql, municipalityId: string, userId: string, limit: number, offset: number): Promise<ReadEntry[]> {
    return sql.query<ReadEntry>(
      `WITH ${MINE}, shown AS (SELECT id FROM hits ORDER BY occurred_at DESC, id DESC LIMIT $3 OFFSET $4)
       SELECT l.id::text AS id, l.occurred_at, l.action, l.subject_type, l.details ->> 'purpose' AS purpose,
         coalesce(u.display_name, nullif(l.actor_label, ''), '—') AS reader,
         (SELECT ms.roles FROM memberships ms WHERE ms.municipality_id = $1 AND ms.user_id = l.actor_user_id) AS roles,
         ARRAY(SELECT x FROM ${ELEMENTS('ids')} x WHERE x IN (SELECT id FROM my_applications)) AS applications,
         ARRAY(SELECT x FROM ${ELEMENTS('ids')} x WHERE x IN (SELECT id FROM my_documents)) AS documents,
         ARRAY(SELECT x FROM ${ELEMENTS('cases')} x WHERE x IN (SELECT id FROM my_cases)) AS cases,
         coalesce(nullif(l.reason, ''), (SELECT g.reason FROM case_access_grants g WHERE g.municipality_id = $1 AND g.user_id = l.actor_user_id
           AND g.case_id::text IN (SELECT x FROM ${ELEMENTS('cases')} x) AND g.granted_at <= l.occurred_at AND g.expires_at > l.occurred_at
           ORDER BY g.granted_at DESC LIMIT 1), '') AS reason
       FROM shown JOIN audit_log l ON l.municipality_id = $1 AND l.id = shown.id
       LEFT JOIN users u ON u.id = l.actor_user_id
       ORDER BY l.occurred_at DESC, l.id DESC`,
      [municipalityId, userId, limit, offset],
    );
  },
};
