/**
 * The dashboards' numbers: counts, medians and rates over applications, cases, plans and referrals —
 * never a person. Nothing here names a resident, so reading them writes no audit entry.
 */

/** The period the referral figures cover, in days (the queues and plans are as of today). */
export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 90;

/** `?period=30|90|365`; anything else (missing, repeated, a word) is the default. */
export function parsePeriod(query: unknown): Period {
  const raw = Number((query as { period?: unknown } | undefined)?.period);
  return (PERIODS as readonly number[]).includes(raw) ? (raw as Period) : DEFAULT_PERIOD;
}

/** Weeks of accepted applications the median time to acceptance covers (as the queue's estimate, ADR 0013). */
export const ACCEPTANCE_WEEKS = 12;
/** A case's plan is "due soon" this many days before its 30-day deadline; an approved plan "expiring" this many before its end. */
export const PLAN_DUE_DAYS = 7;
export const PLAN_EXPIRY_DAYS = 30;

export interface QueueRow {
  /** null: the total over every service. */
  service_id: string | null;
  service_name: string | null;
  waiting: number;
  on_hold: number;
  /** Days waited so far by those waiting: median and longest (null: nobody waiting). */
  median_wait_days: number | null;
  longest_wait_days: number | null;
  /** Applications accepted in the last ACCEPTANCE_WEEKS weeks and the median days from submission to acceptance. */
  accepted: number;
  median_accept_days: number | null;
}

export interface PlanRow {
  /** null with `total`: every team; null without: cases of no team. */
  team_id: string | null;
  team_name: string | null;
  total: boolean;
  /** Cases needing a plan, none approved yet, whose deadline falls within PLAN_DUE_DAYS / has passed. */
  due_soon: number;
  due_passed: number;
  /** Approved plans whose validity ends within PLAN_EXPIRY_DAYS / has ended. */
  expiring: number;
  expired: number;
}

export const REFERRAL_STATUSES = ['sent', 'accepted', 'rejected', 'in_progress', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface ProviderRow {
  /** null: the total over every provider. */
  provider_kind: 'unit' | 'organisation' | null;
  provider_id: string | null;
  provider_name: string | null;
  sent: number;
  /** Accepted, whatever happened after (in progress, completed, even cancelled later). */
  accepted: number;
  rejected: number;
  /** Accepted or rejected: the provider answered. */
  answered: number;
  completed: number;
  /** Completed, cancelled or rejected: the loop is closed. */
  closed: number;
  median_accept_hours: number | null;
  p90_accept_hours: number | null;
  /** Still "sent" after the day the provider should have answered by. */
  overdue: number;
}

/** A share, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
export const acceptanceRate = (r: ProviderRow) => rate(r.accepted, r.answered);
export const completionRate = (r: ProviderRow) => rate(r.completed, r.closed);
