import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { Access } from '../auth/access';
import { isStaff, opensPersonalData } from '../auth/roles';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardOptions {
  /** Development aids (the dev mailbox) are served only when this is true. */
  developmentAids: boolean;
}

/**
 * The one place that decides who may call a route. Registration fails for a route without an
 * access rule; each request is checked against its rule, then against CSRF if it changes state.
 */
export const guard = fp(async (app: FastifyInstance, opts: GuardOptions) => {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access).`);
    if (access.kind === 'permission' && !route.url.includes(':municipality')) {
      throw new Error(`Route ${route.url} needs a permission but has no :municipality parameter to scope it.`);
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config?.access as Access | undefined;
    if (!access) throw new AppError('not_found');
    checkAccess(request, access, opts);
    const config = request.routeOptions.config;
    if (!SAFE_METHODS.has(request.method) && config?.bare !== true && config?.tokenInUrl !== true) {
      await verifyCsrf(app, request, reply);
    }
  });
});

function checkAccess(request: FastifyRequest, access: Access, opts: GuardOptions): void {
  const slug = (request.params as { municipality?: string } | undefined)?.municipality;
  if (slug !== undefined && !request.tenant) throw new AppError('not_found');
  switch (access.kind) {
    case 'public':
      return;
    case 'development':
      if (!opts.developmentAids) throw new AppError('not_found');
      return;
    case 'authenticated':
      if (!request.user) throw new AppError('auth.required');
      return;
    case 'permission': {
      if (!request.user) throw new AppError('auth.required');
      const tenant = request.tenant;
      if (!tenant || !tenant.permissions.has(access.permission)) throw new AppError('auth.forbidden');
      if (opensPersonalData(access.permission) && isStaff(tenant.roles) && !request.user.totp_enabled_at) {
        throw new AppError('auth.mfa_required');
      }
      return;
    }
  }
}

function verifyCsrf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => {
    app.csrfProtection(request, reply, (err?: Error) => (err ? reject(new AppError('csrf.invalid', { cause: err })) : resolve()));
  });
}
