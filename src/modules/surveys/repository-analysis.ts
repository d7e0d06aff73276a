import type { Sql } from '../../platform/db/types';

/** The analysis' aggregates: submitted responses only, all versions of a question together (by its key). */

export interface FrequencyRow {
  question_key: string;
  row_key: string;
  choice: string;
  n: number;
}
export interface NumberSummary {
  question_key: string;
  n: number;
  min: number | null;
  mean: number | null;
  max: number | null;
}
export interface CrossCell {
  a: string;
  b: string;
  n: number;
}
export interface TrendRow {
  survey_id: string;
  title_pl: string;
  opens_at: Date;
  choice: string;
  n: number;
  total: number;
}

export const CROSS_TAB_SQL = `SELECT a.choice AS a, b.choice AS b, count(*)::int AS n
  FROM survey_answers a
  JOIN survey_answers b ON b.municipality_id = a.municipality_id AND b.survey_id = a.survey_id AND b.question_key = $4 AND b.response_id = a.response_id AND b.row_key = ''
  JOIN survey_responses r ON r.municipality_id = a.municipality_id AND r.id = a.response_id AND r.status = 'submitted'
  WHERE a.municipality_id = $1 AND a.survey_id = $2 AND a.question_key = $3 AND a.row_key = ''
  GROUP BY a.choice, b.choice`;

export const analysis = {
  async frequencies(sql: Sql, municipalityId: string, surveyId: string): Promise<FrequencyRow[]> {
    return sql.query<FrequencyRow>(
      `SELECT a.question_key, a.row_key, a.choice, count(*)::int AS n
       FROM survey_answers a JOIN survey_responses r ON r.municipality_id = a.municipality_id AND r.id = a.response_id AND r.status = 'submitted'
       WHERE a.municipality_id = $1 AND a.survey_id = $2 AND a.choice <> ''
       GROUP BY a.question_key, a.row_key, a.choice`,
      [municipalityId, surveyId],
    );
  },
  async numbers(sql: Sql, municipalityId: string, surveyId: string): Promise<NumberSummary[]> {
    return sql.query<NumberSummary>(
      `SELECT a.question_key, count(*)::int AS n, min(a.number_value)::float8 AS min, avg(a.number_value)::float8 AS mean, max(a.number_value)::float8 AS max
       FROM survey_answers a JOIN survey_responses r ON r.municipality_id = a.municipality_id AND r.id = a.response_id AND r.status = 'submitted'
       WHERE a.municipality_id = $1 AND a.survey_id = $2 AND a.choice = '' AND a.number_value IS NOT NULL
       GROUP BY a.question_key`,
      [municipalityId, surveyId],
    );
  },
  async textCounts(sql: Sql, municipalityId: string, surveyId: string): Promise<{ question_key: string; n: number }[]> {
    return sql.query(
      `SELECT a.question_key, count(*)::int AS n
       FROM survey_answers a JOIN survey_responses r ON r.municipality_id = a.municipality_id AND r.id = a.response_id AND r.status = 'submitted'
       WHERE a.municipality_id = $1 AND a.survey_id = $2 AND a.text_value IS NOT NULL GROUP BY a.question_key`,
      [municipalityId, surveyId],
    );
  },
  /** The cross-tabulation of two questions' choices: one aggregate, respondents who answered both. */
  async crossTab(sql: Sql, municipalityId: string, surveyId: string, keyA: string, keyB: string): Promise<CrossCell[]> {
    return sql.query<CrossCell>(CROSS_TAB_SQL, [municipalityId, surveyId, keyA, keyB], { prepare: true });
  },
  /** One question's choices across the surveys of the same purpose that ask it in the same words (trends across periods). */
  async trend(sql: Sql, municipalityId: string, purpose: string, kind: string, textPl: string): Promise<TrendRow[]> {
    return sql.query<TrendRow>(
      `WITH asked AS (
         SELECT DISTINCT s.id AS survey_id, s.title_pl, s.opens_at, q.key
         FROM surveys s JOIN survey_questions q ON q.municipality_id = s.municipality_id AND q.survey_id = s.id
         WHERE s.municipality_id = $1 AND s.purpose = $2 AND q.kind = $3 AND q.text_pl = $4),
       counted AS (
         SELECT k.survey_id, k.title_pl, k.opens_at, a.choice, count(*)::int AS n
         FROM asked k
         JOIN survey_answers a ON a.municipality_id = $1 AND a.survey_id = k.survey_id AND a.question_key = k.key AND a.row_key = ''
         JOIN survey_responses r ON r.municipality_id = a.municipality_id AND r.id = a.response_id AND r.status = 'submitted'
         GROUP BY k.survey_id, k.title_pl, k.opens_at, a.choice)
       SELECT c.*, (SELECT count(*)::int FROM survey_responses r WHERE r.municipality_id = $1 AND r.survey_id = c.survey_id AND r.status = 'submitted') AS total
       FROM counted c ORDER BY c.opens_at, c.survey_id, c.choice`,
      [municipalityId, purpose, kind, textPl],
    );
  },
};
