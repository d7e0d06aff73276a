import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readDocx } from '../../platform/export/docx';
import { UPLOAD_RATE } from '../../platform/export/rate';
import { acceptOneFile, type Upload } from '../../platform/http/upload';
import { validationError } from '../../platform/http/errors';
import { confirmedAction } from '../../platform/http/confirm';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { parse } from '../../platform/http/validation';
import type { Sql } from '../../platform/db/types';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import {
  type ConsultationInput,
  consultationToValues, CONSULTATION_FIELDS, parseConsultationForm, parseHideForm, parsePartForm, parsePasteForm, parsePositionForm, parseTitleForm, parseWrittenForm, PART_FIELDS,
  partToValues, POSITION_FIELDS,
} from './form';
import { announceConsultation, publishHooks } from './publish';
import { basePath, depsOf, MANAGE, municipalityOf, versionSchema, viewerOf, type IdParams, type Params, type PartParams, type RemarkParams } from './routes-common';
import {
  addWritten, consultationView, createConsultation, hideRemark, importText, partForEdit, publishPreview, publishReport, remarkForStaff, removePart, setPosition, updateConsultation, updatePart,
  updateTitle,
} from './service';
import { afterOf, staffRemarksPage } from './service-pages';
import { toParagraphs } from './split';
import { ConsultationFormPage, ManagePage, PartEditPage, PublishReportPage, RemarkPage } from './views/staff';

/** A DOCX may have at most 10 MB; a longer upload is cut off there and refused. */
export const MAX_DOCX_BYTES = 10 * 1024 * 1024;


