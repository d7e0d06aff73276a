import type { Sql } from '../../platform/db/types';
import { ANONYMISED_NAME, ANONYMISED_TEXT } from '../../platform/module';

/**
 * The `anonymiseCases` hook: the applications these cases were opened from lose the applicant's
 * and beneficiary's data; status, service, dates and the birth decade stay.
 */
export async function anonymiseApplicationsOfCases(sql: Sql, municipalityId: string, caseIds: string[]): Promise<void> {
  const run = (text: string, ...more: string[]) => sql.query(text, [municipalityId, caseIds, ...more]);
  // Text a CHECK requires (a status's reason) gets the placeholder; empty stays empty.
  const keep = (col: string) => `CASE WHEN ${col} = '' THEN '' ELSE $3 END`;
  const ofApplications = `application_id IN (SELECT id FROM applications WHERE municipality_id = $1 AND case_id = ANY($2::uuid[]))`;
  // An application keeps one contact (a CHECK): a dash stands for the phone.
  await run(`UPDATE applications SET applicant_name = $4, beneficiary_name = $4, contact_phone = '—', contact_email = '', need = $3,
    status_reason = ${keep('status_reason')}, beneficiary_birth_year = beneficiary_birth_year - beneficiary_birth_year % 10, applicant_id = NULL, updated_at = now()
    WHERE municipality_id = $1 AND case_id = ANY($2::uuid[])`, ANONYMISED_TEXT, ANONYMISED_NAME);
  await run(`UPDATE application_events SET reason = ${keep('reason')} WHERE municipality_id = $1 AND ${ofApplications}`, ANONYMISED_TEXT);
  // A consent staff recorded after a withdrawal keeps the resident's statement in words (0016).
  await run(`UPDATE application_consents SET statement = ${keep('statement')} WHERE municipality_id = $1 AND ${ofApplications}`, ANONYMISED_TEXT);
}
