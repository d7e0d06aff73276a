import { z } from 'zod';
import net from 'node:net';
import path from 'node:path';

/**
 * Every setting is an environment variable; this is the one place that reads them.
 * The README documents each one.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MIGRATION_DATABASE_URL: z.string().optional(),
  JOBS_KEEP_DONE_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  JOBS_KEEP_FAILED_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  APP_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  // Production without SMTP must say so: mail (invitations, password resets) then never leaves.
  MAIL_DISABLED: z.enum(['true', 'false']).default('false'),
  // GET /metrics answers only a bearer of this token; unset, it is 404.
  METRICS_TOKEN: z.string().min(16).optional(),
  MAIL_FROM: z.string().default('Wspólnota <no-reply@wspolnota.localhost>'),
  TRUST_PROXY: z.string().default('false').transform((v, ctx) => trustProxySetting(v, ctx)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Off in production unless asked for: the demo's accounts share a password printed in the README.
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  // The development mailbox (/dev/mail) only when asked for (`npm start` asks); never in production.
  DEV_MAILBOX: z.enum(['true', 'false']).default('false'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SEARCH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  DOCUMENT_QUOTA_PERSON_MB: z.coerce.number().int().min(1).default(50),
  DOCUMENT_QUOTA_MUNICIPALITY_MB: z.coerce.number().int().min(1).default(20_000),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** The tables' owner for migrations; the app's DATABASE_URL role is then only a member of wspolnota_app. Defaults to DATABASE_URL. */
  migrationDatabaseUrl: string | undefined;
  /** Days finished jobs (sent mail) and jobs failed for good are kept in the outbox. */
  jobsKeepDoneDays: number;
  jobsKeepFailedDays: number;
  /** Signs cookies and encrypts TOTP secrets. Generated and kept in DATA_DIR when not given. */
  appSecret: string | undefined;
  smtpUrl: string | undefined;
  /** MAIL_DISABLED=true: production without SMTP on purpose. */
  mailDisabled: boolean;
  mailFrom: string;
  /** Bearer token of GET /metrics; undefined: /metrics is 404. */
  metricsToken: string | undefined;
  /** Which peers may say who the client is (`X-Forwarded-For`): none, or the proxies at these addresses/CIDRs. Never every peer. */
  trustProxy: false | string[];
  logLevel: string;
  seedDemo: boolean;
  /** Serve /dev/mail (mail without SMTP) — never in production. */
  devMailbox: boolean;
  bodyLimit: number;
  /** How long public search answers are kept (0: not kept); another process's catalogue change shows within it. */
  searchCacheSeconds: number;
  /** Documents kept (not removed) that one resident may have uploaded, and the whole municipality, in bytes. */
  documentQuota: { personBytes: number; municipalityBytes: number };
}

export class ConfigError extends Error {}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (item: string): boolean => {
  if (PROXY_NAMES.has(item)) return true;
  const [address, prefix, ...rest] = item.split('/');
  const family = net.isIP(address ?? '');
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/**
 * TRUST_PROXY: `false`, or the proxies' addresses and CIDRs (and proxy-addr's `loopback`,
 * `linklocal`, `uniquelocal`), comma-separated. `true` would take the left-most `X-Forwarded-For`
 * entry, which any client writes: every per-address limit and the audit's address would be the
 * client's to choose. A hop count is refused too: Fastify 5 trusts no peer for one (it cannot tell the
 * proxy from a client that adds hops), so it would silently put the proxy's address on every request.
 */
function trustProxySetting(value: string, ctx: z.RefinementCtx): false | string[] {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length && items.every(isProxyAddress)) return items;
  ctx.addIssue({
    code: 'custom',
    message:
      v === 'true'
        ? '`true` ufa każdemu (X-Forwarded-For może podrobić każdy klient); podaj adresy lub sieci (CIDR) proxy, np. 10.0.0.5,10.1.0.0/16 albo loopback'
        : /^\d+$/.test(v)
          ? 'liczba pośredników nie wystarcza (Fastify nie ufa wtedy nikomu); podaj adresy lub sieci (CIDR) proxy'
          : 'podaj false albo adresy lub sieci (CIDR) proxy oddzielone przecinkami (np. 10.0.0.5,10.1.0.0/16 albo loopback)',
  });
  return z.NEVER;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Nieprawidłowa konfiguracja (zmienne środowiskowe):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL || undefined,
    jobsKeepDoneDays: e.JOBS_KEEP_DONE_DAYS,
    jobsKeepFailedDays: e.JOBS_KEEP_FAILED_DAYS,
    appSecret: e.APP_SECRET,
    smtpUrl: e.SMTP_URL || undefined,
    mailDisabled: e.MAIL_DISABLED === 'true',
    metricsToken: e.METRICS_TOKEN || undefined,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    seedDemo: (e.SEED_DEMO ?? (e.NODE_ENV === 'production' ? 'false' : 'true')) === 'true',
    devMailbox: e.DEV_MAILBOX === 'true' && e.NODE_ENV !== 'production',
    bodyLimit: e.BODY_LIMIT_BYTES,
    searchCacheSeconds: e.SEARCH_CACHE_SECONDS,
    documentQuota: { personBytes: e.DOCUMENT_QUOTA_PERSON_MB * 1024 * 1024, municipalityBytes: e.DOCUMENT_QUOTA_MUNICIPALITY_MB * 1024 * 1024 },
  };
}

