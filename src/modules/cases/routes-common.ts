import type { FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/access';
import type { Database } from '../../platform/db/types';
import type { ModuleContext } from '../../platform/module';
import type { CaseViewer } from './access';
import { tenantOf, userOf } from '../../platform/http/route-context';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };

export interface CasesDeps {
  db: Database;
}

export const MANAGE = { config: { access: can('cases.manage') } };
export const CONFIGURE = { config: { access: can('cases.configure') } };
export const AUDIT = { config: { access: can('audit.read') } };

export const depsOf = (ctx: ModuleContext): CasesDeps => ({ db: ctx.db });
export { municipalityOf } from '../../platform/http/route-context';
export const casesPath = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/cases`;

/** Who is asking, as need-to-know sees them: the person and their permissions in this municipality. */
export function viewerOf(request: FastifyRequest): CaseViewer {
  return { userId: userOf(request).id, permissions: tenantOf(request).permissions };
}
