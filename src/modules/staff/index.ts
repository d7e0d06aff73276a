import type { AppModule } from '../../platform/module';
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module';
import { staffRoutes } from './routes';
import { grantRoutes } from './routes-grants';

/** Staff and roles of a municipality: invitations, role changes, grants confirmed by a second person. */
export const staffModule: AppModule = {
  name: 'staff',
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await staffRoutes(app, ctx);
    await grantRoutes(app, ctx);
  },
  navigation: [{ href: '/staff', label: 'nav.staff', permission: 'staff.manage' }],
};

export { invite as inviteStaff } from './service';
