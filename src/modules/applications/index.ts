import type { FastifyInstance } from 'fastify';
import { applicationRecordsOfPerson, describeApplications } from './repository-audit';
import type { AppModule, ModuleContext } from '../../platform/module';
import { applicationsOf } from './personal-data';
import { anonymiseApplicationsOfCases } from './repository-retention';
import { capacityRoutes } from './routes-capacity';
import { decisionRoutes } from './routes-decisions';
import { residentRoutes } from './routes-resident';
import { staffRoutes } from './routes-staff';
import { applicationsMessages } from './messages';
import { applicationsErrors } from './errors';
import { applicationsPermissions } from './permissions';
import { applicationStartCards } from './start-cards';

/**
 * Residents' applications for services of the catalogue and the queue of each service (ADR 0013):
 * applying online or registered by staff, consents per purpose, places per period, staff decisions
 * with reasons, a queue position stored and maintained (never counted), every staff read audited.
 */
export const applicationsModule: AppModule = {
  name: 'applications',
  startCards: applicationStartCards,
  permissions: applicationsPermissions,
  errors: applicationsErrors,
  messages: applicationsMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await residentRoutes(app, ctx);
    await staffRoutes(app, ctx);
    await decisionRoutes(app, ctx);
    await capacityRoutes(app, ctx);
  },
  navigation: [
    { href: '/applications/mine', label: 'nav.applications_mine', roles: ['resident'], group: 'mine' },
    { href: '/applications', label: 'nav.applications', permission: 'applications.manage', group: 'work' },
  ],
  personalData: applicationsOf,
  describeAuditSubjects: describeApplications,
  auditRecordsOfPerson: applicationRecordsOfPerson,
  anonymiseCases: anonymiseApplicationsOfCases,
};

export { seedApplicationFixtures } from './fixtures';
export { applicationFormPath, takesApplications } from './apply-link';
export type { ApplicationRecord } from './personal-data';
/** Read model for the exchange's benchmarks (issue 20): an aggregate of this module's own rows, never a person. */
export { applicationDecisionDays } from './repository-indicators';
