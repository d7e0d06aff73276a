import type { FastifyRequest } from 'fastify';
import { AUTHENTICATED, PUBLIC, can } from '../../platform/auth/access';
import type { ModuleContext } from '../../platform/module';
import type { MeetingsDeps } from './service';
import { tenantOf, userOf } from '../../platform/http/route-context';

export type Params = { municipality: string };
export type IdParams = Params & { id: string };
export type TokenParams = Params & { token: string };

export const OPEN = { config: { access: PUBLIC } };
/** The JSON answer: the token in the address is the credential (no session is used, so no CSRF to check). */
export const TOKEN_API = { config: { access: PUBLIC, tokenInUrl: true } };
export const SIGNED_IN = { config: { access: AUTHENTICATED } };
export const MANAGE = { config: { access: can('meetings.manage') } };

export const depsOf = (ctx: ModuleContext): MeetingsDeps => ({ db: ctx.db, publicUrl: ctx.config.publicUrl, linkKey: ctx.linkKey, mailFrom: ctx.config.mailFrom });
export { municipalityOf } from '../../platform/http/route-context';
export const basePath = (request: FastifyRequest) => `/${tenantOf(request).municipality.slug}/meetings`;
export const personOf = (request: FastifyRequest) => ({ id: userOf(request).id, email: userOf(request).email });
