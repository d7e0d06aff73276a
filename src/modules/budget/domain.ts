import crypto from 'node:crypto';
import type { Ballot, BallotKind, RuleName, RuleOptions, TieBreak } from './rules';

/** The participatory budget's rows and pure rules (ADR 0030). Amounts are whole złoty (pabulib's units). */

export const PHASES = ['proposals', 'support', 'verification', 'appeals', 'voting', 'results', 'implementation'] as const;
export type Phase = (typeof PHASES)[number];
export const RULES: readonly RuleName[] = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equal-shares'];
export const BALLOT_KINDS: readonly BallotKind[] = ['approval', 'choose-one', 'cumulative', 'ordinal'];
export type PoolKind = 'district' | 'city';
export type Channel = 'online' | 'paper' | 'imported';

export interface EditionRow {
  id: string;
  name: string;
  year: number;
  status: 'draft' | 'published' | 'archived';
  source: 'app' | 'pabulib';
  ballot_kind: BallotKind;
  max_projects: number | null;
  min_projects: number | null;
  max_points: number | null;
  rank_points: number[] | null;
  rule: RuleName;
  tie_break: string[];
  min_score: number | null;
  age_limit: number | null;
  change_allowed: boolean;
  currency: string;
  pabulib_meta: Record<string, string> | null;
}

export interface PhaseRow {
  phase: Phase;
  starts_at: Date;
  ends_at: Date;
}

export interface PoolRow {
  id: string;
  edition_id: string;
  kind: PoolKind;
  name: string;
  budget: number;
  residents: number | null;
}

export interface ProjectRow {
  id: string;
  edition_id: string;
  pool_id: string;
  external_id: string | null;
  title: string;
  description: string;
  place: string;
  cost: number;
  status: 'submitted' | 'rejected' | 'on_ballot';
  pabulib_fields: Record<string, string> | null;
}

export interface CostLine {
  item: string;
  amount: number;
}

/** The ballot the edition's resolution sets. */
export function ballotOf(e: EditionRow): Ballot {
  const b: Ballot = { kind: e.ballot_kind };
  if (e.max_projects !== null) b.maxProjects = e.max_projects;
  if (e.min_projects !== null) b.minProjects = e.min_projects;
  if (e.max_points !== null) b.maxPoints = e.max_points;
  if (e.rank_points?.length) b.rankPoints = e.rank_points;
  return b;
}

/** Tie-breaks stored as text: 'lower-cost', 'more-votes', 'lot:<seed>'. */
export function tieBreakToText(t: TieBreak): string {
  return typeof t === 'string' ? t : `lot:${t.lot}`;
}
export function tieBreakFromText(s: string): TieBreak | null {
  if (s === 'lower-cost' || s === 'more-votes') return s;
  const lot = /^lot:(-?\d+)$/.exec(s);
  return lot ? { lot: Number(lot[1]) } : null;
}

export function optionsOf(e: EditionRow): RuleOptions {
  const options: RuleOptions = {};
  const tieBreak = e.tie_break.map(tieBreakFromText).filter((t): t is TieBreak => t !== null);
  if (tieBreak.length) options.tieBreak = tieBreak;
  if (e.min_score !== null) options.minScore = e.min_score;
  // A file's plain "equalshares" is MES without completion; "equalshares/add1" (and ours) completes.
  if (e.rule === 'equal-shares' && (e.pabulib_meta?.rule ?? '').trim().toLowerCase() === 'equalshares') options.completion = 'none';
  return options;
}

/** Where the edition stands now: the phase whose period holds `now`, else before the first or after the last. */
export function currentPhase(phases: readonly PhaseRow[], now = new Date()): Phase | 'before' | 'after' | null {
  if (phases.length === 0) return null;
  const open = phases.find((p) => p.starts_at <= now && now < p.ends_at);
  if (open) return open.phase;
  return phases.every((p) => p.starts_at > now) ? 'before' : 'after';
}

export function votingPeriod(phases: readonly PhaseRow[]): PhaseRow | undefined {
  return phases.find((p) => p.phase === 'voting');
}

export const votingOpen = (phases: readonly PhaseRow[], now = new Date()) => {
  const v = votingPeriod(phases);
  return Boolean(v && v.starts_at <= now && now < v.ends_at);
};

/** Results are shown once voting has closed (an imported edition has no voting period: at once). */
export const votingClosed = (e: EditionRow, phases: readonly PhaseRow[], now = new Date()) => {
  const v = votingPeriod(phases);
  return v ? v.ends_at <= now : e.source === 'pabulib';
};

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** A PESEL's birth date (YYYY-MM-DD) if its checksum and date are right, else null. */
export function peselBirthDate(pesel: string): string | null {
  if (!/^\d{11}$/.test(pesel)) return null;
  const d = [...pesel].map(Number);
  const sum = PESEL_WEIGHTS.reduce((s, w, i) => s + w * d[i]!, 0);
  if ((10 - (sum % 10)) % 10 !== d[10]) return null;
  const yy = d[0]! * 10 + d[1]!;
  const mm = d[2]! * 10 + d[3]!;
  const dd = d[4]! * 10 + d[5]!;
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(mm / 20)]!;
  const month = mm % 20;
  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, dd));
  if (month < 1 || month > 12 || date.getUTCDate() !== dd || date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** Full years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The keyed hash that says "this person has voted in this edition", never who they are: HMAC-SHA256 under a
 * key derived from APP_SECRET, of the edition and the account id or the PESEL. Without the key a PESEL cannot
 * be tried against it; with it, only a yes/no "has this PESEL voted" — never what they chose (no link to a ballot).
 */
export function voterKey(key: Buffer, editionId: string, kind: 'account' | 'pesel', value: string): string {
  return `${kind}:${crypto.createHmac('sha256', key).update(`budget-voter\0${editionId}\0${kind}\0${value}`).digest('hex')}`;
}

export function budgetKey(linkKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', linkKey, 'wspolnota', 'budget-voters', 32));
}

/** "120 000 zł" */
export const formatZl = (amount: number, locale = 'pl') => `${new Intl.NumberFormat(locale === 'pl' ? 'pl-PL' : 'en-GB').format(amount)} zł`;