/** Staff with consultations.manage: consultations, their text (paste, DOCX, parts, title), written remarks, positions, moderation, the report. */
export async function staffRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const announcer = (request: FastifyRequest) => (sql: Sql, id: string, input: ConsultationInput) =>
    announceConsultation(sql, municipalityOf(request), request.user?.id ?? null, id, input, deps.publicUrl);

  const renderNew = (reply: FastifyReply, form: FormState = emptyForm({ audience: ['everyone'], forms: ['comments'], opens_time: '08:00', closes_time: '23:59' }), status = 200) =>
    reply.page((c) => <ConsultationFormPage ctx={c} form={form} />, status);
  app.get<{ Params: Params }>('/:municipality/consultations/new', MANAGE, (_request, reply) => renderNew(reply));
  app.post<{ Params: Params }>('/:municipality/consultations/new', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createConsultation(deps, request.dbContext(), m(request), parseConsultationForm(request.body), request.auditActor(), announcer(request));
        return reply.setFlash(request.i18n.t('consultations.form.created')).redirect(`${basePath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderNew(reply, form, status),
    }),
  );

  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const { consultation } = await consultationView(deps, request.dbContext(), m(request), idParam(request), viewerOf(request), false);
    const saved = consultationToValues(consultation);
    if (form?.message) {
      const conflict = conflictOf(CONSULTATION_FIELDS, form.values, saved, consultation.version);
      return reply.page((c) => <ConsultationFormPage ctx={c} form={{ ...form, values: { ...form.values, version: saved.version! } }} consultation={consultation} conflict={conflict} />, status);
    }
    return reply.page((c) => <ConsultationFormPage ctx={c} form={form ?? emptyForm(saved)} consultation={consultation} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/consultations/:id/edit', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/consultations/:id/edit', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await updateConsultation(deps, request.dbContext(), m(request), id, parseConsultationForm(request.body), version, request.auditActor(), announcer(request));
        return reply.setFlash(request.i18n.t('consultations.manage.saved')).redirect(`${basePath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale', 'consultation.report_state'],
    }),
  );

  type Forms = { importForm?: FormState; titleForm?: FormState; writtenForm?: FormState };
  const renderManage = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, forms: Forms = {}, status = 200) => {
    const view = await consultationView(deps, request.dbContext(), m(request), idParam(request), viewerOf(request), false);
    const remarksPage = await staffRemarksPage(deps, request.dbContext(), m(request), view.consultation.id, status === 200 ? afterOf(request.query) : null, viewerOf(request));
    return reply.page(
      (c) => (
        <ManagePage
          ctx={c}
          view={view}
          remarksPage={remarksPage}
          importForm={forms.importForm ?? emptyForm()}
          titleForm={forms.titleForm ?? emptyForm({ title: view.consultation.text_title })}
          writtenForm={forms.writtenForm ?? emptyForm({ source: 'written' })}
        />
      ),
      status,
    );
  };
  app.get<{ Params: IdParams }>('/:municipality/consultations/:id/manage', MANAGE, (request, reply) => renderManage(request, reply));

  const afterImport = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, paragraphs: string[], version: number) => {
    const id = idParam(request);
    const split = await importText(deps, request.dbContext(), m(request), id, paragraphs, version, request.auditActor());
    return reply.setFlash(request.i18n.t('consultations.manage.imported', { count: split.parts.length })).redirect(`${basePath(request)}/${id}/manage`, 303);
  };
  const manageForms = ['conflict.stale', 'consultation.text_locked'] as const;
  app.post<{ Params: IdParams }>('/:municipality/consultations/:id/text', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const { version } = parse(versionSchema, request.body);
        return afterImport(request, reply, toParagraphs(parsePasteForm(request.body).text), version);
      },
      rerender: (form, status) => renderManage(request, reply, { importForm: form }, status),
      formErrors: [...manageForms],
    }),
  );

  app.post<{ Params: IdParams }>('/:municipality/consultations/:id/title', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await updateTitle(deps, request.dbContext(), m(request), id, parseTitleForm(request.body).title, version, request.auditActor());
        return reply.setFlash(request.i18n.t('consultations.manage.saved')).redirect(`${basePath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderManage(request, reply, { titleForm: form }, status),
      formErrors: [...manageForms],
    }),
  );

  const renderPart = async (request: FastifyRequest<{ Params: PartParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const { consultation, part } = await partForEdit(deps, request.dbContext(), m(request), idParam(request), idParam(request, 'partId'));
    const saved = partToValues(part);
    if (form?.message) {
      const conflict = conflictOf(PART_FIELDS, form.values, saved, part.version);
      return reply.page((c) => <PartEditPage ctx={c} consultation={consultation} part={part} form={{ ...form, values: { ...form.values, version: saved.version! } }} conflict={conflict} />, status);
    }
    return reply.page((c) => <PartEditPage ctx={c} consultation={consultation} part={part} form={form ?? emptyForm(saved)} />, status);
  };
  app.get<{ Params: PartParams }>('/:municipality/consultations/:id/parts/:partId/edit', MANAGE, (request, reply) => renderPart(request, reply));
  app.post<{ Params: PartParams }>('/:municipality/consultations/:id/parts/:partId/edit', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await updatePart(deps, request.dbContext(), m(request), id, idParam(request, 'partId'), parsePartForm(request.body), version, request.auditActor());
        return reply.setFlash(request.i18n.t('consultations.manage.saved')).redirect(`${basePath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderPart(request, reply, form, status),
      formErrors: ['conflict.stale', 'consultation.text_locked', 'consultation.part_gone'],
    }),
  );
  app.post<{ Params: PartParams }>('/:municipality/consultations/:id/parts/:partId/remove', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await removePart(deps, request.dbContext(), m(request), id, idParam(request, 'partId'), version, request.auditActor());
        return reply.setFlash(request.i18n.t('consultations.part_removed')).redirect(`${basePath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderPart(request, reply, form, status),
      formErrors: ['conflict.stale', 'consultation.text_locked', 'consultation.part_gone'],
    }),
  );

  app.post<{ Params: IdParams }>('/:municipality/consultations/:id/remarks', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        await addWritten(deps, request.dbContext(), m(request), id, parseWrittenForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('consultations.manage.written_saved')).redirect(`${basePath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderManage(request, reply, { writtenForm: form }, status),
      formErrors: ['consultation.report_state'],
    }),
  );

  const renderRemark = async (request: FastifyRequest<{ Params: RemarkParams }>, reply: FastifyReply, forms: { form?: FormState; hideForm?: FormState } = {}, status = 200) => {
    const { consultation, remark } = await remarkForStaff(deps, request.dbContext(), m(request), idParam(request), idParam(request, 'remarkId'), viewerOf(request));
    const saved = { position: remark.position ?? '', reasons: remark.reasons, version: String(remark.version) };
    const form = forms.form;
    const conflict = form?.message ? conflictOf(POSITION_FIELDS, form.values, saved, remark.version) : undefined;
    const shown = form ? { ...form, values: { ...form.values, version: saved.version } } : emptyForm(saved);
    return reply.page((c) => <RemarkPage ctx={c} consultation={consultation} remark={remark} form={shown} hideForm={forms.hideForm ?? emptyForm()} conflict={conflict} />, status);
  };
  app.get<{ Params: RemarkParams }>('/:municipality/consultations/:id/remarks/:remarkId', MANAGE, (request, reply) => renderRemark(request, reply));
  app.post<{ Params: RemarkParams }>('/:municipality/consultations/:id/remarks/:remarkId/position', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await setPosition(deps, request.dbContext(), m(request), id, idParam(request, 'remarkId'), parsePositionForm(request.body), version, request.auditActor());
        return reply.setFlash(request.i18n.t('consultations.manage.saved')).redirect(`${basePath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderRemark(request, reply, { form }, status),
      formErrors: ['conflict.stale', 'consultation.report_state'],
    }),
  );
  app.post<{ Params: RemarkParams }>('/:municipality/consultations/:id/remarks/:remarkId/hide', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await hideRemark(deps, request.dbContext(), m(request), id, idParam(request, 'remarkId'), parseHideForm(request.body).reason, version, request.auditActor());
        return reply.setFlash(request.i18n.t('consultations.hide.done')).redirect(`${basePath(request)}/${id}/manage`, 303);
      },
      rerender: (form, status) => renderRemark(request, reply, { hideForm: form }, status),
      formErrors: ['conflict.stale'],
    }),
  );

  // Publishing the report is irreversible (an announcement, a mail to every participant): the kernel's confirmation page first.
  const publishing = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const preview = await publishPreview(deps, request.dbContext(), m(request), idParam(request));
      return reply.page((c) => <PublishReportPage ctx={c} consultation={preview.consultation} remarks={preview.remarks} participants={preview.participants} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      const { version } = parse(versionSchema, request.body);
      await publishReport(deps, request.dbContext(), m(request), id, version, publishHooks(deps.publicUrl, municipalityOf(request), request.user?.id ?? null), request.auditActor());
      return reply.setFlash(request.i18n.t('consultations.manage.published')).redirect(`${basePath(request)}/${id}/report`, 303);
    },
    formErrors: ['conflict.stale'],
  });
  app.get<{ Params: IdParams }>('/:municipality/consultations/:id/report/publish', MANAGE, publishing.get);
  app.post<{ Params: IdParams }>('/:municipality/consultations/:id/report/publish', MANAGE, publishing.post);

  // The DOCX upload: multipart only in this scope; the file is buffered (cut at 10 MB) before the guard checks access and CSRF.
  await app.register(async (scope) => {
    await acceptOneFile(scope, MAX_DOCX_BYTES);
    scope.post<{ Params: IdParams }>('/:municipality/consultations/:id/text.docx', { config: { ...MANAGE.config, rateLimit: UPLOAD_RATE } }, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const body = (request.body ?? {}) as Record<string, unknown>;
          const { version } = parse(versionSchema, body);
          const file = body.file as Upload | undefined;
          const fail = (code: string) => validationError({ file: { code } });
          if (!file || !Buffer.isBuffer(file.data) || file.data.length === 0) throw fail('consultation_docx_required');
          if (file.truncated || file.data.length > MAX_DOCX_BYTES) throw fail('consultation_docx_too_big');
          if (/\.odt$/i.test(file.filename) || file.data.subarray(30, 80).toString('latin1').includes('opendocument')) throw fail('consultation_docx_odt');
          if (file.data[0] !== 0x50 || file.data[1] !== 0x4b) throw fail('consultation_docx_broken');
          const read = await readDocx(new Uint8Array(file.data));
          if ('problem' in read) throw fail(read.problem === 'unpacked_too_big' ? 'consultation_docx_too_big' : 'consultation_docx_broken');
          return afterImport(request, reply, read.paragraphs, version);
        },
        rerender: (form, status) => renderManage(request, reply, { importForm: form }, status),
        formErrors: [...manageForms],
      }),
    );
  });
}
