import type { FastifyInstance } from 'fastify';
import type { Sql } from '../../platform/db/types';
import type { AppModule, ModuleContext } from '../../platform/module';
import { PUBLIC_PLAN_STATUSES, type ActionStatus } from './domain';
import { actions } from './repository-actions';
import { itemRoutes } from './routes-items';
import { planRoutes } from './routes-plans';
import { publicRoutes } from './routes-public';
import { actionPlanMessages } from './messages';
import { actionPlanPermissions } from './permissions';

/**
 * The community action plan (plan organizowania społeczności lokalnej): plans per community and
 * period with their goals and actions — who is responsible, when, how far — public once adopted,
 * printable, as a PDF, and exported for staff.
 */
export const actionPlanModule: AppModule = {
  name: 'action-plan',
  permissions: actionPlanPermissions,
  messages: actionPlanMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await planRoutes(app, ctx);
    await itemRoutes(app, ctx);
    await publicRoutes(app, ctx);
  },
  navigation: [{ href: '/action-plans', label: 'nav.action_plans' }],
};

export interface OrganisationAction {
  id: string;
  planId: string;
  planTitle: string;
  title: string;
  dueOn: string;
  status: ActionStatus;
}

/**
 * The actions an organisation is responsible for, by due day, for its cooperation history: those of
 * adopted and closed plans (drafts only with `includeDrafts`, for staff). Runs in the caller's transaction.
 */
export async function actionsOfOrganisation(sql: Sql, municipalityId: string, organisationId: string, opts: { includeDrafts?: boolean } = {}): Promise<OrganisationAction[]> {
  return actions.ofOrganisation(sql, municipalityId, organisationId, opts.includeDrafts ? ['draft', ...PUBLIC_PLAN_STATUSES] : PUBLIC_PLAN_STATUSES);
}

export { seedActionPlanFixtures } from './fixtures';
export { ACTION_STATUSES, type ActionStatus } from './domain';
