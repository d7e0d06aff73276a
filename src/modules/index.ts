import type { AppModule } from '../platform/module';
import { actionPlanModule } from './action-plan';
import { applicationsModule } from './applications';
import { auditingModule } from './auditing';
import { carePlansModule } from './care-plans';
import { casesModule } from './cases';
import { catalogModule } from './catalog';
import { dashboardsModule } from './dashboards';
import { meetingsModule } from './meetings';
import { myDataModule } from './my-data';
import { organisationsModule } from './organisations';
import { portalModule } from './portal';
import { referralsModule } from './referrals';
import { staffModule } from './staff';
import { venuesModule } from './venues';

/** Every module of the app, in registration order. A new module adds itself here. */
export const modules: AppModule[] = [portalModule, catalogModule, organisationsModule, meetingsModule, venuesModule, actionPlanModule, applicationsModule, casesModule, carePlansModule, referralsModule, myDataModule, dashboardsModule, staffModule, auditingModule];
