import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { consentRoutes } from './routes-consents';
import { documentRoutes } from './routes-documents';
import { hubRoutes } from './routes-hub';

/**
 * The resident's own view of what the centre holds about them ("Moje sprawy w CUS"): a hub with
 * counts and links, documents attached to applications and cases (also staff's uploads and audited
 * downloads), consents and their withdrawal, "who read my data" from the audit log, and a download
 * of all of it as JSON and PDF.
 *
 * Its repository*.ts files are a read model for the data subject: they read the tables of the
 * applications, cases, care-plans and referrals modules directly (never through their code), always
 * from the signed-in account (`applications.applicant_id`, `cases.resident_user_id`), so that a
 * download is complete and holds nothing of anyone else. A table other modules fill later simply
 * reads as empty until then.
 */
export const myDataModule: AppModule = {
  name: 'my-data',
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await hubRoutes(app, ctx);
    await consentRoutes(app, ctx);
    await documentRoutes(app, ctx);
  },
  navigation: [{ href: '/my', label: 'nav.my' }],
};

export { seedMyDataFixtures, tinyPdf } from './fixtures';
export { attachmentHeader, documentFilename, sniffMediaType } from './documents';
