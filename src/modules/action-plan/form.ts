import { z } from 'zod';
import { choice, isCalendarDay, parseFields } from '../../platform/http/form-fields';
import { requiredText, text } from '../../platform/http/validation';
import type { FormState } from '../../platform/ui/context';
import { PLAN_STATUSES, type PlanStatus } from './domain';
import type { GoalRow, PlanRow } from './repository';

/** Parsers of the plan's and its goals' forms; actions are in form-action.ts. */

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined ? '' : v);

/** A required calendar day, YYYY-MM-DD (what a date input sends). */
export const day = () =>
  z.preprocess(trimmed, z.string().max(10)).transform((v, ctx) => {
    if (v === '' || !isCalendarDay(v)) {
      ctx.addIssue({ code: 'custom', params: { code: v === '' ? 'required' : 'date' } });
      return z.NEVER;
    }
    return v;
  });

export const title = () => requiredText(300).pipe(z.string().min(3));

export interface PlanInput {
  title: string;
  area: string;
  period_from: string;
  period_to: string;
  main_goal: string;
  diagnosis: string;
  status: PlanStatus;
}

export const PLAN_FIELDS = ['title', 'area', 'period_from', 'period_to', 'main_goal', 'diagnosis', 'status'] as const satisfies readonly (keyof PlanInput)[];

const planFields = {
  title: title(),
  area: requiredText(200),
  period_from: day(),
  period_to: day(),
  main_goal: text(2000),
  diagnosis: text(10000),
  status: choice(PLAN_STATUSES),
};

/** Parses the plan's form, or throws `validation.failed` with an error for each field to fix. */
export function parsePlanForm(body: unknown): PlanInput {
  return parseFields(planFields, body, (v, fail) => {
    if (v.period_from && v.period_to && v.period_to < v.period_from) fail('period_to', 'action_plan_period_order');
  });
}

export const planToValues = (p: PlanRow): FormState['values'] => ({
  title: p.title,
  area: p.area,
  period_from: p.period_from,
  period_to: p.period_to,
  main_goal: p.main_goal,
  diagnosis: p.diagnosis,
  status: p.status,
  version: String(p.version),
});

export interface GoalInput {
  title: string;
  description: string;
}

export const GOAL_FIELDS = ['title', 'description'] as const satisfies readonly (keyof GoalInput)[];

export const parseGoalForm = (body: unknown): GoalInput => parseFields({ title: title(), description: text(3000) }, body);

export const goalToValues = (g: GoalRow): FormState['values'] => ({ title: g.title, description: g.description, version: String(g.version) });

