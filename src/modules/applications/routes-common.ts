import type { FastifyRequest } from 'fastify';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import { perPerson } from '../../platform/export/rate';
import { AppError } from '../../platform/http/errors';
import type { ModuleContext } from '../../platform/module';
import type { ApplicationsDeps } from './service-apply';
import { tenantOf } from '../../platform/http/route-context';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };
export type ServiceParams = Params & { serviceId: string };

export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const MANAGE = { config: { access: can('applications.manage') } };
/** Submitting an application: 20 an hour per person (per address before logging in), however many services. */
export const SUBMIT = { config: { access: AUTHENTICATED, rateLimit: perPerson(20, 3_600_000) } };

export const depsOf = (ctx: ModuleContext): ApplicationsDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export { municipalityOf } from '../../platform/http/route-context';
export const basePath = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/applications`;

/** Applying is for people of the municipality (any role; "join as resident" is on its page): others are told so. */
export function requireMember(request: FastifyRequest): void {
  if (tenantOf(request).roles.length === 0) throw new AppError('application.join_first');
}
