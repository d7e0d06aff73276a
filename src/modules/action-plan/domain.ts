/** A plan is prepared as a draft, adopted (then public), and closed when its period's work is done. */
export const PLAN_STATUSES = ['draft', 'adopted', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Plans residents may read: adopted ones and closed ones (what was planned and done). */
export const PUBLIC_PLAN_STATUSES: readonly PlanStatus[] = ['adopted', 'closed'];
export const isPublicPlan = (status: PlanStatus) => PUBLIC_PLAN_STATUSES.includes(status);

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Actions no longer waiting for anything: never overdue. */
const FINISHED: readonly ActionStatus[] = ['done', 'dropped'];

/** An action is overdue when its due day has passed (on the Warsaw calendar) and it is neither done nor dropped. */
export const isOverdue = (a: { due_on: string; status: ActionStatus }, today: string) => a.due_on < today && !FINISHED.includes(a.status);

export { warsawDay as warsawToday } from '../../platform/time';

/** Progress of a goal: done actions of those not dropped ("2 z 5 zrealizowanych"). */
export function progressOf(actions: readonly { status: ActionStatus }[]): { done: number; total: number } {
  const counted = actions.filter((a) => a.status !== 'dropped');
  return { done: counted.filter((a) => a.status === 'done').length, total: counted.length };
}

export const MOVES = ['up', 'down'] as const;
export type Move = (typeof MOVES)[number];
