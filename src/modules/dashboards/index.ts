import type { AppModule } from '../../platform/module';
import { dashboardRoutes } from './routes';
import { dashboardsMessages } from './messages';
import { dashboardStartCards } from './start-cards';

/**
 * Dashboards of the centre's work (cases.statistics: coordinators, analysts, the director): queue
 * length and waiting time per service, individual plans near their 30-day or one-year limits per
 * team, referrals by status and provider with acceptance and completion rates and time to accept.
 * Counts only, never a person.
 */
export const dashboardsModule: AppModule = {
  name: 'dashboards',
  startCards: dashboardStartCards,
  messages: dashboardsMessages,
  routes: dashboardRoutes,
  navigation: [{ href: '/dashboards', label: 'nav.dashboards', permission: 'cases.statistics', group: 'work' }],
};
