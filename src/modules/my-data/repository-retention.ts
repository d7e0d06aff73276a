import type { Sql } from '../../platform/db/types';

/**
 * The `anonymiseCases` hook: documents attached to these cases or to the applications they were
 * opened from lose their content, name and description; that a document existed stays (counted as removed).
 * Reading `applications` here is the documented read model of this module (ADR 0018).
 */
export async function anonymiseDocumentsOfCases(sql: Sql, municipalityId: string, caseIds: string[]): Promise<void> {
  await sql.query(
    `UPDATE resident_documents SET content = NULL, removed_at = coalesce(removed_at, now()), filename = 'usunięto', description = ''
     WHERE municipality_id = $1 AND (case_id = ANY($2::uuid[]) OR application_id IN (SELECT id FROM applications WHERE municipality_id = $1 AND case_id = ANY($2::uuid[])))`,
    [municipalityId, caseIds],
  );
}
