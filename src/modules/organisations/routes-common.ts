import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import { isStaff } from '../../platform/auth/roles';
import { AppError } from '../../platform/http/errors';
import { versionField } from '../../platform/http/form-fields';
import type { ModuleContext } from '../../platform/module';
import type { Who } from './rights';
import type { OrganisationsDeps } from './service';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };

export const OPEN = { config: { access: PUBLIC } };
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const MANAGE = { config: { access: can('organisations.manage') } };

const uuid = z.uuid();
/** Ids are uuids; anything else is simply not found (never a database error). */
export function idParam(value: string): string {
  if (!uuid.safeParse(value).success) throw new AppError('not_found');
  return value.toLowerCase();
}

export const versionSchema = z.object({ version: versionField() });

export const depsOf = (ctx: ModuleContext): OrganisationsDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export const municipalityOf = (request: FastifyRequest) => request.tenant!.municipality;
export const basePath = (request: FastifyRequest) => `/${request.tenant!.municipality.slug}/organisations`;

/**
 * The person asking, and whether they act as staff: organisations.manage opens leaders' contacts,
 * so (as the guard does for `can()` routes) staff without TOTP enrolled are treated as anyone else.
 */
export function whoIs(request: FastifyRequest): Who {
  const tenant = request.tenant!;
  const mfaMissing = isStaff(tenant.roles) && !request.user!.totp_enabled_at;
  return { userId: request.user!.id, staff: tenant.permissions.has('organisations.manage') && !mfaMissing };
}

export { warsawDay as warsawToday } from '../../platform/i18n';
