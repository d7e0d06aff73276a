import type { Criterion } from '../catalog';

/** Whom the application is for, seen from the applicant. */
export const RELATIONS = ['self', 'child', 'parent', 'ward', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** How the application reached the centre: online by the resident, or registered by staff. */
export const CHANNELS = ['online', 'in_person', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = ['waiting', 'accepted', 'declined', 'on_hold', 'forwarded', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** In the queue (holding a place): waiting, or on hold — a paused application keeps its place. */
export const IN_QUEUE: readonly Status[] = ['waiting', 'on_hold'];
export const isInQueue = (s: Status) => IN_QUEUE.includes(s);

/** What staff may decide about an application in the queue; `resume` takes one on hold back to waiting. */
export const DECISIONS = ['accept', 'decline', 'hold', 'resume', 'forward'] as const;
export type DecisionKind = (typeof DECISIONS)[number];
export const DECISION_STATUS: Record<DecisionKind, Status> = { accept: 'accepted', decline: 'declined', hold: 'on_hold', resume: 'waiting', forward: 'forwarded' };

export const PURPOSES = ['cus_processing', 'provider_sharing', 'forwarding'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** How many applications one applicant may have in one service's queue at a time (invented beneficiaries flood a queue). */
export const MAX_OPEN_PER_APPLICANT = 3;

/** The weeks of accepted applications an estimate of the wait is based on. */
export const ESTIMATE_WEEKS = 12;

export interface ApplicationRow {
  id: string;
  service_id: string;
  service_name: string;
  service_status: string;
  provider_name: string;
  criteria: Criterion[];
  applicant_id: string | null;
  applicant_name: string;
  beneficiary_name: string;
  beneficiary_birth_year: number | null;
  relation: Relation;
  contact_phone: string;
  contact_email: string;
  need: string;
  channel: Channel;
  registered_by: string | null;
  registered_by_name: string | null;
  status: Status;
  status_reason: string;
  forwarded_to: string | null;
  forwarded_to_name: string | null;
  queue_position: number | null;
  submitted_at: Date;
  decided_at: Date | null;
  version: number;
  /** The case the application belongs to (cases module), once one is opened or joined. */
  case_id: string | null;
}

/** A warning for staff: the service's criteria the beneficiary's age may not meet (never a refusal). */
export interface Warning {
  code: 'age_below' | 'age_above';
  params: { min?: number; max?: number; age: number };
}

/** Whether the service's criteria name an age: then the year of birth is asked also of one applying for themselves. */
export const needsAge = (criteria: readonly Criterion[]) => criteria.some((c) => c.type === 'age' && (c.min !== undefined || c.max !== undefined));

/**
 * The beneficiary's age against the service's age range. Only the year of birth is known, so the
 * age this year is `year − birth` or one less; a warning only when neither meets the range. Without a
 * year (one applying for themselves to a service without an age range) there is nothing to compare.
 */
export function ageWarnings(criteria: readonly Criterion[], birthYear: number | null, now = new Date()): Warning[] {
  if (birthYear === null) return [];
  const oldest = now.getUTCFullYear() - birthYear;
  const youngest = oldest - 1;
  const out: Warning[] = [];
  for (const c of criteria) {
    if (c.type !== 'age') continue;
    if (c.min !== undefined && oldest < c.min) out.push({ code: 'age_below', params: { min: c.min, max: c.max, age: oldest } });
    else if (c.max !== undefined && youngest > c.max) out.push({ code: 'age_above', params: { min: c.min, max: c.max, age: youngest } });
  }
  return out;
}

/**
 * "At the present pace about N weeks": the applications accepted in the last ESTIMATE_WEEKS weeks
 * set the pace; without any there is no honest estimate (null).
 */
export function estimateWeeks(position: number, acceptedRecently: number): number | null {
  if (acceptedRecently <= 0) return null;
  return Math.max(1, Math.ceil(position / (acceptedRecently / ESTIMATE_WEEKS)));
}
