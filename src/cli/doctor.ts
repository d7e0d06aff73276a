import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { derivedKey } from '../platform/auth/tokens';
import { loadConfig, productionRefusals, weakSecret, type Config } from '../platform/config';
import { readMigrations } from '../platform/db/migrate';
import { openDatabase } from '../platform/db/open';
import type { Database } from '../platform/db/types';
import { openPayload } from '../platform/jobs/seal';
import { databaseFacts, pendingPayloads } from './repository-doctor';

export const DOCTOR_HELP = `  npm run cli -- doctor
      sprawdza wdrożenie: baza (silnik, wersja, role, migracje), poczta, proxy, sekrety, dysk, klucz kolejki;
      nie wypisuje sekretów; kod wyjścia 1, gdy coś blokuje produkcję`;

/** ok: in order; note: worth knowing; warn: works, but should be fixed; block: production must not run like this. */
export type Level = 'ok' | 'note' | 'warn' | 'block';
export interface Finding {
  area: string;
  level: Level;
  text: string;
}

const MARK: Record<Level, string> = { ok: 'OK     ', note: 'INFO   ', warn: 'UWAGA  ', block: 'BLOKUJE' };
const MIN_FREE_BYTES = 2 * 1024 ** 3;
const SMTP_TIMEOUT_MS = 5_000;

