import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import { AppError } from '../../platform/http/errors';
import { wantsJson } from '../../platform/http/error-handler';
import { versionField } from '../../platform/http/form-fields';
import { formValues } from '../../platform/http/forms';
import type { ModuleContext } from '../../platform/module';
import type { FormState } from '../../platform/ui/context';
import type { Viewer } from './service-bookings';
import type { VenuesDeps } from './service';
import { tenantOf } from '../../platform/http/route-context';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };

export const OPEN = { config: { access: PUBLIC } };
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const MANAGE = { config: { access: can('venues.manage') } };

export const versionSchema = z.object({ version: versionField() });

export const depsOf = (ctx: ModuleContext): VenuesDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export { municipalityOf } from '../../platform/http/route-context';
export const basePath = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/venues`;

/**
 * The person looking, and whether they may see who booked what: venues.manage opens personal data,
 * so (as the guard requires on staff routes) only with TOTP enrolled — also on public pages.
 */
export const viewerOf = (request: FastifyRequest): Viewer => ({
  userId: request.user?.id ?? null,
  staff: Boolean(request.user?.totp_enabled_at) && tenantOf(request).permissions.has('venues.manage'),
});

/**
 * A slot someone else holds (`venue.room_taken`): a form shows it where the date was typed, with
 * everything typed kept, status 409; JSON gets the error as it is.
 */
export async function keepTypedOnConflict(
  request: FastifyRequest,
  run: () => Promise<FastifyReply | void>,
  rerender: (form: FormState, status: number) => FastifyReply | Promise<FastifyReply>,
): Promise<FastifyReply | void> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'venue.room_taken' || wantsJson(request)) throw err;
    return rerender({ values: formValues(request.body), errors: err.fields ?? {} }, err.status);
  }
}
