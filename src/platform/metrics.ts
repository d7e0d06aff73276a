import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { PUBLIC } from './auth/access';
import type { Database } from './db/types';
import { queueStats, type QueueStats } from './jobs/repository-metrics';

/**
 * The process's Prometheus metrics (GET /metrics). One registry per app, so that tests building several
 * apps in one process do not share counters. Modules register their own series through `ModuleContext.metrics`
 * (the kernel never imports a module); every name starts with `wspolnota_`.
 */
export interface Metrics {
  readonly registry: Registry;
  counter<L extends string>(name: string, help: string, labelNames?: readonly L[]): Counter<L>;
  /**
   * A gauge read when scraped: `read` sets its values (it may query the database). Under `WORKERS=N` the
   * processes' values are added up (`sum`, for what each process holds: its pool) or the largest taken
   * (`max`, for what every process reads alike from the database: the job queues).
   */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], read: (gauge: Gauge<L>) => Promise<void> | void, across?: 'sum' | 'max'): Gauge<L>;
}

const PREFIX = 'wspolnota_';

export function createMetrics(opts: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const named = (name: string) => {
    if (!name.startsWith(PREFIX)) throw new Error(`metric ${name} must start with ${PREFIX}`);
    return name;
  };
  return {
    registry,
    counter: (name, help, labelNames = []) => new Counter({ name: named(name), help, labelNames: [...labelNames], registers: [registry] }),
    gauge: (name, help, labelNames, read, across = 'sum') =>
      new Gauge({
        name: named(name),
        help,
        labelNames: [...labelNames],
        registers: [registry],
        aggregator: across,
        async collect() {
          await read(this);
        },
      }),
  };
}

const sameToken = (given: string, expected: string): boolean => {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/**
 * Request durations by route pattern (`/:municipality/cases/:id`, never the URL with its ids) and status class,
 * and GET /metrics for a bearer of `token`. Without a token there is no /metrics at all (404).
 */
export function registerMetricsRoutes(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  const durations = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from the request to the response, by route pattern, method and status class',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    durations.observe({ method: request.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });
  if (!token) return;
  // Under WORKERS=N this process answers the primary's requests for its series; a scrape reaching any
  // worker is answered with the whole group's (collected by the primary: clusterMetricsOnPrimary).
  if (cluster.isWorker) {
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([metrics.registry]);
  }
  app.get('/metrics', { config: { access: PUBLIC, bare: true } }, async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!given || !sameToken(given, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').send({ error: { code: 'auth.required', message: 'Wymagany token (Authorization: Bearer …) / Bearer token required' } });
    }
    let text: string;
    try {
      text = cluster.isWorker ? await groupMetrics() : await metrics.registry.metrics();
    } catch {
      return reply.code(503).send({ error: { code: 'metrics.unavailable', message: 'Nie udało się zebrać metryk procesów serwera; spróbuj ponownie / The server processes\' metrics could not be collected; try again' } });
    }
    return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(text);
  });
}

const ASK = 'wspolnota:metrics';
const ANSWER = 'wspolnota:metrics-answer';
let asked = 0;

/** A worker asks the primary for the series of every worker, added up (prom-client's AggregatorRegistry). */
function groupMetrics(): Promise<string> {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the primary did not answer')), 10_000);
    const onMessage = (message: { type?: string; id?: number; text?: string; error?: string }) => {
      if (message?.type !== ANSWER || message.id !== id) return;
      done(message.error === undefined ? undefined : new Error(message.error), message.text);
    };
    const done = (err: Error | undefined, text?: string) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (err) reject(err);
      else resolve(text ?? '');
    };
    process.on('message', onMessage);
    process.send!({ type: ASK, id });
  });
}

/** The primary of WORKERS=N: answers a worker's ask with every live worker's series, aggregated. */
export function clusterMetricsOnPrimary(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: ANSWER, id: message.id, text }),
      (err: unknown) => worker.isConnected() && worker.send({ type: ANSWER, id: message.id, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}

/**
 * The kernel's own series: the database pool (PostgreSQL), the job queues' depth and oldest due job (read from
 * the outbox when scraped), and mail the transport refused. Returns what the mail job calls on a failure.
 */
export function registerKernelMetrics(metrics: Metrics, db: Database): { mailFailed(): void } {
  const stats = db.poolStats?.bind(db);
  if (stats) {
    metrics.gauge('wspolnota_db_pool_connections', 'Connections of the request pool by state (max: DATABASE_POOL_SIZE)', ['state'], (g) => {
      const s = stats();
      g.set({ state: 'max' }, s.max);
      g.set({ state: 'open' }, s.total);
      g.set({ state: 'idle' }, s.idle);
      g.set({ state: 'busy' }, s.total - s.idle);
    });
    metrics.gauge('wspolnota_db_pool_waiting', 'Transactions waiting for a free connection of the pool', [], (g) => g.set(stats().waiting));
  }
  // One read of the outbox serves the three queue gauges of one scrape.
  let reading: Promise<QueueStats[]> | null = null;
  const read = () => (reading ??= queueStats(db).finally(() => setImmediate(() => (reading = null))));
  const perQueue = (name: string, help: string, value: (q: QueueStats) => number) =>
    metrics.gauge(name, help, ['queue'], async (g) => {
      g.reset();
      for (const q of await read()) g.set({ queue: q.queue }, value(q));
    }, 'max');
  perQueue('wspolnota_jobs_pending', 'Jobs waiting in the outbox (not done, not failed for good), by queue', (q) => q.pending);
  perQueue('wspolnota_jobs_oldest_due_seconds', 'How long the longest-waiting due job has waited past its time, by queue', (q) => q.oldestDueSeconds);
  perQueue('wspolnota_jobs_failed', 'Jobs failed for good and still kept, by queue', (q) => q.failed);
  const mailFailures = metrics.counter('wspolnota_mail_failures_total', 'Mail the transport (SMTP) refused or could not take; the job is tried again later');
  return { mailFailed: () => mailFailures.inc() };
}
