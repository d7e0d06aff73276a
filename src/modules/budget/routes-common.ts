import type { FastifyRequest } from 'fastify';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import { EXPORT_RATE } from '../../platform/export/rate';
import type { ModuleContext } from '../../platform/module';
import { budgetKey } from './domain';

export type Params = { municipality: string };
export type EditionParams = Params & { edition: string };
export type PoolParams = EditionParams & { pool: string };

export const OPEN = { config: { access: PUBLIC } };
export const DOWNLOAD = { config: { access: PUBLIC, rateLimit: EXPORT_RATE } };
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const COUNT = { config: { access: can('budget.count') } };

export interface BudgetDeps {
  db: ModuleContext['db'];
  /** The key of the voters' keyed hashes (from APP_SECRET through the module links' key). */
  voterKey: Buffer;
}
export const depsOf = (ctx: ModuleContext): BudgetDeps => ({ db: ctx.db, voterKey: budgetKey(ctx.linkKey) });
export const isStaff = (request: FastifyRequest) => Boolean(request.tenant?.permissions.has('budget.manage'));
export const canCount = (request: FastifyRequest) => Boolean(request.tenant?.permissions.has('budget.count'));
