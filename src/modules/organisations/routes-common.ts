import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import { isStaff } from '../../platform/auth/roles';
import { versionField } from '../../platform/http/form-fields';
import type { ModuleContext } from '../../platform/module';
import type { Who } from './rights';
import type { OrganisationsDeps } from './service';
import { tenantOf, userOf } from '../../platform/http/route-context';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };

export const OPEN = { config: { access: PUBLIC } };
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const MANAGE = { config: { access: can('organisations.manage') } };

export const versionSchema = z.object({ version: versionField() });

export const depsOf = (ctx: ModuleContext): OrganisationsDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export { municipalityOf } from '../../platform/http/route-context';
export const basePath = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/organisations`;

/**
 * The person asking, and whether they act as staff: organisations.manage opens leaders' contacts,
 * so (as the guard does for `can()` routes) staff without TOTP enrolled are treated as anyone else.
 */
export function whoIs(request: FastifyRequest): Who {
  const tenant = tenantOf(request);
  const mfaMissing = isStaff(tenant.roles) && !userOf(request).totp_enabled_at;
  return { userId: userOf(request).id, staff: tenant.permissions.has('organisations.manage') && !mfaMissing };
}

export { warsawDay as warsawToday } from '../../platform/time';
