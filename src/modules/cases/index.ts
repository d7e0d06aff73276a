import type { FastifyInstance } from 'fastify';
import { caseRecordsOfPerson, describeCases } from './repository-audit';
import type { AppModule, ModuleContext } from '../../platform/module';
import { casesOf } from './personal-data';
import { caseRoutes } from './routes-case';
import { depsOf } from './routes-common';
import { glassRoutes } from './routes-glass';
import { listRoutes } from './routes-list';
import { openRoutes } from './routes-open';
import { retentionRoutes } from './routes-retention';
import { teamRoutes } from './routes-teams';
import { ANONYMISE_QUEUE, ANONYMISE_SCHEDULE, anonymiseDueCases } from './service-retention';
import { casesMessages } from './messages';
import { casesErrors } from './errors';
import { casesPermissions } from './permissions';
import { caseStartCards } from './start-cards';

/**
 * Cases of residents known to the centre (ADR 0014): opened from an accepted application, one
 * coordinator each, need-to-know access (own, the team's supervisor, directors, or "break the
 * glass" with a reason flagged to the auditor), every read audited, teams of coordinators, and the
 * nightly anonymisation of closed cases past the retention period.
 */
export const casesModule: AppModule = {
  name: 'cases',
  startCards: caseStartCards,
  permissions: casesPermissions,
  errors: casesErrors,
  messages: casesMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await listRoutes(app, ctx);
    await openRoutes(app, ctx);
    await glassRoutes(app, ctx);
    await teamRoutes(app, ctx);
    await retentionRoutes(app, ctx);
    await caseRoutes(app, ctx);
  },
  navigation: [
    { href: '/cases', label: 'nav.cases', permission: 'cases.manage', group: 'work' },
    { href: '/cases/teams', label: 'nav.cases_settings', permission: 'cases.configure', group: 'admin' },
    { href: '/cases/glass', label: 'nav.cases_glass', permission: 'audit.read', group: 'work' },
  ],
  jobs: (ctx) => ({
    [ANONYMISE_QUEUE]: async () => {
      await anonymiseDueCases({ ...depsOf(ctx), anonymiseCases: ctx.anonymiseCases });
    },
  }),
  schedules: [ANONYMISE_SCHEDULE],
  personalData: casesOf,
  describeAuditSubjects: describeCases,
  auditRecordsOfPerson: caseRecordsOfPerson,
};

export { caseAccess, canWriteCase, lockOpenCase, mayWriteCase, requireCaseAccess, requireCaseWrite, requireCasesAccess, visibleCasesCondition, type CaseAccess, type CaseViewer, type CaseWrite } from './access';
export { viewerOf } from './routes-common';
export { ANONYMISE_QUEUE, ANONYMISE_SCHEDULE, anonymiseDueCases } from './service-retention';
export { DEMO_TEAM, demoCaseIds, demoCases, seedCaseFixtures, type DemoCase } from './fixtures';
export { residentCases, type CaseRecord } from './personal-data';
