import crypto from 'node:crypto';
import type { Sql } from '../../platform/db/types';
import { addDays, warsawDay, warsawInstant } from '../../platform/time';
import type { Choice } from './domain';
import type { QuestionInput } from './form';
import { structure } from './repository';
import { createSurveyIn } from './service';

/**
 * The demo's residents' needs survey for Żyrardów's diagnosis: anonymous, anyone with the link, open for
 * two more weeks, with a few hundred generated answers (fictional, from a fixed seed) and some from paper.
 */
export const ZYRARDOW_NEEDS_SURVEY = 'Diagnoza potrzeb mieszkańców Żyrardowa 2026';

const choices = (...labels: string[]): Choice[] => labels.map((pl, i) => ({ value: String.fromCharCode(97 + i), pl, en: '' }));
const base = { text_en: '', required: true, choices: [], grid_rows: [], scale_min: null, scale_max: null, scale_labels: {}, number_min: null, number_max: null, show_if_question: null, show_if_choice: null };

const QUESTIONS: (Omit<QuestionInput, 'section_key'> & { part: 0 | 1 })[] = [
  { ...base, part: 0, kind: 'single', text_pl: 'W której części miasta mieszkasz?', choices: choices('Centrum', 'Osada Fabryczna', 'Ruda', 'Wschód', 'Północ') },
  { ...base, part: 0, kind: 'single', text_pl: 'Ile masz lat?', choices: choices('18–29', '30–44', '45–59', '60–74', '75 i więcej') },
  { ...base, part: 0, kind: 'single', text_pl: 'Jaka jest Twoja sytuacja?', choices: choices('pracuję', 'uczę się', 'jestem na emeryturze lub rencie', 'szukam pracy', 'opiekuję się bliską osobą') },
  { ...base, part: 0, kind: 'number', text_pl: 'Ile osób mieszka w Twoim gospodarstwie domowym?', number_min: 1, number_max: 15 },
  {
    ...base, part: 1, kind: 'multiple', text_pl: 'Których usług brakuje Ci najbardziej w Żyrardowie?',
    choices: choices('opieka nad seniorem w domu', 'opieka wytchnieniowa dla opiekunów', 'zajęcia dla dzieci i młodzieży', 'pomoc psychologiczna', 'transport dla osób z niepełnosprawnościami', 'poradnictwo prawne', 'zajęcia dla seniorów'),
  },
  { ...base, part: 1, kind: 'scale', text_pl: 'Jak oceniasz dostępność usług społecznych w mieście?', scale_min: 1, scale_max: 5, scale_labels: { min_pl: 'bardzo źle', max_pl: 'bardzo dobrze', min_en: 'very poor', max_en: 'very good' } },
  { ...base, part: 1, kind: 'single', text_pl: 'Czy korzystasz z usług Centrum Usług Społecznych?', choices: choices('tak', 'nie') },
  { ...base, part: 1, kind: 'single', text_pl: 'Dlaczego nie korzystasz z usług Centrum?', choices: choices('nie wiedziałem/am o nich', 'nie potrzebuję', 'nie pasują mi godziny', 'jest za daleko') },
  {
    ...base, part: 1, kind: 'grid', text_pl: 'Oceń miejsca i sprawy w Twojej okolicy', required: false, scale_min: 1, scale_max: 5, scale_labels: { min_pl: 'źle', max_pl: 'dobrze' },
    grid_rows: choices('Miejsce Aktywności Lokalnej (Resursa)', 'transport publiczny', 'informacja o usługach'),
  },
  { ...base, part: 1, kind: 'long_text', text_pl: 'Co jeszcze chcesz nam powiedzieć?', required: false },
];

const NOTES = ['Więcej zajęć popołudniowych w Resursie.', 'Brakuje busa dla osób na wózkach.', 'Proszę o dyżury psychologa w soboty.', 'Dobrze, że jest ta ankieta.'];

