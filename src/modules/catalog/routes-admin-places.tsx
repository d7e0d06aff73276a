import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/types';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { emptyForm, type FormState } from '../../platform/ui/context';
import {
  createLocation, createProvider, locationForEdit, LOCATION_FIELDS, PROVIDER_FIELDS, providerForEdit, removeException, setException, updateLocation,
  updateProvider,
} from './admin/edit-places';
import { catalogBase, editorOf, MANAGE, municipalityId, registerEditor, type IdParams, type Loaded } from './admin/editor-routes';
import { locationToValues, parseExceptionForm, parseLocationForm, parseProviderForm, providerToValues, type LocationInput, type ProviderInput } from './admin/place-forms';
import { choices } from './admin/repository-admin';
import { LocationFormPage } from './admin/views-location';
import { ProviderFormPage } from './admin/views-provider';
import { RemoveExceptionPage } from './admin/views-exception-remove';
import { confirmedAction } from '../../platform/http/confirm';
import { AppError } from '../../platform/http/errors';


/** Staff editing of providers and of locations (address, accessibility, weekly hours, dated exceptions). */
export function adminPlaceRoutes(app: FastifyInstance, db: Database): void {
  registerEditor<ProviderInput>(app, db, {
    path: 'providers',
    entity: 'provider',
    historyFields: PROVIDER_FIELDS,
    parse: parseProviderForm,
    messages: { created: 'catalog_admin.provider.created', saved: 'catalog_admin.saved' },
    blank: async () => ({ values: {}, page: (ctx, form) => <ProviderFormPage ctx={ctx} form={form} /> }),
    existing: async (request, id) => {
      const provider = await providerForEdit(db, request.dbContext(), municipalityId(request), id);
      return { values: providerToValues(provider), page: (ctx, form) => <ProviderFormPage ctx={ctx} form={form} provider={provider} /> };
    },
    create: (request, input) => createProvider(db, request.dbContext(), municipalityId(request), input, editorOf(request)),
    update: (request, id, input, version) => updateProvider(db, request.dbContext(), municipalityId(request), id, input, version, editorOf(request)),
  });

  /** The location's edit page; `exceptionForm` is the dated-exception form after a failed submit. */
  const existingLocation = async (request: FastifyRequest, id: string, exceptionForm: FormState = emptyForm({ ex_mode: 'closed' })): Promise<Loaded> => {
    const { location, hours, exceptions, providers } = await locationForEdit(db, request.dbContext(), municipalityId(request), id);
    return {
      values: locationToValues(location, hours, request.i18n.locale),
      page: (ctx, form) => (
        <LocationFormPage ctx={ctx} form={form} providers={providers} location={{ id, name: location.name, exceptions, exceptionForm }} />
      ),
    };
  };

  registerEditor<LocationInput>(app, db, {
    path: 'locations',
    entity: 'location',
    historyFields: LOCATION_FIELDS,
    parse: parseLocationForm,
    messages: { created: 'catalog_admin.location.created', saved: 'catalog_admin.saved' },
    blank: async (request) => {
      const providers = await db.tx(request.dbContext(), (sql) => choices.providers(sql, municipalityId(request)));
      return { values: {}, page: (ctx, form) => <LocationFormPage ctx={ctx} form={form} providers={providers} /> };
    },
    existing: (request, id) => existingLocation(request, id),
    create: (request, input) => createLocation(db, request.dbContext(), municipalityId(request), input, editorOf(request)),
    update: (request, id, input, version) => updateLocation(db, request.dbContext(), municipalityId(request), id, input, version, editorOf(request)),
  });

  const locationUrl = (request: FastifyRequest, id: string) => `${catalogBase(request)}/locations/${id}`;
  const renderWithException = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState, status: number) => {
    const loaded = await existingLocation(request, idParam(request), form);
    return reply.page((ctx) => loaded.page(ctx, emptyForm(loaded.values)), status);
  };

  app.post<{ Params: IdParams }>('/:municipality/catalog/locations/:id/exceptions', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        await setException(db, request.dbContext(), municipalityId(request), id, parseExceptionForm(request.body), editorOf(request));
        return reply.setFlash(request.i18n.t('catalog_admin.exception.saved')).redirect(`${locationUrl(request, id)}#exceptions-title`, 303);
      },
      rerender: (form, status) => renderWithException(request, reply, form, status),
    }),
  );

  // Removing a day with different hours asks first (ui/confirm.tsx): what the location shows that day afterwards.
  type ExceptionParams = IdParams & { exceptionId: string };
  const removal = confirmedAction<FastifyRequest<{ Params: ExceptionParams }>>({
    page: async (request, reply, form, status) => {
      const id = idParam(request);
      const { location, exceptions } = await locationForEdit(db, request.dbContext(), municipalityId(request), id);
      const exception = exceptions.find((e) => e.id === idParam(request, 'exceptionId'));
      if (!exception) throw new AppError('not_found');
      return reply.page((ctx) => <RemoveExceptionPage ctx={ctx} location={{ id, name: location.name }} exception={exception} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      await removeException(db, request.dbContext(), municipalityId(request), id, idParam(request, 'exceptionId'), editorOf(request));
      return reply.setFlash(request.i18n.t('catalog_admin.exception.removed')).redirect(`${locationUrl(request, id)}#exceptions-title`, 303);
    },
  });
  app.get<{ Params: ExceptionParams }>('/:municipality/catalog/locations/:id/exceptions/:exceptionId/delete', MANAGE, removal.get);
  app.post<{ Params: ExceptionParams }>('/:municipality/catalog/locations/:id/exceptions/:exceptionId/delete', MANAGE, removal.post);
}
