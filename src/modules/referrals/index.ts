import type { FastifyInstance } from 'fastify';
import { describeReferrals } from './repository-audit';
import type { Sql } from '../../platform/db/types';
import type { AppModule, ModuleContext } from '../../platform/module';
import { referralsOf } from './personal-data';
import { anonymiseReferralsOfCases } from './repository-retention';
import { referrals } from './repository';
import { centreRoutes } from './routes-centre';
import { providerRoutes } from './routes-provider';
import { residentRoutes } from './routes-resident';
import { sendRoutes } from './routes-send';
import { referralsMessages } from './messages';
import { referralsErrors } from './errors';
import { referralStartCards } from './start-cards';

/**
 * Referrals with a closed loop (issue 6): sent from a case's plan or application to a unit of the
 * centre or a verified organisation, only with the resident's consent to share with that provider
 * (or a permitted override, flagged); accepted or rejected, delivered and completed by the provider
 * from its inbox; every read by the centre or a provider audited.
 */
export const referralsModule: AppModule = {
  name: 'referrals',
  startCards: referralStartCards,
  errors: referralsErrors,
  messages: referralsMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await sendRoutes(app, ctx);
    await centreRoutes(app, ctx);
    await providerRoutes(app, ctx);
    await residentRoutes(app, ctx);
  },
  navigation: [
    { href: '/my/referrals', label: 'nav.referrals_mine', roles: ['resident'], group: 'mine' },
    { href: '/referrals/inbox', label: 'nav.referrals_inbox', roles: ['ngo_member'], group: 'organisation' },
    { href: '/referrals/overdue', label: 'nav.referrals_overdue', permission: 'cases.manage', group: 'work' },
  ],
  personalData: referralsOf,
  describeAuditSubjects: describeReferrals,
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
/** Read model for the exchange's benchmarks (issue 20): an aggregate of this module's own rows, never a person. */
export { organisationAcceptDays } from './repository-indicators';
