import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { addOwnedQuestion, closeOwnedSurvey, createOwnedSurvey, openOwnedSurvey, surveyAnalysisOf, surveysOwnedBy, type OwnedSurvey, type QuestionInput, type SurveyAnalysis, type SurveyInput } from '../surveys';
import { phaseOf, type Audience, type ConsultationRow } from './domain';
import type { SurveyQuestionInput } from './form';
import { consultations } from './repository';
import type { ConsultationsDeps } from './service';

/**
 * A consultation's short survey (issue 16, "a short survey" among the forms): a survey of the surveys
 * module owned by the consultation (`owner_module = 'consultations'`), made and filled only through the
 * surveys module's read model (`surveys/index.ts`). Anonymous, all questions on one page, the
 * consultation's period; residents answer it at `/ankiety/:id`; its counts, small ones suppressed by the
 * surveys module, go into the consultation's report.
 */
export const SURVEY_OWNER = 'consultations';

/** The consultation's survey, if it has one (the first one made; the service never makes a second). */
export async function surveyOf(sql: Sql, municipalityId: string, consultationId: string): Promise<OwnedSurvey | null> {
  const [s] = await surveysOwnedBy(sql, municipalityId, SURVEY_OWNER, consultationId);
  return s ?? null;
}

/** What the report shows of the survey: the survey and its analysis (counts under the survey's minimum read "<n"). */
export interface SurveyResults {
  survey: OwnedSurvey;
  analysis: SurveyAnalysis;
}

export async function surveyResultsOf(sql: Sql, municipalityId: string, consultationId: string): Promise<SurveyResults | null> {
  const survey = await surveyOf(sql, municipalityId, consultationId);
  return survey ? { survey, analysis: await surveyAnalysisOf(sql, municipalityId, survey.id) } : null;
}

/**
 * Who answers: everyone with the link when the consultation asks everyone (or residents and organisations
 * alike); residents with accounts, or members of organisations, when only they are consulted. The
 * council speaks in writing, so it adds no audience.
 */
export function surveyAudienceOf(audience: readonly Audience[]): SurveyInput['audience'] {
  const residents = audience.includes('residents');
  const organisations = audience.includes('organisations');
  if (audience.includes('everyone') || (residents && organisations)) return 'link';
  return organisations ? 'organisations' : 'residents';
}

export function surveyInputOf(c: ConsultationRow): SurveyInput {
  return {
    title_pl: `Krótka ankieta: ${c.subject}`.slice(0, 300),
    title_en: `Short survey: ${c.subject}`.slice(0, 300),
    intro_pl: `Ankieta towarzysząca konsultacjom „${c.subject}”. Jest anonimowa: ośrodek widzi tylko zbiorcze liczby, a liczby mniejsze niż 5 nie są pokazywane. Uwagi do treści dokumentu zgłoś przy jego częściach.`,
    intro_en: `A survey accompanying the consultation “${c.subject}”. It is anonymous: the centre sees only totals, and counts under 5 are not shown. Remarks on the document go with its parts.`,
    purpose: 'consultation',
    audience: surveyAudienceOf(c.audience),
    layout: 'all_on_one_page',
    anonymous: true,
    opens_at: c.opens_at,
    closes_at: c.closes_at,
    min_cell: 5,
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function questionOf(q: SurveyQuestionInput): Omit<QuestionInput, 'section_key'> {
  const scaled = q.kind === 'scale';
  return {
    kind: q.kind, text_pl: q.text, text_en: '', required: q.required,
    choices: q.choices.map((label, i) => ({ value: LETTERS[i]!, pl: label, en: '' })),
    grid_rows: [],
    scale_min: scaled ? 1 : null, scale_max: scaled ? 5 : null,
    scale_labels: scaled ? { min_pl: 'zdecydowanie nie', max_pl: 'zdecydowanie tak', min_en: 'strongly disagree', max_en: 'strongly agree' } : {},
    number_min: null, number_max: null, show_if_question: null, show_if_choice: null,
  };
}

/**
 * Adds a question to the consultation's survey, making the survey with the first question. Under the
 * consultation's row lock (two staff adding the first question at once make one survey); only until the
 * consultation closes, and only while the survey is a draft (once open, people's answers would lose their
 * question: later changes go through the surveys module's builder, which versions them).
 */
export async function addSurveyQuestion(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, input: SurveyQuestionInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const c = await consultations.find(sql, municipalityId, consultationId, true);
    if (!c) throw new AppError('not_found');
    const phase = phaseOf(c);
    if (phase === 'closed' || phase === 'reported') throw new AppError('consultation.report_state');
    const existing = await surveyOf(sql, municipalityId, consultationId);
    if (existing && existing.status !== 'draft') throw new AppError('consultation.survey_not_draft');
    const surveyId = existing?.id ?? (await createOwnedSurvey(sql, municipalityId, surveyInputOf(c), { module: SURVEY_OWNER, id: consultationId }));
    await addOwnedQuestion(sql, municipalityId, surveyId, questionOf(input));
    await audit(sql, municipalityId, actor, { action: 'consultation.survey_question_added', subjectType: 'consultation', subjectId: consultationId, details: { survey: surveyId, kind: input.kind } });
    return surveyId;
  });
}

/**
 * Opens or closes the consultation's survey from the consultation's page: its staff (consultations.manage)
 * need not hold surveys.manage — the surveys module opens a survey its owner asks it to. Under the
 * consultation's lock; opened only before the consultation closes (closed any time); `version` is the
 * survey's as the page showed it (stale → 409).
 */
export async function setSurveyOpen(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, open: boolean, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const c = await consultations.find(sql, municipalityId, consultationId, true);
    if (!c) throw new AppError('not_found');
    const survey = await surveyOf(sql, municipalityId, consultationId);
    if (!survey) throw new AppError('not_found');
    const owner = { module: SURVEY_OWNER, id: consultationId };
    if (open) {
      const phase = phaseOf(c);
      if (phase === 'closed' || phase === 'reported') throw new AppError('consultation.report_state');
      await openOwnedSurvey(sql, municipalityId, survey.id, owner, version, actor);
    } else await closeOwnedSurvey(sql, municipalityId, survey.id, owner, version, actor);
  });
}

/** The staff's survey page: the consultation, its survey and the survey's questions and counts (none until answered). */
export async function surveyPage(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string): Promise<{ consultation: ConsultationRow; results: SurveyResults | null }> {
  return deps.db.tx(ctx, async (sql) => {
    const c = await consultations.find(sql, municipalityId, consultationId);
    if (!c) throw new AppError('not_found');
    return { consultation: c, results: await surveyResultsOf(sql, municipalityId, consultationId) };
  });
}
