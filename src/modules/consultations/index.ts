import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { consultationsErrors } from './errors';
import { consultationsMessages } from './messages';
import { OPENINGS_QUEUE, OPENINGS_SCHEDULE, sweepOpenings } from './openings';
import { consultationsPermissions } from './permissions';
import { remarksOfPerson } from './personal-data';
import { publicRoutes } from './routes-public';
import { depsOf } from './routes-common';
import { staffRoutes } from './routes-staff';
import { surveyRoutes } from './routes-survey';
import { consultationStartCards } from './start-cards';

/**
 * Public consultations of documents (ADR 0028): a text split into numbered parts, remarks on each
 * part by residents and organisations (or entered by staff), moderation, the centre's position on
 * every remark, and the report (page, tagged PDF, announcement, mail to every participant).
 */
export const consultationsModule: AppModule = {
  name: 'consultations',
  permissions: consultationsPermissions,
  errors: consultationsErrors,
  messages: consultationsMessages,
  personalData: remarksOfPerson,
  startCards: consultationStartCards,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await staffRoutes(app, ctx);
    await surveyRoutes(app, ctx);
    await publicRoutes(app, ctx);
  },
  navigation: [{ href: '/consultations', label: 'nav.consultations' }],
  jobs: (ctx) => ({ [OPENINGS_QUEUE]: async (payload) => void (await sweepOpenings(depsOf(ctx), typeof payload.municipalityId === 'string' ? payload.municipalityId : undefined)) }),
  schedules: [OPENINGS_SCHEDULE],
};

export { seedConsultationFixtures } from './fixtures';
export { announceOpenings, sweepOpenings } from './openings';
export { splitText, toParagraphs, type SplitPart, type SplitText } from './split';
