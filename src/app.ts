import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import compress from '@fastify/compress';
import { constants as zlibConstants } from 'node:zlib';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import crypto from 'node:crypto';
import path from 'node:path';
import { modules as appModules } from './modules';
import { PUBLIC, type Access } from './platform/auth/access';
import { PURGE_THROTTLES_SCHEDULE, throttleJobs } from './platform/auth/attempts';
import { authRoutes } from './platform/auth/routes';
import { authJobs } from './platform/auth/service';
import { derivedKey } from './platform/auth/tokens';
import { SecretBox } from './platform/auth/totp';
import type { Config } from './platform/config';
import { openChannels } from './platform/db/notify';
import type { Database } from './platform/db/types';
import { NO_CONTEXT } from './platform/db/types';
import { answerFrameworkError, registerErrorHandling } from './platform/http/error-handler';
import { withLogRedaction } from './platform/http/log-redaction';
import { registerWellFormedInput } from './platform/http/well-formed';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { guard } from './platform/http/guard';
import { databaseRateLimitStore } from './platform/http/rate-limit-store';
import { requestContext } from './platform/http/request-context';
import { startWorker, type Worker } from './platform/jobs/outbox';
import { createScheduler, scheduledHandlers, type Scheduler } from './platform/jobs/scheduler';
import { MAIL_QUEUE, type MailMessage, type Mailer } from './platform/mail/mailer';
import { devMailboxRoutes } from './platform/mail/routes';
import { createMetrics, registerKernelMetrics, registerMetricsRoutes } from './platform/metrics';
import { collectAuditSubjects } from './platform/audit/subjects';
import { collectAnonymiseCases, collectPersonalData, collectSchedules, collectStartCards, installModules, type AppModule, type ModuleContext } from './platform/module';
import { PROJECT_ROOT } from './platform/paths';

const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');

export interface AppDeps {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** Signs cookies and seals TOTP secrets. */
  appSecret: string;
  logger?: FastifyServerOptions['logger'];
  /** Tests drive the job worker by hand (`worker.drain()`). */
  workerAutostart?: boolean;
  /** The modules to run (every module of the app by default). */
  modules?: readonly AppModule[];
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
}

export interface App {
  app: FastifyInstance;
  worker: Worker;
  /** Adds each schedule's next run unless it is there (done at start when the worker runs by itself). */
  scheduler: Scheduler;
  /** Every registered route with its access rule (the route-walking tests use it). */
  routes: RouteInfo[];
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, db, mailer } = deps;
  const modules = deps.modules ?? appModules;
  installModules(modules);
  const schedules = [...collectSchedules(modules), PURGE_THROTTLES_SCHEDULE];
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

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"], 'script-src': ["'self'"] },
    },
    strictTransportSecurity: secureCookies,
  });
  // Brotli at a middling quality (11, the default, costs far more CPU for a few per cent; 4 half of 5's for
  // 3 % more bytes); zip, PDF, XLSX and images are left alone (their types are not compressible), bodies under
  // 1 KB too. A body up to 64 KB is compressed in one call rather than through streams (whose machinery cost
  // more than the compression of a 15 KB page of JSON; docs/performance.md, the write path).
  await app.register(compress, {
    encodings: ['br', 'gzip'], threshold: 1024, syncThreshold: 64 * 1024, brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie, { secret: deps.appSecret });
  await app.register(csrf, {
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, signed: true },
  });
  await app.register(formbody, { bodyLimit: config.bodyLimit });
  // Several processes share PostgreSQL, so their limits are counted there; PGlite has one process.
  await app.register(rateLimit, { global: false, ...(db.engine === 'postgres' ? { store: databaseRateLimitStore(db) } : {}) });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, serve: false });

  const channels = openChannels(db, app.log);
  const metrics = createMetrics();
  const kernelMetrics = registerKernelMetrics(metrics, db);
  const moduleContext: ModuleContext = { config, db, mailer, channels, metrics, linkKey: derivedKey(deps.appSecret, 'module-links'), personalData: collectPersonalData(modules), anonymiseCases: collectAnonymiseCases(modules), startCards: collectStartCards(modules), auditSubjects: collectAuditSubjects(modules) };
  const developmentAids = mailer.kind === 'dev-mailbox' && config.devMailbox;
  registerWellFormedInput(app);
  await app.register(guard, { developmentAids });
  await app.register(requestContext, { db, secureCookies, navigation: modules.flatMap((m) => m.navigation ?? []) });
  registerErrorHandling(app);
  registerMetricsRoutes(app, metrics, config.metricsToken);

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
  app.get('/favicon.ico', { config: { access: PUBLIC, bare: true } }, (_request, reply) => reply.header('cache-control', 'public, max-age=86400').sendFile('favicon.ico'));

  const secretBox = new SecretBox(deps.appSecret);
  await app.register(authRoutes, { deps: { db, publicUrl: config.publicUrl, secretBox }, secureCookies });
  await app.register(devMailboxRoutes, { db });
  for (const mod of modules) {
    await app.register(async (scope) => mod.routes(scope, moduleContext));
  }

  const handlers = Object.assign(
    { [MAIL_QUEUE]: (payload: Record<string, unknown>) => mailer.send(payload as unknown as MailMessage).catch((err: unknown) => { kernelMetrics.mailFailed(); throw err; }) },
    authJobs({ db, publicUrl: config.publicUrl, secretBox }),
    throttleJobs(db),
    ...modules.map((m) => m.jobs?.(moduleContext) ?? {}),
  );
  const worker = startWorker(db, scheduledHandlers(db, schedules, handlers), app.log, {
    autostart: deps.workerAutostart !== false,
    sealKey: derivedKey(deps.appSecret, 'outbox'),
    keep: { doneDays: config.jobsKeepDoneDays, failedDays: config.jobsKeepFailedDays },
  });
  app.addHook('onClose', async () => {
    await worker.stop();
    await channels.close();
  });
  await channels.start();

  await app.ready();
  const scheduler = createScheduler(db, schedules);
  if (deps.workerAutostart !== false) await scheduler.ensure();
  return { app, worker, scheduler, routes };
}
