import type { Permission } from './roles';

/**
 * Every route declares who may call it in `config.access`; the app refuses to start with a route
 * that declares nothing, and a test walks all routes to prove it.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  /** Requires a role in the municipality named by the route's `:municipality` parameter. */
  | { kind: 'permission'; permission: Permission }
  /** Development aids (the outbox page): only with DEV_MAILBOX=true, no SMTP server configured, and not in production. */
  | { kind: 'development' };

export const PUBLIC: Access = { kind: 'public' };
export const AUTHENTICATED: Access = { kind: 'authenticated' };
export const DEVELOPMENT: Access = { kind: 'development' };
export const can = (permission: Permission): Access => ({ kind: 'permission', permission });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
