import type { FastifyInstance } from 'fastify';
import type { Sql } from '../../platform/db/types';
import type { AppModule, ModuleContext } from '../../platform/module';
import { referralsOf } from './personal-data';
import { anonymiseReferralsOfCases } from './repository-retention';
import { referrals } from './repository';
import { centreRoutes } from './routes-centre';
import { providerRoutes } from './routes-provider';
import { residentRoutes } from './routes-resident';
import { sendRoutes } from './routes-send';

/**
 * Referrals with a closed loop (issue 6): sent from a case's plan or application to a unit of the
 * centre or a verified organisation, only with the resident's consent to share with that provider
 * (or a permitted override, flagged); accepted or rejected, delivered and completed by the provider
 * from its inbox; every read by the centre or a provider audited.
 */
export const referralsModule: AppModule = {
  name: 'referrals',
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await sendRoutes(app, ctx);
    await centreRoutes(app, ctx);
    await providerRoutes(app, ctx);
    await residentRoutes(app, ctx);
  },
  navigation: [{ href: '/referrals/overdue', label: 'nav.referrals_overdue', permission: 'cases.manage' }],
  personalData: referralsOf,
  anonymiseCases: anonymiseReferralsOfCases,
};

/**
 * The open referrals (sent, accepted, in progress) that rely on a consent: when the resident
 * withdraws it, their coordinators are to be told (the provider's view hides the shared data by itself).
 */
export function referralsRelyingOnConsent(sql: Sql, municipalityId: string, consentId: string) {
  return referrals.relyingOnConsent(sql, municipalityId, consentId);
}

export { seedReferralFixtures } from './fixtures';
export type { ReferralRecord } from './personal-data';
