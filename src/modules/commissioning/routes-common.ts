import type { FastifyRequest } from 'fastify';
import { municipalityOf } from '../../platform/http/route-context';
import type { Viewer } from './service';

/** What every commissioning handler asks of its request: the municipality, the section's address, who is asking. */
export const municipalityIdOf = (request: FastifyRequest) => municipalityOf(request).id;
export const grantsPath = (request: FastifyRequest) => `/${municipalityOf(request).slug}/grants`;
export const viewerOf = (request: FastifyRequest): Viewer => ({
  userId: request.user?.id ?? null,
  email: request.user?.email ?? '',
  staff: Boolean(request.tenant?.permissions.has('commissioning.manage')),
});
