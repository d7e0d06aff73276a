import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Sql } from '../../platform/db/types';
import type { AppModule, ModuleContext } from '../../platform/module';
import { analyseIn, crossTable, type CrossTable, type SurveyAnalysis } from './analysis';
import { analysis } from './repository-analysis';
import type { QuestionInput, SurveyInput } from './form';
import { surveysErrors } from './errors';
import { surveysMessages } from './messages';
import { surveysPermissions } from './permissions';
import { responsesOfPerson } from './personal-data';
import { structure, surveys, responses } from './repository';
import { answerRoutes } from './routes-answer';
import { staffRoutes } from './routes-staff';
import type { AuditActor } from '../../platform/audit/audit';
import { createSurveyIn, setSurveyStatusIn, type SurveysDeps } from './service';
import { surveyStartCards } from './start-cards';

const depsOf = (ctx: ModuleContext): SurveysDeps => ({ db: ctx.db, markerKey: crypto.createHmac('sha256', ctx.linkKey).update('survey-respondents').digest() });

/**
 * Surveys (issue 19, ADR 0031): built by staff with plain forms, answered one question per page (or all on
 * one page) without JavaScript, saved as the respondent goes; anonymous ones keep no link to the account;
 * the analysis suppresses every count under the survey's minimum. Other modules run their own surveys
 * through the read model below.
 */
export const surveysModule: AppModule = {
  name: 'surveys',
  permissions: surveysPermissions,
  errors: surveysErrors,
  messages: surveysMessages,
  personalData: responsesOfPerson,
  startCards: surveyStartCards,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    const deps = depsOf(ctx);
    await staffRoutes(app, deps);
    await answerRoutes(app, ctx, deps);
  },
  navigation: [
    { href: '/ankiety', label: 'nav.surveys', group: 'public' },
    { href: '/ankiety/zarzadzanie', label: 'nav.surveys_manage', permission: 'surveys.manage', group: 'work' },
  ],
};

/** A survey another module runs (a consultation's short survey, a group's satisfaction survey): what it shows of it. */
export interface OwnedSurvey {
  id: string;
  title: string;
  status: 'draft' | 'open' | 'closed';
  /** The survey row's version: opening or closing it through its owner names the version seen (stale → 409). */
  version: number;
  responses: number;
  /** Within the municipality: the respondents' page and the staff's builder and analysis. */
  href: string;
  builderHref: string;
  analysisHref: string;
}

/** Creates a survey owned by another module, in the caller's transaction (its first section included); its questions are added with `addOwnedQuestion` or in the builder. */
export const createOwnedSurvey = (sql: Sql, municipalityId: string, input: SurveyInput, owner: { module: string; id: string }): Promise<string> => createSurveyIn(sql, municipalityId, input, null, owner);

/** Adds a question to an owned survey's first section (before it has answers). */
export async function addOwnedQuestion(sql: Sql, municipalityId: string, surveyId: string, input: Omit<QuestionInput, 'section_key'>): Promise<string> {
  const s = await surveys.find(sql, municipalityId, surveyId);
  if (!s) throw new Error(`survey ${surveyId} not found`);
  const [section] = await structure.sections(sql, municipalityId, surveyId, s.current_version);
  return structure.addQuestion(sql, municipalityId, surveyId, s.current_version, section!.id, { ...input, section_key: section!.key });
}

/**
 * Opens an owned survey, in the owner's transaction: the owning module has checked its own permission (a
 * consultation's staff open its short survey without surveys.manage). The survey must be owned by `owner`
 * (else not_found); one without questions never opens (survey.no_questions); a stale version is conflict.stale.
 */
export const openOwnedSurvey = (sql: Sql, municipalityId: string, surveyId: string, owner: { module: string; id: string }, version: number, actor: AuditActor): Promise<void> =>
  setSurveyStatusIn(sql, municipalityId, surveyId, 'open', version, actor, owner);

/** Closes an owned survey (no more answers), as `openOwnedSurvey` opens it. */
export const closeOwnedSurvey = (sql: Sql, municipalityId: string, surveyId: string, owner: { module: string; id: string }, version: number, actor: AuditActor): Promise<void> =>
  setSurveyStatusIn(sql, municipalityId, surveyId, 'closed', version, actor, owner);

/** The surveys a module owns for one of its records, with links (relative to /:m). */
export async function surveysOwnedBy(sql: Sql, municipalityId: string, module: string, ownerId: string): Promise<OwnedSurvey[]> {
  const list = await surveys.ownedBy(sql, municipalityId, module, ownerId);
  return Promise.all(
    list.map(async (s) => ({
      id: s.id, title: s.title_pl, status: s.status, version: s.version, responses: await responses.submittedCount(sql, municipalityId, s.id),
      href: `/ankiety/${s.id}`, builderHref: `/ankiety/${s.id}/pytania`, analysisHref: `/ankiety/${s.id}/analiza`,
    })),
  );
}

/** A survey's analysis (frequencies, numbers, trends; counts under the minimum suppressed) in the caller's transaction. */
export const surveyAnalysisOf = (sql: Sql, municipalityId: string, surveyId: string, locale = 'pl'): Promise<SurveyAnalysis> => analyseIn(sql, municipalityId, surveyId, locale);

/** The cross-tabulation of two choice questions (by key), suppressed as on the page: one aggregate in the repository. */
export async function surveyCrossTab(sql: Sql, municipalityId: string, surveyId: string, keyA: string, keyB: string, locale = 'pl'): Promise<CrossTable> {
  const s = await surveys.find(sql, municipalityId, surveyId);
  if (!s) throw new Error(`survey ${surveyId} not found`);
  const questions = await structure.questions(sql, municipalityId, surveyId, s.current_version);
  const [a, b] = [keyA, keyB].map((k) => questions.find((q) => q.key === k));
  if (!a || !b) throw new Error('no such questions');
  return crossTable(a, b, await analysis.crossTab(sql, municipalityId, surveyId, keyA, keyB), s.min_cell, locale);
}

export { CROSS_TAB_SQL } from './repository-analysis';
export { seedGeneratedAnswers as seedOwnedSurveyAnswers, seedSurveyFixtures, ZYRARDOW_NEEDS_SURVEY } from './fixtures';
export type { CrossTable, SurveyAnalysis } from './analysis';
export type { QuestionInput, SurveyInput } from './form';
