import type { Sql } from '../../platform/db/types';
import { ANONYMISED_TEXT } from '../../platform/module';

/**
 * The `anonymiseCases` hook: the referrals of these cases lose what was shared with the provider,
 * the outcome and the reasons in words; provider, service, statuses, dates and delivered minutes stay.
 */
export async function anonymiseReferralsOfCases(sql: Sql, municipalityId: string, caseIds: string[]): Promise<void> {
  const run = (text: string, ...more: string[]) => sql.query(text, [municipalityId, caseIds, ...more]);
  // Text a CHECK requires (a status's reason, an override's reason) gets the placeholder; empty stays empty.
  const keep = (col: string) => `CASE WHEN ${col} = '' THEN '' ELSE $3 END`;
  const ofReferrals = `referral_id IN (SELECT id FROM referrals WHERE municipality_id = $1 AND case_id = ANY($2::uuid[]))`;
  await run(`UPDATE referrals SET shared_details = '', outcome = '', status_reason = ${keep('status_reason')}, override_reason = ${keep('override_reason')}, updated_at = now()
    WHERE municipality_id = $1 AND case_id = ANY($2::uuid[])`, ANONYMISED_TEXT);
  await run(`UPDATE referral_events SET reason = ${keep('reason')} WHERE municipality_id = $1 AND ${ofReferrals}`, ANONYMISED_TEXT);
  await run(`UPDATE referral_deliveries SET note = '' WHERE municipality_id = $1 AND ${ofReferrals}`);
}
