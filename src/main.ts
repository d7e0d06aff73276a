import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import { buildApp } from './app';
import { loadServerConfig } from './platform/config';
import { printsBanner, refuseWorkersOnPglite, runPrimary, workerCount } from './platform/cluster';
import { migrate } from './platform/db/migrate';
import { openDatabase } from './platform/db/open';
import type { Database } from './platform/db/types';
import { createMailer } from './platform/mail/mailer';
import { resolveAppSecret } from './platform/secret';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsWithDemoPassword, seedDemo } from './seed/demo';

/** start: config → database → migrations → demo seed → app → listen; SIGTERM/SIGINT close cleanly. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadServerConfig();
  const appSecret = resolveAppSecret(config);
  const db = await openDatabase(config);
  let closing = false;
  try {
    const applied = await migrate(db);
    const seeded = config.seedDemo ? await seedDemo(db) : false;
    if (config.env === 'production') await refuseDemoPasswords(db);
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db });
    const { app } = await buildApp({
      config,
      db,
      mailer,
      appSecret,
      logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    });

    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      const force = setTimeout(() => {
        app.log.error('shutdown took over 15 s; exiting');
        process.exit(1);
      }, 15_000);
      try {
        await app.close();
        mailer.close();
        await db.close();
        clearTimeout(force);
        process.exit(0);
      } catch (err) {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      }
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));

    await app.listen({ host: config.host, port: config.port });
    if (!printsBanner()) return;
    const ms = Math.round(performance.now() - started);
    const engine = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite w ${config.dataDir}`;
    console.log(`\nWspólnota działa: ${config.publicUrl}  (baza: ${engine}; start w ${ms} ms${applied.length ? `, migracje: ${applied.join(', ')}` : ''})`);
    if (seeded || config.seedDemo) {
      console.log(`Gmina demonstracyjna: ${config.publicUrl}/zyrardow`);
      console.log(`Konta demonstracyjne (hasło: ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(32)} ${a.roles.join(', ')}`);
      console.log('Pracownicy włączają logowanie dwuetapowe (TOTP) przy pierwszym wejściu na stronę z danymi osobowymi.');
    }
    if (!config.smtpUrl) {
      console.log(config.devMailbox
        ? `Bez SMTP poczta trafia do: ${config.publicUrl}/dev/mail\n`
        : 'Bez SMTP poczta nie wychodzi (strona /dev/mail włącza się tylko z DEV_MAILBOX=true poza produkcją).\n');
    }
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/** Production does not start while an account opens with the password the README publishes. */
async function refuseDemoPasswords(db: Database): Promise<void> {
  const open = await demoAccountsWithDemoPassword(db);
  if (open.length === 0) return;
  throw new Error(
    [
      'Odmowa startu (NODE_ENV=production): konta demonstracyjne mają wciąż hasło opublikowane w README:',
      ...open.map((e) => `  ${e}`),
      'Zablokuj je poleceniem `npm run cli -- demo lock` (losowe hasła, koniec sesji; na PGlite przy zatrzymanym serwerze)',
      'albo zmień ich hasła, i nie ustawiaj SEED_DEMO=true w produkcji. Potem uruchom ponownie.',
    ].join('\n'),
  );
}

function start(): void {
  const workers = workerCount(process.env.WORKERS);
  refuseWorkersOnPglite(workers, process.env.DATABASE_URL);
  if (workers > 1 && cluster.isPrimary) runPrimary(workers, (line) => console.log(line));
  else void main().catch(fail);
}

function fail(err: unknown): never {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

try {
  start();
} catch (err) {
  fail(err);
}
