import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { membershipsOf } from './personal-data';
import { memberRoutes } from './routes-members';
import { publicRoutes } from './routes-public';
import { registrationRoutes } from './routes-registration';
import { staffRoutes } from './routes-staff';
import { organisationsMessages } from './messages';
import { organisationsErrors } from './errors';
import { organisationsPermissions } from './permissions';
import { organisationStartCards } from './start-cards';

/**
 * The registry of organisations and informal groups: registration by their representatives,
 * verification by staff, members and their invitations, federations, and the public directory.
 */
export const organisationsModule: AppModule = {
  name: 'organisations',
  startCards: organisationStartCards,
  permissions: organisationsPermissions,
  errors: organisationsErrors,
  messages: organisationsMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await publicRoutes(app, ctx);
    await registrationRoutes(app, ctx);
    await memberRoutes(app, ctx);
    await staffRoutes(app, ctx);
  },
  navigation: [
    { href: '/organisations', label: 'nav.organisations' },
    { href: '/organisations/mine', label: 'nav.organisations_mine', roles: ['ngo_member'], group: 'organisation' },
    { href: '/organisations/queue', label: 'nav.organisations_review', permission: 'organisations.manage', group: 'work' },
  ],
  personalData: membershipsOf,
};

export { seedOrganisationFixtures } from './fixtures';
export { isValidKrs, isValidNip, isValidRegon } from './identifiers';
export { isSphere, KINDS, SPHERE_CODES, type Kind, type Sphere } from './domain';
export { nipCheckDigit, regon9CheckDigit } from './identifiers';
export type { MembershipRecord } from './personal-data';
