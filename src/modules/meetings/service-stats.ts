import type { DbContext } from '../../platform/db/types';
import { meetings } from './repository';
import { stats } from './repository-stats';
import type { MeetingsDeps } from './service';

/** How many past meetings the chart and table show. */
export const CHART_MEETINGS = 12;

/** The organiser's numbers: per meeting, per organisation, per sphere, and the organisations that stopped answering. */
export async function numbers(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, silentAfter: number) {
  return deps.db.tx(ctx, async (sql) => ({
    meetings: await stats.meetings(sql, municipalityId, { limit: CHART_MEETINGS }),
    organisations: await stats.organisations(sql, municipalityId, 50),
    spheres: await stats.spheres(sql, municipalityId),
    silent: await stats.silent(sql, municipalityId, silentAfter),
  }));
}

export async function meetingList(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, page: number) {
  const size = 20;
  return deps.db.tx(ctx, async (sql) => ({
    upcoming: (await meetings.list(sql, municipalityId, 'upcoming', 100, 0)).rows,
    past: await meetings.list(sql, municipalityId, 'past', size, (page - 1) * size),
    size,
  }));
}
