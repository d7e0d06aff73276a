/**
 * Referrals with a closed loop (issue 6): statuses and who moves them, the permitted bases for
 * sending without the resident's consent, time to accept and lateness.
 */

import { daysBetween } from '../../platform/time';

export const STATUSES = ['sent', 'accepted', 'rejected', 'in_progress', 'completed', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export type ProviderKind = 'unit' | 'organisation';
export interface ProviderRef {
  kind: ProviderKind;
  id: string;
}

/** Sending without a live consent is permitted only on one of these grounds, with a written reason. */
export const OVERRIDE_BASES = ['vital_interest', 'legal_obligation', 'court_order'] as const;
export type OverrideBasis = (typeof OVERRIDE_BASES)[number];
export const OVERRIDE_REASON_MIN = 10;

/**
 * A consent the resident withdrew is recorded again by staff only with the resident's new statement:
 * what they agreed to (at least this many characters), on which day, and how it was given in person.
 */
export const CONSENT_MANNERS = ['at_centre', 'home_visit', 'signed_form'] as const;
export type ConsentManner = (typeof CONSENT_MANNERS)[number];
export const CONSENT_STATEMENT_MIN = 20;

/** What the provider does from its inbox, and what the centre does from the case. */
export const PROVIDER_ACTIONS = ['accept', 'reject', 'start', 'complete'] as const;
export type ProviderAction = (typeof PROVIDER_ACTIONS)[number];
export type Action = ProviderAction | 'cancel';

interface Transition {
  from: readonly Status[];
  to: Status;
  /** The text the change must carry: a reason (reject, cancel) or the outcome (complete). */
  needs: 'reason' | 'outcome' | null;
}

export const TRANSITIONS: Record<Action, Transition> = {
  accept: { from: ['sent'], to: 'accepted', needs: null },
  reject: { from: ['sent'], to: 'rejected', needs: 'reason' },
  start: { from: ['accepted'], to: 'in_progress', needs: null },
  complete: { from: ['in_progress'], to: 'completed', needs: 'outcome' },
  cancel: { from: ['sent', 'accepted', 'in_progress'], to: 'cancelled', needs: 'reason' },
};

/** A referral the provider is working on: deliveries may be recorded. */
export const isActive = (s: Status) => s === 'accepted' || s === 'in_progress';
export const isOpen = (s: Status) => s === 'sent' || isActive(s);

/** Which actions the provider may take now (the page offers only these). */
export const providerActionsFor = (s: Status): ProviderAction[] => PROVIDER_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(s));

/** Time from sending to acceptance: whole hours under two days, else whole days. */
export function timeToAccept(sentAt: Date | string, acceptedAt: Date | string | null): { unit: 'hours' | 'days'; count: number } | null {
  if (!acceptedAt) return null;
  const hours = Math.max(0, (new Date(acceptedAt).getTime() - new Date(sentAt).getTime()) / 3_600_000);
  return hours < 48 ? { unit: 'hours', count: Math.floor(hours) } : { unit: 'days', count: Math.floor(hours / 24) };
}

/** Days a sent referral is past its answer-by day (0: not overdue). `today` is the Warsaw calendar day. */
export function daysOverdue(status: Status, respondBy: string, today: string): number {
  if (status !== 'sent' || respondBy >= today) return 0;
  return daysBetween(respondBy, today);
}
