import { addDays, endOfWarsawDay, warsawDay } from '../../platform/time';
import type { CostLine, PhaseRow, PoolRow } from './domain';

/** Proposals, support and verification (ADR 0034): statuses and the pure rules of who may do what when. */

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'on_ballot', 'rejected', 'appealed', 'appeal_dismissed'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const CHECKS = ['formal', 'legal', 'cost', 'feasibility'] as const;
export type CheckName = (typeof CHECKS)[number];

export interface ProposalRow {
  id: string;
  edition_id: string;
  pool_id: string;
  author_id: string;
  title: string;
  description: string;
  place: string;
  cost: number;
  status: ProposalStatus;
  submitted_at: Date | null;
  project_id: string | null;
  version: number;
  supporters: number;
}

export interface VerificationRow {
  proposal_id: string;
  formal_ok: boolean | null;
  formal_reason: string;
  legal_ok: boolean | null;
  legal_reason: string;
  cost_ok: boolean | null;
  cost_reason: string;
  feasibility_ok: boolean | null;
  feasibility_reason: string;
  verified_by: string;
  status: 'draft' | 'published';
  verdict: 'positive' | 'negative' | null;
  published_at: Date | null;
  appeal_until: Date | null;
  appeal_text: string | null;
  appealed_at: Date | null;
  appeal_decision: 'upheld' | 'dismissed' | null;
  appeal_reason: string | null;
  appeal_decided_by: string | null;
  appeal_decided_at: Date | null;
  version: number;
}

export interface ProposalInput {
  pool_id: string;
  title: string;
  description: string;
  place: string;
  lines: CostLine[];
}

export const costOf = (lines: readonly CostLine[]) => lines.reduce((s, l) => s + l.amount, 0);

/** Whether `now` falls in the phase's period (start included, end excluded: refused from the end's very second). */
export function phaseOpen(phases: readonly PhaseRow[], phase: PhaseRow['phase'], now = new Date()): boolean {
  const p = phases.find((x) => x.phase === phase);
  return Boolean(p && p.starts_at <= now && now < p.ends_at);
}

/** Support is signed in the support phase; an edition without one collects it while proposals are submitted. */
export function supportOpen(phases: readonly PhaseRow[], now = new Date()): boolean {
  return phases.some((p) => p.phase === 'support') ? phaseOpen(phases, 'support', now) : phaseOpen(phases, 'proposals', now);
}

/** Projects join the ballot only before voting starts: nobody votes on a card that changes under them. */
export function ballotFrozen(phases: readonly PhaseRow[], now = new Date()): boolean {
  const v = phases.find((p) => p.phase === 'voting');
  return Boolean(v && v.starts_at <= now);
}

/** Signatures a proposal of the pool needs: the pool's own threshold, else 0.1 % of its residents (the act's maximum). */
export function supportThreshold(pool: Pick<PoolRow, 'residents'> & { support_threshold: number | null }): number {
  if (pool.support_threshold !== null) return pool.support_threshold;
  return pool.residents ? Math.floor(pool.residents / 1000) : 0;
}

/** The verdict of a complete verification: positive when every check passes. Null while a check is not done. */
export function verdictOf(v: Pick<VerificationRow, 'formal_ok' | 'legal_ok' | 'cost_ok' | 'feasibility_ok'>): 'positive' | 'negative' | null {
  const results = [v.formal_ok, v.legal_ok, v.cost_ok, v.feasibility_ok];
  if (results.some((r) => r === null)) return null;
  return results.every(Boolean) ? 'positive' : 'negative';
}

/** The appeal's deadline: the end (Warsaw) of the `days`-th day after the verdict's publication. */
export const appealDeadline = (publishedAt: Date, days: number): Date => endOfWarsawDay(addDays(warsawDay(publishedAt), days));
