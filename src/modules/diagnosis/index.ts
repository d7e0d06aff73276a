import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { diagnosisErrors } from './errors';
import { diagnosisMessages } from './messages';
import { diagnosisPermissions } from './permissions';
import { diagnosisRoutes } from './routes';

/**
 * The diagnosis of the community's needs and potential (issue 19, ADR 0035): one per period over the
 * catalogue's 14 statutory areas and its groups; public statistics imported as CSV (each value with its
 * source and date; a malformed file refused whole, naming row and column); needs with their evidence (text,
 * a survey, imported values), resources (registry organisations, catalogue services, others) and the gaps —
 * needs no resource answers. Adopted diagnoses are public.
 */
export const diagnosisModule: AppModule = {
  name: 'diagnosis',
  permissions: diagnosisPermissions,
  errors: diagnosisErrors,
  messages: diagnosisMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await diagnosisRoutes(app, ctx);
  },
  navigation: [{ href: '/diagnoza', label: 'nav.diagnosis' }],
};

export { seedDiagnosisFixtures, ZYRARDOW_DIAGNOSIS_TITLE } from './fixtures';
export { readIndicatorsCsv, type CsvProblem } from './csv';