/** A URL with its password (and a token in the query) replaced, for printing. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) if (/pass|secret|token|key/i.test(key)) url.searchParams.set(key, '***');
    return url.toString();
  } catch {
    return '(nieczytelny adres / unreadable URL)';
  }
}

function settingsFindings(env: NodeJS.ProcessEnv, config: Config): Finding[] {
  const found: Finding[] = [];
  found.push(env.NODE_ENV === 'production'
    ? { area: 'tryb', level: 'ok', text: 'NODE_ENV=production' }
    : { area: 'tryb', level: 'block', text: `NODE_ENV=${env.NODE_ENV ?? '(brak)'}: ustaw NODE_ENV=production (set NODE_ENV=production)` });
  // What the server would refuse in production, whatever NODE_ENV says now.
  for (const problem of productionRefusals({ ...env, NODE_ENV: 'production' })) found.push({ area: 'start', level: 'block', text: problem });
  const secret = weakSecret(config.appSecret);
  if (!secret) found.push({ area: 'sekrety', level: 'ok', text: `APP_SECRET ustawiony, ${config.appSecret!.length} znaków (set, length OK)` });
  found.push(config.metricsToken
    ? { area: 'sekrety', level: 'ok', text: `METRICS_TOKEN ustawiony, ${config.metricsToken.length} znaków: /metrics włączone (set: /metrics on)` }
    : { area: 'monitoring', level: 'note', text: 'METRICS_TOKEN nieustawiony: /metrics wyłączone (404) (unset: /metrics off)' });
  found.push({ area: 'adres', level: 'note', text: `PUBLIC_URL ${config.publicUrl}` });
  if (config.publicUrl.startsWith('http://') && env.PUBLIC_URL) {
    found.push({ area: 'adres', level: 'warn', text: 'PUBLIC_URL bez https: ciasteczka sesji nie mają flagi Secure (cookies are not Secure without https)' });
  }
  found.push(config.trustProxy
    ? { area: 'proxy', level: 'ok', text: `TRUST_PROXY=${config.trustProxy.join(',')}: adres klienta z X-Forwarded-For tylko od tych proxy (client address from these proxies only)` }
    : { area: 'proxy', level: config.publicUrl.startsWith('https://') ? 'warn' : 'note',
      text: 'TRUST_PROXY=false: adres klienta to adres połączenia; za odwrotnym proxy podaj jego adres, inaczej limity liczą wszystkich razem ' +
        '(behind a reverse proxy set its address, or every limit counts everyone together)' });
  return found;
}

async function mailFindings(config: Config): Promise<Finding[]> {
  if (!config.smtpUrl) {
    // Without MAIL_DISABLED the production refusals above already name SMTP_URL.
    return config.mailDisabled ? [{ area: 'poczta', level: 'warn', text: 'MAIL_DISABLED=true: poczta nie wychodzi (zaproszenia, reset hasła) (mail is off)' }] : [];
  }
  const shown = maskUrl(config.smtpUrl);
  const withTimeouts = new URL(config.smtpUrl);
  for (const name of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) withTimeouts.searchParams.set(name, String(SMTP_TIMEOUT_MS));
  const transport = nodemailer.createTransport(withTimeouts.toString());
  try {
    await transport.verify();
    return [{ area: 'poczta', level: 'ok', text: `SMTP ${shown} odpowiada i przyjmuje logowanie (answers)` }];
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(config.smtpUrl, shown) : String(err);
    return [{ area: 'poczta', level: 'block', text: `SMTP ${shown} nie odpowiada lub odrzuca logowanie (unreachable or refused): ${reason}` }];
  } finally {
    transport.close();
  }
}

async function diskFindings(config: Config): Promise<Finding[]> {
  // The data folder (PGlite, app-secret, backups) may not exist yet; its nearest existing parent tells the disk.
  let dir = config.dataDir;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const s = await fs.promises.statfs(dir);
  const free = s.bavail * s.bsize;
  const share = s.blocks ? free / (s.blocks * s.bsize) : 0;
  const text = `${(free / 1024 ** 3).toFixed(1)} GiB wolne (free), ${Math.round(share * 100)}% dysku z ${config.dataDir}`;
  return [{ area: 'dysk', level: free < MIN_FREE_BYTES || share < 0.1 ? 'warn' : 'ok', text }];
}

async function databaseFindings(db: Database, config: Config): Promise<Finding[]> {
  const found: Finding[] = [];
  const facts = await databaseFacts(db);
  const engine = db.engine === 'pglite' ? `PGlite (wbudowana, ${config.dataDir})` : `PostgreSQL ${maskUrl(config.databaseUrl!)}`;
  const major = Math.floor(facts.versionNum / 10_000);
  found.push({ area: 'baza', level: major >= 15 ? 'ok' : 'block', text: `${engine}: ${facts.version.split(' on ')[0]}${major >= 15 ? '' : ' — wymagany PostgreSQL ≥ 15 (required)'}` });
  if (facts.notAppMember) {
    const name = config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).username) : '…';
    found.push({ area: 'role', level: 'block', text: `DATABASE_URL loguje się jako ${name}, który nie jest członkiem wspolnota_app: żadne żądanie się nie wykona. ` +
      `Jako superużytkownik: GRANT wspolnota_app TO ${name}; (the app login must be a member of wspolnota_app)` });
    return found;
  }
  if (!facts.migrated || !facts.login) {
    found.push({ area: 'migracje', level: 'note', text: `pusta baza: ${readMigrations().length} migracji wykona pierwszy start (empty database: the first start migrates it)` });
    return found;
  }
  const login = facts.login;
  if (db.engine === 'pglite') {
    found.push({ area: 'baza', level: 'note', text: 'PGlite: jeden proces; dla wielu instancji i kopii w trakcie pracy przenieś bazę do PostgreSQL (`npm run cli -- move`)' });
  } else if (login.superuser || login.bypassRls) {
    found.push({ area: 'role', level: 'block', text: `DATABASE_URL loguje się jako ${login.name}, który ${login.superuser ? 'jest superużytkownikiem' : 'ma BYPASSRLS'}: ` +
      'izolacja gmin (RLS) jest do obejścia. Użyj roli bez tych uprawnień, członka wspolnota_app (a role without them, member of wspolnota_app)' });
  } else if (facts.tableOwner === login.name) {
    found.push({ area: 'role', level: 'warn', text: `DATABASE_URL loguje się jako właściciel tabel (${login.name}): ustaw MIGRATION_DATABASE_URL na właściciela, ` +
      'a DATABASE_URL na rolę będącą tylko członkiem wspolnota_app (the app login should not own the tables)' });
  } else {
    found.push({ area: 'role', level: 'ok', text: `aplikacja: ${login.name}, właściciel tabel: ${facts.tableOwner ?? '(brak tabel)'} (app login is not the owner)` });
  }
  const files = readMigrations();
  const applied = new Map(facts.appliedMigrations.map((m) => [m.name, m.checksum]));
  const pending = files.filter((f) => !applied.has(f.name)).map((f) => f.name);
  const changed = files.filter((f) => applied.has(f.name) && applied.get(f.name) !== f.checksum).map((f) => f.name);
  const unknown = facts.appliedMigrations.filter((m) => !files.some((f) => f.name === m.name)).map((m) => m.name);
  const summary = `migracje: ${applied.size} zastosowanych z ${files.length} plików (applied of files)`;
  if (changed.length || unknown.length) {
    found.push({ area: 'migracje', level: 'block', text: `${summary}; zmienione po zastosowaniu (changed): ${changed.join(', ') || '—'}; ` +
      `nieznane tej wersji — baza nowsza niż kod (newer than the code): ${unknown.join(', ') || '—'}` });
  } else {
    found.push({ area: 'migracje', level: pending.length ? 'note' : 'ok',
      text: pending.length ? `${summary}; oczekujące (pending, applied at the next start): ${pending.join(', ')}` : summary });
  }
  found.push(...(await sealFindings(db, config)));
  return found;
}

/** Mail waiting in the outbox is sealed under APP_SECRET: a changed secret would leave it unreadable. */
async function sealFindings(db: Database, config: Config): Promise<Finding[]> {
  const secret = config.appSecret ?? readKeptSecret(config);
  if (!secret) return [{ area: 'klucz kolejki', level: 'note', text: 'brak APP_SECRET: nie sprawdzono zapieczętowanych zadań (no secret, sealed jobs not checked)' }];
  const key = derivedKey(secret, 'outbox');
  const jobs = await pendingPayloads(db);
  const sealed = jobs.filter((j) => typeof j.payload.sealed === 'string');
  const unreadable = sealed.filter((j) => {
    try {
      openPayload(key, j.queue, j.payload);
      return false;
    } catch {
      return true;
    }
  }).length;
  if (unreadable) {
    return [{ area: 'klucz kolejki', level: 'block', text: `${unreadable} z ${sealed.length} zapieczętowanych zadań nie otwiera się obecnym APP_SECRET: ` +
      'przywróć poprzedni sekret, zanim wyślą się (sealed jobs do not open with this APP_SECRET; restore the previous one)' }];
  }
  return [{ area: 'klucz kolejki', level: 'ok', text: `${sealed.length} zapieczętowanych zadań w kolejce otwiera się obecnym APP_SECRET (sealed jobs open)` }];
}

