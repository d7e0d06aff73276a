import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from './errors';

const uuid = z.uuid();
const positiveInteger = z.string().regex(/^[1-9]\d{0,14}$/).transform(Number);

/**
 * An id from the address, as a uuid lower-cased. Anything else — missing, malformed, a number — is
 * not_found (404): nothing with that address exists, and the database never sees a value it would refuse.
 */
export function uuidParam(value: unknown): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw new AppError('not_found');
  return parsed.data.toLowerCase();
}

/** The route parameter `name` (`/:id`, `/:caseId`) as a uuid; see uuidParam. */
export const idParam = (request: FastifyRequest, name = 'id'): string => uuidParam(paramOf(request, name));

/** The route parameter `name` as a positive whole number (a serial id); anything else is not_found. */
export function numberParam(request: FastifyRequest, name = 'id'): number {
  const parsed = positiveInteger.safeParse(paramOf(request, name));
  if (!parsed.success) throw new AppError('not_found');
  return parsed.data;
}

const paramOf = (request: FastifyRequest, name: string): unknown => (request.params as Record<string, unknown> | undefined)?.[name];
