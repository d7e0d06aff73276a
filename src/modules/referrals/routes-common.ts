import type { FastifyRequest } from 'fastify';
import type { CaseViewer } from '../cases';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import type { ModuleContext } from '../../platform/module';
import type { ReferralsDeps } from './service-send';
import { tenantOf, userOf } from '../../platform/http/route-context';

export type Params = { municipality: string };
export type CaseParams = Params & { caseId: string };
export type CaseReferralParams = CaseParams & { id: string };
export type OrgParams = Params & { orgId: string };
export type UnitParams = Params & { unitId: string };

export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const MANAGE = { config: { access: can('cases.manage') } };

export const depsOf = (ctx: ModuleContext): ReferralsDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl });
export { municipalityOf } from '../../platform/http/route-context';
export const slugOf = (request: FastifyRequest) => tenantOf(request).municipality.slug;
export const viewerOf = (request: FastifyRequest): CaseViewer => ({ userId: userOf(request).id, permissions: tenantOf(request).permissions });
