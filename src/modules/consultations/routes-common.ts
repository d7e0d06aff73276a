import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import { EXPORT_RATE, perPerson } from '../../platform/export/rate';
import { versionField } from '../../platform/http/form-fields';
import { tenantOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import type { ConsultationsDeps, Viewer } from './service';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };
export type PartParams = IdParams & { partId: string };
export type RemarkParams = IdParams & { remarkId: string };

export const OPEN = { config: { access: PUBLIC } };
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
/** Comments: a person writing remarks now and then, not a script flooding a consultation (20 in 10 minutes, then 429). */
export const COMMENT_RATE = perPerson(20, 10 * 60_000);
export const COMMENTING = { config: { access: AUTHENTICATED, rateLimit: COMMENT_RATE } };
export const MANAGE = { config: { access: can('consultations.manage') } };
/** The report's PDF is public once published; rendering is limited per person as every export. */
export const PDF = { config: { access: PUBLIC, rateLimit: EXPORT_RATE } };

export const versionSchema = z.object({ version: versionField() });

export const depsOf = (ctx: ModuleContext): ConsultationsDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export { municipalityOf } from '../../platform/http/route-context';
export const basePath = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/consultations`;

export const viewerOf = (request: FastifyRequest): Viewer => {
  const tenant = request.tenant;
  return { userId: request.user?.id ?? null, roles: tenant?.roles ?? [], staff: Boolean(tenant?.permissions.has('consultations.manage')) };
};
