import type { AppModule } from '../../platform/module';
import { staffRoutes } from './routes';

/** Staff and roles of a municipality: invitations, role changes. */
export const staffModule: AppModule = {
  name: 'staff',
  routes: staffRoutes,
  navigation: [{ href: '/staff', label: 'nav.staff', permission: 'staff.manage' }],
};

export { invite as inviteStaff } from './service';
