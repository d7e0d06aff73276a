import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import { EXPORT_RATE } from '../../platform/export/rate';
import { XLSX_CONTENT_TYPE } from '../../platform/export/spreadsheet';
import { confirmedAction } from '../../platform/http/confirm';
import { versionField } from '../../platform/http/form-fields';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf } from '../../platform/http/route-context';
import { parse } from '../../platform/http/validation';
import { translator } from '../../platform/i18n';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import { acceptsOffers } from './domain';
import { CALL_FIELDS, callToValues, parseCallForm, parseDecisionForm, parseOfferForm } from './form';
import { grantsCsv, grantsXlsx, threeSixtyGiving } from './open-data';
import { announceCall, announceResults, mailConfirmation } from './publish';
import { awardedGrantsOf, callView, createCall, listCalls, myOffers, offerView, publishCall, publishResults, recordDecision, saveOffer, servicesAndOrganisations, startOffer, submitOffer, updateCall, type CommissioningDeps } from './service';
import { grantsPath, municipalityIdOf, viewerOf } from './routes-common';
import { CallsPage, CallPage } from './views/public';
import { CallFormPage, DecisionPage, ManagePage } from './views/staff';
import { CheckPage, MinePage, offerToValues, OfferPage, SubmittedPage } from './views/offer';

type Params = { municipality: string };
type IdParams = Params & { id: string };
const OPEN = { config: { access: PUBLIC } };
const SIGNED_IN = { config: { access: AUTHENTICATED } };
const MANAGE = { config: { access: can('commissioning.manage') } };
const OPEN_DATA = { config: { access: PUBLIC, rateLimit: { max: 300, timeWindow: 60_000 } } };
const FILES = { config: { access: PUBLIC, rateLimit: EXPORT_RATE } };
const versionSchema = z.object({ version: versionField() });