/** Seeds the survey; returns its id. */
export async function seedSurveyFixtures(sql: Sql, municipalityId: string, count = 320): Promise<string> {
  const today = warsawDay();
  const id = await createSurveyIn(
    sql, municipalityId,
    {
      title_pl: ZYRARDOW_NEEDS_SURVEY, title_en: "Żyrardów residents' needs 2026", purpose: 'diagnosis', audience: 'link', layout: 'one_per_page', anonymous: true, min_cell: 5,
      intro_pl: 'Centrum Usług Społecznych w Żyrardowie przygotowuje diagnozę potrzeb mieszkańców. Ankieta jest anonimowa i zajmie około 5 minut.', intro_en: '',
      opens_at: warsawInstant(addDays(today, -30), '08:00'), closes_at: warsawInstant(addDays(today, 14), '23:59'),
    },
    null, null, 'O Tobie',
  );
  await sql.query("UPDATE surveys SET status = 'open' WHERE municipality_id = $1 AND id = $2", [municipalityId, id]);
  const [first] = await structure.sections(sql, municipalityId, id, 1);
  const secondId = await structure.addSection(sql, municipalityId, id, 1, { title_pl: 'Usługi w mieście', title_en: 'Services in the town', show_if_question: null, show_if_choice: null });
  const keys: { id: string; key: string }[] = [];
  for (const q of QUESTIONS) {
    const uses = q.text_pl.startsWith('Dlaczego') ? { show_if_question: keys[6]!.key, show_if_choice: 'b' } : {};
    const qid = await structure.addQuestion(sql, municipalityId, id, 1, q.part === 0 ? first!.id : secondId, { ...q, ...uses, section_key: '' });
    const [row] = await sql.query<{ key: string }>('SELECT key FROM survey_questions WHERE municipality_id = $1 AND id = $2', [municipalityId, qid]);
    keys.push({ id: qid, key: row!.key });
  }
  // A fixed seed: the same demo every time. Older people and the Osada more often miss care services.
  let state = 20261;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (n: number) => Math.floor(rand() * n);
  const responses: { id: string; day: string; source: string }[] = [];
  const answers: { r: string; q: string; k: string; row: string; c: string; n: number | null; t: string | null }[] = [];
  for (let i = 0; i < count; i++) {
    const rid = crypto.randomUUID();
    responses.push({ id: rid, day: addDays(today, -pick(29)), source: i % 11 === 0 ? 'paper' : 'online' });
    const add = (qi: number, c: string, n: number | null = null, t: string | null = null, row = '') => answers.push({ r: rid, q: keys[qi]!.id, k: keys[qi]!.key, row, c, n, t });
    const district = pick(5);
    const age = Math.min(4, pick(5) + (district === 1 ? 1 : 0));
    add(0, 'abcde'[district]!);
    add(1, 'abcde'[age]!);
    add(2, age >= 3 ? (rand() < 0.8 ? 'c' : 'e') : 'abdee'[pick(5)]!);
    add(3, '', 1 + pick(5));
    const needs = new Set([age >= 3 ? 0 : 2, pick(7), pick(7)]);
    for (const n of needs) add(4, 'abcdefg'[n]!);
    const score = Math.min(5, 1 + pick(4) + (district === 0 ? 1 : 0));
    add(5, String(score), score);
    const uses = rand() < 0.45;
    add(6, uses ? 'a' : 'b');
    if (!uses) add(7, 'abcd'[pick(4)]!);
    if (rand() < 0.7) for (const [j, row] of ['a', 'b', 'c'].entries()) add(8, String(1 + ((pick(5) + j) % 5)), null, null, row);
    if (rand() < 0.08) add(9, '', null, NOTES[pick(NOTES.length)]!);
  }
  await sql.query(
    `INSERT INTO survey_responses (municipality_id, id, survey_id, survey_version, anonymous, source, status, started_on, submitted_on)
     SELECT $1, x.id, $2, 1, true, x.source, 'submitted', x.day::date, x.day::date FROM json_to_recordset($3::json) AS x(id uuid, day text, source text)`,
    [municipalityId, id, JSON.stringify(responses)],
  );
  await sql.query(
    `INSERT INTO survey_answers (municipality_id, response_id, survey_id, question_id, question_key, row_key, choice, number_value, text_value)
     SELECT $1, x.r, $2, x.q, x.k, x.row, x.c, x.n, x.t FROM json_to_recordset($3::json) AS x(r uuid, q uuid, k uuid, row text, c text, n numeric, t text)`,
    [municipalityId, id, JSON.stringify(answers)],
  );
  return id;
}

