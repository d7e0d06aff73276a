import type { FastifyRequest } from 'fastify';
import type { UserRow } from '../auth/repository';
import type { MunicipalityRow } from '../tenancy/repository';
import { AppError } from './errors';
import type { Tenant } from './request-context';

/**
 * The municipality of a route under `/:municipality` and the person signed in, typed as present.
 * The guard has already refused a request without them (an unknown municipality is 404, nobody signed
 * in on an `authenticated` or `permission` route is auth.required); on a route that promises neither,
 * these refuse the same way rather than hand a handler a null.
 */
export function tenantOf(request: FastifyRequest): Tenant {
  if (!request.tenant) throw new AppError('not_found');
  return request.tenant;
}

export const municipalityOf = (request: FastifyRequest): MunicipalityRow => tenantOf(request).municipality;

export function userOf(request: FastifyRequest): UserRow {
  if (!request.user) throw new AppError('auth.required');
  return request.user;
}
