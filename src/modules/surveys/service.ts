import crypto from 'node:crypto';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Role } from '../../platform/auth/roles';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { warsawDay } from '../../platform/time';
import { answersToValues, isAnswerable, pagesOf, readPage, visibleQuestions, type Answers, type QuestionRow, type SectionRow, type SurveyRow } from './domain';
import type { QuestionInput, SurveyInput } from './form';
import { answers, respondents, responses, structure, surveys } from './repository';

export interface SurveysDeps {
  db: Database;
  /** The key of the "one response per account" markers (derived from APP_SECRET). */
  markerKey: Buffer;
}
export interface Viewer {
  userId: string | null;
  roles: readonly Role[];
}

export const draftHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const newDraftToken = () => crypto.randomBytes(32).toString('base64url');
const markerOf = (deps: SurveysDeps, userId: string, surveyId: string) => crypto.createHmac('sha256', deps.markerKey).update(`${userId}:${surveyId}`).digest('hex');

async function mustFind(sql: Sql, m: string, id: string, lock = false): Promise<SurveyRow> {
  const s = await surveys.find(sql, m, id, lock);
  if (!s) throw new AppError('not_found');
  return s;
}

export interface SurveyStructure {
  survey: SurveyRow;
  sections: SectionRow[];
  questions: QuestionRow[];
  responses: number;
}

export async function surveyStructure(sql: Sql, m: string, id: string, version?: number): Promise<SurveyStructure> {
  const survey = await mustFind(sql, m, id);
  const v = version ?? survey.current_version;
  return { survey, sections: await structure.sections(sql, m, id, v), questions: await structure.questions(sql, m, id, v), responses: await responses.submittedCount(sql, m, id) };
}

export const listSurveys = (deps: SurveysDeps, ctx: DbContext, m: string, openOnly: boolean) => deps.db.tx(ctx, (sql) => surveys.list(sql, m, openOnly ? 'open' : undefined));
export const structureOf = (deps: SurveysDeps, ctx: DbContext, m: string, id: string) => deps.db.tx(ctx, (sql) => surveyStructure(sql, m, id));

/** A new survey with its first section; `owner` when another module runs it (a consultation's short survey, a group's satisfaction survey). */
export async function createSurveyIn(sql: Sql, m: string, input: SurveyInput, actor: AuditActor | null, owner: { module: string; id: string } | null = null, sectionTitle = 'Część 1'): Promise<string> {
  const id = await surveys.insert(sql, m, input, owner);
  await structure.addSection(sql, m, id, 1, { title_pl: sectionTitle, title_en: '', show_if_question: null, show_if_choice: null });
  if (actor) await audit(sql, m, actor, { action: 'survey.created', subjectType: 'survey', subjectId: id });
  return id;
}
export const createSurvey = (deps: SurveysDeps, ctx: DbContext, m: string, input: SurveyInput, actor: AuditActor) => deps.db.tx(ctx, (sql) => createSurveyIn(sql, m, input, actor));

export async function updateSurvey(deps: SurveysDeps, ctx: DbContext, m: string, id: string, input: SurveyInput, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await mustFind(sql, m, id, true);
    expectUpdated(await surveys.update(sql, m, id, input, version));
    await audit(sql, m, actor, { action: 'survey.updated', subjectType: 'survey', subjectId: id });
  });
}

export async function setSurveyStatus(deps: SurveysDeps, ctx: DbContext, m: string, id: string, status: 'open' | 'closed', version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, (sql) => setSurveyStatusIn(sql, m, id, status, version, actor));
}

/** Opens or closes a survey in the caller's transaction (the surveys module's own route, or the module that owns the survey): a survey without questions never opens; a stale version is conflict.stale. */
export async function setSurveyStatusIn(sql: Sql, m: string, id: string, status: 'open' | 'closed', version: number, actor: AuditActor, owner?: { module: string; id: string }): Promise<void> {
  const s = await mustFind(sql, m, id, true);
  if (owner && (s.owner_module !== owner.module || s.owner_id !== owner.id)) throw new AppError('not_found');
  if (status === 'open' && (await structure.questions(sql, m, id, s.current_version)).length === 0) throw new AppError('survey.no_questions');
  expectUpdated(await surveys.setStatus(sql, m, id, status, version));
  await audit(sql, m, actor, { action: status === 'open' ? 'survey.opened' : 'survey.closed', subjectType: 'survey', subjectId: id, ...(owner && { details: { owner: owner.module } }) });
}

