import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/types';
import type { NavItem } from './http/request-context';
import type { JobHandler } from './jobs/outbox';
import type { Mailer } from './mail/mailer';

/** What every module receives: the kernel's services, nothing of other modules. */
export interface ModuleContext {
  config: Config;
  db: Database;
  mailer: Mailer;
  /**
   * A key derived from APP_SECRET for links a module must be able to send again (an invitation's
   * answer link in a reminder): such a token is an HMAC of the record's id, and only its hash is stored.
   */
  linkKey: Buffer;
}

/**
 * A module's face to the app (its index.ts exports one): routes, the links it adds to a
 * municipality's navigation, and the background jobs it handles.
 */
export interface AppModule {
  name: string;
  routes: (app: FastifyInstance, ctx: ModuleContext) => Promise<void>;
  navigation?: NavItem[];
  jobs?: (ctx: ModuleContext) => Record<string, JobHandler>;
}
