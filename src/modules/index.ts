import { installModules, type AppModule } from '../platform/module';
import { actionPlanModule } from './action-plan';
import { announcementsModule } from './announcements';
import { applicationsModule } from './applications';
import { auditingModule } from './auditing';
import { budgetModule } from './budget';
import { carePlansModule } from './care-plans';
import { casesModule } from './cases';
import { catalogModule } from './catalog';
import { commissioningModule } from './commissioning';
import { consultationsModule } from './consultations';
import { diagnosisModule } from './diagnosis';
import { dashboardsModule } from './dashboards';
import { exchangeModule } from './exchange';
import { meetingsModule } from './meetings';
import { myDataModule } from './my-data';
import { organisationsModule } from './organisations';
import { portalModule } from './portal';
import { referralsModule } from './referrals';
import { staffModule } from './staff';
import { surveysModule } from './surveys';
import { venuesModule } from './venues';

/** Every module of the app, in registration order. A new module adds itself here. */
export const modules: AppModule[] = [portalModule, announcementsModule, catalogModule, organisationsModule, meetingsModule, venuesModule, consultationsModule, commissioningModule, surveysModule, diagnosisModule, budgetModule, actionPlanModule, applicationsModule, casesModule, carePlansModule, referralsModule, myDataModule, dashboardsModule, exchangeModule, staffModule, auditingModule];

// Whoever imports the module list (the app, the CLI, seeds, tests) has every module's messages, permissions and error codes.
installModules(modules);
