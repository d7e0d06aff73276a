import type { AppModule } from '../../platform/module';
import { auditingMessages } from './messages';
import { auditingRoutes } from './routes';
import { auditingStartCards } from './start-cards';

/** The auditor's view of a municipality's audit log: filter, page, export as CSV. */
export const auditingModule: AppModule = {
  name: 'auditing',
  startCards: auditingStartCards,
  messages: auditingMessages,
  routes: auditingRoutes,
  navigation: [{ href: '/audit', label: 'nav.audit', permission: 'audit.read', group: 'work' }],
};
export { collapseRepeatedReads } from './collapse';