/**
 * Generated, fictional answers to a survey another module owns (the demo's consultation survey): `count`
 * submitted anonymous responses over the survey's period from a fixed seed — choices leaning to the first
 * ones, scales to the upper half, a written answer now and then from `notes` — and the survey left in
 * `status`. Questions of kinds other than single, multiple, scale, number and long text are left unanswered.
 */
export async function seedGeneratedAnswers(sql: Sql, municipalityId: string, surveyId: string, opts: { count: number; seed: number; notes: string[]; status: 'open' | 'closed' }): Promise<void> {
  const [survey] = await sql.query<{ current_version: number; opens_at: Date; closes_at: Date }>('SELECT current_version, opens_at, closes_at FROM surveys WHERE municipality_id = $1 AND id = $2', [municipalityId, surveyId]);
  if (!survey) throw new Error(`survey ${surveyId} not found`);
  const questions = await structure.questions(sql, municipalityId, surveyId, survey.current_version);
  let state = opts.seed;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  /** Index in 0..n-1, the first ones more often (a mild skew, as real opinions lean). */
  const lean = (n: number) => Math.min(n - 1, Math.floor(rand() * rand() * n * 1.6));
  const from = Math.min(Date.now(), survey.opens_at.getTime());
  const to = Math.min(Date.now(), survey.closes_at.getTime());
  const responses: { id: string; day: string }[] = [];
  const answers: { r: string; q: string; k: string; c: string; n: number | null; t: string | null }[] = [];
  for (let i = 0; i < opts.count; i++) {
    const rid = crypto.randomUUID();
    responses.push({ id: rid, day: warsawDay(new Date(from + rand() * (to - from))) });
    for (const q of questions) {
      const add = (c: string, n: number | null = null, t: string | null = null) => answers.push({ r: rid, q: q.id, k: q.key, c, n, t });
      if (q.kind === 'single') add(q.choices[lean(q.choices.length)]!.value);
      else if (q.kind === 'multiple') for (const c of new Set([lean(q.choices.length), lean(q.choices.length)])) add(q.choices[c]!.value);
      else if (q.kind === 'scale') {
        const min = q.scale_min ?? 1;
        const max = q.scale_max ?? 5;
        const v = max - lean(max - min + 1);
        add(String(v), v);
      } else if (q.kind === 'number') add('', Math.round((q.number_min ?? 0) + rand() * ((q.number_max ?? 10) - (q.number_min ?? 0))));
      else if (q.kind === 'long_text' && opts.notes.length && rand() < 0.25) add('', null, opts.notes[Math.floor(rand() * opts.notes.length)]!);
    }
  }
  await sql.query(
    `INSERT INTO survey_responses (municipality_id, id, survey_id, survey_version, anonymous, source, status, started_on, submitted_on)
     SELECT $1, x.id, $2, $3, true, 'online', 'submitted', x.day::date, x.day::date FROM json_to_recordset($4::json) AS x(id uuid, day text)`,
    [municipalityId, surveyId, survey.current_version, JSON.stringify(responses)],
  );
  await sql.query(
    `INSERT INTO survey_answers (municipality_id, response_id, survey_id, question_id, question_key, row_key, choice, number_value, text_value)
     SELECT $1, x.r, $2, x.q, x.k, '', x.c, x.n, x.t FROM json_to_recordset($3::json) AS x(r uuid, q uuid, k uuid, c text, n numeric, t text)`,
    [municipalityId, surveyId, JSON.stringify(answers)],
  );
  await sql.query('UPDATE surveys SET status = $3, version = version + 1 WHERE municipality_id = $1 AND id = $2', [municipalityId, surveyId, opts.status]);
}
