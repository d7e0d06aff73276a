import type { AppModule } from '../platform/module';
import { actionPlanModule } from './action-plan';
import { applicationsModule } from './applications';
import { auditingModule } from './auditing';
import { catalogModule } from './catalog';
import { meetingsModule } from './meetings';
import { organisationsModule } from './organisations';
import { portalModule } from './portal';
import { staffModule } from './staff';
import { venuesModule } from './venues';

/** Every module of the app, in registration order. A new module adds itself here. */
export const modules: AppModule[] = [portalModule, catalogModule, organisationsModule, meetingsModule, venuesModule, actionPlanModule, applicationsModule, staffModule, auditingModule];
