import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import { confirmedAction } from '../../platform/http/confirm';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { ConfirmPage } from '../../platform/ui/confirm';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { conflictOf } from '../../platform/ui/conflict';
import { parseAppoint, parseDeclaration, parseFormal, parseScores, remarksOf, sheetVersion } from './committee-form';
import { appoint, assessmentView, boardOf, committeeOf, declarationView, declare, myCommittees, saveConsensus, saveFormal, saveSheet, withdrawOffer } from './committee-service';
import { offerView, type CommissioningDeps } from './service';
import { AssessmentPage, BoardPage, CommitteePage, DeclarationPage, MyCommitteesPage, scoreValues, type AssessmentForms } from './views/committee';
import { grantsBase } from './views/common';
import { grantsPath, municipalityIdOf, viewerOf } from './routes-common';

type IdParams = { municipality: string; id: string };
const SIGNED_IN = { config: { access: AUTHENTICATED } };
const MANAGE = { config: { access: can('commissioning.manage') } };

/**
 * The committee (staff appoint it; its members declare, score and agree) and the offeror's withdrawal.
 * Membership is per call, not a role: the services check it on every read and write (others: not found).
 */
export async function committeeRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps: CommissioningDeps = { db: ctx.db, publicUrl: ctx.config.publicUrl };
  const m = municipalityIdOf;
  const base = grantsPath;
  const viewer = viewerOf;

  // Staff: the committee of a call.
  const renderCommittee = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const view = await committeeOf(deps, request.dbContext(), m(request), idParam(request));
    return reply.page((c) => <CommitteePage ctx={c} view={view} form={form} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/calls/:id/committee', MANAGE, (request, reply) => renderCommittee(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/calls/:id/committee', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        await appoint(deps, request.dbContext(), m(request), id, parseAppoint(request.body), request.auditActor());
        return reply.setFlash(request.i18n.t('committee.appointed_done')).redirect(`${base(request)}/calls/${id}/committee`, 303);
      },
      rerender: (form, status) => renderCommittee(request, reply, form, status),
      formErrors: ['commissioning.call_state'],
    }),
  );

  // Members: their committees, a call's offers, the declaration, the assessment.
  app.get('/:municipality/grants/committee', SIGNED_IN, async (request, reply) => {
    const list = await myCommittees(deps, request.dbContext(), m(request), request.user!.id);
    return reply.page((c) => <MyCommitteesPage ctx={c} list={list} />);
  });
  app.get<{ Params: IdParams }>('/:municipality/grants/calls/:id/assessment', SIGNED_IN, async (request, reply) => {
    const view = await boardOf(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    return reply.page((c) => <BoardPage ctx={c} view={view} />);
  });

  const renderDeclaration = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const view = await declarationView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    return reply.page((c) => <DeclarationPage ctx={c} offer={view.offer} call={view.call} declared={view.declared} form={form} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/offers/:id/declaration', SIGNED_IN, (request, reply) => renderDeclaration(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id/declaration', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const input = parseDeclaration(request.body);
        await declare(deps, request.dbContext(), m(request), id, input, viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t('committee.declared')).redirect(input.conflict ? `${base(request)}/offers/${id}/declaration` : `${base(request)}/offers/${id}/assessment`, 303);
      },
      rerender: (form, status) => renderDeclaration(request, reply, form, status),
      formErrors: ['commissioning.declared', 'commissioning.not_assessing'],
    }),
  );

  const renderAssessment = async (request: FastifyRequest, reply: FastifyReply, forms: AssessmentForms = {}, status = 200) => {
    const view = await assessmentView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
    return reply.page((c) => <AssessmentPage ctx={c} view={view} forms={forms} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/grants/offers/:id/assessment', SIGNED_IN, (request, reply) => renderAssessment(request, reply));
  const ASSESSMENT_ERRORS = ['conflict.stale', 'commissioning.formal_pending', 'commissioning.sheet_submitted', 'commissioning.not_assessing'] as const;
  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id/formal', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        await saveFormal(deps, request.dbContext(), m(request), id, parseFormal(request.body), sheetVersion(request.body), viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t('committee.saved')).redirect(`${base(request)}/offers/${id}/assessment`, 303);
      },
      rerender: (form, status) => renderAssessment(request, reply, { formal: form }, status),
      formErrors: [...ASSESSMENT_ERRORS],
    }),
  );
  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id/sheet', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const submit = (request.body as Record<string, unknown> | undefined)?.action === 'submit';
        const { call } = await assessmentView(deps, request.dbContext(), m(request), id, viewer(request));
        await saveSheet(deps, request.dbContext(), m(request), id, parseScores(request.body, call.criteria, submit), submit, sheetVersion(request.body), viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t(submit ? 'committee.sheet_submitted' : 'committee.saved')).redirect(`${base(request)}/offers/${id}/assessment`, 303);
      },
      rerender: (form, status) => renderAssessment(request, reply, { sheet: form }, status),
      formErrors: [...ASSESSMENT_ERRORS],
    }),
  );
  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id/consensus', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = idParam(request);
        const { call } = await assessmentView(deps, request.dbContext(), m(request), id, viewer(request));
        await saveConsensus(deps, request.dbContext(), m(request), id, parseScores(request.body, call.criteria, true), remarksOf(request.body), sheetVersion(request.body), viewer(request), request.auditActor());
        return reply.setFlash(request.i18n.t('committee.saved')).redirect(`${base(request)}/offers/${id}/assessment`, 303);
      },
      rerender: async (form, status) => {
        if (status !== 409) return renderAssessment(request, reply, { consensus: form }, status);
        // Someone else saved the sheet meanwhile: what was typed stays in the form, beside what is saved now.
        const view = await assessmentView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
        const cs = view.consensus;
        const saved = { ...scoreValues(cs?.scores ?? []), remarks: cs?.remarks ?? '' };
        const fields = [...view.call.criteria.flatMap((_, i) => [`score_${i}`, `justification_${i}`]), 'remarks'];
        const conflict = conflictOf(fields, form.values, saved, cs?.version ?? 0);
        return renderAssessment(request, reply, { consensus: { ...form, values: { ...form.values, version: String(cs?.version ?? 0) } }, conflict }, status);
      },
      formErrors: [...ASSESSMENT_ERRORS],
    }),
  );

  // The offeror's withdrawal, until the closing instant: a confirmation page, then the offer is withdrawn.
  const withdraw = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const view = await offerView(deps, request.dbContext(), m(request), idParam(request), viewer(request));
      const b = grantsBase;
      return reply.page((c) => (
        <ConfirmPage
          ctx={c}
          title={c.i18n.t('committee.withdraw.title', { title: view.offer.title || c.i18n.t('commissioning.offer.untitled') })}
          back={{ href: `${b(c)}/offers/${view.offer.id}`, label: view.offer.title || c.i18n.t('commissioning.offer.untitled') }}
          facts={[[c.i18n.t('commissioning.offer.call'), view.call.title], [c.i18n.t('commissioning.offer.offeror'), view.offer.organisation_name], [c.i18n.t('commissioning.fact.closes'), c.i18n.dateTime(view.call.offers_close_at)]]}
          consequences={[c.i18n.t('committee.withdraw.effect'), c.i18n.t('committee.withdraw.kept')]}
          undo={c.i18n.t('committee.withdraw.undo')}
          action={`${b(c)}/offers/${view.offer.id}/withdraw`}
          submit={c.i18n.t('committee.withdraw.submit')}
          keep={{ href: `${b(c)}/offers/${view.offer.id}`, label: c.i18n.t('committee.withdraw.keep') }}
          form={form}
        />
      ), status);
    },
    run: async (request, reply) => {
      const id = idParam(request);
      const callId = await withdrawOffer(deps, request.dbContext(), m(request), id, viewer(request), request.auditActor());
      return reply.setFlash(request.i18n.t('committee.withdraw.done')).redirect(`${base(request)}/calls/${callId}`, 303);
    },
    formErrors: ['commissioning.closed', 'commissioning.offer_state'],
  });
  app.get<{ Params: IdParams }>('/:municipality/grants/offers/:id/withdraw', SIGNED_IN, withdraw.get);
  app.post<{ Params: IdParams }>('/:municipality/grants/offers/:id/withdraw', SIGNED_IN, withdraw.post);
}
