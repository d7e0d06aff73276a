import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import { AppError } from '../../platform/http/errors';
import type { ModuleContext } from '../../platform/module';
import type { CarePlansDeps, Where } from './service-common';

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

const uuid = z.uuid();
/** Ids are uuids; anything else is simply not found (never a database error). */
export function idParam(value: string | undefined): string {
  if (value === undefined || !uuid.safeParse(value).success) throw new AppError('not_found');
  return value.toLowerCase();
}

export const depsOf = (ctx: ModuleContext): CarePlansDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export const municipalityOf = (request: FastifyRequest) => request.tenant!.municipality;

/** Whose request, on which case: what every staff service takes. */
export function whereOf(request: FastifyRequest<{ Params: CaseParams }>): Where {
  return {
    municipalityId: request.tenant!.municipality.id,
    caseId: idParam(request.params.caseId),
    viewer: { userId: request.user!.id, permissions: request.tenant!.permissions },
  };
}

export const planPath = (request: FastifyRequest<{ Params: CaseParams }>, planId?: string) =>
  `/${request.tenant!.municipality.slug}/cases/${idParam(request.params.caseId)}/plan${planId ? `/${planId}` : ''}`;
