import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ModuleContext } from '../../platform/module';
import { CASE_STATUSES, planDeadline, SCOPES } from './domain';
import type { ListFilter } from './repository-list';
import { depsOf, MANAGE, municipalityOf, viewerOf, type Params } from './routes-common';
import { caseList } from './service-list';
import { CaseListView } from './views/list';
import { tenantOf } from '../../platform/http/route-context';
import { warsawDay } from '../../platform/time';

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const querySchema = z.object({
  scope: z.preprocess(one, z.enum(SCOPES).catch('mine')),
  status: z.preprocess(one, z.enum(CASE_STATUSES).catch('open')),
  due: z.preprocess(one, z.string().max(10).catch('')),
  q: z.preprocess(one, z.string().catch('')),
  after: z.preprocess(one, z.uuid().nullable().catch(null)),
});

/** The list's filters from the address; anything unexpected falls back to the defaults (my open cases). */
function filterOf(request: FastifyRequest): ListFilter {
  const v = querySchema.parse({ scope: undefined, status: undefined, due: undefined, q: undefined, after: undefined, ...(request.query as object) });
  return {
    scope: v.scope,
    status: v.status,
    dueSoon: v.due === '1' || v.due === 'on',
    q: v.q.replaceAll('\u0000', '').trim().slice(0, 100),
    after: v.after ? v.after.toLowerCase() : null,
  };
}

/** The coordinator's case list (page and JSON for the same page): 50 a page by keyset, every page audited. */
export async function listRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const load = (request: FastifyRequest) => caseList(deps, request.dbContext(), municipalityOf(request).id, viewerOf(request), filterOf(request), request.auditActor());

  app.get<{ Params: Params }>('/:municipality/cases', MANAGE, async (request, reply) => {
    const data = await load(request);
    const canConfigure = tenantOf(request).permissions.has('cases.configure');
    return reply.page((c) => <CaseListView ctx={c} data={data} canConfigure={canConfigure} />);
  });

  app.get<{ Params: Params }>('/api/:municipality/cases', MANAGE, async (request, reply) => {
    const data = await load(request);
    const today = warsawDay(); // once a page, not once a row
    return reply.header('cache-control', 'no-store').send({
      filter: data.filter,
      cases: data.rows.map((c) => ({
        id: c.id,
        number: c.number,
        person: c.person_name,
        birthYear: c.birth_year,
        coordinator: c.coordinator_name,
        team: c.team_name,
        status: c.status,
        planDueOn: c.plan_due_on,
        deadline: planDeadline(c, today),
        openedAt: c.opened_at,
      })),
      next: data.next,
    });
  });
}
