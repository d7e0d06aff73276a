import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { applicationsOf } from './personal-data';
import { anonymiseApplicationsOfCases } from './repository-retention';
import { capacityRoutes } from './routes-capacity';
import { decisionRoutes } from './routes-decisions';
import { residentRoutes } from './routes-resident';
import { staffRoutes } from './routes-staff';

/**
 * Residents' applications for services of the catalogue and the queue of each service (ADR 0013):
 * applying online or registered by staff, consents per purpose, places per period, staff decisions
 * with reasons, a queue position stored and maintained (never counted), every staff read audited.
 */
export const applicationsModule: AppModule = {
  name: 'applications',
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await residentRoutes(app, ctx);
    await staffRoutes(app, ctx);
    await decisionRoutes(app, ctx);
    await capacityRoutes(app, ctx);
  },
  navigation: [{ href: '/applications', label: 'nav.applications', permission: 'applications.manage' }],
  personalData: applicationsOf,
  anonymiseCases: anonymiseApplicationsOfCases,
};

export { seedApplicationFixtures } from './fixtures';
export type { ApplicationRecord } from './personal-data';
