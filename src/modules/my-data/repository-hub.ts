import type { Sql } from '../../platform/db/types';

/** How much of each kind the municipality holds about one account: the hub's counts, one round trip. */
export interface HubCounts {
  applications: number;
  in_queue: number;
  plans: number;
  referrals: number;
  open_referrals: number;
  documents: number;
  consents: number;
  withdrawn_consents: number;
}

const MY_APPLICATIONS = 'SELECT id FROM applications WHERE municipality_id = $1 AND applicant_id = $2';
const MY_CASES = 'SELECT id FROM cases WHERE municipality_id = $1 AND resident_user_id = $2';

/** Labels of the person's own records, by id: what the "who read my data" entries name. */
export interface OwnLabel {
  kind: 'application' | 'case' | 'document';
  id: string;
  label: string;
}

export const hub = {
  async counts(sql: Sql, municipalityId: string, userId: string): Promise<HubCounts> {
    const [row] = await sql.query<HubCounts>(
      `SELECT
         (SELECT count(*) FROM applications WHERE municipality_id = $1 AND applicant_id = $2)::int AS applications,
         (SELECT count(*) FROM applications WHERE municipality_id = $1 AND applicant_id = $2 AND status IN ('waiting', 'on_hold'))::int AS in_queue,
         (SELECT count(*) FROM care_plans WHERE municipality_id = $1 AND case_id IN (${MY_CASES}) AND status IN ('approved', 'superseded', 'closed'))::int AS plans,
         (SELECT count(*) FROM referrals WHERE municipality_id = $1 AND case_id IN (${MY_CASES}))::int AS referrals,
         (SELECT count(*) FROM referrals WHERE municipality_id = $1 AND case_id IN (${MY_CASES}) AND status IN ('sent', 'accepted', 'in_progress'))::int AS open_referrals,
         (SELECT count(*) FROM resident_documents WHERE municipality_id = $1 AND removed_at IS NULL
            AND (application_id IN (${MY_APPLICATIONS}) OR case_id IN (${MY_CASES})))::int AS documents,
         (SELECT count(*) FROM application_consents WHERE municipality_id = $1 AND application_id IN (${MY_APPLICATIONS}) AND withdrawn_at IS NULL)::int AS consents,
         (SELECT count(*) FROM application_consents WHERE municipality_id = $1 AND application_id IN (${MY_APPLICATIONS}) AND withdrawn_at IS NOT NULL)::int AS withdrawn_consents`,
      [municipalityId, userId],
    );
    return row!;
  },
  async labels(sql: Sql, municipalityId: string, userId: string): Promise<OwnLabel[]> {
    return sql.query<OwnLabel>(
      `SELECT 'application' AS kind, a.id::text AS id, s.name AS label FROM applications a
         JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id WHERE a.municipality_id = $1 AND a.applicant_id = $2
       UNION ALL SELECT 'case', c.id::text, c.number FROM cases c WHERE c.municipality_id = $1 AND c.resident_user_id = $2
       UNION ALL SELECT 'document', d.id::text, d.filename FROM resident_documents d WHERE d.municipality_id = $1
         AND (d.application_id IN (${MY_APPLICATIONS}) OR d.case_id IN (${MY_CASES}))`,
      [municipalityId, userId],
    );
  },
};
