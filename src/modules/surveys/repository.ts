import type { Sql } from '../../platform/db/types';
import type { AnswerItem, Answers, QuestionRow, SectionRow, SurveyRow } from './domain';
import type { QuestionInput, SurveyInput } from './form';

const SURVEY = `s.id, s.title_pl, s.title_en, s.intro_pl, s.intro_en, s.purpose, s.owner_module, s.owner_id, s.anonymous, s.audience, s.layout,
  s.opens_at, s.closes_at, s.status, s.current_version, s.min_cell, s.version`;
const SECTION = 'id, key, position, title_pl, title_en, show_if_question, show_if_choice';
const QUESTION = `id, key, section_id, position, kind, text_pl, text_en, required, choices, grid_rows, scale_min, scale_max, scale_labels,
  number_min::float8 AS number_min, number_max::float8 AS number_max, show_if_question, show_if_choice, version`;

export const surveys = {
  async list(sql: Sql, municipalityId: string, status?: 'open'): Promise<(SurveyRow & { responses: number })[]> {
    return sql.query(
      `SELECT ${SURVEY}, (SELECT count(*)::int FROM survey_responses r WHERE r.municipality_id = s.municipality_id AND r.survey_id = s.id AND r.status = 'submitted') AS responses
       FROM surveys s WHERE s.municipality_id = $1 AND ($2::text IS NULL OR (s.status = 'open' AND s.opens_at <= now() AND s.closes_at > now()))
       ORDER BY s.opens_at DESC, s.id`,
      [municipalityId, status ?? null],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<SurveyRow | undefined> {
    const [row] = await sql.query<SurveyRow>(`SELECT ${SURVEY} FROM surveys s WHERE s.municipality_id = $1 AND s.id = $2${lock ? ' FOR UPDATE' : ''}`, [municipalityId, id]);
    return row;
  },
  async ownedBy(sql: Sql, municipalityId: string, module: string, ownerId: string): Promise<SurveyRow[]> {
    return sql.query<SurveyRow>(`SELECT ${SURVEY} FROM surveys s WHERE s.municipality_id = $1 AND s.owner_module = $2 AND s.owner_id = $3 ORDER BY s.opens_at`, [municipalityId, module, ownerId]);
  },
  async insert(sql: Sql, municipalityId: string, s: SurveyInput, owner: { module: string; id: string } | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO surveys (municipality_id, title_pl, title_en, intro_pl, intro_en, purpose, anonymous, audience, layout, opens_at, closes_at, min_cell, owner_module, owner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [municipalityId, s.title_pl, s.title_en, s.intro_pl, s.intro_en, s.purpose, s.anonymous, s.audience, s.layout, s.opens_at, s.closes_at, s.min_cell, owner?.module ?? null, owner?.id ?? null],
    );
    return row!.id;
  },
  async update(sql: Sql, municipalityId: string, id: string, s: SurveyInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE surveys SET title_pl = $3, title_en = $4, intro_pl = $5, intro_en = $6, purpose = $7, anonymous = CASE WHEN status = 'draft' THEN $8 ELSE anonymous END,
         audience = $9, layout = $10, opens_at = $11, closes_at = $12, min_cell = $13, version = version + 1
       WHERE municipality_id = $1 AND id = $2 AND version = $14 RETURNING id`,
      [municipalityId, id, s.title_pl, s.title_en, s.intro_pl, s.intro_en, s.purpose, s.anonymous, s.audience, s.layout, s.opens_at, s.closes_at, s.min_cell, version],
    );
    return rows.length === 1;
  },
  async setStatus(sql: Sql, municipalityId: string, id: string, status: 'open' | 'closed', version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE surveys SET status = $3, version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $4 RETURNING id', [municipalityId, id, status, version]);
    return rows.length === 1;
  },
  async touch(sql: Sql, municipalityId: string, id: string, version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE surveys SET version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING id', [municipalityId, id, version]);
    return rows.length === 1;
  },
  /** A new version of the questions (the old ones keep their answers): sections and questions copied, keys kept. */
  async newVersion(sql: Sql, municipalityId: string, id: string, from: number): Promise<void> {
    await sql.query(
      `INSERT INTO survey_sections (municipality_id, survey_id, survey_version, key, position, title_pl, title_en, show_if_question, show_if_choice)
       SELECT municipality_id, survey_id, $3 + 1, key, position, title_pl, title_en, show_if_question, show_if_choice
       FROM survey_sections WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = $3`,
      [municipalityId, id, from],
    );
    await sql.query(
      `INSERT INTO survey_questions (municipality_id, survey_id, survey_version, key, section_id, position, kind, text_pl, text_en, required, choices, grid_rows,
         scale_min, scale_max, scale_labels, number_min, number_max, show_if_question, show_if_choice)
       SELECT q.municipality_id, q.survey_id, $3 + 1, q.key, n.id, q.position, q.kind, q.text_pl, q.text_en, q.required, q.choices, q.grid_rows,
         q.scale_min, q.scale_max, q.scale_labels, q.number_min, q.number_max, q.show_if_question, q.show_if_choice
       FROM survey_questions q
       JOIN survey_sections o ON o.municipality_id = q.municipality_id AND o.id = q.section_id
       JOIN survey_sections n ON n.municipality_id = q.municipality_id AND n.survey_id = q.survey_id AND n.survey_version = $3 + 1 AND n.key = o.key
       WHERE q.municipality_id = $1 AND q.survey_id = $2 AND q.survey_version = $3`,
      [municipalityId, id, from],
    );
    await sql.query('UPDATE surveys SET current_version = $3 + 1 WHERE municipality_id = $1 AND id = $2', [municipalityId, id, from]);
  },
};

export const structure = {
  async sections(sql: Sql, municipalityId: string, surveyId: string, version: number): Promise<SectionRow[]> {
    return sql.query<SectionRow>(`SELECT ${SECTION} FROM survey_sections WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = $3 ORDER BY position, id`, [municipalityId, surveyId, version]);
  },
  async questions(sql: Sql, municipalityId: string, surveyId: string, version: number): Promise<QuestionRow[]> {
    return sql.query<QuestionRow>(`SELECT ${QUESTION} FROM survey_questions WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = $3 ORDER BY position, id`, [
      municipalityId, surveyId, version,
    ]);
  },
  async addSection(sql: Sql, municipalityId: string, surveyId: string, version: number, s: { title_pl: string; title_en: string; show_if_question: string | null; show_if_choice: string | null }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO survey_sections (municipality_id, survey_id, survey_version, position, title_pl, title_en, show_if_question, show_if_choice)
       VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM survey_sections WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = $3), $4, $5, $6, $7) RETURNING id`,
      [municipalityId, surveyId, version, s.title_pl, s.title_en, s.show_if_question, s.show_if_choice],
    );
    return row!.id;
  },
  async sectionByKey(sql: Sql, municipalityId: string, surveyId: string, version: number, key: string): Promise<SectionRow | undefined> {
    const [row] = await sql.query<SectionRow>(`SELECT ${SECTION} FROM survey_sections WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = $3 AND key = $4`, [municipalityId, surveyId, version, key]);
    return row;
  },
  async questionByKey(sql: Sql, municipalityId: string, surveyId: string, version: number, key: string): Promise<QuestionRow | undefined> {
    const [row] = await sql.query<QuestionRow>(`SELECT ${QUESTION} FROM survey_questions WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = $3 AND key = $4`, [municipalityId, surveyId, version, key]);
    return row;
  },
  async addQuestion(sql: Sql, municipalityId: string, surveyId: string, version: number, sectionId: string, q: QuestionInput, key?: string): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO survey_questions (municipality_id, survey_id, survey_version, key, section_id, position, kind, text_pl, text_en, required, choices, grid_rows, scale_min, scale_max,
         scale_labels, number_min, number_max, show_if_question, show_if_choice)
       VALUES ($1, $2, $3, coalesce($18::uuid, gen_random_uuid()), $4,
         (SELECT coalesce(max(position), 0) + 1 FROM survey_questions WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = $3), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING id`,
      [municipalityId, surveyId, version, sectionId, q.kind, q.text_pl, q.text_en, q.required, JSON.stringify(q.choices), JSON.stringify(q.grid_rows), q.scale_min, q.scale_max,
        JSON.stringify(q.scale_labels), q.number_min, q.number_max, q.show_if_question, q.show_if_choice, key ?? null],
    );
    return row!.id;
  },
  async updateQuestion(sql: Sql, municipalityId: string, id: string, q: QuestionInput): Promise<void> {
    await sql.query(
      `UPDATE survey_questions SET section_id = $3, kind = $4, text_pl = $5, text_en = $6, required = $7, choices = $8, grid_rows = $9, scale_min = $10, scale_max = $11,
         scale_labels = $12, number_min = $13, number_max = $14, show_if_question = $15, show_if_choice = $16, version = version + 1
       WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, id, q.section_id, q.kind, q.text_pl, q.text_en, q.required, JSON.stringify(q.choices), JSON.stringify(q.grid_rows), q.scale_min, q.scale_max,
        JSON.stringify(q.scale_labels), q.number_min, q.number_max, q.show_if_question, q.show_if_choice],
    );
  },
  async removeQuestion(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query('DELETE FROM survey_questions WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
  },
  /** Swaps a question with its neighbour above (-1) or below (+1) in the same version. */
  async move(sql: Sql, municipalityId: string, surveyId: string, version: number, id: string, direction: -1 | 1): Promise<void> {
    await sql.query(
      `WITH me AS (SELECT id, position FROM survey_questions WHERE municipality_id = $1 AND id = $4),
       other AS (SELECT q.id, q.position FROM survey_questions q, me WHERE q.municipality_id = $1 AND q.survey_id = $2 AND q.survey_version = $3
                   AND CASE WHEN $5 < 0 THEN q.position < me.position ELSE q.position > me.position END
                 ORDER BY CASE WHEN $5 < 0 THEN -q.position ELSE q.position END LIMIT 1)
       UPDATE survey_questions q SET position = CASE WHEN q.id = me.id THEN other.position ELSE me.position END
       FROM me, other WHERE q.municipality_id = $1 AND q.id IN (me.id, other.id)`,
      [municipalityId, surveyId, version, id, direction],
    );
  },
};

