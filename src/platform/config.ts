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
  mailFrom: string;
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
