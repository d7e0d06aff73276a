import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules } from './modules';
import { PUBLIC, type Access } from './platform/auth/access';
import { authRoutes } from './platform/auth/routes';
import { authJobs } from './platform/auth/service';
import { derivedKey } from './platform/auth/tokens';
import { SecretBox } from './platform/auth/totp';
import type { Config } from './platform/config';
import type { Database } from './platform/db/types';
import { NO_CONTEXT } from './platform/db/types';
import { answerFrameworkError, registerErrorHandling } from './platform/http/error-handler';
import { withLogRedaction } from './platform/http/log-redaction';
import { registerWellFormedInput } from './platform/http/well-formed';
import { guard } from './platform/http/guard';
import { requestContext } from './platform/http/request-context';
import { startWorker, type Worker } from './platform/jobs/outbox';
import { MAIL_QUEUE, type MailMessage, type Mailer } from './platform/mail/mailer';
import { devMailboxRoutes } from './platform/mail/routes';
import { collectAnonymiseCases, collectPersonalData, type ModuleContext } from './platform/module';

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

export interface AppDeps {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** Signs cookies and seals TOTP secrets. */
  appSecret: string;
  logger?: FastifyServerOptions['logger'];
  /** Tests drive the job worker by hand (`worker.drain()`). */
  workerAutostart?: boolean;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
}

export interface App {
  app: FastifyInstance;
  worker: Worker;
  /** Every registered route with its access rule (the route-walking tests use it). */
  routes: RouteInfo[];
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, db, mailer } = deps;
  const secureCookies = config.publicUrl.startsWith('https://');
  const app = Fastify({
    logger: withLogRedaction(deps.logger),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: answerFrameworkError,
  });

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access: route.config?.access });
  });

  // On close, Node keeps a keep-alive connection whose request was in flight open for keepAliveTimeout
  // (72 s), past main's 15 s shutdown limit: tell clients to hang up and reap connections as they go idle.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    if (!app.server.listening) return;
    const reaper = setInterval(() => app.server.closeIdleConnections(), 100).unref();
    app.server.once('close', () => clearInterval(reaper));
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"], 'script-src': ["'self'"] },
    },
    strictTransportSecurity: secureCookies,
  });
  await app.register(cookie, { secret: deps.appSecret });
  await app.register(csrf, {
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, signed: true },
  });
  await app.register(formbody, { bodyLimit: config.bodyLimit });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, serve: false });

  const moduleContext: ModuleContext = { config, db, mailer, linkKey: derivedKey(deps.appSecret, 'module-links'), personalData: collectPersonalData(modules), anonymiseCases: collectAnonymiseCases(modules) };
  const developmentAids = mailer.kind === 'dev-mailbox' && config.devMailbox;
  registerWellFormedInput(app);
  await app.register(guard, { developmentAids });
  await app.register(requestContext, { db, secureCookies, navigation: modules.flatMap((m) => m.navigation ?? []) });
  registerErrorHandling(app);

  app.get('/healthz', { config: { access: PUBLIC, bare: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: PUBLIC, bare: true } }, async (_request, reply) => {
    try {
      await db.tx(NO_CONTEXT, (sql) => sql.query('SELECT 1'));
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get<{ Params: { '*': string } }>('/static/*', { config: { access: PUBLIC, bare: true } }, (request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').sendFile(request.params['*']),
  );

  const secretBox = new SecretBox(deps.appSecret);
  await app.register(authRoutes, { deps: { db, publicUrl: config.publicUrl, secretBox }, secureCookies });
  await app.register(devMailboxRoutes, { db });
  for (const mod of modules) {
    await app.register(async (scope) => mod.routes(scope, moduleContext));
  }

  const handlers = Object.assign(
    { [MAIL_QUEUE]: async (payload: Record<string, unknown>) => mailer.send(payload as unknown as MailMessage) },
    authJobs({ db, publicUrl: config.publicUrl, secretBox }),
    ...modules.map((m) => m.jobs?.(moduleContext) ?? {}),
  );
  const worker = startWorker(db, handlers, app.log, {
    autostart: deps.workerAutostart !== false,
    sealKey: derivedKey(deps.appSecret, 'outbox'),
    keep: { doneDays: config.jobsKeepDoneDays, failedDays: config.jobsKeepFailedDays },
  });
  app.addHook('onClose', async () => {
    await worker.stop();
  });

  await app.ready();
  return { app, worker, routes };
}