/** Calls (public, staff), offers (members of the offeror), decisions and results (staff), open data (public). */
export async function commissioningRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps: CommissioningDeps = { db: ctx.db, publicUrl: ctx.config.publicUrl };
  const m = municipalityIdOf;
  const base = grantsPath;
  const viewer = viewerOf;

  app.get<{ Params: Params }>('/:municipality/grants', OPEN, async (request, reply) => {
    const list = await listCalls(deps, request.dbContext(), m(request), viewer(request));
    return reply.page((c) => <CallsPage ctx={c} list={list} staff={viewer(request).staff} />);
  });

  // Calls: staff create and edit them (optimistic versions), publish them through the announcements.
  const renderNew = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm({ closes_time: '15:00' }), status = 200) => {
    const { services } = await servicesAndOrganisations(deps, request.dbContext(), m(request));
    return reply.page((c) => <CallFormPage ctx={c} form={form} services={services} />, status);
  };
  app.get<{ Params: Params }>('/:municipality/grants/calls/new', MANAGE, (request, reply) => renderNew(request, reply));
  app.post<{ Params: Params }>('/:municipality/grants/calls/new', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createCall(deps, request.dbContext(), m(request), parseCallForm(request.body, new Date()), request.auditActor());
        return reply.setFlash(request.i18n.t('commissioning.form.created')).redirect(`${base(request)}/calls/${id}/offers`, 303);
      },
      rerender: (form, status) => renderNew(request, reply, form, status),
    }),
  );

  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const { call } = await callView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    const { services } = await servicesAndOrganisations(deps, request.dbContext(), m(request));
    const saved = callToValues(call);
    if (form?.message) {
      const conflict = conflictOf(CALL_FIELDS, form.values, saved, call.version);
      return reply.page((c) => <CallFormPage ctx={c} form={{ ...form, values: { ...form.values, version: saved.version! } }} call={call} services={services} conflict={conflict} />, status);
    }
    return reply.page((c) => <CallFormPage ctx={c} form={form ?? emptyForm(saved)} call={call} services={services} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/calls/:id/edit', MANAGE, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/calls/:id/edit', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        const input = parseCallForm(request.body, new Date());
        await updateCall(deps, request.dbContext(), m(request), id, input, version, request.auditActor(), announceCall(municipalityOf(request), request.user?.id ?? null, deps.publicUrl));
        return reply.setFlash(request.i18n.t('commissioning.form.saved')).redirect(`${base(request)}/calls/${id}`, 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale', 'commissioning.call_state'],
    }),
  );

  const renderManage = async (request: FastifyRequest, reply: FastifyReply, publishForm: FormState = emptyForm(), status = 200) => {
    const view = await callView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    return reply.page((c) => <ManagePage ctx={c} view={view} publishForm={publishForm} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/calls/:id/offers', MANAGE, (request, reply) => renderManage(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/calls/:id/publish', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await publishCall(deps, request.dbContext(), m(request), id, version, request.auditActor(), announceCall(municipalityOf(request), request.user?.id ?? null, deps.publicUrl));
        return reply.setFlash(request.i18n.t('commissioning.manage.published')).redirect(`${base(request)}/calls/${id}`, 303);
      },
      rerender: (form, status) => renderManage(request, reply, form, status),
      formErrors: ['conflict.stale', 'commissioning.call_state'],
    }),
  );
  app.post<{ Params: IdParams }>('/:municipality/grants/calls/:id/results', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        await publishResults(deps, request.dbContext(), m(request), id, request.auditActor(), announceResults(municipalityOf(request), request.user?.id ?? null, deps.publicUrl));
        return reply.setFlash(request.i18n.t('commissioning.manage.results_done')).redirect(`${base(request)}/calls/${id}`, 303);
      },
      rerender: (form, status) => renderManage(request, reply, form, status),
      formErrors: ['commissioning.call_state', 'commissioning.undecided'],
    }),
  );

  // The public page of a call (drafts: staff only), and starting an offer from it.
  const renderCall = async (request: FastifyRequest, reply: FastifyReply, startForm: FormState = emptyForm(), status = 200) => {
    const view = await callView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    return reply.page((c) => <CallPage ctx={c} view={view} staff={viewer(request).staff} startForm={startForm} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/calls/:id', OPEN, (request, reply) => renderCall(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/calls/:id/offers/new', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const organisationId = typeof body.organisation_id === 'string' ? body.organisation_id.trim().toLowerCase() : '';
        const id = await startOffer(deps, request.dbContext(), m(request), idParam(request), organisationId, viewer(request), request.auditActor());
        return reply.redirect(`${base(request)}/offers/${id}`, 303);
      },
      rerender: (form, status) => renderCall(request, reply, form, status),
      formErrors: ['commissioning.closed'],
    }),
  );

  app.get<{ Params: Params }>('/:municipality/grants/offers/mine', SIGNED_IN, async (request, reply) => {
    const list = await myOffers(deps, request.dbContext(), m(request), request.user!.id);
    return reply.page((c) => <MinePage ctx={c} list={list} />);
  });

  // An offer: the draft form with the sums (members of the offeror), read-only once submitted (and to staff).
  const renderOffer = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const view = await offerView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    const closed = !acceptsOffers(view.call, new Date());
    const values = form ? { ...form.values, version: String(view.offer.version) } : offerToValues(view.offer);
    return reply.page((c) => <OfferPage ctx={c} view={view} form={form ? { ...form, values } : emptyForm(values)} closed={closed} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/offers/:id', SIGNED_IN, (request, reply) => renderOffer(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { version } = parse(versionSchema, request.body);
        await saveOffer(deps, request.dbContext(), m(request), id, parseOfferForm(request.body), version, viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t('commissioning.offer.saved')).redirect(`${base(request)}/offers/${id}`, 303);
      },
      rerender: (form, status) => renderOffer(request, reply, form, status),
      formErrors: ['conflict.stale', 'commissioning.closed', 'commissioning.offer_state'],
    }),
  );

  const submit = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const view = await offerView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
      return reply.page((c) => <CheckPage ctx={c} view={view} form={form} />, status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      const { version } = parse(versionSchema, request.body);
      const who = viewer(request);
      await submitOffer(deps, request.dbContext(), m(request), id, version, who, request.auditActor(), mailConfirmation(municipalityOf(request), who.email, deps.publicUrl));
      return reply.redirect(`${base(request)}/offers/${id}/submitted`, 303);
    },
    formErrors: ['conflict.stale', 'commissioning.closed', 'commissioning.offer_state'],
  });
  app.get<{ Params: IdParams }>('/:municipality/grants/offers/:id/submit', SIGNED_IN, submit.get);
  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id/submit', SIGNED_IN, submit.post);
  app.get<{ Params: IdParams }>('/:municipality/grants/offers/:id/submitted', SIGNED_IN, async (request, reply) => {
    const view = await offerView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    return reply.page((c) => <SubmittedPage ctx={c} view={view} />);
  });

  // Decisions: staff, one offer a page.
  const renderDecision = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const view = await offerView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    return reply.page((c) => <DecisionPage ctx={c} offer={view.offer} call={view.call} form={form ?? emptyForm()} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/offers/:id/decision', MANAGE, (request, reply) => renderDecision(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id/decision', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const callId = await recordDecision(deps, request.dbContext(), m(request), idParam(request), parseDecisionForm(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('commissioning.manage.decided')).redirect(`${base(request)}/calls/${callId}/offers`, 303);
      },
      rerender: (form, status) => renderDecision(request, reply, form, status),
      formErrors: ['commissioning.offer_state'],
    }),
  );

  // Open data: awarded grants of resolved calls.
  await app.register(async (api) => {
    api.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
    });
    api.get<{ Params: Params }>('/api/:municipality/grants/360giving.json', OPEN_DATA, async (request) => {
      const grants = await awardedGrantsOf(deps, request.dbContext(), m(request));
      return threeSixtyGiving(municipalityOf(request), grants, deps.publicUrl);
    });
  });
  const exportFile = async (request: FastifyRequest, reply: FastifyReply, kind: 'csv' | 'xlsx') => {
    const municipality = municipalityOf(request);
    const grants = await awardedGrantsOf(deps, request.dbContext(), municipality.id);
    reply.header('content-disposition', `attachment; filename="dotacje-${municipality.slug}.${kind}"`);
    if (kind === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(grantsCsv(municipality, grants));
    return reply.header('content-type', XLSX_CONTENT_TYPE).send(await grantsXlsx(municipality, grants, translator('pl').t('commissioning.export.sheet')));
  };
  app.get<{ Params: Params }>('/:municipality/grants/grants.csv', FILES, (request, reply) => exportFile(request, reply, 'csv'));
  app.get<{ Params: Params }>('/:municipality/grants/grants.xlsx', FILES, (request, reply) => exportFile(request, reply, 'xlsx'));
}
