import type { AppModule } from '../../platform/module';
import { portalMessages } from './messages';
import { portalRoutes } from './routes';

/** The public face: the list of municipalities and each municipality's home page. */
export const portalModule: AppModule = {
  name: 'portal',
  messages: portalMessages,
  routes: portalRoutes,
  navigation: [{ href: '', label: 'nav.home' }],
};
