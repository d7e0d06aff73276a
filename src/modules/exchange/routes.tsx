import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/access';
import { confirmedAction } from '../../platform/http/confirm';
import { submitForm } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { municipalityOf, userOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import type { FormState } from '../../platform/ui/context';
import { parseDelegateForm, parseGroupForm, parseInviteForm, parseJoinForm, parsePlanForm, parseRoundForm, parseSharingForm } from './form';
import { addDelegate, comparison, createGroup, groupView, home, invite, join, leave, leaveView, openRound, savePlan, setSharing, shareRound, type Actor, type ExchangeDeps } from './service';
import { ComparisonPage, GroupPage, HomePage, LeavePage, type Forms } from './views';

type Params = { municipality: string };
type IdParams = Params & { id: string };
// Staff of the municipality see its groups; delegates (checked in the service) compare and share; directors and administrators act for it.
const TAKE_PART = { config: { access: can('exchange.take_part') } };
const MANAGE = { config: { access: can('exchange.manage') } };

/** Exchange groups, sharing consent, rounds and comparisons (issue 20, ADR 0036). */
export async function exchangeRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps: ExchangeDeps = { db: ctx.db };
  const m = (request: FastifyRequest) => municipalityOf(request).id;
  const base = (request: FastifyRequest) => `/${municipalityOf(request).slug}/wymiana`;
  const manager = (request: FastifyRequest) => Boolean(request.tenant?.permissions.has('exchange.manage'));
  const actor = (request: FastifyRequest): Actor => ({ userId: userOf(request).id, manager: manager(request), audit: request.auditActor() });

  const renderHome = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const view = await home(deps, request.dbContext(), m(request));
    return reply.page((c) => <HomePage ctx={c} view={view} manager={manager(request)} form={form} />, status);
  };
  app.get<{ Params: Params }>('/:municipality/wymiana', TAKE_PART, (request, reply) => renderHome(request, reply));
  app.post<{ Params: Params }>('/:municipality/wymiana/grupy', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await createGroup(deps, request.dbContext(), m(request), parseGroupForm(request.body), actor(request));
        return reply.setFlash(request.i18n.t('exchange.created_done')).redirect(`${base(request)}/grupy/${id}`, 303);
      },
      rerender: (form, status) => renderHome(request, reply, form, status),
    }),
  );

  const renderGroup = async (request: FastifyRequest, reply: FastifyReply, forms?: Forms, status = 200) => {
    const view = await groupView(deps, request.dbContext(), m(request), idParam(request), userOf(request).id);
    return reply.page((c) => <GroupPage ctx={c} view={view} manager={manager(request)} forms={forms} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/wymiana/grupy/:id', TAKE_PART, (request, reply) => renderGroup(request, reply));

  /** A form of the group page: run, then back to the group with a flash; a refusal re-renders the page with that form's errors. */
  const groupForm = (name: keyof Forms, flash: Parameters<FastifyRequest['i18n']['t']>[0], run: (request: FastifyRequest<{ Params: IdParams }>, id: string) => Promise<void>) =>
    (request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) =>
      submitForm(request, reply, {
        run: async () => {
          const id = idParam(request);
          await run(request, id);
          return reply.setFlash(request.i18n.t(flash)).redirect(`${base(request)}/grupy/${id}`, 303);
        },
        rerender: (form, status) => renderGroup(request, reply, { [name]: form }, status),
        formErrors: name === 'sharing' ? ['conflict.stale'] : [],
      });

  app.post<{ Params: IdParams }>(
    '/:municipality/wymiana/grupy/:id/zaproszenia',
    MANAGE,
    groupForm('invite', 'exchange.invited_done', (request, id) => invite(deps, request.dbContext(), m(request), id, parseInviteForm(request.body).slug, actor(request))),
  );
  app.post<{ Params: IdParams }>(
    '/:municipality/wymiana/grupy/:id/przystapienie',
    MANAGE,
    groupForm('join', 'exchange.joined_done', (request, id) => join(deps, request.dbContext(), m(request), id, parseJoinForm(request.body).population, actor(request))),
  );
  // Leaving asks first (ui/confirm.tsx): what stops crossing, and how to come back.
  const leaving = confirmedAction<FastifyRequest<{ Params: IdParams }>>({
    page: async (request, reply, form, status) => {
      const view = await leaveView(deps, request.dbContext(), m(request), idParam(request));
      return reply.page((c) => <LeavePage ctx={c} group={view.group} convener={view.convener} form={form} />, status);
    },
    run: async (request, reply) => {
      await leave(deps, request.dbContext(), m(request), idParam(request), actor(request));
      return reply.setFlash(request.i18n.t('exchange.left_done')).redirect(base(request), 303);
    },
    formErrors: ['exchange.convener_stays'],
  });
  app.get<{ Params: IdParams }>('/:municipality/wymiana/grupy/:id/wystapienie', MANAGE, leaving.get);
  app.post<{ Params: IdParams }>('/:municipality/wymiana/grupy/:id/wystapienie', MANAGE, leaving.post);
  app.post<{ Params: IdParams }>(
    '/:municipality/wymiana/grupy/:id/delegaci',
    MANAGE,
    groupForm('delegate', 'exchange.delegate_done', (request, id) => addDelegate(deps, request.dbContext(), m(request), id, parseDelegateForm(request.body).user_id, actor(request))),
  );
  app.post<{ Params: IdParams }>(
    '/:municipality/wymiana/grupy/:id/udostepnianie',
    MANAGE,
    groupForm('sharing', 'exchange.sharing_done', (request, id) => {
      const input = parseSharingForm(request.body);
      return setSharing(deps, request.dbContext(), m(request), id, input.indicators, input.version, actor(request));
    }),
  );
  app.post<{ Params: IdParams }>('/:municipality/wymiana/grupy/:id/rundy', MANAGE, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const id = await openRound(deps, request.dbContext(), m(request), idParam(request), parseRoundForm(request.body), actor(request));
        return reply.setFlash(request.i18n.t('exchange.round_done')).redirect(`${base(request)}/grupy/${idParam(request)}#r-${id}`, 303);
      },
      rerender: (form, status) => renderGroup(request, reply, { round: form }, status),
    }),
  );

  // The comparison of a round: the municipality's delegates to the group only (service).
  const renderComparison = async (request: FastifyRequest, reply: FastifyReply, planForm?: FormState, status = 200) => {
    const view = await comparison(deps, request.dbContext(), m(request), idParam(request), userOf(request).id);
    return reply.page((c) => <ComparisonPage ctx={c} view={view} planForm={planForm} />, status);
  };
  app.get<{ Params: IdParams }>('/:municipality/wymiana/rundy/:id', TAKE_PART, (request, reply) => renderComparison(request, reply));
  // The municipality's improvement plan after the round: its delegates write it (service).
  app.post<{ Params: IdParams }>('/:municipality/wymiana/rundy/:id/plan', TAKE_PART, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        await savePlan(deps, request.dbContext(), m(request), idParam(request), parsePlanForm(request.body), actor(request));
        return reply.setFlash(request.i18n.t('exchange.plan_saved')).redirect(`${base(request)}/rundy/${idParam(request)}#plan`, 303);
      },
      rerender: (form, status) => renderComparison(request, reply, form, status),
      formErrors: ['conflict.stale'],
    }),
  );
  app.post<{ Params: IdParams }>('/:municipality/wymiana/rundy/:id/wyniki', TAKE_PART, async (request, reply) => {
    const id = idParam(request);
    await shareRound(deps, request.dbContext(), m(request), id, actor(request));
    return reply.setFlash(request.i18n.t('exchange.shared_done')).redirect(`${base(request)}/rundy/${id}`, 303);
  });
}
