import type { AppModule } from '../../platform/module';
import { portalRoutes } from './routes';

/** The public face: the list of municipalities and each municipality's home page. */
export const portalModule: AppModule = {
  name: 'portal',
  routes: portalRoutes,
  navigation: [{ href: '', label: 'nav.home' }],
};
