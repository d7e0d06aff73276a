import type { FastifyRequest } from 'fastify';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import type { CarePlansDeps, Where } from './service-common';
import { tenantOf, userOf } from '../../platform/http/route-context';


export type CaseParams = { municipality: string; caseId: string };
export type PlanParams = CaseParams & { planId: string };
export type ItemParams = PlanParams & { itemId: string };

/** Every staff route: cases.manage, then the case's need-to-know (requireCaseAccess) in the service. */
export const MANAGE = { config: { access: can('cases.manage') } };
/** Rendering a PDF takes a noticeable slice of CPU: per address, at most this many a minute. */
export const MANAGE_PDF = { config: { access: can('cases.manage'), rateLimit: { max: 20, timeWindow: 60_000 } } };
/** The resident's own plans: anyone signed in sees the plans of the cases whose resident they are (nobody else's). */
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const SIGNED_IN_PDF = { config: { access: AUTHENTICATED, rateLimit: { max: 20, timeWindow: 60_000 } } };

export const depsOf = (ctx: ModuleContext): CarePlansDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export { municipalityOf } from '../../platform/http/route-context';

/** Whose request, on which case: what every staff service takes. */
export function whereOf(request: FastifyRequest<{ Params: CaseParams }>): Where {
  return {
    municipalityId: tenantOf(request).municipality.id,
    caseId: idParam(request, 'caseId'),
    viewer: { userId: userOf(request).id, permissions: tenantOf(request).permissions },
  };
}

export const planPath = (request: FastifyRequest<{ Params: CaseParams }>, planId?: string) =>
  `/${tenantOf(request).municipality.slug}/cases/${idParam(request, 'caseId')}/plan${planId ? `/${planId}` : ''}`;