/** The shortest APP_SECRET production accepts, and the fewest different characters in it. */
export const SECRET_MIN_LENGTH = 32;
const SECRET_MIN_DISTINCT = 12;
// Secrets copied from documentation, examples and this repository's own tests and benchmarks.
const PLACEHOLDER_SECRET = /change.?me|zmie[nń].?mnie|example|przyk[lł]ad|placeholder|secret-secret|test-secret|not.for.production|bench-only|^(.)\1+$/i;

/** Why an APP_SECRET is unfit for production, or null when it will do. */
export function weakSecret(secret: string | undefined): string | null {
  if (!secret) return 'nie ustawiony (not set)';
  if (secret.length < SECRET_MIN_LENGTH) return `za krótki: ${secret.length} znaków (too short: ${secret.length} characters)`;
  if (PLACEHOLDER_SECRET.test(secret)) return 'wygląda na przykład z dokumentacji (looks like a documented example)';
  if (new Set(secret).size < SECRET_MIN_DISTINCT) return 'zbyt mało różnych znaków (too few different characters)';
  return null;
}

/**
 * What NODE_ENV=production refuses to start with, every problem at once: each names the variable and what to
 * set, in Polish and then in English. `env` is read as given (SEED_DEMO and DEV_MAILBOX as asked for, before
 * `loadConfig` turns the mailbox off in production). Empty outside production.
 */
export function productionRefusals(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  const secret = weakSecret(env.APP_SECRET || undefined);
  if (secret) {
    problems.push(`APP_SECRET: ${secret}. Ustaw losowy sekret (co najmniej ${SECRET_MIN_LENGTH} znaki), np. \`openssl rand -base64 48\`. ` +
      `/ Set a random secret of at least ${SECRET_MIN_LENGTH} characters, e.g. \`openssl rand -base64 48\`.`);
  }
  if (!env.PUBLIC_URL) {
    problems.push('PUBLIC_URL: brak. Ustaw adres, pod którym mieszkańcy otwierają serwis (np. https://cus.zyrardow.pl): trafia do linków w e-mailach. ' +
      '/ Missing. Set the address residents open (e.g. https://cus.zyrardow.pl): mailed links use it.');
  }
  if (env.SEED_DEMO === 'true') {
    problems.push('SEED_DEMO=true: dane demonstracyjne mają hasło opublikowane w README. Usuń zmienną albo ustaw SEED_DEMO=false. ' +
      '/ The demo data\'s password is published in the README. Remove the variable or set SEED_DEMO=false.');
  }
  if (env.DEV_MAILBOX === 'true') {
    problems.push('DEV_MAILBOX=true: skrzynka deweloperska pokazuje pocztę w przeglądarce. Usuń zmienną albo ustaw DEV_MAILBOX=false. ' +
      '/ The development mailbox shows mail in the browser. Remove the variable or set DEV_MAILBOX=false.');
  }
  if (!env.SMTP_URL && env.MAIL_DISABLED !== 'true') {
    problems.push('SMTP_URL: brak, a poczta nie jest wyłączona. Ustaw SMTP_URL (np. smtps://uzytkownik:haslo@smtp.example.pl:465) ' +
      'albo MAIL_DISABLED=true, jeśli serwis ma działać bez poczty. / Missing, and mail is not disabled. Set SMTP_URL ' +
      '(e.g. smtps://user:password@smtp.example.pl:465) or MAIL_DISABLED=true to run without mail.');
  }
  return problems;
}

/**
 * The server's settings: `loadConfig`, and in production also every refusal of `productionRefusals` — all in one
 * ConfigError, so that one restart after fixing the list is enough.
 */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems = productionRefusals(env);
  let config: Config | undefined;
  let invalid = '';
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    invalid = err.message;
  }
  if (config && problems.length === 0) return config;
  const refusal = problems.length === 0 ? [] : [
    `Odmowa startu (NODE_ENV=production), do poprawienia: ${problems.length} / Refusing to start (NODE_ENV=production), to fix: ${problems.length}`,
    ...problems.map((p) => `  - ${p}`),
  ];
  throw new ConfigError([invalid, ...refusal].filter(Boolean).join('\n'));
}
