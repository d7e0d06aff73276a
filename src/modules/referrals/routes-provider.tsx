import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { idParam, uuidParam } from '../../platform/http/params';
import { submitForm } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { PROVIDER_ACTIONS, providerActionsFor, type ProviderRef } from './domain';
import { parseDelivery, parseStatusChange } from './form';
import { inboxPath } from './provider';
import { depsOf, MANAGE, municipalityOf, SIGNED_IN, slugOf, viewerOf, type Params } from './routes-common';
import { recordDelivery } from './service-deliveries';
import { inboxes, providerInbox, providerReferral } from './service-read';
import { changeStatus } from './service-status';
import { InboxesPage, InboxPage } from './views/inbox';
import { ProviderReferralView, type ProviderFormName } from './views/provider';
import { RejectReferralPage } from './views/reject';
import { isConfirmed } from '../../platform/http/confirm';


type InboxParams = Params & { orgId?: string; unitId?: string };
type ItemParams = InboxParams & { id: string };

/** Errors shown on the form that failed rather than on an error page. */
const ON_FORM = ['conflict.stale', 'referral.invalid_transition', 'referral.not_active', 'referral.consent_withdrawn'] as const;

/**
 * One family of inbox routes: an organisation's (its members, signed in) or a unit's (staff of its
 * teams, or approvers of plans; TOTP as for every personal data).
 */
function inboxRoutes(app: FastifyInstance, ctx: ModuleContext, prefix: string, access: typeof SIGNED_IN, providerOf: (p: InboxParams) => ProviderRef): void {
  const deps = depsOf(ctx);

  app.get<{ Params: InboxParams }>(prefix, access, async (request, reply) => {
    const p = providerOf(request.params);
    const data = await providerInbox(deps, request.dbContext(), municipalityOf(request), viewerOf(request), p, request.auditActor());
    return reply.header('cache-control', 'no-store').page((c) => <InboxPage ctx={c} data={data} base={inboxPath(slugOf(request), p)} />);
  });

  const render = async (request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply, form: FormState = emptyForm(), formName: ProviderFormName | null = null, stale = false, status = 200) => {
    const p = providerOf(request.params);
    const id = idParam(request);
    const data = await providerReferral(deps, request.dbContext(), municipalityOf(request), viewerOf(request), p, id, request.auditActor());
    const inbox = inboxPath(slugOf(request), p);
    return reply
      .header('cache-control', 'no-store')
      .page((c) => <ProviderReferralView ctx={c} data={data} base={`${inbox}/${id}`} inbox={inbox} form={form} formName={formName} stale={stale} />, status);
  };

  app.get<{ Params: ItemParams }>(`${prefix}/:id`, access, (request, reply) => render(request, reply));

  const post = (name: ProviderFormName, act: (request: FastifyRequest<{ Params: ItemParams }>, p: ProviderRef, id: string) => Promise<string>) =>
    app.post<{ Params: ItemParams }>(`${prefix}/:id/${name === 'delivery' ? 'deliveries' : name}`, access, (request, reply) => {
      let stale = false;
      return submitForm(request, reply, {
        run: async () => {
          const p = providerOf(request.params);
          const id = idParam(request);
          let flash: string;
          try {
            flash = await act(request, p, id);
          } catch (err) {
            stale = err instanceof AppError && err.code === 'conflict.stale';
            throw err;
          }
          return reply.setFlash(flash).redirect(`${inboxPath(slugOf(request), p)}/${id}`, 303);
        },
        rerender: (form, status) => render(request, reply, form, name, stale, status),
        formErrors: [...ON_FORM],
      });
    });

  // Rejecting asks first (ui/confirm.tsx), with the reason typed on that page. Stale, closed meanwhile or the consent
  // withdrawn: back on the referral's page, which shows what changed; anything else: the confirmation again.
  const renderReject = async (request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const p = providerOf(request.params);
    const id = idParam(request);
    const data = await providerReferral(deps, request.dbContext(), municipalityOf(request), viewerOf(request), p, id, request.auditActor());
    if (status === 200 && (!data.referral.shared || !(providerActionsFor(data.referral.status) as string[]).includes('reject'))) throw new AppError('referral.invalid_transition');
    const base = `${inboxPath(slugOf(request), p)}/${id}`;
    return reply.header('cache-control', 'no-store').page((c) => <RejectReferralPage ctx={c} data={data} base={base} form={form} />, status);
  };
  app.get<{ Params: ItemParams }>(`${prefix}/:id/reject`, access, (request, reply) => renderReject(request, reply));
  app.post<{ Params: ItemParams }>(`${prefix}/:id/reject`, access, (request, reply) => {
    let onPage: 'stale' | 'referral' | null = null;
    return submitForm(request, reply, {
      run: async () => {
        const p = providerOf(request.params);
        const id = idParam(request);
        const input = { ...parseStatusChange('reject', request.body), confirmed: isConfirmed(request.body) };
        try {
          await changeStatus(deps, request.dbContext(), municipalityOf(request), viewerOf(request), { kind: 'provider', provider: p }, id, 'reject', input, request.auditActor());
        } catch (err) {
          const code = err instanceof AppError ? err.code : null;
          onPage = code === 'conflict.stale' ? 'stale' : code === 'referral.invalid_transition' || code === 'referral.consent_withdrawn' ? 'referral' : null;
          throw err;
        }
        return reply.setFlash(request.i18n.t('referrals.changed.reject')).redirect(`${inboxPath(slugOf(request), p)}/${id}`, 303);
      },
      rerender: (form, status) => (onPage ? render(request, reply, form, 'reject', onPage === 'stale', status) : renderReject(request, reply, form, status)),
      formErrors: [...ON_FORM, 'confirmation.required'],
    });
  });

  for (const action of PROVIDER_ACTIONS) {
    if (action === 'reject') continue;
    post(action, async (request, p, id) => {
      const input = parseStatusChange(action, request.body);
      await changeStatus(deps, request.dbContext(), municipalityOf(request), viewerOf(request), { kind: 'provider', provider: p }, id, action, input, request.auditActor());
      return request.i18n.t(`referrals.changed.${action}`);
    });
  }
  post('delivery', async (request, p, id) => {
    const input = parseDelivery(request.body);
    await recordDelivery(deps, request.dbContext(), municipalityOf(request), viewerOf(request), p, id, input, request.auditActor());
    return request.i18n.t('referrals.changed.delivery');
  });
}

/** The providers' inboxes: organisations of the registry and units of the centre; and the list of one's inboxes. */
export async function providerRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  inboxRoutes(app, ctx, '/:municipality/organisations/:orgId/referrals', SIGNED_IN, (p) => ({ kind: 'organisation', id: uuidParam(p.orgId!) }));
  inboxRoutes(app, ctx, '/:municipality/referrals/units/:unitId', MANAGE, (p) => ({ kind: 'unit', id: uuidParam(p.unitId!) }));

  app.get<{ Params: Params }>('/:municipality/referrals/inbox', SIGNED_IN, async (request, reply) => {
    const list = await inboxes(depsOf(ctx), request.dbContext(), municipalityOf(request), viewerOf(request));
    return reply.page((c) => <InboxesPage ctx={c} inboxes={list} />);
  });
}
