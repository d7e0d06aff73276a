import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import { AppError } from '../../platform/http/errors';
import type { ModuleContext } from '../../platform/module';
import * as grants from './service-grants';
import { GrantPage } from './views';

type M = { municipality: string };
const uuid = z.uuid();

/** Confirming or declining a grant of administrator, director or auditor (review 1 #7). */
export async function grantRoutes(app: FastifyInstance, { db, config }: ModuleContext) {
  const deps = { db, publicUrl: config.publicUrl };
  const manage = { config: { access: can('staff.manage') } };
  const base = (request: FastifyRequest) => `/${request.tenant!.municipality.slug}/staff`;
  const grantId = (value: string) => {
    if (!uuid.safeParse(value).success) throw new AppError('not_found');
    return value;
  };
  const decider = (request: FastifyRequest) => ({ id: request.user!.id, email: request.user!.email });
  const outcomeFlash = { confirmed: 'staff.grant_confirmed', stale: 'staff.grant_stale', declined: 'staff.grant_declined' } as const;

  app.post<{ Params: M & { id: string } }>('/:municipality/staff/grants/:id/confirm', manage, async (request, reply) => {
    const outcome = await grants.confirmGrant(deps, request.dbContext(), request.tenant!.municipality, grantId(request.params.id), decider(request), request.auditActor());
    return reply.setFlash(request.i18n.t(outcomeFlash[outcome])).redirect(base(request), 303);
  });

  app.post<{ Params: M & { id: string } }>('/:municipality/staff/grants/:id/decline', manage, async (request, reply) => {
    await grants.declineGrant(deps, request.dbContext(), request.tenant!.municipality, grantId(request.params.id), decider(request), request.auditActor());
    return reply.setFlash(request.i18n.t('staff.grant_declined')).redirect(base(request), 303);
  });

  // The link mailed to the director(s) when the asker is the only administrator.
  const director = (request: FastifyRequest) => {
    if (!request.user!.totp_enabled_at) throw new AppError('auth.mfa_required');
    return { ...decider(request), roles: request.tenant!.roles };
  };
  app.get<{ Params: M & { token: string } }>('/:municipality/role-grants/:token', { config: { access: AUTHENTICATED } }, async (request, reply) => {
    const grant = await grants.grantForDirector(deps, request.dbContext(), request.tenant!.municipality.id, request.params.token, director(request));
    return reply.page((ctx) => <GrantPage ctx={ctx} grant={grant} token={request.params.token} />);
  });
  app.post<{ Params: M & { token: string } }>('/:municipality/role-grants/:token', { config: { access: AUTHENTICATED } }, async (request, reply) => {
    const confirm = (request.body as { decision?: unknown } | undefined)?.decision !== 'decline';
    const outcome = await grants.decideByToken(deps, request.dbContext(), request.tenant!.municipality, request.params.token, director(request), confirm, request.auditActor());
    return reply.setFlash(request.i18n.t(outcomeFlash[outcome])).redirect(`/${request.tenant!.municipality.slug}`, 303);
  });

}
