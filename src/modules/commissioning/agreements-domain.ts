/** Agreements and reports of commissioned tasks (ADR 0038): states, terms, report sums and deadlines (pure). */
import { addDays } from '../../platform/time';
import { formatMoney, offerProblems, offerSums, SOURCES, type CostLine, type OfferProblem, type ScheduleRow } from './domain';

export const AGREEMENT_STATUSES = ['draft', 'ready', 'signed', 'settled', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** What staff move an agreement to, and from which state. */
export const AGREEMENT_MOVES = { ready: ['draft'], signed: ['ready'], settled: ['signed'], terminated: ['signed'] } as const satisfies Record<string, readonly AgreementStatus[]>;
export type AgreementMove = keyof typeof AGREEMENT_MOVES;
export const REPORT_KINDS = ['partial', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned';
export type ChangeKind = 'update' | 'annex';
/** Art. 18 ust. 1 of the act and the framework template: the final report within 30 days of the task's end. */
export const REPORT_DAYS = 30;
/** The start cards warn this many days before a report is due. */
export const REPORT_WARNING_DAYS = 14;

export interface AgreementRow {
  id: string;
  offer_id: string;
  number: string;
  task: string;
  grant_amount: number;
  period_from: string;
  period_to: string;
  status: AgreementStatus;
  signed_on: string | null;
  closing_reasons: string;
  version: number;
  organisation_id: string;
  organisation_name: string;
  call_id: string;
  call_title: string;
}

export interface TermsVersion { number: number; kind: 'offer' | ChangeKind; schedule: ScheduleRow[]; cost_lines: CostLine[]; reasons: string; accepted_at: Date }
export interface ChangeRequest {
  id: string;
  kind: ChangeKind;
  schedule: ScheduleRow[];
  cost_lines: CostLine[];
  reasons: string;
  status: 'pending' | 'accepted' | 'refused';
  requested_by: string | null;
  requested_at: Date;
  decided_at: Date | null;
  answer: string;
}
export interface ReportRow {
  id: string;
  agreement_id: string;
  kind: ReportKind;
  status: ReportStatus;
  done: string;
  results: string;
  expenses: CostLine[];
  remarks: string;
  version: number;
  updated_at: Date;
}

/** A change of the terms the offeror may ask for: an updated budget before signing, an annex once signed; none otherwise. */
export const changeKindOf = (status: AgreementStatus): ChangeKind | null => (status === 'draft' ? 'update' : status === 'signed' ? 'annex' : null);

/**
 * The terms' problems, field by field, by the offer's own arithmetic: every line sums, the call's minimum own
 * contribution holds, and the grant lines add up to the amount awarded (not more, not less).
 */
export function termsProblems(t: { schedule: ScheduleRow[]; cost_lines: CostLine[] }, grantAmount: number, minOwnBasisPoints: number): OfferProblem[] {
  const problems = offerProblems({ title: '-', task_description: '-', expected_results: '-', partners: [], ...t }, { grant_ceiling: grantAmount, min_own_basis_points: minOwnBasisPoints })
    .filter((p) => p.code !== 'offer_over_ceiling');
  const grant = offerSums(t.cost_lines).bySource.grant;
  if (t.cost_lines.length > 0 && grant !== grantAmount) problems.push({ field: 'grant_total', code: 'agreement_grant_sum', params: { grant: formatMoney(grant), amount: formatMoney(grantAmount) } });
  return problems;
}

/** The last day a report is due: 30 days after the task ends. */
export const reportDue = (periodTo: string): string => addDays(periodTo, REPORT_DAYS);

/**
 * A report's problems before submission: what was done and the results, then one expense row for each of the
 * agreement's cost lines (none missing), each row summing to its total.
 */
export function reportProblems(r: Pick<ReportRow, 'done' | 'results' | 'expenses'>, lines: CostLine[]): OfferProblem[] {
  const problems: OfferProblem[] = [];
  if (r.done.trim() === '') problems.push({ field: 'done', code: 'required' });
  if (r.results.trim() === '') problems.push({ field: 'results', code: 'required' });
  lines.forEach((line, i) => {
    const e = r.expenses[i];
    if (!e || (e.total === 0 && SOURCES.every((s) => e[s] === 0))) {
      problems.push({ field: `expense_${i}_total`, code: 'report_line_missing', params: { line: i + 1, name: line.name } });
      return;
    }
    const sum = SOURCES.reduce((a, s) => a + e[s], 0);
    if (sum !== e.total) problems.push({ field: `expense_${i}_total`, code: 'offer_line_sum', params: { line: i + 1, sum: formatMoney(sum), total: formatMoney(e.total) } });
  });
  return problems;
}

/** Annexes are numbered from 1 in the order accepted; the update before signing is not an annex. */
export const annexNumber = (versions: Pick<TermsVersion, 'number' | 'kind'>[], number: number): number =>
  versions.filter((v) => v.kind === 'annex' && v.number <= number).length;
