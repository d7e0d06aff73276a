import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/access';
import { AppError } from '../../platform/http/errors';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf, userOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { createEdition } from './proposals-editions';
import { proposalToValues, verificationToValues } from './views/proposals-values';
import {
  appealVerdict, createProposal, decideAppeal, editionProposals, proposalView, publishVerification, saveVerification, submitProposal, supportProposal, updateProposal,
} from './proposals-service';
import { depsOf, isStaff, OPEN, SIGNED_IN, type EditionParams, type Params } from './routes-common';
import { NewEditionPage, VerificationDeskPage, VerificationPage } from './views/proposals-staff';
import { ProposalFormPage, ProposalPage, ProposalsPage } from './views/proposals';

const MANAGE = { config: { access: can('budget.manage') } };
type IdParams = Params & { id: string };

/** Proposals, support, verification and appeals (ADR 0034), and the staff's new-edition form. */
export async function proposalRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = { db: depsOf(ctx).db };
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const base = (request: FastifyRequest) => `/${municipalityOf(request).slug}/budzet`;
  const proposalUrl = (request: FastifyRequest, id: string) => `${base(request)}/wnioski/${id}`;
  const resident = (request: FastifyRequest) => {
    const user = userOf(request);
    if (!request.tenant?.roles.includes('resident')) throw new AppError('budget.residents_only');
    return user;
  };
  const json = (request: FastifyRequest) => Boolean(request.headers.accept?.includes('application/json'));
  const userId = (request: FastifyRequest) => request.user?.id ?? null;

  // The edition's proposals: everyone sees the submitted ones, an author also their drafts.
  app.get<{ Params: EditionParams }>('/:municipality/budzet/:edition/wnioski', OPEN, async (request, reply) => {
    const view = await editionProposals(deps, request.dbContext(), m(request), idParam(request, 'edition'), userId(request), isStaff(request));
    return reply.page((c) => <ProposalsPage ctx={c} view={view} staff={isStaff(request)} />);
  });

  const renderNew = async (request: FastifyRequest<{ Params: EditionParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const view = await editionProposals(deps, request.dbContext(), m(request), idParam(request, 'edition'), userId(request), false);
    return reply.page((c) => <ProposalFormPage ctx={c} edition={view.edition} pools={view.pools} open={view.proposalsOpen} form={form} proposalId={null} />, status);
  };
  app.get<{ Params: EditionParams }>('/:municipality/budzet/:edition/wnioski/nowy', SIGNED_IN, (request, reply) => {
    resident(request);
    return renderNew(request, reply);
  });
  app.post<{ Params: EditionParams }>('/:municipality/budzet/:edition/wnioski/nowy', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const user = resident(request);
        const id = await createProposal(deps, request.dbContext(), m(request), user.id, idParam(request, 'edition'), request.body, request.auditActor());
        if (json(request)) return reply.code(201).send({ id });
        return reply.setFlash(request.i18n.t('budget.proposal.saved')).redirect(proposalUrl(request, id), 303);
      },
      rerender: (form, status) => renderNew(request, reply, form, status),
      formErrors: ['budget.proposals_closed'],
    }),
  );

  const renderProposal = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const view = await proposalView(deps, request.dbContext(), m(request), idParam(request), userId(request), isStaff(request));
    return reply.page((c) => <ProposalPage ctx={c} view={view} staff={isStaff(request)} form={form} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/budzet/wnioski/:id', OPEN, (request, reply) => renderProposal(request, reply));

  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const view = await proposalView(deps, request.dbContext(), m(request), idParam(request), userOf(request).id, false);
    if (!view.isAuthor) throw new AppError('not_found');
    // After a conflict the person's input stays; the version becomes the saved one, so a second save is deliberate.
    const shown: FormState = form ? { ...form, values: { ...form.values, version: String(view.proposal.version) } } : { values: proposalToValues(view.proposal, view.lines), errors: {} };
    return reply.page((c) => <ProposalFormPage ctx={c} edition={view.edition} pools={view.pools} open={view.proposalsOpen} form={shown} proposalId={view.proposal.id} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/budzet/wnioski/:id/edytuj', SIGNED_IN, (request, reply) => renderEdit(request, reply));
  app.post<{ Params: IdParams }>('/:municipality/budzet/wnioski/:id/edytuj', SIGNED_IN, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        await updateProposal(deps, request.dbContext(), m(request), userOf(request).id, idParam(request), request.body, request.auditActor());
        if (json(request)) return reply.send({ saved: true });
        return reply.setFlash(request.i18n.t('budget.proposal.saved')).redirect(proposalUrl(request, idParam(request)), 303);
      },
      rerender: (form, status) => renderEdit(request, reply, form, status),
      formErrors: ['conflict.stale', 'budget.proposals_closed', 'budget.proposal_not_draft'],
    }),
  );

  // One-button actions on the proposal's page; a refusal is shown there, in words.
  const action = (path: string, run: (request: FastifyRequest<{ Params: IdParams }>) => Promise<string>, formErrors: AppError['code'][]) =>
    app.post<{ Params: IdParams }>(`/:municipality/budzet/wnioski/:id/${path}`, SIGNED_IN, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const flash = await run(request);
          if (json(request)) return reply.send({ ok: true });
          return reply.setFlash(request.i18n.t(flash as 'budget.proposal.saved')).redirect(proposalUrl(request, idParam(request)), 303);
        },
        rerender: (form, status) => renderProposal(request, reply, form, status),
        formErrors,
      }),
    );
  action('zloz', async (request) => {
    await submitProposal(deps, request.dbContext(), m(request), userOf(request).id, idParam(request), request.body, request.auditActor());
    return 'budget.proposal.submitted';
  }, ['conflict.stale', 'budget.proposals_closed', 'budget.proposal_not_draft']);
  action('popieram', async (request) => {
    const user = resident(request);
    await supportProposal(deps, request.dbContext(), m(request), user.id, idParam(request), request.auditActor());
    return 'budget.proposal.supported';
  }, ['budget.support_closed', 'budget.already_supported', 'budget.residents_only']);
  action('odwolanie', async (request) => {
    await appealVerdict(deps, request.dbContext(), m(request), userOf(request).id, idParam(request), request.body, request.auditActor());
    return 'budget.appeal.filed';
  }, ['conflict.stale', 'budget.appeal_closed']);

  // Staff: the verification desk, a proposal's verification, the appeal's decision.
  app.get<{ Params: EditionParams }>('/:municipality/budzet/:edition/weryfikacja', MANAGE, async (request, reply) => {
    const view = await editionProposals(deps, request.dbContext(), m(request), idParam(request, 'edition'), null, true);
    return reply.header('cache-control', 'no-store').page((c) => <VerificationDeskPage ctx={c} view={view} />);
  });
  const renderVerification = async (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply, form?: FormState, status = 200) => {
    const view = await proposalView(deps, request.dbContext(), m(request), idParam(request), userOf(request).id, true);
    const saved = verificationToValues(view.verification);
    const shown: FormState = form ? { ...form, values: { ...form.values, version: saved.version ?? '' } } : { values: saved, errors: {} };
    return reply.header('cache-control', 'no-store').page((c) => <VerificationPage ctx={c} view={view} form={shown} userId={userOf(request).id} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/budzet/wnioski/:id/weryfikacja', MANAGE, (request, reply) => renderVerification(request, reply));
  const verificationErrors: AppError['code'][] = [
    'conflict.stale', 'budget.own_proposal', 'budget.verification_published', 'budget.verification_incomplete', 'budget.ballot_frozen', 'budget.appeal_not_pending', 'budget.appeal_own_verdict',
  ];
  const staffAction = (path: string, run: (request: FastifyRequest<{ Params: IdParams }>) => Promise<unknown>) =>
    app.post<{ Params: IdParams }>(`/:municipality/budzet/wnioski/:id/${path}`, MANAGE, (request, reply) =>
      submitForm(request, reply, {
        run: async () => {
          const outcome = await run(request);
          if (json(request)) return reply.send({ ok: true, outcome: outcome ?? null });
          return reply.setFlash(request.i18n.t('budget.verification.saved')).redirect(`${proposalUrl(request, idParam(request))}/weryfikacja`, 303);
        },
        rerender: (form, status) => renderVerification(request, reply, form, status),
        formErrors: verificationErrors,
      }),
    );
  staffAction('weryfikacja', (request) => saveVerification(deps, request.dbContext(), m(request), userOf(request).id, idParam(request), request.body, request.auditActor()));
  staffAction('weryfikacja/publikuj', (request) => publishVerification(deps, request.dbContext(), m(request), userOf(request).id, idParam(request), request.body, request.auditActor()));
  staffAction('odwolanie/rozstrzygnij', (request) => decideAppeal(deps, request.dbContext(), m(request), userOf(request).id, idParam(request), request.body, request.auditActor()));

  // Staff: a new edition (until now only imports and the demo made them).
  const renderEdition = (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) =>
    reply.page((c) => <NewEditionPage ctx={c} form={form} />, status);
  app.get<{ Params: Params }>('/:municipality/budzet/nowa-edycja', MANAGE, (request, reply) => renderEdition(request, reply, { values: { appeal_days: '7', ballot_kind: 'approval', rule: 'greedy' }, errors: {} }));
  app.post<{ Params: Params }>('/:municipality/budzet/nowa-edycja', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createEdition(deps.db, request.dbContext(), m(request), request.body, request.auditActor());
        if (json(request)) return reply.code(201).send({ id });
        return reply.setFlash(request.i18n.t('budget.edition.created')).redirect(`${base(request)}/${id}`, 303);
      },
      rerender: (form, status) => renderEdition(request, reply, form, status),
    }),
  );
}
