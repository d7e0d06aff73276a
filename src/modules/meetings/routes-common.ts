import type { FastifyRequest } from 'fastify';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import { AppError } from '../../platform/http/errors';
import type { ModuleContext } from '../../platform/module';
import type { MeetingsDeps } from './service';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };
export type TokenParams = Params & { token: string };

export const OPEN = { config: { access: PUBLIC } };
/** The JSON answer: the token in the address is the credential (no session is used, so no CSRF to check). */
export const TOKEN_API = { config: { access: PUBLIC, tokenInUrl: true } };
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const MANAGE = { config: { access: can('meetings.manage') } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are uuids; anything else is simply not found (never a database error). */
export function idParam(value: string): string {
  if (!UUID.test(value)) throw new AppError('not_found');
  return value.toLowerCase();
}

export const depsOf = (ctx: ModuleContext): MeetingsDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl, linkKey: ctx.linkKey });
export const municipalityOf = (request: FastifyRequest) => request.tenant!.municipality;
export const basePath = (request: FastifyRequest) => `/${request.tenant!.municipality.slug}/meetings`;
export const personOf = (request: FastifyRequest) => ({ id: request.user!.id, email: request.user!.email });
