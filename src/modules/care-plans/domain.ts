import type { CaseAccess } from '../cases';
import type { Permission } from '../../platform/auth/roles';
import { addMonths, daysUntil } from '../../platform/time';

/**
 * Individual social services plans (IPUS): statuses, the parts of a plan, deadlines and who may do what.
 * The law (ustawa o realizowaniu usług społecznych przez CUS): drawn up within 30 days of the
 * application, valid at most a year, approved by the director or an authorised organiser (never
 * its author), monitored, reviewed into a new revision, closed with a final interview and a summary.
 */

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'superseded', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The ordered parts of a plan edited item by item; review dates are ordered by their day. */
export const ITEM_KINDS = ['goals', 'services', 'commitments', 'reviews'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const PROVIDER_KINDS = ['unit', 'organisation', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const MOVES = ['up', 'down'] as const;
export type Move = (typeof MOVES)[number];

/** Warnings go out this many days before the plan's 30-day deadline, and before a plan's expiry. */
export const DUE_WARNING_DAYS = 7;
export const EXPIRY_WARNING_DAYS = 30;
/** A closing summary says something: at least this many characters. */
export const SUMMARY_MIN = 20;

export interface CaseRow {
  id: string;
  number: string;
  person_name: string;
  birth_year: number | null;
  coordinator_id: string;
  coordinator_name: string;
  team_id: string | null;
  needs_plan: boolean;
  plan_due_on: string | null;
  status: 'open' | 'closed';
  resident_user_id: string | null;
}

export interface PlanRow {
  id: string;
  case_id: string;
  revision: number;
  status: PlanStatus;
  situation: string;
  valid_from: string;
  valid_until: string;
  author_id: string;
  author_name: string;
  /** Everyone who changed the plan's content (its author first among them): none of them approves it. */
  edited_by: string[];
  editor_names: string[];
  submitted_at: Date | null;
  returned_note: string;
  approved_by: string | null;
  approver_name: string | null;
  approved_at: Date | null;
  final_interview_on: string | null;
  final_summary: string;
  closed_at: Date | null;
  closer_name: string | null;
  version: number;
  updated_at: Date;
}

export interface GoalRow { id: string; position: number; description: string; measure: string }
export interface ServiceRow {
  id: string;
  position: number;
  service_id: string | null;
  service_name: string | null;
  description: string;
  frequency: string;
  provider_kind: ProviderKind;
  provider_unit_id: string | null;
  provider_organisation_id: string | null;
  provider_name: string;
  /** The provider as shown: the unit's or organisation's name, or the name written. */
  provider_label: string;
}
export interface CommitmentRow { id: string; position: number; description: string; due_on: string | null }
export interface ReviewRow { id: string; review_on: string; done_at: Date | null; done_by_name: string | null; note: string }
export interface NoteRow { id: number; noted_on: string; body: string; author_name: string | null; created_at: Date }

export interface PlanContents {
  goals: GoalRow[];
  services: ServiceRow[];
  commitments: CommitmentRow[];
  reviews: ReviewRow[];
  notes: NoteRow[];
}

/** The same day a year later (29 February → 28 February): the latest a plan may run to. */
export const oneYearAfter = (day: string): string => addMonths(day, 12);

/** A deadline seen from today: days left (negative when past). */
export interface Deadline { day: string; days: number; overdue: boolean }
export const deadline = (day: string, today: string): Deadline => {
  const days = daysUntil(day, today);
  return { day, days, overdue: days < 0 };
};

/** Drafting, monitoring, revising and closing: the case's coordinator, or the supervisor of the case's team standing in. */
export const mayEdit = (access: CaseAccess): boolean => access === 'coordinator' || access === 'supervisor';

/** Approving: a director (plans.approve) or the supervisor of the case's team — the "authorised organiser". */
export const mayApprove = (access: CaseAccess, permissions: ReadonlySet<Permission>): boolean => permissions.has('plans.approve') || access === 'supervisor';

/**
 * Four eyes: whoever wrote any of the plan's content — its author, or anyone who since changed it — never
 * approves it (a CHECK on care_plans.edited_by, kept by triggers, is the net).
 */
export const wroteContent = (plan: Pick<PlanRow, 'author_id' | 'edited_by'>, userId: string): boolean => plan.author_id === userId || plan.edited_by.includes(userId);
