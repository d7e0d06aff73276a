import type { AppModule } from '../../platform/module';
import { auditingRoutes } from './routes';

/** The auditor's view of a municipality's audit log: filter, page, export as CSV. */
export const auditingModule: AppModule = {
  name: 'auditing',
  routes: auditingRoutes,
  navigation: [{ href: '/audit', label: 'nav.audit', permission: 'audit.read' }],
};
