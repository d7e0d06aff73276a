import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, PUBLIC } from '../../platform/auth/access';
import { versionField } from '../../platform/http/form-fields';
import type { ModuleContext } from '../../platform/module';
import { MOVES } from './domain';
import type { ActionPlanDeps } from './service';
import { tenantOf } from '../../platform/http/route-context';

export type Params = { municipality: string };
export type PlanParams = Params & { id: string };
export type GoalParams = PlanParams & { goalId: string };
export type ActionParams = PlanParams & { actionId: string };

export const OPEN = { config: { access: PUBLIC } };
export const MANAGE = { config: { access: can('action_plan.manage') } };
/** Rendering a PDF takes a noticeable slice of CPU: per address, at most this many a minute. */
export const PDF = { config: { access: PUBLIC, rateLimit: { max: 20, timeWindow: 60_000 } } };

export const versionSchema = z.object({ version: versionField() });
export const moveSchema = z.object({ move: z.enum(MOVES) });

export const depsOf = (ctx: ModuleContext): ActionPlanDeps => ({ db: ctx.db });
export { municipalityOf } from '../../platform/http/route-context';
export const plansPath = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/action-plans`;
/** Whether the person holds action_plan.manage here (sees drafts, edits). */
export const isStaff = (request: FastifyRequest) => request.tenant?.permissions.has('action_plan.manage') ?? false;
