import type { Sql } from '../../platform/db/types';
import { endOfWarsawDay, startOfWarsawDay } from '../../platform/time';
import { applicationDecisionDays } from '../applications';
import { firstPlansWithin30Days } from '../care-plans';
import { activeServiceCount } from '../catalog';
import { meetingTurnout } from '../meetings';
import { organisationAcceptDays } from '../referrals';

/**
 * The benchmark indicators, defined once (issue 20, ADR 0036). Each is computed per member from its own
 * data only, through the owner module's read model (ADR 0018), for a period of Warsaw days; its method is
 * published with it (`exchange.indicator.<key>.method`). `count` is how many cases the value rests on:
 * under the group's minimum the value is suppressed and never written to a shared snapshot.
 */
export const INDICATORS = ['application_decision_days', 'care_plan_30_days', 'referral_accept_days', 'meeting_turnout', 'services_per_1000'] as const;
export type Indicator = (typeof INDICATORS)[number];
export type Unit = 'days' | 'percent' | 'per_1000';

export interface Period {
  from: string;
  to: string;
}
export interface Measured {
  value: number | null;
  count: number;
}
interface Definition {
  unit: Unit;
  /** Whether a smaller value is the better one (said beside the chart). */
  lowerIsBetter: boolean;
  compute: (sql: Sql, municipalityId: string, period: Period, population: number) => Promise<Measured>;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const bounds = (p: Period) => [startOfWarsawDay(p.from), endOfWarsawDay(p.to)] as const;
const share = (part: number, whole: number): number | null => (whole === 0 ? null : round1((100 * part) / whole));

export const DEFINITIONS: Record<Indicator, Definition> = {
  application_decision_days: {
    unit: 'days',
    lowerIsBetter: true,
    compute: async (sql, m, p) => {
      const r = await applicationDecisionDays(sql, m, ...bounds(p));
      return { value: r.median === null ? null : round1(r.median), count: r.count };
    },
  },
  care_plan_30_days: {
    unit: 'percent',
    lowerIsBetter: false,
    compute: async (sql, m, p) => {
      const r = await firstPlansWithin30Days(sql, m, ...bounds(p));
      return { value: share(r.within, r.count), count: r.count };
    },
  },
  referral_accept_days: {
    unit: 'days',
    lowerIsBetter: true,
    compute: async (sql, m, p) => {
      const r = await organisationAcceptDays(sql, m, ...bounds(p));
      return { value: r.median === null ? null : round1(r.median), count: r.count };
    },
  },
  meeting_turnout: {
    unit: 'percent',
    lowerIsBetter: false,
    compute: async (sql, m, p) => {
      const r = await meetingTurnout(sql, m, ...bounds(p));
      return { value: share(r.came, r.invited), count: r.invited };
    },
  },
  services_per_1000: {
    unit: 'per_1000',
    lowerIsBetter: false,
    compute: async (sql, m, _p, population) => {
      const count = await activeServiceCount(sql, m);
      return { value: Math.round((count * 1000 * 100) / population) / 100, count };
    },
  },
};

/** What may leave the member: the value and its count, or — under the minimum, or nothing to measure — neither. */
export function disclosed(measured: Measured, minCount: number): { value: number | null; count: number | null; suppressed: boolean } {
  if (measured.value === null || measured.count < minCount) return { value: null, count: null, suppressed: true };
  return { value: measured.value, count: measured.count, suppressed: false };
}

export const isIndicator = (v: string): v is Indicator => (INDICATORS as readonly string[]).includes(v);