function readKeptSecret(config: Config): string | undefined {
  try {
    return fs.readFileSync(path.join(config.dataDir, 'app-secret'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Everything the doctor finds; opens the database read-only in effect (no migration, no seed). */
export async function examine(env: NodeJS.ProcessEnv = process.env): Promise<Finding[]> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    return [{ area: 'konfiguracja', level: 'block', text: err instanceof Error ? err.message : String(err) }];
  }
  const found = settingsFindings(env, config);
  found.push(...(await mailFindings(config)), ...(await diskFindings(config)));
  let db: Database | undefined;
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) {
    found.push({ area: 'baza', level: 'note', text: `PGlite: brak bazy w ${config.dataDir} — powstanie przy pierwszym starcie (none yet; the first start creates it)` });
    return found;
  }
  try {
    db = await openDatabase(config);
    found.push(...(await databaseFindings(db, config)));
  } catch (err) {
    found.push({ area: 'baza', level: 'block', text: `nie można otworzyć bazy (cannot open the database): ${(err instanceof Error ? err.message : String(err)).replaceAll(config.databaseUrl ?? '\u0000', maskUrl(config.databaseUrl ?? ''))}` });
  } finally {
    await db?.close();
  }
  return found;
}

export function report(found: Finding[]): string {
  const blocking = found.filter((f) => f.level === 'block').length;
  return [
    ...found.map((f) => `${MARK[f.level]} ${f.area.padEnd(14)} ${f.text}`),
    '',
    blocking
      ? `Blokuje produkcję: ${blocking} (blocking production: ${blocking}). Zob. docs/operations.md.`
      : 'Nic nie blokuje produkcji (nothing blocks production).',
  ].join('\n');
}

/** `doctor`: prints the findings; exit code 1 when any blocks production. */
export async function doctorCommand(): Promise<number> {
  const found = await examine();
  process.stdout.write(`${report(found)}\n`);
  return found.some((f) => f.level === 'block') ? 1 : 0;
}
