import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import { AppError } from '../../platform/http/errors';
import { idParam } from '../../platform/http/params';
import { tenantOf, userOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import * as grants from './service-grants';
import { GrantPage } from './views';
import { DeclineGrantPage } from './views-confirm';
import { confirmedAction } from '../../platform/http/confirm';

type M = { municipality: string };

/** Confirming or declining a grant of administrator, director or auditor (review 1 #7). */
export async function grantRoutes(app: FastifyInstance, { db, config }: ModuleContext) {
  const deps = { db, publicUrl: config.publicUrl };
  const manage = { config: { access: can('staff.manage') } };
  const base = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/staff`;
  const decider = (request: FastifyRequest) => ({ id: userOf(request).id, email: userOf(request).email });
  const outcomeFlash = { confirmed: 'staff.grant_confirmed', stale: 'staff.grant_stale', declined: 'staff.grant_declined' } as const;

  app.post<{ Params: M & { id: string } }>('/:municipality/staff/grants/:id/confirm', manage, async (request, reply) => {
    const outcome = await grants.confirmGrant(deps, request.dbContext(), tenantOf(request).municipality, idParam(request), decider(request), request.auditActor());
    return reply.setFlash(request.i18n.t(outcomeFlash[outcome])).redirect(base(request), 303);
  });

  // Declining (or withdrawing one's own request): the staff list links to the confirmation page.
  const declining = confirmedAction<FastifyRequest<{ Params: M & { id: string } }>>({
    page: async (request, reply, form, status) => {
      const grant = await grants.grantToDecline(deps, request.dbContext(), tenantOf(request).municipality.id, idParam(request), decider(request));
      return reply.page((ctx) => <DeclineGrantPage ctx={ctx} grant={grant} asked={grant.requested_by === userOf(request).id} form={form} />, status);
    },
    run: async (request, reply) => {
      await grants.declineGrant(deps, request.dbContext(), tenantOf(request).municipality, idParam(request), decider(request), request.auditActor());
      return reply.setFlash(request.i18n.t('staff.grant_declined')).redirect(base(request), 303);
    },
  });
  app.get<{ Params: M & { id: string } }>('/:municipality/staff/grants/:id/decline', manage, declining.get);
  app.post<{ Params: M & { id: string } }>('/:municipality/staff/grants/:id/decline', manage, declining.post);

  // The link mailed to the director(s) when the asker is the only administrator.
  const director = (request: FastifyRequest) => {
    if (!userOf(request).totp_enabled_at) throw new AppError('auth.mfa_required');
    return { ...decider(request), roles: tenantOf(request).roles };
  };
  app.get<{ Params: M & { token: string } }>('/:municipality/role-grants/:token', { config: { access: AUTHENTICATED } }, async (request, reply) => {
    const grant = await grants.grantForDirector(deps, request.dbContext(), tenantOf(request).municipality.id, request.params.token, director(request));
    return reply.page((ctx) => <GrantPage ctx={ctx} grant={grant} token={request.params.token} />);
  });
  app.post<{ Params: M & { token: string } }>('/:municipality/role-grants/:token', { config: { access: AUTHENTICATED } }, async (request, reply) => {
    const confirm = (request.body as { decision?: unknown } | undefined)?.decision !== 'decline';
    const outcome = await grants.decideByToken(deps, request.dbContext(), tenantOf(request).municipality, request.params.token, director(request), confirm, request.auditActor());
    return reply.setFlash(request.i18n.t(outcomeFlash[outcome])).redirect(`/${tenantOf(request).municipality.slug}`, 303);
  });

}