/**
 * A change of the questions: under the survey's lock and its version (stale → 409); when the current
 * version has answers, the questions are first copied to a new version, so the answers keep theirs.
 */
async function changeStructure<T>(deps: SurveysDeps, ctx: DbContext, m: string, id: string, version: number, actor: AuditActor, fn: (sql: Sql, v: number) => Promise<T>): Promise<T> {
  return deps.db.tx(ctx, async (sql) => {
    const s = await mustFind(sql, m, id, true);
    if (s.version !== version) throw new AppError('conflict.stale');
    let v = s.current_version;
    if (await responses.anyOfVersion(sql, m, id, v)) {
      await surveys.newVersion(sql, m, id, v);
      v += 1;
    }
    const result = await fn(sql, v);
    expectUpdated(await surveys.touch(sql, m, id, version));
    await audit(sql, m, actor, { action: 'survey.questions_changed', subjectType: 'survey', subjectId: id, details: { survey_version: v } });
    return result;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function sectionIdOf(sql: Sql, m: string, id: string, v: number, key: string): Promise<string> {
  // A section's key is a uuid: anything else names no section (a field error, not a query the database refuses).
  const section = UUID.test(key) ? await structure.sectionByKey(sql, m, id, v, key) : undefined;
  if (!section) throw validationError({ section: { code: 'invalid' } });
  return section.id;
}

export const addSection = (deps: SurveysDeps, ctx: DbContext, m: string, id: string, version: number, input: Parameters<typeof structure.addSection>[4], actor: AuditActor) =>
  changeStructure(deps, ctx, m, id, version, actor, (sql, v) => structure.addSection(sql, m, id, v, input));

export const addQuestion = (deps: SurveysDeps, ctx: DbContext, m: string, id: string, version: number, input: QuestionInput, actor: AuditActor) =>
  changeStructure(deps, ctx, m, id, version, actor, async (sql, v) => structure.addQuestion(sql, m, id, v, await sectionIdOf(sql, m, id, v, input.section_key), input));

async function questionOf(sql: Sql, m: string, id: string, v: number, key: string): Promise<QuestionRow> {
  const q = await structure.questionByKey(sql, m, id, v, key);
  if (!q) throw new AppError('not_found');
  return q;
}

export const updateQuestion = (deps: SurveysDeps, ctx: DbContext, m: string, id: string, key: string, version: number, input: QuestionInput, actor: AuditActor) =>
  changeStructure(deps, ctx, m, id, version, actor, async (sql, v) => {
    const q = await questionOf(sql, m, id, v, key);
    await structure.updateQuestion(sql, m, q.id, { ...input, section_id: await sectionIdOf(sql, m, id, v, input.section_key) });
  });

export const removeQuestion = (deps: SurveysDeps, ctx: DbContext, m: string, id: string, key: string, version: number, actor: AuditActor) =>
  changeStructure(deps, ctx, m, id, version, actor, async (sql, v) => structure.removeQuestion(sql, m, (await questionOf(sql, m, id, v, key)).id));

export const moveQuestion = (deps: SurveysDeps, ctx: DbContext, m: string, id: string, key: string, version: number, direction: -1 | 1, actor: AuditActor) =>
  changeStructure(deps, ctx, m, id, version, actor, async (sql, v) => structure.move(sql, m, id, v, (await questionOf(sql, m, id, v, key)).id, direction));

/** Whether this person is among those the survey asks: anyone with the link, residents with accounts, members of organisations. */
function assertAudience(s: SurveyRow, viewer: Viewer): void {
  if (s.audience === 'link') return;
  if (!viewer.userId) throw new AppError('auth.required');
  const role: Role = s.audience === 'residents' ? 'resident' : 'ngo_member';
  if (!viewer.roles.includes(role)) throw new AppError('survey.not_for_you');
}

/** What the survey's first page shows: the survey, whether this person may answer now and whether they have a draft. */
export async function surveyIntro(deps: SurveysDeps, ctx: DbContext, m: string, id: string, token: string | undefined) {
  return deps.db.tx(ctx, async (sql) => {
    const s = await mustFind(sql, m, id);
    if (s.status === 'draft') throw new AppError('not_found');
    const draft = token ? await responses.byDraft(sql, m, id, draftHash(token)) : undefined;
    return { survey: s, answerable: isAnswerable(s), hasDraft: Boolean(draft), questions: (await structure.questions(sql, m, id, s.current_version)).length };
  });
}

/**
 * Starts a response: a random draft token (for the respondent's cookie; only its hash is kept). Where the
 * survey needs an account, the account's marker is claimed first in a transaction of its own (ADR 0031).
 */
export async function startResponse(deps: SurveysDeps, ctx: DbContext, m: string, id: string, viewer: Viewer): Promise<string> {
  const token = newDraftToken();
  const start = (sql: Sql, s: SurveyRow) =>
    responses.start(sql, m, { surveyId: id, version: s.current_version, anonymous: s.anonymous, respondentId: viewer.userId, draftHash: draftHash(token), source: 'online', day: warsawDay() });
  const checked = (s: SurveyRow) => {
    if (!isAnswerable(s)) throw new AppError('survey.closed');
    assertAudience(s, viewer);
    return s;
  };
  // Anyone with the link: the survey read and the draft started in one transaction (one pool checkout).
  const s = await deps.db.tx(ctx, async (sql) => {
    const found = checked(await mustFind(sql, m, id));
    if (found.audience === 'link') await start(sql, found);
    return found;
  });
  if (s.audience === 'link') return token;
  if (viewer.userId) {
    const claimed = await deps.db.tx(ctx, (sql) => respondents.claim(sql, m, id, markerOf(deps, viewer.userId!, id)));
    if (!claimed) throw new AppError('survey.already_answered');
  }
  await deps.db.tx(ctx, (sql) => start(sql, s));
  return token;
}

export interface PageView {
  survey: SurveyRow;
  questions: QuestionRow[];
  /** 0-based; equal to `pages` on the last step (check and send). */
  index: number;
  pages: number;
  firstNumber: number;
  visibleCount: number;
  values: Record<string, string | string[]>;
  answered: { question: QuestionRow; items: ReturnType<Answers['get']> }[];
}

/** The respondent's draft and what answering it needs: one round trip (repository: draftWithStructure). */
async function loadDraft(sql: Sql, m: string, id: string, token: string | undefined) {
  if (!token) {
    await mustFind(sql, m, id);
    throw new AppError('survey.no_draft');
  }
  const { draft, survey: s, sections, questions, given } = await responses.draftWithStructure(sql, m, id, draftHash(token));
  if (!s) throw new AppError('not_found');
  if (!draft) throw new AppError('survey.no_draft');
  return { s, draft, sections, questions, given };
}

const bySectionThenPosition = (sections: SectionRow[]) => (a: QuestionRow, b: QuestionRow) => {
  const rank = (q: QuestionRow) => sections.find((x) => x.id === q.section_id)?.position ?? 0;
  return rank(a) - rank(b) || a.position - b.position;
};

function viewOf(s: SurveyRow, sections: SectionRow[], questions: QuestionRow[], given: Answers, page: number): PageView {
  const visible = visibleQuestions(sections, questions, given);
  // All on one page: every question is on it (a conditional one says when to answer it); the server drops what is hidden when sending.
  const pages = s.layout === 'all_on_one_page' ? pagesOf(s.layout, [...questions].sort(bySectionThenPosition(sections))) : pagesOf(s.layout, visible);
  const index = Math.max(0, Math.min(page, pages.length));
  const shown = pages[index] ?? [];
  const firstNumber = pages.slice(0, index).reduce((n, p) => n + p.length, 0) + 1;
  return {
    survey: s, questions: shown, index, pages: pages.length, firstNumber, visibleCount: s.layout === 'all_on_one_page' ? questions.length : visible.length, values: answersToValues(shown, given),
    answered: visible.map((q) => ({ question: q, items: given.get(q.id) ?? [] })),
  };
}

export async function currentPage(deps: SurveysDeps, ctx: DbContext, m: string, id: string, token: string | undefined): Promise<PageView> {
  return deps.db.tx(ctx, async (sql) => {
    const { s, draft, sections, questions, given } = await loadDraft(sql, m, id, token);
    return viewOf(s, sections, questions, given, draft.page);
  });
}

/** Saves the page's answers (going back: whatever is valid; going forward: all valid, required answered), then moves on. */
export async function savePage(deps: SurveysDeps, ctx: DbContext, m: string, id: string, token: string | undefined, body: Record<string, unknown>, go: 'next' | 'back'): Promise<PageView> {
  return deps.db.tx(ctx, async (sql) => {
    const { s, draft, sections, questions, given } = await loadDraft(sql, m, id, token);
    if (!isAnswerable(s)) throw new AppError('survey.closed');
    const before = viewOf(s, sections, questions, given, draft.page);
    const read = readPage(before.questions, body, go === 'next');
    // Going back keeps what an empty field had (nothing lost); going forward saves the page as it is.
    const kept: Answers = new Map([...read.answers].filter(([, items]) => go === 'next' || items.length > 0));
    const merged: Answers = new Map([...given, ...kept]);
    // A required question hidden by the answers just given (all on one page) needs no answer.
    const shown = new Set(visibleQuestions(sections, questions, merged).map((q) => q.id));
    const errors = Object.fromEntries(Object.entries(read.errors).filter(([name, e]) => e.code !== 'required' || shown.has(name.slice(2))));
    if (go === 'next' && Object.keys(errors).length > 0) throw validationError(errors);
    const page = Math.max(0, before.index + (go === 'next' ? 1 : -1));
    // The answers and the page go out together: one round trip for the page's writes.
    await Promise.all([answers.save(sql, m, s.id, draft.id, [...kept.keys()].map((qid) => before.questions.find((q) => q.id === qid)!), kept), responses.setPage(sql, m, draft.id, page)]);
    for (const [qid, items] of kept) given.set(qid, items);
    return viewOf(s, sections, questions, given, page);
  });
}

/** Sends the response: every shown required question answered (else back to the first one missing), answers to hidden questions dropped. */
export async function submitResponse(deps: SurveysDeps, ctx: DbContext, m: string, id: string, token: string | undefined): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const { s, draft, sections, questions, given } = await loadDraft(sql, m, id, token);
    if (!isAnswerable(s)) throw new AppError('survey.closed');
    const visible = visibleQuestions(sections, questions, given);
    const missing = visible.findIndex((q) => q.required && !(given.get(q.id)?.length));
    if (missing >= 0) {
      const pages = pagesOf(s.layout, visible);
      await responses.setPage(sql, m, draft.id, pages.findIndex((p) => p.includes(visible[missing]!)));
      throw new AppError('survey.incomplete');
    }
    await Promise.all([answers.keepOnly(sql, m, draft.id, visible.map((q) => q.id)), responses.submit(sql, m, draft.id, warsawDay())]);
  });
}

/** A paper questionnaire typed in by staff: every question on one form, types checked, nothing required (people skip on paper). */
export async function enterPaper(deps: SurveysDeps, ctx: DbContext, m: string, id: string, body: Record<string, unknown>, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const s = await mustFind(sql, m, id);
    if (s.status === 'draft') throw new AppError('survey.closed');
    const sections = await structure.sections(sql, m, id, s.current_version);
    const questions = await structure.questions(sql, m, id, s.current_version);
    const read = readPage(questions, body, false);
    if (Object.keys(read.errors).length > 0) throw validationError(read.errors);
    const visible = new Set(visibleQuestions(sections, questions, read.answers).map((q) => q.id));
    const kept: Answers = new Map([...read.answers].filter(([qid]) => visible.has(qid)));
    const responseId = await responses.start(sql, m, { surveyId: id, version: s.current_version, anonymous: s.anonymous, respondentId: null, draftHash: null, source: 'paper', day: warsawDay() });
    await answers.save(sql, m, id, responseId, questions.filter((q) => kept.has(q.id)), kept);
    await responses.submit(sql, m, responseId, warsawDay());
    await audit(sql, m, actor, { action: 'survey.paper_entered', subjectType: 'survey', subjectId: id });
  });
}
