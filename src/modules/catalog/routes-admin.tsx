import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module';

export async function adminRoutes(_app: FastifyInstance, _ctx: ModuleContext): Promise<void> {}
