import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import { EXPORT_RATE } from '../../platform/export/rate';
import { versionField } from '../../platform/http/form-fields';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf } from '../../platform/http/route-context';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { agreementPdf } from './agreement-pdf';
import { parseChangeDecision, parseChangeForm, parseMoveForm, parseReportForm, parseReportKind, parseReview, reportToValues, termsToValues } from './form-agreements';
import { agreementList, agreementView, createAgreement, decideChange, moveAgreement, reportView, requestChange, reviewReport, saveReport, startReport } from './service-agreements';
import type { CommissioningDeps } from './service';
import { grantsPath, municipalityIdOf, viewerOf } from './routes-common';
import { AgreementPage, AgreementsPage, ChangePage, ReportPage } from './views/agreements';

type Params = { municipality: string };
type IdParams = Params & { id: string };
const SIGNED_IN = { config: { access: AUTHENTICATED } };
const MANAGE = { config: { access: can('commissioning.manage') } };
const PDF = { config: { access: AUTHENTICATED, rateLimit: EXPORT_RATE } };
const versionSchema = z.object({ version: versionField() });
const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(10_000).optional() });
const STATE_ERRORS = ['conflict.stale', 'commissioning.agreement_state', 'commissioning.change_pending', 'commissioning.own_organisation'] as const;
const REPORT_ERRORS = ['conflict.stale', 'commissioning.report_state', 'commissioning.own_organisation', 'commissioning.agreement_state'] as const;

/**
 * Agreements of funded offers and their reports (ADR 0038): staff create them and move them through their
 * states, the offeror's members ask for updated terms and annexes and write the reports, staff answer;
 * the offeror, staff and the call's committee read them (HTML and a tagged PDF for signature).
 */
export async function agreementRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps: CommissioningDeps = { db: ctx.db, publicUrl: ctx.config.publicUrl };
  const m = municipalityIdOf;
  const base = grantsPath;
  const viewer = viewerOf;

  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id/agreement', MANAGE, async (request, reply) => {
    const id = await createAgreement(deps, request.dbContext(), m(request), idParam(request), request.auditActor());
    return reply.setFlash(request.i18n.t('agreement.created')).redirect(`${base(request)}/agreements/${id}`, 303);
  });

  app.get<{ Params: Params }>('/:municipality/grants/agreements', SIGNED_IN, async (request, reply) => {
    const list = await agreementList(deps, request.dbContext(), m(request), viewer(request));
    return reply.page((c) => <AgreementsPage ctx={c} list={list} />);
  });

  const renderAgreement = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const { version } = parse(versionQuery, request.query);
    const view = await agreementView(deps, request.dbContext(), m(request), idParam(request), viewer(request), version);
    return reply.page((c) => <AgreementPage ctx={c} view={view} form={form} municipality={municipalityOf(request).name} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/agreements/:id', SIGNED_IN, (request, reply) => renderAgreement(request, reply));
  app.get<{ Params: IdParams }>('/:municipality/grants/agreements/:id/agreement.pdf', PDF, async (request, reply) => {
    const municipality = municipalityOf(request);
    const { version } = parse(versionQuery, request.query);
    const view = await agreementView(deps, request.dbContext(), municipality.id, idParam(request), viewer(request), version);
    const pdf = await agreementPdf({ view, i18n: request.i18n, municipality: { name: municipality.name, cusName: municipality.cus_name } });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="umowa-${view.agreement.number.replace(/\W+/g, '-')}-v${view.shown.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.post<{ Params: IdParams }>('/:municipality/grants/agreements/:id/state', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await moveAgreement(deps, request.dbContext(), m(request), id, parseMoveForm(request.body), version, viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t('agreement.moved')).redirect(`${base(request)}/agreements/${id}`, 303);
      },
      rerender: (form, status) => renderAgreement(request, reply, form, status),
      formErrors: [...STATE_ERRORS],
    }),
  );
  app.post<{ Params: IdParams }>('/:municipality/grants/agreements/:id/change/decision', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await decideChange(deps, request.dbContext(), m(request), id, parseChangeDecision(request.body), version, viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t('agreement.decided')).redirect(`${base(request)}/agreements/${id}`, 303);
      },
      rerender: (form, status) => renderAgreement(request, reply, form, status),
      formErrors: [...STATE_ERRORS],
    }),
  );

  const renderChange = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const view = await agreementView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    const values = form ? { ...form.values, version: String(view.agreement.version) } : termsToValues(view.current, view.agreement.version);
    return reply.page((c) => <ChangePage ctx={c} view={view} form={form ? { ...form, values } : emptyForm(values)} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/agreements/:id/change', SIGNED_IN, (request, reply) => renderChange(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/agreements/:id/change', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await requestChange(deps, request.dbContext(), m(request), id, parseChangeForm(request.body), version, viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t('agreement.change.sent')).redirect(`${base(request)}/agreements/${id}`, 303);
      },
      rerender: (form, status) => renderChange(request, reply, form, status),
      formErrors: [...STATE_ERRORS],
    }),
  );

  app.post<{ Params: IdParams }>('/:municipality/grants/agreements/:id/reports/new', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await startReport(deps, request.dbContext(), m(request), idParam(request), parseReportKind(request.body), viewer(request), request.auditActor());
        return reply.redirect(`${base(request)}/reports/${id}`, 303);
      },
      rerender: (form, status) => renderAgreement(request, reply, form, status),
      formErrors: [...REPORT_ERRORS],
    }),
  );

  const renderReport = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const view = await reportView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    const values = form ? { ...form.values, version: String(view.report.version) } : reportToValues(view.report);
    return reply.page((c) => <ReportPage ctx={c} view={view} form={form ? { ...form, values } : emptyForm(values)} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/reports/:id', SIGNED_IN, (request, reply) => renderReport(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/reports/:id', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        const submit = (request.body as Record<string, unknown> | undefined)?.action === 'submit';
        const who = viewer(request);
        const view = await reportView(deps, request.dbContext(), m(request), id, who);
        await saveReport(deps, request.dbContext(), m(request), id, parseReportForm(request.body, view.lines.length), version, submit, who, request.auditActor());
        return reply.setFlash(request.i18n.t(submit ? 'grant_report.submitted' : 'grant_report.saved')).redirect(`${base(request)}/reports/${id}`, 303);
      },
      rerender: (form, status) => renderReport(request, reply, form, status),
      formErrors: [...REPORT_ERRORS],
    }),
  );
  app.post<{ Params: IdParams }>('/:municipality/grants/reports/:id/review', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await reviewReport(deps, request.dbContext(), m(request), id, parseReview(request.body), version, viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t('grant_report.reviewed')).redirect(`${base(request)}/reports/${id}`, 303);
      },
      rerender: (form, status) => renderReport(request, reply, form, status),
      formErrors: [...REPORT_ERRORS],
    }),
  );
}
