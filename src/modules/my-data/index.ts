import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { documentsOf } from './personal-data';
import { anonymiseDocumentsOfCases } from './repository-retention';
import { consentRoutes } from './routes-consents';
import { documentRoutes } from './routes-documents';
import { hubRoutes } from './routes-hub';
import { myDataMessages } from './messages';
import { myDataErrors } from './errors';
import { myDataStartCards } from './start-cards';

/**
 * The resident's own view of what the centre holds about them ("Moje sprawy w CUS"): a hub with
 * counts and links, documents attached to applications and cases (also staff's uploads and audited
 * downloads), consents and their withdrawal, "who read my data" from the audit log, and a download
 * of all of it as JSON and PDF.
 *
 * Its repository*.ts files are a read model for the hub, the consents and the "who read" pages: they
 * read other modules' tables directly, always from the signed-in account (`applications.applicant_id`,
 * `cases.resident_user_id`). The download is not assembled here from other tables: every module gives
 * its own section through the `personalData` hook (the kernel collects them), this one its documents.
 */
export const myDataModule: AppModule = {
  name: 'my-data',
  startCards: myDataStartCards,
  errors: myDataErrors,
  messages: myDataMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await hubRoutes(app, ctx);
    await consentRoutes(app, ctx);
    await documentRoutes(app, ctx);
  },
  navigation: [{ href: '/my', label: 'nav.my', roles: ['resident'], group: 'mine' }],
  personalData: documentsOf,
  anonymiseCases: anonymiseDocumentsOfCases,
};

export { seedMyDataFixtures, tinyPdf } from './fixtures';
export { attachmentHeader, documentFilename, sniffMediaType } from './documents';
