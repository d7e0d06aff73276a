import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module';

export async function eligibilityRoutes(_app: FastifyInstance, _ctx: ModuleContext): Promise<void> {}
