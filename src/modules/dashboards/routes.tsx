import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/access';
import type { ModuleContext } from '../../platform/module';
import { parsePeriod } from './domain';
import { CSV_NAMES, plansCsv, queuesCsv, referralsCsv, statusesCsv, toCsv, type CsvName } from './export';
import { dashboard, momentOf, section, sections, type DashboardsDeps } from './service';
import { DashboardPage } from './views/page';
import { tenantOf } from '../../platform/http/route-context';

type Params = { municipality: string };
const STATISTICS = { config: { access: can('cases.statistics') } };

/** The section's rows for its CSV, as of one moment. */
async function csvOf(deps: DashboardsDeps, request: FastifyRequest, name: CsvName): Promise<string> {
  const ctx = request.dbContext();
  const m = tenantOf(request).municipality.id;
  const moment = momentOf(parsePeriod(request.query));
  const t = request.i18n;
  switch (name) {
    case 'queues':
      return toCsv(queuesCsv(t, await section(deps, ctx, m, moment, sections.queues)));
    case 'plans':
      return toCsv(plansCsv(t, await section(deps, ctx, m, moment, sections.plans)));
    case 'referrals':
      return toCsv(referralsCsv(t, await section(deps, ctx, m, moment, sections.referrals)));
    case 'referral-statuses':
      return toCsv(statusesCsv(await section(deps, ctx, m, moment, sections.referrals)));
  }
}

/** `/:m/dashboards` (period by plain GET) and each of its tables as CSV, for cases.statistics: counts only. */
export async function dashboardRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps: DashboardsDeps = { db: ctx.db };

  app.get<{ Params: Params }>('/:municipality/dashboards', STATISTICS, async (request, reply) => {
    const data = await dashboard(deps, request.dbContext(), tenantOf(request).municipality.id, momentOf(parsePeriod(request.query)));
    return reply.page((c) => <DashboardPage ctx={c} data={data} />);
  });

  for (const name of CSV_NAMES) {
    app.get<{ Params: Params }>(`/:municipality/dashboards/${name}.csv`, STATISTICS, async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .header('cache-control', 'no-store')
        .send(await csvOf(deps, request, name)),
    );
  }
}
