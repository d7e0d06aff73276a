import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/types';
import { createService, serviceChoices, serviceForEdit, SERVICE_FIELDS, updateService } from './admin/edit-services';
import { editorOf, municipalityId, registerEditor } from './admin/editor-routes';
import { newServiceValues, parseServiceForm, serviceToValues, type ServiceInput } from './admin/service-form';
import { ServiceFormPage } from './admin/views-service';

/** Staff editing of services: every column of the services table, its locations, criteria as plain fields. */
export function adminServiceRoutes(app: FastifyInstance, db: Database): void {
  registerEditor<ServiceInput>(app, db, {
    path: 'services',
    entity: 'service',
    historyFields: SERVICE_FIELDS,
    parse: parseServiceForm,
    messages: { created: 'catalog_admin.service.created', saved: 'catalog_admin.saved' },
    blank: async (request) => {
      const { providers, locations } = await serviceChoices(db, request.dbContext(), municipalityId(request));
      return { values: newServiceValues(), page: (ctx, form) => <ServiceFormPage ctx={ctx} form={form} providers={providers} locations={locations} /> };
    },
    existing: async (request, id) => {
      const { service, locationIds, providers, locations } = await serviceForEdit(db, request.dbContext(), municipalityId(request), id);
      return {
        values: serviceToValues(service, locationIds, request.i18n.locale),
        page: (ctx, form) => <ServiceFormPage ctx={ctx} form={form} service={service} providers={providers} locations={locations} />,
      };
    },
    create: (request, input) => createService(db, request.dbContext(), municipalityId(request), input, editorOf(request)),
    update: (request, id, input, version) => updateService(db, request.dbContext(), municipalityId(request), id, input, version, editorOf(request)),
  });
}
