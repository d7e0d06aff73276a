import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { submitForm } from '../../platform/http/forms';
import { acceptOneFile } from '../../platform/http/upload';
import { confirmedAction } from '../../platform/http/confirm';
import { idParam } from '../../platform/http/params';
import { shownFileName } from '../../platform/http/well-formed';
import { UPLOAD_RATE } from '../../platform/export/rate';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { attachmentHeader, MAX_DOCUMENT_BYTES } from './documents';
import { parseUpload } from './form';
import { APPLICATIONS_STAFF, CASES_STAFF, depsOf, isId, municipalityOf, MEMBER, myBase, SIGNED_IN, viewerOf, type IdParams, type Params } from './routes-common';
import {
  applicationDocuments, caseDocuments, documentToRemove, downloadDocument, myDocuments, removeDocument, uploadAsApplicant, uploadToApplication, uploadToCase,
} from './service-documents';
import { MyDocumentsPage, NewDocumentPage, RemoveDocumentPage, StaffDocumentsPage } from './views/documents';
import { userOf } from '../../platform/http/route-context';


const newQuery = z.object({ application: z.string().max(40).catch('') });
/** An upload route: its access rule (and checks), limited to UPLOAD_RATE per person. */
const uploading = <T extends { config: object }>(route: T): T => ({ ...route, config: { ...route.config, rateLimit: UPLOAD_RATE } });

/**
 * Documents of applications and cases: the resident's list and upload, staff's lists and uploads,
 * download (audited for staff), removal with a confirmation. Uploads are multipart forms:
 * @fastify/multipart is registered only in this scope and buffers the one file (at most 5 MB; a
 * longer one is cut off and refused) into `request.body.file` before the guard checks access and CSRF.
 */
export async function documentRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const m = (request: FastifyRequest) => municipalityOf(request).id;

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { applications } = await myDocuments(deps, request.dbContext(), m(request), userOf(request).id);
    return reply.page((c) => <NewDocumentPage ctx={c} form={form} applications={applications} />, status);
  };
  const renderApplication = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await applicationDocuments(deps, request.dbContext(), m(request), idParam(request), viewerOf(request), request.auditActor());
    return reply.page((c) => <StaffDocumentsPage ctx={c} form={form} of={{ application: data.application }} documents={data.documents} mayUpload={data.mayUpload} />, status);
  };
  const renderCase = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const data = await caseDocuments(deps, request.dbContext(), m(request), idParam(request), viewerOf(request), request.auditActor());
    return reply.page((c) => <StaffDocumentsPage ctx={c} form={form} of={{ case: data.case }} documents={data.documents} mayUpload={data.mayUpload} />, status);
  };

  app.get<{ Params: Params }>('/:municipality/my/documents', MEMBER, async (request, reply) => {
    const data = await myDocuments(deps, request.dbContext(), m(request), userOf(request).id);
    return reply.page((c) => <MyDocumentsPage ctx={c} documents={data.documents} canUpload={data.applications.length > 0} />);
  });
  app.get<{ Params: Params }>('/:municipality/my/documents/new', MEMBER, (request, reply) => {
    const { application } = newQuery.parse(request.query ?? {});
    return renderNew(request, reply, emptyForm(isId(application) ? { application: application.toLowerCase() } : {}));
  });
  app.get<{ Params: IdParams }>('/:municipality/applications/:id/documents', APPLICATIONS_STAFF, (request, reply) => renderApplication(request, reply));
  app.get<{ Params: IdParams }>('/:municipality/cases/:id/documents', CASES_STAFF, (request, reply) => renderCase(request, reply));

  app.get<{ Params: IdParams }>('/:municipality/documents/:id', SIGNED_IN, async (request, reply) => {
    const reader = { viewer: viewerOf(request), mfa: Boolean(userOf(request).totp_enabled_at) };
    const { document, content } = await downloadDocument(deps, request.dbContext(), m(request), idParam(request), reader, request.auditActor());
    return reply
      .header('content-type', document.media_type)
      .header('content-disposition', attachmentHeader(document.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(content);
  });

  /** Back to where the document is listed for this person: their own list, or the staff page it was added on. */
  const listOf = (request: FastifyRequest, d: { owner_id: string | null; application_id: string | null; case_id: string | null }) =>
    d.owner_id === userOf(request).id
      ? `${myBase(request)}/documents`
      : `/${municipalityOf(request).slug}/${d.application_id ? `applications/${d.application_id}` : `cases/${d.case_id}`}/documents`;

  // Removal asks first (ui/confirm.tsx): a POST without the confirmation page's field removes nothing.
  const removal = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const d = await documentToRemove(deps, request.dbContext(), m(request), idParam(request), userOf(request).id);
      return reply.header('cache-control', 'no-store').page((c) => <RemoveDocumentPage ctx={c} document={d} back={listOf(request, d)} form={form} />, status);
    },
    run: async (request, reply) => {
      const d = await removeDocument(deps, request.dbContext(), m(request), idParam(request), request.auditActor());
      return reply.setFlash(request.i18n.t('my_data.documents.removed', { name: shownFileName(d.filename) })).redirect(listOf(request, d), 303);
    },
  });
  app.get<{ Params: IdParams }>('/:municipality/documents/:id/remove', SIGNED_IN, removal.get);
  app.post<{ Params: IdParams }>('/:municipality/documents/:id/remove', SIGNED_IN, removal.post);

  await app.register(async (scope) => {
    await acceptOneFile(scope, MAX_DOCUMENT_BYTES);

    scope.post<{ Params: Params }>('/:municipality/my/documents', uploading(MEMBER), (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const a = await uploadAsApplicant(deps, request.dbContext(), m(request), parseUpload(request.body, true), request.auditActor());
          return reply.setFlash(request.i18n.t('my_data.documents.added', { service: a.service_name })).redirect(`${myBase(request)}/documents`, 303);
        },
        rerender: (form, status) => renderNew(request, reply, form, status),
      }),
    );
    scope.post<{ Params: IdParams }>('/:municipality/applications/:id/documents', uploading(APPLICATIONS_STAFF), (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const id = idParam(request);
          await uploadToApplication(deps, request.dbContext(), m(request), id, viewerOf(request), parseUpload(request.body, false), request.auditActor());
          return reply.setFlash(request.i18n.t('my_data.staff.added')).redirect(`/${municipalityOf(request).slug}/applications/${id}/documents`, 303);
        },
        rerender: (form, status) => renderApplication(request, reply, form, status),
      }),
    );
    scope.post<{ Params: IdParams }>('/:municipality/cases/:id/documents', uploading(CASES_STAFF), (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const id = idParam(request);
          await uploadToCase(deps, request.dbContext(), m(request), id, viewerOf(request), parseUpload(request.body, false), request.auditActor());
          return reply.setFlash(request.i18n.t('my_data.staff.added')).redirect(`/${municipalityOf(request).slug}/cases/${id}/documents`, 303);
        },
        rerender: (form, status) => renderCase(request, reply, form, status),
      }),
    );
  });
}
