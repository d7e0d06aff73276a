import { toCsv as csvOf } from '../../platform/export/csv';
import type { Translator } from '../../platform/i18n';
import { acceptanceRate, completionRate, type PlanRow, type ProviderRow, type QueueRow } from './domain';
import type { ReferralSection, Section } from './service';

/**
 * The dashboards' tables as CSV: machine column names, numbers with a dot, empty for "no value",
 * names (services, teams, providers — never people) neutralised against spreadsheet formulas.
 */

type Cell = string | number | null;
export type CsvName = 'queues' | 'plans' | 'referrals' | 'referral-statuses';
export const CSV_NAMES: readonly CsvName[] = ['queues', 'plans', 'referrals', 'referral-statuses'];

const share = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

export function queuesCsv(i18n: Translator, s: Section<QueueRow>): Cell[][] {
  const row = (r: QueueRow, name: string): Cell[] => [name, r.waiting, r.on_hold, r.median_wait_days, r.longest_wait_days, r.accepted, r.median_accept_days];
  return [
    ['service', 'waiting', 'on_hold', 'median_wait_days', 'longest_wait_days', 'accepted_last_12_weeks', 'median_days_to_acceptance'],
    ...s.rows.map((r) => row(r, r.service_name ?? '')),
    row(s.total, i18n.t('dashboards.total')),
  ];
}

export function plansCsv(i18n: Translator, s: Section<PlanRow>): Cell[][] {
  const row = (r: PlanRow, name: string): Cell[] => [name, r.due_soon, r.due_passed, r.expiring, r.expired];
  return [
    ['team', 'plan_due_within_7_days', 'plan_due_passed', 'plan_ending_within_30_days', 'plan_ended'],
    ...s.rows.map((r) => row(r, r.team_name ?? i18n.t('dashboards.plans.no_team'))),
    row(s.total, i18n.t('dashboards.total')),
  ];
}

export function referralsCsv(i18n: Translator, s: ReferralSection): Cell[][] {
  const row = (r: ProviderRow, name: string): Cell[] => [
    name, r.provider_kind ?? '', r.sent, r.answered, r.accepted, r.rejected, share(acceptanceRate(r)), r.median_accept_hours, r.p90_accept_hours,
    r.completed, r.closed, share(completionRate(r)), r.overdue,
  ];
  return [
    ['provider', 'provider_kind', 'sent', 'answered', 'accepted', 'rejected', 'acceptance_rate', 'median_hours_to_accept', 'p90_hours_to_accept',
      'completed', 'closed', 'completion_rate', 'overdue'],
    ...s.rows.map((r) => row(r, r.provider_name ?? '')),
    row(s.total, i18n.t('dashboards.total')),
  ];
}

export function statusesCsv(s: ReferralSection): Cell[][] {
  return [['status', 'referrals'], ...s.statuses.map((x) => [x.status, x.n])];
}

/** With a byte-order mark, so spreadsheets read the Polish letters. */
export function toCsv(rows: Cell[][]): string {
  return csvOf(rows);
}
