import { rolesWith, type Role } from '../../platform/auth/roles';
import { daysUntil, warsawDay } from '../../platform/time';
import type { CaseAccess } from './access';

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The tabs of the case list: my cases, my teams' cases, every case (directors). */
export const SCOPES = ['mine', 'team', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const PAGE_SIZE = 50;
/** A "break the glass" grant opens a case for this long. */
export const GLASS_HOURS = 8;
export const GLASS_REASON_MIN = 10;
export const DEFAULT_RETENTION_MONTHS = 120;
/** An individual plan is due this many days after the application (the act on CUS). */
export const PLAN_DUE_DAYS = 30;
/** The list's "plan due soon" filter: due within this many days, or overdue. */
export const DUE_SOON_DAYS = 7;

/** The roles whose holders may coordinate a case (those with `cases.manage`). */
export const caseStaffRoles = (): Role[] => rolesWith('cases.manage');

export interface CaseRow {
  id: string;
  number: string;
  opened_from: string;
  resident_user_id: string | null;
  person_name: string;
  birth_year: number | null;
  representative_name: string;
  contact_phone: string;
  contact_email: string;
  coordinator_id: string;
  coordinator_name: string;
  team_id: string | null;
  team_name: string | null;
  needs_plan: boolean;
  plan_due_on: string | null;
  /** An individual plan of the case was approved (the 30-day deadline is met). */
  plan_approved: boolean;
  status: CaseStatus;
  opened_at: Date;
  closed_at: Date | null;
  closing_note: string;
  anonymised_at: Date | null;
  version: number;
}

export interface CaseListRow {
  id: string;
  number: string;
  person_name: string;
  birth_year: number | null;
  coordinator_name: string;
  team_name: string | null;
  status: CaseStatus;
  needs_plan: boolean;
  plan_due_on: string | null;
  plan_approved: boolean;
  opened_at: Date;
}

export interface CaseApplication {
  id: string;
  service_name: string;
  status: string;
  submitted_at: Date;
}

/** "CUS/2026/000123": the centre's number of a case, per municipality and year. */
export const caseNumber = (year: number, n: number) => `CUS/${year}/${String(n).padStart(6, '0')}`;

export type Deadline = { kind: 'none' } | { kind: 'met' } | { kind: 'left'; days: number } | { kind: 'overdue'; days: number };

/** Where the case's plan deadline stands today (Warsaw): not needed, met (a plan approved), days left, or overdue. */
export function planDeadline(c: Pick<CaseListRow, 'needs_plan' | 'plan_due_on' | 'plan_approved' | 'status'>, today = warsawDay()): Deadline {
  if (!c.needs_plan || !c.plan_due_on) return { kind: 'none' };
  if (c.plan_approved) return { kind: 'met' };
  const days = daysUntil(c.plan_due_on, today);
  return days < 0 ? { kind: 'overdue', days: -days } : { kind: 'left', days };
}

/** The first year of the decade: what anonymisation keeps of a year of birth. */
export const decadeOf = (year: number) => year - (year % 10);

export const canSeeAll = (access: { permissions: ReadonlySet<string> }) => access.permissions.has('plans.approve');

export type { CaseAccess };
