import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedSurveyFixtures } from '../src/modules/surveys';

/** The demo needs survey (open, anonymous, with answers) and its first question, for every surveys route. */
export async function surveyIds(sql: Sql, m: MunicipalityRow): Promise<Record<string, string>> {
  const id = await seedSurveyFixtures(sql, m.id, 30);
  const [question] = await sql.query<{ key: string }>('SELECT key FROM survey_questions WHERE municipality_id = $1 AND survey_id = $2 ORDER BY position LIMIT 1', [m.id, id]);
  return { 'ankiety/:id': id, 'ankiety/:id/pytania/:key': question!.key };
}

/** What respondents wrote in open questions: the analysis shows counts only, so no page may show these texts. */
export async function surveyTexts(sql: Sql, m: MunicipalityRow): Promise<string[]> {
  const rows = await sql.query<{ text: string }>('SELECT DISTINCT text_value AS text FROM survey_answers WHERE municipality_id = $1 AND text_value IS NOT NULL', [m.id]);
  return rows.map((r) => r.text);
}
