import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/types';
import { createProgramme, programmeChoices, programmeForEdit, PROGRAMME_FIELDS, updateProgramme } from './admin/edit-programmes';
import { editorOf, municipalityId, registerEditor } from './admin/editor-routes';
import { parseProgrammeForm, programmeToValues, type ProgrammeInput } from './admin/programme-form';
import { ProgrammeFormPage } from './admin/views-programme';

/** Staff editing of programmes: the period, the council resolution, the status, the services included. */
export function adminProgrammeRoutes(app: FastifyInstance, db: Database): void {
  registerEditor<ProgrammeInput>(app, db, {
    path: 'programmes',
    entity: 'programme',
    historyFields: PROGRAMME_FIELDS,
    parse: parseProgrammeForm,
    messages: { created: 'catalog_admin.programme.created', saved: 'catalog_admin.saved' },
    blank: async (request) => {
      const services = await programmeChoices(db, request.dbContext(), municipalityId(request));
      return { values: { status: 'draft', service_ids: [] }, page: (ctx, form) => <ProgrammeFormPage ctx={ctx} form={form} services={services} /> };
    },
    existing: async (request, id) => {
      const { programme, serviceIds, services } = await programmeForEdit(db, request.dbContext(), municipalityId(request), id);
      return {
        values: programmeToValues(programme, serviceIds),
        page: (ctx, form) => <ProgrammeFormPage ctx={ctx} form={form} services={services} programme={programme} />,
      };
    },
    create: (request, input) => createProgramme(db, request.dbContext(), municipalityId(request), input, editorOf(request)),
    update: (request, id, input, version) => updateProgramme(db, request.dbContext(), municipalityId(request), id, input, version, editorOf(request)),
  });
}
