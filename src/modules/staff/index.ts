import type { AppModule } from '../../platform/module';
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module';
import { staffRoutes } from './routes';
import { grantRoutes } from './routes-grants';
import { staffMessages } from './messages';
import { staffErrors } from './errors';
import { staffPermissions } from './permissions';
import { staffStartCards } from './start-cards';

/** Staff and roles of a municipality: invitations, role changes, grants confirmed by a second person. */
export const staffModule: AppModule = {
  name: 'staff',
  startCards: staffStartCards,
  permissions: staffPermissions,
  errors: staffErrors,
  messages: staffMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await staffRoutes(app, ctx);
    await grantRoutes(app, ctx);
  },
  navigation: [{ href: '/staff', label: 'nav.staff', permission: 'staff.manage', group: 'admin' }],
};

export { invite as inviteStaff } from './service';