export const responses = {
  /** Whether any response (a draft too) answers this version: then an edit makes a new version. */
  async anyOfVersion(sql: Sql, municipalityId: string, surveyId: string, version: number): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM survey_responses WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = $3 LIMIT 1', [municipalityId, surveyId, version]);
    return rows.length > 0;
  },
  async start(sql: Sql, municipalityId: string, r: { surveyId: string; version: number; anonymous: boolean; respondentId: string | null; draftHash: string | null; source: 'online' | 'paper'; day: string }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO survey_responses (municipality_id, survey_id, survey_version, anonymous, respondent_id, draft_hash, source, started_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [municipalityId, r.surveyId, r.version, r.anonymous, r.anonymous ? null : r.respondentId, r.draftHash, r.source, r.day],
    );
    return row!.id;
  },
  async byDraft(sql: Sql, municipalityId: string, surveyId: string, draftHash: string): Promise<{ id: string; survey_version: number; page: number } | undefined> {
    const [row] = await sql.query<{ id: string; survey_version: number; page: number }>(
      `SELECT id, survey_version, page FROM survey_responses WHERE municipality_id = $1 AND survey_id = $2 AND draft_hash = $3 AND status = 'draft' FOR UPDATE`,
      [municipalityId, surveyId, draftHash],
      { prepare: true },
    );
    return row;
  },
  /**
   * A draft with what answering it needs, asked in one round trip: its row (locked, so two tabs of one
   * respondent take turns), the survey, the sections and questions of the draft's version and its answers.
   * The statements are sent together (the pool pipelines them); each finds the draft by its hash, so none
   * waits for another's reply. Under 500 respondents at once a round trip costs the event loop's lag while
   * the connection stays held: five sequential reads kept the pool's connections idle in transaction.
   */
  async draftWithStructure(sql: Sql, municipalityId: string, surveyId: string, draftHash: string) {
    const ofDraft = `(SELECT survey_version FROM survey_responses WHERE municipality_id = $1 AND survey_id = $2 AND draft_hash = $3 AND status = 'draft')`;
    const [draft, survey, sections, questions, given] = await Promise.all([
      responses.byDraft(sql, municipalityId, surveyId, draftHash),
      surveys.find(sql, municipalityId, surveyId),
      sql.query<SectionRow>(`SELECT ${SECTION} FROM survey_sections WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = ${ofDraft} ORDER BY position, id`,
        [municipalityId, surveyId, draftHash], { prepare: true }),
      sql.query<QuestionRow>(`SELECT ${QUESTION} FROM survey_questions WHERE municipality_id = $1 AND survey_id = $2 AND survey_version = ${ofDraft} ORDER BY position, id`,
        [municipalityId, surveyId, draftHash], { prepare: true }),
      sql.query<AnswerItem & { question_id: string }>(
        `SELECT a.question_id, a.row_key, a.choice, a.number_value::float8 AS number_value, a.text_value FROM survey_answers a
         JOIN survey_responses r ON r.municipality_id = a.municipality_id AND r.id = a.response_id
         WHERE r.municipality_id = $1 AND r.survey_id = $2 AND r.draft_hash = $3 AND r.status = 'draft'`,
        [municipalityId, surveyId, draftHash], { prepare: true }),
    ]);
    return { draft, survey, sections, questions, given: answerMap(given) };
  },
  async setPage(sql: Sql, municipalityId: string, id: string, page: number): Promise<void> {
    await sql.query('UPDATE survey_responses SET page = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, id, page], { prepare: true });
  },
  async submit(sql: Sql, municipalityId: string, id: string, day: string): Promise<void> {
    await sql.query(`UPDATE survey_responses SET status = 'submitted', submitted_on = $3, draft_hash = NULL, page = 0 WHERE municipality_id = $1 AND id = $2`, [municipalityId, id, day]);
  },
  async submittedCount(sql: Sql, municipalityId: string, surveyId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM survey_responses WHERE municipality_id = $1 AND survey_id = $2 AND status = 'submitted'`, [municipalityId, surveyId]);
    return row!.n;
  },
  /** A person's own responses to surveys that are not anonymous (their data download). */
  async ofRespondent(sql: Sql, municipalityId: string, userId: string): Promise<unknown[]> {
    return sql.query(
      `SELECT s.title_pl AS survey, r.source, r.status, to_char(r.submitted_on, 'YYYY-MM-DD') AS submitted_on,
         coalesce((SELECT json_agg(json_build_object('question', q.text_pl, 'row', a.row_key, 'choice', a.choice, 'number', a.number_value, 'text', a.text_value) ORDER BY q.position)
           FROM survey_answers a JOIN survey_questions q ON q.municipality_id = a.municipality_id AND q.id = a.question_id
           WHERE a.municipality_id = r.municipality_id AND a.response_id = r.id), '[]') AS answers
       FROM survey_responses r JOIN surveys s ON s.municipality_id = r.municipality_id AND s.id = r.survey_id
       WHERE r.municipality_id = $1 AND r.respondent_id = $2 AND NOT r.anonymous ORDER BY s.opens_at`,
      [municipalityId, userId],
    );
  },
};

function answerMap(rows: readonly (AnswerItem & { question_id: string })[]): Answers {
  const map: Answers = new Map();
  for (const r of rows) map.set(r.question_id, [...(map.get(r.question_id) ?? []), { row_key: r.row_key, choice: r.choice, number_value: r.number_value, text_value: r.text_value }]);
  return map;
}

export const answers = {
  async of(sql: Sql, municipalityId: string, responseId: string): Promise<Answers> {
    const rows = await sql.query<AnswerItem & { question_id: string }>(
      'SELECT question_id, row_key, choice, number_value::float8 AS number_value, text_value FROM survey_answers WHERE municipality_id = $1 AND response_id = $2',
      [municipalityId, responseId],
      { prepare: true },
    );
    return answerMap(rows);
  },
  /** Replaces the answers of these questions (a page saved) with what was given; unanswered ones are cleared. */
  async save(sql: Sql, municipalityId: string, surveyId: string, responseId: string, questions: readonly QuestionRow[], given: Answers): Promise<void> {
    if (questions.length === 0) return;
    // Sent together (pipelined; the server runs them in order): the page's writes cost one round trip.
    const removed = sql.query('DELETE FROM survey_answers WHERE municipality_id = $1 AND response_id = $2 AND question_id = ANY($3::uuid[])', [municipalityId, responseId, questions.map((q) => q.id)], { prepare: true });
    const rows = questions.flatMap((q) => (given.get(q.id) ?? []).map((i) => ({ q: q.id, k: q.key, r: i.row_key, c: i.choice, n: i.number_value, t: i.text_value })));
    const inserted = rows.length === 0 ? Promise.resolve([]) : sql.query(
      `INSERT INTO survey_answers (municipality_id, response_id, survey_id, question_id, question_key, row_key, choice, number_value, text_value)
       SELECT $1, $2, $3, x.q, x.k, x.r, x.c, x.n, x.t FROM json_to_recordset($4::json) AS x(q uuid, k uuid, r text, c text, n numeric, t text)`,
      [municipalityId, responseId, surveyId, JSON.stringify(rows)],
      { prepare: true },
    );
    await Promise.all([removed, inserted]);
  },
  /** Answers to questions no longer shown (skip logic) are dropped when the response is sent. */
  async keepOnly(sql: Sql, municipalityId: string, responseId: string, questionIds: readonly string[]): Promise<void> {
    await sql.query('DELETE FROM survey_answers WHERE municipality_id = $1 AND response_id = $2 AND NOT (question_id = ANY($3::uuid[]))', [municipalityId, responseId, [...questionIds]]);
  },
};

export const respondents = {
  /** Claims the marker; false when this account has already started or sent a response. */
  async claim(sql: Sql, municipalityId: string, surveyId: string, marker: string): Promise<boolean> {
    const rows = await sql.query('INSERT INTO survey_respondents (municipality_id, survey_id, marker) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING marker', [municipalityId, surveyId, marker]);
    return rows.length === 1;
  },
  async has(sql: Sql, municipalityId: string, surveyId: string, marker: string): Promise<boolean> {
    const rows = await sql.query('SELECT 1 FROM survey_respondents WHERE municipality_id = $1 AND survey_id = $2 AND marker = $3', [municipalityId, surveyId, marker]);
    return rows.length > 0;
  },
};

export async function openCount(sql: Sql, municipalityId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM surveys WHERE municipality_id = $1 AND status = 'open' AND opens_at <= now() AND closes_at > now()`, [municipalityId]);
  return row!.n;
}
