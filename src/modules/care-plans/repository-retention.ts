import type { Sql } from '../../platform/db/types';
import { ANONYMISED_TEXT } from '../../platform/module';

/**
 * The `anonymiseCases` hook: the plans of these cases lose the situation, goals, commitments, notes
 * and reviews in words; status, dates, services and the number of items stay.
 */
export async function anonymisePlansOfCases(sql: Sql, municipalityId: string, caseIds: string[]): Promise<void> {
  const run = (text: string, ...more: string[]) => sql.query(text, [municipalityId, caseIds, ...more]);
  const ofPlans = `plan_id IN (SELECT id FROM care_plans WHERE municipality_id = $1 AND case_id = ANY($2::uuid[]))`;
  // A closed plan's summary is required (a CHECK): the placeholder; empty stays empty.
  await run(`UPDATE care_plans SET situation = '', final_summary = CASE WHEN final_summary = '' THEN '' ELSE $3 END, returned_note = '', updated_at = now()
    WHERE municipality_id = $1 AND case_id = ANY($2::uuid[])`, ANONYMISED_TEXT);
  await run(`UPDATE care_plan_goals SET description = $3, measure = '' WHERE municipality_id = $1 AND ${ofPlans}`, ANONYMISED_TEXT);
  await run(`UPDATE care_plan_commitments SET description = $3 WHERE municipality_id = $1 AND ${ofPlans}`, ANONYMISED_TEXT);
  await run(`UPDATE care_plan_reviews SET note = '' WHERE municipality_id = $1 AND ${ofPlans}`);
  await run(`UPDATE care_plan_notes SET body = $3 WHERE municipality_id = $1 AND ${ofPlans}`, ANONYMISED_TEXT);
}
