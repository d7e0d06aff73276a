import type { AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { plans } from './repository';
import { notes, reviews } from './repository-records';
import { caseForChange, logChange, planForChange, type CarePlansDeps, type Where } from './service-common';

/**
 * Monitoring an approved plan: dated notes (appended, never edited, so they carry no version), a
 * review date done with a note (once: the first record stays); and closing the plan with the final
 * interview and a written summary of its course and results.
 */

async function approvedPlan(sql: Parameters<typeof caseForChange>[0], w: Where, planId: string) {
  await caseForChange(sql, w);
  const plan = await plans.find(sql, w.municipalityId, w.caseId, planId);
  if (!plan) throw new AppError('not_found');
  if (plan.status !== 'approved') throw new AppError('plan.wrong_status');
  return plan;
}

export async function addNote(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, input: { notedOn: string; body: string }, actor: AuditActor): Promise<number> {
  return deps.db.tx(ctx, async (sql) => {
    const plan = await approvedPlan(sql, w, planId);
    if (input.notedOn < plan.valid_from) throw validationError({ noted_on: { code: 'care_plan_day_before_start', params: { from: plan.valid_from, until: plan.valid_until } } });
    const id = await notes.add(sql, w.municipalityId, planId, input.notedOn, input.body, w.viewer.userId);
    await logChange(sql, w, actor, 'noted', planId, { note: id, notedOn: input.notedOn });
    return id;
  });
}

export async function markReviewDone(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, reviewId: string, note: string, actor: AuditActor): Promise<void> {
  return deps.db.tx(ctx, async (sql) => {
    await approvedPlan(sql, w, planId);
    const review = await reviews.find(sql, w.municipalityId, planId, reviewId);
    if (!review) throw validationError({ review_id: { code: 'invalid' } });
    if (review.done_at || !(await reviews.markDone(sql, w.municipalityId, planId, reviewId, note, w.viewer.userId))) {
      throw validationError({ review_note: { code: 'care_plan_review_done_already' } });
    }
    await logChange(sql, w, actor, 'reviewed', planId, { review: reviewId });
  });
}

/** Closing needs the final interview's day (from the plan's start to today) and a summary; a pending revision is decided first. */
export async function closePlan(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, input: { version: number; interviewOn: string; summary: string }, actor: AuditActor): Promise<void> {
  return deps.db.tx(ctx, async (sql) => {
    await caseForChange(sql, w);
    const plan = await planForChange(sql, w, planId, input.version, ['approved']);
    if (input.interviewOn < plan.valid_from) throw validationError({ final_interview_on: { code: 'care_plan_day_before_start', params: { from: plan.valid_from, until: plan.valid_until } } });
    if (await plans.hasOpenDraft(sql, w.municipalityId, w.caseId)) throw validationError({ final_summary: { code: 'care_plan_revision_pending' } });
    expectUpdated(await plans.close(sql, w.municipalityId, planId, input.version, { interviewOn: input.interviewOn, summary: input.summary, by: w.viewer.userId }));
    await logChange(sql, w, actor, 'closed', planId, { interviewOn: input.interviewOn });
  });
}
