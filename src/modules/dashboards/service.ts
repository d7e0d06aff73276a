import type { Database, DbContext, Sql } from '../../platform/db/types';
import { warsawDay } from '../../platform/time';
import { REFERRAL_STATUSES, type Period, type PlanRow, type ProviderRow, type QueueRow, type ReferralStatus } from './domain';
import { dashboards } from './repository';

/**
 * The dashboards read counts only: no resident is named or identified, so — unlike every read of a
 * resident's record — these reads write no audit entry.
 */

export interface DashboardsDeps {
  db: Database;
}

export interface Moment {
  now: Date;
  /** The Warsaw calendar day of `now`, YYYY-MM-DD: deadlines and validity are days. */
  today: string;
  period: Period;
  /** The start of the period the referral figures cover. */
  since: Date;
}

export const momentOf = (period: Period, now = new Date()): Moment => ({ now, today: warsawDay(now), period, since: new Date(now.getTime() - period * 86_400_000) });

export interface Section<R> {
  rows: R[];
  total: R;
}

export interface ReferralSection extends Section<ProviderRow> {
  statuses: { status: ReferralStatus; n: number }[];
}

export interface Dashboard {
  moment: Moment;
  queues: Section<QueueRow>;
  plans: Section<PlanRow>;
  referrals: ReferralSection;
}

/** The total row (its key is null) apart from the rest: the queues' and providers' totals come first, the plans' last. */
function split<R>(rows: R[], isTotal: (r: R) => boolean): Section<R> {
  return { rows: rows.filter((r) => !isTotal(r)), total: rows.find(isTotal)! };
}

export const sections = {
  queues: async (sql: Sql, municipalityId: string, m: Moment) => split(await dashboards.queues(sql, municipalityId, m.now), (r) => r.service_id === null),
  plans: async (sql: Sql, municipalityId: string, m: Moment) => split(await dashboards.plans(sql, municipalityId, m.today), (r) => r.total),
  referrals: async (sql: Sql, municipalityId: string, m: Moment): Promise<ReferralSection> => {
    const counted = new Map((await dashboards.referralStatuses(sql, municipalityId, m.since)).map((r) => [r.status, r.n]));
    const providers = split(await dashboards.referralProviders(sql, municipalityId, m.since, m.today), (r) => r.provider_kind === null);
    return { ...providers, statuses: REFERRAL_STATUSES.map((status) => ({ status, n: counted.get(status) ?? 0 })) };
  },
};

/** Every section of the dashboard, as of one moment, in one transaction. */
export async function dashboard(deps: DashboardsDeps, ctx: DbContext, municipalityId: string, moment: Moment): Promise<Dashboard> {
  return deps.db.tx(ctx, async (sql) => ({
    moment,
    queues: await sections.queues(sql, municipalityId, moment),
    plans: await sections.plans(sql, municipalityId, moment),
    referrals: await sections.referrals(sql, municipalityId, moment),
  }));
}

/** One section (`sections.queues`…), for its CSV. */
export async function section<R>(deps: DashboardsDeps, ctx: DbContext, municipalityId: string, moment: Moment, read: (sql: Sql, municipalityId: string, m: Moment) => Promise<R>): Promise<R> {
  return deps.db.tx(ctx, (sql) => read(sql, municipalityId, moment));
}
