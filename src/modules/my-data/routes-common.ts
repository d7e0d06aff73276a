import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUTHENTICATED, can } from '../../platform/auth/access';
import type { Config } from '../../platform/config';
import type { Database } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { ModuleContext } from '../../platform/module';
import type { CaseViewer } from '../cases';
import { tenantOf, userOf } from '../../platform/http/route-context';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };

/** A document's download and removal: anyone signed in; the handler decides whose it is. */
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
/**
 * The resident's own pages ("Moje sprawy"): people of the municipality (any role), found from their
 * account alone. Someone who does not belong here has nothing here, and is told how to join.
 */
export const MEMBER = {
  config: { access: AUTHENTICATED },
  preHandler: async (request: FastifyRequest) => {
    if (tenantOf(request).roles.length === 0) throw new AppError('my_data.join_first');
  },
};
export const APPLICATIONS_STAFF = { config: { access: can('applications.manage') } };
export const CASES_STAFF = { config: { access: can('cases.manage') } };

export interface MyDataDeps {
  db: Database;
  publicUrl: string;
  documentQuota: Config['documentQuota'];
  /** Every module's part of a person's data (the kernel's collector): what a download holds. */
  personalData: ModuleContext['personalData'];
}

export const depsOf = (ctx: ModuleContext): MyDataDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl, documentQuota: ctx.config.documentQuota, personalData: ctx.personalData });
export { municipalityOf } from '../../platform/http/route-context';
export const myBase = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/my`;
export const viewerOf = (request: FastifyRequest): CaseViewer => ({ userId: userOf(request).id, permissions: tenantOf(request).permissions });

export const isId = (value: unknown): value is string => typeof value === 'string' && z.uuid().safeParse(value).success;
