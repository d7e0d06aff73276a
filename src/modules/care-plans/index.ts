import type { FastifyInstance } from 'fastify';
import { describePlans } from './repository-audit';
import type { Sql } from '../../platform/db/types';
import type { AppModule, ModuleContext } from '../../platform/module';
import { plansOf } from './personal-data';
import { anonymisePlansOfCases } from './repository-retention';
import type { ServiceRow } from './domain';
import { plans } from './repository';
import { items } from './repository-items';
import { editRoutes } from './routes-edit';
import { planRoutes } from './routes-plan';
import { readRoutes } from './routes-read';
import { sendWarnings, WARN_QUEUE, WARN_SCHEDULE } from './warnings';
import { carePlansMessages } from './messages';
import { carePlansErrors } from './errors';
import { carePlansPermissions } from './permissions';
import { planStartCards } from './start-cards';

/**
 * Individual social services plans (IPUS) of a case: drafted by the case's coordinator (or their
 * supervisor) item by item with optimistic concurrency, approved by someone else (four eyes),
 * monitored with dated notes and reviews, revised into new revisions, closed with a final interview
 * and a summary; a PDF for signature; the resident's own view; daily deadline warnings by mail.
 */
export const carePlansModule: AppModule = {
  name: 'care-plans',
  startCards: planStartCards,
  permissions: carePlansPermissions,
  errors: carePlansErrors,
  messages: carePlansMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await planRoutes(app, ctx);
    await editRoutes(app, ctx);
    await readRoutes(app, ctx);
  },
  navigation: [
    { href: '/my/plans', label: 'nav.plans_mine', roles: ['resident'], group: 'mine' },
    { href: '/plans/awaiting', label: 'nav.plans_awaiting', permission: 'plans.approve', group: 'work' },
  ],
  jobs: (ctx) => ({ [WARN_QUEUE]: async () => void (await sendWarnings(ctx.db, ctx.config.publicUrl)) }),
  schedules: [WARN_SCHEDULE],
  personalData: plansOf,
  describeAuditSubjects: describePlans,
  anonymiseCases: anonymisePlansOfCases,
};

/**
 * The services of the plan in force of a case (approved), in order — what a referral may be made
 * for. Empty when the case has no approved plan. The caller's transaction and RLS context apply.
 */
export async function currentPlanServices(sql: Sql, municipalityId: string, caseId: string): Promise<(ServiceRow & { plan_id: string })[]> {
  const planId = await plans.approvedId(sql, municipalityId, caseId);
  if (!planId) return [];
  return (await items.of(sql, municipalityId, planId, 'services')).map((s) => ({ ...s, plan_id: planId }));
}

export { seedCarePlanFixtures } from './fixtures';
export { sendWarnings, WARN_QUEUE, WARN_SCHEDULE } from './warnings';
export type { PlanStatus, ServiceRow as CarePlanServiceRow } from './domain';
export type { PlanRecord } from './personal-data';
/** Read model for the exchange's benchmarks (issue 20): an aggregate of this module's own rows, never a person. */
export { firstPlansWithin30Days } from './repository-indicators';
