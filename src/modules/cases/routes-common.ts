import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/auth/access';
import type { Database } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { ModuleContext } from '../../platform/module';
import type { CaseViewer } from './access';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };

export interface CasesDeps {
  db: Database;
}

export const MANAGE = { config: { access: can('cases.manage') } };
export const CONFIGURE = { config: { access: can('cases.configure') } };
export const AUDIT = { config: { access: can('audit.read') } };

const uuid = z.uuid();
/** Ids are uuids; anything else is simply not found (never a database error). */
export function idParam(value: unknown): string {
  if (typeof value !== 'string' || !uuid.safeParse(value).success) throw new AppError('not_found');
  return value.toLowerCase();
}

export const depsOf = (ctx: ModuleContext): CasesDeps => ({ db: ctx.db });
export const municipalityOf = (request: FastifyRequest) => request.tenant!.municipality;
export const casesPath = (request: FastifyRequest) => `/${request.tenant!.municipality.slug}/cases`;

/** Who is asking, as need-to-know sees them: the person and their permissions in this municipality. */
export function viewerOf(request: FastifyRequest): CaseViewer {
  return { userId: request.user!.id, permissions: request.tenant!.permissions };
}
