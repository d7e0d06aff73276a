import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CaseViewer } from '../cases';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import { AppError } from '../../platform/http/errors';
import type { ModuleContext } from '../../platform/module';
import type { ReferralsDeps } from './service-send';

export type Params = { municipality: string };
export type CaseParams = Params & { caseId: string };
export type CaseReferralParams = CaseParams & { id: string };
export type OrgParams = Params & { orgId: string };
export type UnitParams = Params & { unitId: string };

export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const MANAGE = { config: { access: can('cases.manage') } };

const uuid = z.uuid();
/** Ids are uuids; anything else is simply not found (never a database error). */
export function idParam(value: string): string {
  if (!uuid.safeParse(value).success) throw new AppError('not_found');
  return value.toLowerCase();
}

export const depsOf = (ctx: ModuleContext): ReferralsDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export const municipalityOf = (request: FastifyRequest) => request.tenant!.municipality;
export const slugOf = (request: FastifyRequest) => request.tenant!.municipality.slug;
export const viewerOf = (request: FastifyRequest): CaseViewer => ({ userId: request.user!.id, permissions: request.tenant!.permissions });
